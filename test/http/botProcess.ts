import { spawnEntryPoint } from './entryPoint';

/** A bot running as its own process (the real entry point), and its JSON log so far. */
export interface BotProcess {
  /** Base URL, e.g. http://127.0.0.1:40123. */
  url: string;
  /** Every JSON log line it has written, parsed. */
  logs: Array<Record<string, unknown>>;
  /** What it has written to stderr so far (Node's own warnings go there). */
  stderr(): string;
  /** POSTs an activity to its /api/messages and returns the status and parsed body. */
  post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  /** SIGTERM, then SIGKILL if it has not exited within a few seconds; resolves once it has exited. */
  stop(): Promise<void>;
}

/** How long a child may take to compile and start before the test gives up on it. */
const START_TIMEOUT_MS = 45_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * Starts `src/index.ts` with this environment and PORT=0, and resolves once it logs the address it
 * listens on. A child that exits or stays silent is killed and the promise rejects with its output.
 */
export function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const child = spawnEntryPoint({ ...env, PORT: '0' });
  const logs: Array<Record<string, unknown>> = [];
  let stdout = '';
  let stderr = '';
  let pending = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let running = true;
  void exited.then(() => (running = false));

  const stop = async (): Promise<void> => {
    if (!running) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };

  return new Promise<BotProcess>((resolve, reject) => {
    let settled = false;
    const giveUp = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${why}\nstdout:\n${stdout}\nstderr:\n${stderr}`)));
    };
    const timer = setTimeout(() => giveUp('the bot process did not say where it listens'), START_TIMEOUT_MS);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      stdout += text;
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines.filter((candidate) => candidate.trim() !== '')) {
        const entry = parsedLine(line);
        if (!entry) continue;
        logs.push(entry);
        const listening = /^meeting-actions listening on (http:\/\/[^/]+)\/api\/messages/.exec(String(entry['msg'] ?? ''));
        if (listening?.[1] && !settled) {
          settled = true;
          clearTimeout(timer);
          resolve({ url: listening[1], logs, stderr: () => stderr, post: (activity) => post(listening[1] ?? '', activity), stop });
        }
      }
    });
    child.once('exit', (code) => giveUp(`the bot process exited with ${String(code)} before listening`));
  });
}

async function post(url: string, activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** A log line as an object; anything else a library printed stays in the raw output only. */
function parsedLine(line: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(line) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
