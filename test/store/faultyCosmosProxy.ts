/**
 * A real HTTP proxy in front of the local Cosmos server that answers chosen requests with a
 * failure status instead of forwarding them, to show how the store rides out (or reports) a
 * gateway that hiccups or throttles.
 */
import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Decides, per request, whether to fail it and with which status; undefined forwards it. */
export type FaultRule = (req: IncomingMessage) => number | undefined;

/** A running proxy, with the activity ids of the failures it answered. */
export interface FaultyCosmosProxy {
  endpoint: string;
  failedActivityIds: string[];
  stop(): Promise<void>;
}

/** Starts a proxy on a free 127.0.0.1 port that forwards to `target` unless `rule` says fail. */
export async function startFaultyCosmosProxy(target: string, rule: FaultRule): Promise<FaultyCosmosProxy> {
  const failedActivityIds: string[] = [];
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const status = rule(req);
    if (status !== undefined) {
      const activityId = `fault-${failedActivityIds.length + 1}`;
      failedActivityIds.push(activityId);
      req.resume();
      res.writeHead(status, {
        'content-type': 'application/json',
        'x-ms-activity-id': activityId,
        'x-ms-request-charge': '0',
        ...(status === 429 ? { 'x-ms-retry-after-ms': '1' } : {}),
      });
      res.end(JSON.stringify({ code: String(status), message: 'injected by faultyCosmosProxy' }));
      return;
    }
    const forward = request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    failedActivityIds,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** True for a request that creates a document (what `insertAction` sends). */
export function isDocumentCreate(req: IncomingMessage): boolean {
  return req.method === 'POST' && /\/docs\/?$/.test(req.url ?? '') && req.headers['x-ms-documentdb-isquery'] === undefined;
}
