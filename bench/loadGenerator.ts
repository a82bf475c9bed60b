import http from 'node:http';

/** One HTTP answer as the load generator saw it. */
export interface LoadResponse {
  status: number;
  body: string;
}

/** A closed-loop run: `concurrency` clients each send the next request as soon as their last one is answered. */
export interface LoadPlan {
  /** Base URL of the server under load; must be on the loopback interface. */
  url: string;
  path: string;
  concurrency: number;
  /** Requests to send in all; the run stops early only when `maxSeconds` is reached. */
  requests: number;
  maxSeconds: number;
  /** The JSON body of request number `index` (0-based, unique within the run). */
  body: (index: number) => unknown;
  /** Says what is wrong with an answer, or undefined when it is the expected one. */
  check?: (response: LoadResponse, index: number) => string | undefined;
}

/** Latencies of the requests that succeeded, and what went wrong with the others. */
export interface LoadResult {
  latenciesMs: number[];
  errors: string[];
  seconds: number;
  /** Indexes of the requests that succeeded, so callers can match them with what the connector received. */
  succeeded: number[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Sends `plan.requests` POSTs with `plan.concurrency` in flight, over keep-alive connections (as the
 * Bot Connector does), timing each from the first byte written to the last byte of the answer.
 */
export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const target = new URL(plan.path, plan.url);
  // The bench must never load anything but the processes it started on this machine.
  if (!LOOPBACK.has(target.hostname)) throw new Error(`the load generator only talks to loopback, not ${target.hostname}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency });
  const result: LoadResult = { latenciesMs: [], errors: [], seconds: 0, succeeded: [] };
  const deadline = performance.now() + plan.maxSeconds * 1000;
  let next = 0;
  const client = async (): Promise<void> => {
    while (next < plan.requests && performance.now() < deadline) {
      const index = next++;
      const payload = JSON.stringify(plan.body(index));
      const started = performance.now();
      try {
        const response = await post(agent, target, payload);
        const elapsed = performance.now() - started;
        const problem = response.status === 200 ? plan.check?.(response, index) : `HTTP ${response.status}: ${response.body.slice(0, 200)}`;
        if (problem) result.errors.push(problem);
        else {
          result.latenciesMs.push(elapsed);
          result.succeeded.push(index);
        }
      } catch (error) {
        result.errors.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: plan.concurrency }, client));
  result.seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return result;
}

function post(agent: http.Agent, target: URL, payload: string): Promise<LoadResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      target,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
