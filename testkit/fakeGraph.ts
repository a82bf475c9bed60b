import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeCopilot } from './fakeCopilot';
import { graphError } from './graphError';
import { FakePlanner } from './fakePlanner';

/** A request the fake Graph received. */
export interface GraphRequest {
  method: string;
  /** Path and query as sent, `/v1.0/…` included. */
  url: string;
  body: unknown;
  /** The Authorization header, if any (GRAPH_AUTH=none sends none). */
  authorization?: string;
}

/** What a route answers. */
export interface GraphAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What a route is given: the pattern's groups (decoded), the query, the JSON body, and the full path (for next links). */
export interface RouteRequest {
  match: string[];
  query: URLSearchParams;
  body: unknown;
  /** The path as requested, `/v1.0/…`. */
  path: string;
  /** The request's headers (`if-match`, `prefer`…). */
  headers: http.IncomingHttpHeaders;
}

/** A route's answer to a request whose path matched its pattern. */
export type GraphRoute = (request: RouteRequest) => GraphAnswer;

/** One attendee line of a report, as Graph's attendanceRecord has it. */
export interface FakeAttendee {
  /** Azure AD object id; leave out for an anonymous guest. */
  id?: string;
  displayName: string;
  email?: string;
}

/** One session's attendance report. */
export interface FakeAttendanceReport {
  id: string;
  start: string;
  end: string;
  attendees: FakeAttendee[];
}

/** A scripted failure: the next `times` requests matching `match` (`METHOD /v1.0/path`) answer `status`. */
interface Failure {
  match: RegExp;
  status: number;
  times: number;
  headers?: Record<string, string>;
}

/**
 * A stand-in for Microsoft Graph on 127.0.0.1, speaking Graph's paths and shapes so the bot runs
 * the real Graph SDK against it: Teams app installation for users (201, 409 when installed, 403
 * when refused) and online meetings' attendance reports and records, paged with `@odata.nextLink`;
 * Copilot's meeting AI insights (`copilot`) and Planner plans and tasks (`planner`). It can be told
 * to fail (429 with Retry-After, 503, …), to be down, or to lose an answer after acting, and more
 * routes can be added with `route` without touching these.
 */
export class FakeGraph {
  readonly requests: GraphRequest[] = [];
  /** Copilot's meeting recaps (`/copilot/users/{id}/onlineMeetings/{id}/aiInsights`). */
  readonly copilot: FakeCopilot;
  /** Planner plans, tasks and task details, with etags. */
  readonly planner: FakePlanner;
  /** Base URL the bot is given as GRAPH_ENDPOINT. */
  url = '';
  /** Items per page of every listing, so tests see `@odata.nextLink` with few items. */
  pageSize = 2;
  private server?: http.Server;
  private readonly routes: Array<{ method: string; pattern: RegExp; answer: GraphRoute }> = [];
  private readonly failures: Failure[] = [];
  private readonly stalls: Array<{ match: RegExp; ms: number; times: number }> = [];
  private readonly losses: Array<{ match: RegExp; times: number }> = [];
  private readonly installed = new Map<string, Set<string>>();
  private readonly refusedInstalls = new Map<string, number>();
  private readonly reports = new Map<string, FakeAttendanceReport[]>();
  private artifactsRefusal?: number;
  private down = false;

  /** `catalogAppId`: the app's id in the tenant's app catalog; binding any other answers 404. */
  constructor(readonly catalogAppId = '7c5d8a2e-4f1b-4c3a-9e6d-2b8f0a1c3d4e') {
    this.route('POST', /^\/users\/([^/]+)\/teamwork\/installedApps$/, ({ match, body }) => this.install(match[0] ?? '', body));
    this.route('GET', /^\/users\/([^/]+)\/teamwork\/installedApps$/, (request) => this.page(this.installationsOf(request.match[0] ?? ''), request));
    this.route('GET', /^\/users\/([^/]+)\/onlineMeetings\/([^/]+)\/attendanceReports$/, (request) => this.reportList(request));
    this.route('GET', /^\/users\/([^/]+)\/onlineMeetings\/([^/]+)\/attendanceReports\/([^/]+)\/attendanceRecords$/, (request) => this.recordList(request));
    this.copilot = new FakeCopilot(this);
    this.planner = new FakePlanner(this);
  }

  /** Starts listening on a free loopback port. */
  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Stops listening, closing the bot's kept-alive connections rather than waiting for them to idle out. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** Adds a route (checked before the built-in ones); `pattern` matches the path after `/v1.0`. */
  route(method: string, pattern: RegExp, answer: GraphRoute): void {
    this.routes.unshift({ method, pattern, answer });
  }

  /** Makes the next `times` requests matching `METHOD /v1.0/path` answer `status` (with `headers`). */
  failNext(match: RegExp, status: number, times = 1, headers?: Record<string, string>): void {
    this.failures.push({ match, status, times, ...(headers ? { headers } : {}) });
  }

  /** Makes the next `times` requests matching `METHOD /v1.0/path` wait `ms` before they are answered (to test timeouts). */
  stallNext(match: RegExp, ms: number, times = 1): void {
    this.stalls.push({ match, ms, times });
  }

  /**
   * The next `times` requests matching `METHOD /v1.0/path` are carried out, but their answer is lost:
   * the connection drops before a byte of it is sent (as a gateway timing out after the work was done).
   */
  loseNextAnswer(match: RegExp, times = 1): void {
    this.losses.push({ match, times });
  }

  /** While down, every request answers 503 Service Unavailable. */
  setDown(down: boolean): void {
    this.down = down;
  }

  /** The app is already installed for this user (the next install answers 409). */
  preinstall(userId: string): void {
    this.installedFor(userId).add(this.catalogAppId);
  }

  /** Installing for this user is refused (403: an app permission policy blocks it, or the permission is missing). */
  refuseInstall(userId: string, status = 403): void {
    this.refusedInstalls.set(userId, status);
  }

  /** Whether the app is installed for this user. */
  isInstalledFor(userId: string): boolean {
    return this.installed.get(userId)?.has(this.catalogAppId) ?? false;
  }

  /** Sets an online meeting's attendance reports (one per session). */
  setAttendanceReports(organizerId: string, meetingId: string, reports: FakeAttendanceReport[]): void {
    this.reports.set(`${organizerId}\n${meetingId}`, reports);
  }

  /** Reading meeting artifacts answers `status` (403: no application access policy for the organizer). */
  refuseMeetingArtifacts(status = 403): void {
    this.artifactsRefusal = status;
  }

  /** Requests whose `METHOD /v1.0/path` matches. */
  requestsTo(match: RegExp): GraphRequest[] {
    return this.requests.filter((request) => match.test(`${request.method} ${decodeURIComponent(request.url.split('?')[0] ?? '')}`));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    this.requests.push({ method, url: `${url.pathname}${url.search}`, body, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    const stall = this.stalls.find((candidate) => candidate.times > 0 && candidate.match.test(`${method} ${decodeURIComponent(url.pathname)}`));
    if (stall) {
      stall.times -= 1;
      await new Promise((resolve) => setTimeout(resolve, stall.ms));
      if (res.destroyed) return;
    }
    if (this.down) return send(res, { status: 503, body: graphError('ServiceUnavailable', 'The service is down.') });
    const failure = this.failures.find((candidate) => candidate.times > 0 && candidate.match.test(`${method} ${decodeURIComponent(url.pathname)}`));
    if (failure) {
      failure.times -= 1;
      return send(res, { status: failure.status, body: graphError('Scripted', `scripted ${failure.status}`), ...(failure.headers ? { headers: failure.headers } : {}) });
    }
    if (!url.pathname.startsWith('/v1.0/')) return send(res, { status: 404, body: graphError('NotFound', 'Only v1.0 is served') });
    const path = url.pathname.slice('/v1.0'.length);
    for (const route of this.routes) {
      const found = route.method === method ? route.pattern.exec(path) : null;
      if (!found) continue;
      const answer = route.answer({ match: found.slice(1).map((part) => decodeURIComponent(part ?? '')), query: url.searchParams, body, path: url.pathname, headers: req.headers });
      const loss = this.losses.find((candidate) => candidate.times > 0 && candidate.match.test(`${method} ${decodeURIComponent(url.pathname)}`));
      if (loss) {
        loss.times -= 1;
        res.destroy();
        return;
      }
      return send(res, answer);
    }
    send(res, { status: 404, body: graphError('UnknownRoute', `${method} ${path}`) });
  }

  private install(userId: string, body: unknown): GraphAnswer {
    const refused = this.refusedInstalls.get(userId);
    if (refused) return { status: refused, body: graphError('Forbidden', 'Installing this app for the user is not allowed.') };
    const binding = String((body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'] ?? '');
    const appId = /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(binding)?.[1];
    if (!appId) return { status: 400, body: graphError('BadRequest', 'teamsApp@odata.bind is required') };
    if (decodeURIComponent(appId) !== this.catalogAppId) return { status: 404, body: graphError('NotFound', 'No such app in the catalog') };
    const apps = this.installedFor(userId);
    if (apps.has(this.catalogAppId)) return { status: 409, body: graphError('Conflict', 'The app is already installed for this user.') };
    apps.add(this.catalogAppId);
    return { status: 201 };
  }

  private installationsOf(userId: string): unknown[] {
    return [...this.installedFor(userId)].map((appId) => ({ id: Buffer.from(`${userId}##${appId}`).toString('base64'), teamsApp: { id: appId } }));
  }

  private reportList(request: RouteRequest): GraphAnswer {
    const [organizerId, meetingId] = request.match;
    if (this.artifactsRefusal) return { status: this.artifactsRefusal, body: graphError('Forbidden', 'No application access policy found for this app.') };
    const reports = this.reports.get(`${organizerId}\n${meetingId}`);
    if (!reports) return { status: 404, body: graphError('NotFound', 'Online meeting not found') };
    const values = reports.map((report) => ({ id: report.id, totalParticipantCount: report.attendees.length, meetingStartDateTime: report.start, meetingEndDateTime: report.end }));
    return this.page(values, request);
  }

  private recordList(request: RouteRequest): GraphAnswer {
    const [organizerId, meetingId, reportId] = request.match;
    if (this.artifactsRefusal) return { status: this.artifactsRefusal, body: graphError('Forbidden', 'No application access policy found for this app.') };
    const report = this.reports.get(`${organizerId}\n${meetingId}`)?.find((candidate) => candidate.id === reportId);
    if (!report) return { status: 404, body: graphError('NotFound', 'Attendance report not found') };
    const values = report.attendees.map((attendee) => ({
      emailAddress: attendee.email ?? null,
      totalAttendanceInSeconds: 3600,
      role: 'Attendee',
      identity: { id: attendee.id ?? null, displayName: attendee.displayName, tenantId: null },
      attendanceIntervals: [{ joinDateTime: report.start, leaveDateTime: report.end, durationInSeconds: 3600 }],
    }));
    return this.page(values, request);
  }

  /** One page of a listing, with `@odata.nextLink` (a `$skiptoken` holding the offset) while more remain; routes added later page with it too. */
  page(values: unknown[], request: Pick<RouteRequest, 'query' | 'path'>): GraphAnswer {
    const start = Number(request.query.get('$skiptoken') ?? 0);
    const end = start + this.pageSize;
    const body: Record<string, unknown> = { value: values.slice(start, end) };
    if (end < values.length) {
      const next = new URLSearchParams(request.query);
      next.set('$skiptoken', String(end));
      body['@odata.nextLink'] = `${this.url}${request.path}?${next.toString()}`;
    }
    return { status: 200, body };
  }

  private installedFor(userId: string): Set<string> {
    const existing = this.installed.get(userId);
    if (existing) return existing;
    const created = new Set<string>();
    this.installed.set(userId, created);
    return created;
  }
}


async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function send(res: http.ServerResponse, answer: GraphAnswer): void {
  const headers = { ...(answer.body === undefined ? {} : { 'content-type': 'application/json' }), ...answer.headers };
  res.writeHead(answer.status, headers);
  res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
}
