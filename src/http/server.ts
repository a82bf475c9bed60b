import restify from 'restify';
import type { AddressInfo } from 'node:net';
import type { Request, Response } from 'restify';
import type { Logger } from '../observability/logger';
import { activityRequestProblem, withoutInternalErrors } from './activityRequest';
import { reachableHost } from './listenScope';
import { registerMinutesRoute, type MinutesRouteDeps } from './minutesRoute';
import { registerTabRoutes, type TabRouteDeps } from './tabRoutes';

/** A listening HTTP server and how to stop it. */
export interface RunningServer {
  /** Base URL this machine reaches it on, e.g. http://127.0.0.1:3978. */
  url: string;
  /** The address it listens on, as given (127.0.0.1, 0.0.0.0, ::). */
  host: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the Bot Framework endpoint and a health check. `/api/messages` checks the activity's shape
 * and hands the request to the Teams room, which authenticates it (unless in local mode) and runs the app.
 */
export async function startServer(options: {
  /** Runs one Bot Framework request (authentication and the turn): the Teams room's `handleMessages`. */
  handleMessages: (req: Request, res: Response) => Promise<void>;
  /** Anything that can say whether the database answers. */
  store: { ping(): Promise<void> };
  logger: Logger;
  port: number;
  /** Address to listen on; loopback unless told otherwise, so nothing is exposed by accident. */
  host?: string;
  /** Serves signed minutes links (`GET /minutes/:token`) when given. */
  minutes?: MinutesRouteDeps;
  /** Serves the tabs' pages and JSON API (`/tabs/…`, `/api/tabs/…`) when given. */
  tabs?: TabRouteDeps;
}): Promise<RunningServer> {
  const server = restify.createServer({ name: 'meeting-actions', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024 }));

  server.post('/api/messages', async (req, res) => {
    const problem = activityRequestProblem(req.header('content-type'), req.body);
    if (problem) {
      // Teams always sends JSON with these fields; anything else would fail the turn deep in the SDK.
      options.logger.warn({ problem: problem.error }, 'malformed activity refused');
      res.send(problem.status, { error: problem.error });
      return;
    }
    await options.handleMessages(req, withoutInternalErrors(res));
  });

  server.get('/healthz', async (_req, res) => {
    try {
      await options.store.ping();
      res.send(200, { status: 'ok', store: 'ok' });
    } catch (error) {
      options.logger.warn({ err: error }, 'health check: store unavailable');
      res.send(503, { status: 'degraded', store: 'unavailable' });
    }
  });

  if (options.minutes) registerMinutesRoute(server, options.minutes);
  if (options.tabs) registerTabRoutes(server, options.tabs);

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${reachableHost(host)}:${port}`,
    host,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
