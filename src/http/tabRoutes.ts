import type { Request, Response, Server } from 'restify';
import type { Logger } from '../observability/logger';
import { StoreUnavailableError } from '../store/storeErrors';
import { loadPageAssets, pageHtml, PAGE_BUNDLE, type PageView } from '../web/pageAssets';
import type { ApiAnswer, TabApi } from '../web/tabApi';
import type { TabSignIn } from '../web/tabSignIn';
import { SignInRefused } from '../web/tabViewer';

/** What the tab routes need. */
export interface TabRouteDeps {
  api: TabApi;
  signIn: TabSignIn;
  /** Folder holding the built page bundle. */
  pagesDir: string;
  logger: Logger;
}

/**
 * Teams (and Outlook and the Microsoft 365 app, which also host Teams tabs) may frame the pages;
 * nobody else may. From Microsoft's list of hosts for Teams tabs.
 */
const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://*.microsoft365.com',
  'https://*.skype.com',
];
const PAGE_POLICY = `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors ${FRAME_ANCESTORS.join(' ')}`;
const PAGES: Record<string, PageView> = { '/tabs/actions': 'actions', '/tabs/my-actions': 'mine', '/tabs/config': 'config' };

/**
 * The tabs: the pages (`/tabs/actions` for the meeting, `/tabs/my-actions` personal,
 * `/tabs/config` to add the meeting tab), their bundle, and their JSON API under `/api/tabs/`.
 * The API signs every request in first; answers are JSON, never cached by anyone but the page.
 */
export function registerTabRoutes(server: Server, deps: TabRouteDeps): void {
  const assets = loadPageAssets(deps.pagesDir);
  if (!assets) deps.logger.warn({ pagesDir: deps.pagesDir }, 'the tab pages are not built: run npm run build');

  for (const [path, view] of Object.entries(PAGES)) {
    server.get(path, async (_req: Request, res: Response) => {
      if (!assets) return sendText(res, 503, 'The tab pages are not built. Run "npm run build" and restart the bot.');
      const body = Buffer.from(pageHtml(view, assets), 'utf8');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-cache', 'content-security-policy': PAGE_POLICY, 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff' });
      res.end(body);
    });
  }

  server.get(`/tabs/assets/${PAGE_BUNDLE}`, async (req: Request, res: Response) => {
    if (!assets) return sendText(res, 404, 'Not built.');
    const versioned = new URL(req.url ?? '/', 'http://localhost').searchParams.get('v') === assets.version;
    res.writeHead(200, {
      'content-type': 'text/javascript; charset=utf-8',
      'content-length': assets.script.length,
      'cache-control': versioned ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(assets.script);
  });

  server.get('/api/tabs/log', api(deps, (viewer, req, query) => deps.api.log(viewer, query.get('chat') ?? undefined, localeOf(query), header(req, 'if-none-match'))));
  server.get('/api/tabs/mine', api(deps, (viewer, req, query) => deps.api.mine(viewer, localeOf(query), header(req, 'if-none-match'))));
  server.post('/api/tabs/change', api(deps, (viewer, req, query) => deps.api.change(viewer, req.body as unknown, localeOf(query))));
  // The development sign-in's picker: only while it is on (local mode); otherwise the route does not exist.
  server.get('/api/tabs/dev/people', async (req: Request, res: Response) => {
    if (!deps.signIn.devSignIn) return sendJson(res, { status: 404, body: { error: 'Not found.' } });
    const query = queryOf(req);
    sendJson(res, await deps.api.devPeople(query.get('tenant') ?? undefined, query.get('chat') ?? undefined));
  });
}

type ApiCall = (viewer: Awaited<ReturnType<TabSignIn['viewerOf']>>, req: Request, query: URLSearchParams) => Promise<ApiAnswer>;

/** Signs the request in, runs the call, and turns refusals and outages into answers that say what to do. */
function api(deps: TabRouteDeps, call: ApiCall) {
  return async (req: Request, res: Response) => {
    try {
      // Token lifetimes are real-world time, whatever clock the bot's records run on.
      const viewer = await deps.signIn.viewerOf(header(req, 'authorization'), new Date());
      sendJson(res, await call(viewer, req, queryOf(req)));
    } catch (error) {
      if (error instanceof SignInRefused) return sendJson(res, { status: 401, body: { error: error.message } });
      if (error instanceof StoreUnavailableError) {
        deps.logger.error({ err: error, store: error.diagnostics }, 'tab API: store unavailable');
        return sendJson(res, { status: 503, body: { error: 'The meeting record is unavailable right now. Nothing was changed; the page will try again.' } });
      }
      deps.logger.error({ err: error, path: req.path() }, 'tab API request failed');
      sendJson(res, { status: 500, body: { error: 'Something went wrong on our side. Nothing was changed; reload the page and try again.' } });
    }
  };
}

function sendJson(res: Response, answer: ApiAnswer): void {
  const headers: Record<string, string | number> = { 'cache-control': 'private, no-cache', vary: 'Authorization', 'x-content-type-options': 'nosniff' };
  if (answer.etag) headers['etag'] = answer.etag;
  if (answer.status === 304) {
    res.writeHead(304, headers);
    return void res.end();
  }
  const body = Buffer.from(JSON.stringify(answer.body ?? {}), 'utf8');
  res.writeHead(answer.status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  res.end(body);
}

function sendText(res: Response, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${text}\n`);
}

function queryOf(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The viewer's locale as their Teams client reports it (`en-GB`); anything odd falls back to en-GB. */
function localeOf(query: URLSearchParams): string {
  const locale = query.get('locale') ?? '';
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/.test(locale) ? locale : 'en-GB';
}
