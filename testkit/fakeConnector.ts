import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Something the bot sent to Teams, as the fake connector received it. */
export interface SentActivity {
  kind: 'send' | 'reply' | 'update' | 'delete';
  conversationId: string;
  /** For replies, the activity replied to; for updates and deletes, the activity changed. */
  activityId?: string;
  /** The id the connector gave a new activity. */
  newId?: string;
  body: Record<string, unknown>;
  /** When the connector took it (`Date.now()`), for counting how many arrived within a window. */
  at: number;
}

/** A chat member as the Teams connector returns it from `pagedmembers`. */
export interface ConnectorMember {
  id: string;
  name: string;
  aadObjectId: string;
  email?: string;
  userPrincipalName?: string;
}

/** The organizer `GET /v1/meetings/{id}` names: often without a name in real Teams. */
export type MeetingOrganizer = Omit<ConnectorMember, 'name'> & { name?: string };

/** A scripted failure: the next `times` requests whose path matches get this status. */
interface Failure {
  match: RegExp;
  status: number;
  times: number;
  headers?: Record<string, string>;
}

/** A scripted delay: the next `times` requests whose path matches are answered `ms` late. */
interface Delay {
  match: RegExp;
  ms: number;
  times: number;
}

/**
 * A stand-in for the Bot Connector service on 127.0.0.1: records what the bot sends, serves member
 * lists and meeting details, and can be told to fail. It speaks the same REST paths as Teams, so
 * the bot runs its real botbuilder client against it.
 */
export class FakeConnector {
  readonly sent: SentActivity[] = [];
  /** 1:1 chats the bot asked Teams to open. */
  readonly created: Array<{ conversationId: string; memberId: string; body: Record<string, unknown> }> = [];
  private readonly members = new Map<string, ConnectorMember[]>();
  private readonly meetings = new Map<string, { organizer: MeetingOrganizer; title: string; start: string; end: string }>();
  private readonly failures: Failure[] = [];
  private readonly delays: Delay[] = [];
  /** Requests answered with a scripted failure, as `METHOD /path`. */
  readonly failed: string[] = [];
  private hasApp?: (memberId: string) => boolean;
  private server?: http.Server;
  private nextId = 1;
  /** Base URL the bot is told to use as `serviceUrl`. */
  url = '';

  /** Starts listening on a free loopback port. */
  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** Stops listening. */
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Sets who is in a conversation. */
  setMembers(conversationId: string, members: ConnectorMember[]): void {
    this.members.set(conversationId, members);
  }

  /**
   * The online meeting's id in Microsoft Graph that `GET /v1/meetings/{id}` gives as
   * `msGraphResourceId` (shaped as Teams makes them: base64 of organizer and thread).
   */
  onlineMeetingIdOf(meetingId: string): string {
    const meeting = this.meetings.get(meetingId);
    return Buffer.from(`1*${meeting?.organizer.aadObjectId ?? ''}*0**${meetingId}`).toString('base64').replace(/=+$/, '');
  }

  /** Sets what `GET /v1/meetings/{id}` answers. */
  setMeeting(meetingId: string, meeting: { organizer: MeetingOrganizer; title: string; start: string; end: string }): void {
    this.meetings.set(meetingId, meeting);
  }

  /**
   * Opens a 1:1 chat only with people who have the app (`hasApp(teamsId)`), answering 403 for the
   * rest as Teams does; by default every 1:1 opens.
   */
  requireApp(hasApp: (memberId: string) => boolean): void {
    this.hasApp = hasApp;
  }

  /** Makes the next `times` requests whose path matches fail with `status`. */
  failNext(match: RegExp, status: number, times = 1, headers?: Record<string, string>): void {
    this.failures.push({ match, status, times, ...(headers ? { headers } : {}) });
  }

  /** Answers the next `times` requests whose path matches `ms` late (a slow connector, or a race to widen). */
  delayNext(match: RegExp, ms: number, times = 1): void {
    this.delays.push({ match, ms, times });
  }

  /** Forgets the scripted failures not used yet: Teams is healthy again. */
  stopFailing(): void {
    this.failures.length = 0;
  }

  /** What was sent to one conversation (sends and replies: new messages). */
  messagesIn(conversationId: string): SentActivity[] {
    return this.sent.filter((entry) => entry.conversationId === conversationId && (entry.kind === 'send' || entry.kind === 'reply'));
  }

  /** Updates of posted activities in one conversation. */
  updatesIn(conversationId: string): SentActivity[] {
    return this.sent.filter((entry) => entry.conversationId === conversationId && entry.kind === 'update');
  }

  /** Forgets what was sent so far. */
  clear(): void {
    this.sent.length = 0;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const request = `${req.method} ${decodeURIComponent(path)}`;
    const delay = this.delays.find((candidate) => candidate.times > 0 && candidate.match.test(request));
    if (delay) {
      delay.times -= 1;
      await new Promise((resolve) => setTimeout(resolve, delay.ms));
    }
    const failure = this.failures.find((candidate) => candidate.times > 0 && candidate.match.test(request));
    if (failure) {
      failure.times -= 1;
      this.failed.push(request);
      return send(res, failure.status, { error: { code: 'Scripted', message: `scripted ${failure.status}` } }, failure.headers);
    }
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] === 'v3' && parts[1] === 'conversations' && parts.length === 2 && req.method === 'POST') return this.createConversation(res, body);
    if (parts[0] === 'v1' && parts[1] === 'meetings' && parts[2]) return this.meeting(res, parts[2]);
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return send(res, 404, { error: { code: 'NotFound', message: path } });
    const conversationId = parts[2];
    if (!conversationId) return send(res, 404, {});
    const [, , , resource, id] = parts;
    if (resource === 'pagedmembers') return this.pagedMembers(res, conversationId, url);
    if (resource === 'members') {
      const all = this.members.get(conversationId) ?? [];
      if (!id) return send(res, 200, all);
      const member = all.find((candidate) => candidate.id === id || candidate.aadObjectId === id);
      return member ? send(res, 200, member) : send(res, 404, { error: { code: 'MemberNotFoundInConversation' } });
    }
    if (resource === 'activities') {
      if (req.method === 'POST') {
        const newId = `sent-${this.nextId++}`;
        this.sent.push({ kind: id ? 'reply' : 'send', conversationId, ...(id ? { activityId: id } : {}), newId, body, at: Date.now() });
        return send(res, 200, { id: newId });
      }
      if (req.method === 'PUT' && id) {
        this.sent.push({ kind: 'update', conversationId, activityId: id, body, at: Date.now() });
        return send(res, 200, { id });
      }
      if (req.method === 'DELETE' && id) {
        this.sent.push({ kind: 'delete', conversationId, activityId: id, body, at: Date.now() });
        return send(res, 200, {});
      }
    }
    return send(res, 404, { error: { code: 'NotFound', message: path } });
  }

  /** Opens a 1:1 chat as Teams does: the id is stable per member, so opening twice finds the same chat. */
  private createConversation(res: http.ServerResponse, body: Record<string, unknown>): void {
    const member = (body['members'] as Array<{ id?: string }> | undefined)?.[0]?.id;
    if (!member) return send(res, 400, { error: { code: 'BadArgument', message: 'members is required' } });
    if (this.hasApp && !this.hasApp(member)) return send(res, 403, { error: { code: 'Forbidden', message: 'The bot is not installed for this user.' } });
    const id = `a:1${member.replace(/^29:/, '')}`;
    this.created.push({ conversationId: id, memberId: member, body });
    send(res, 201, { id, activityId: `created-${this.nextId++}` });
  }

  private pagedMembers(res: http.ServerResponse, conversationId: string, url: URL): void {
    const all = this.members.get(conversationId) ?? [];
    const pageSize = Number(url.searchParams.get('pageSize') ?? 50);
    const start = Number(url.searchParams.get('continuationToken') ?? 0);
    const next = start + pageSize;
    send(res, 200, { members: all.slice(start, next), ...(next < all.length ? { continuationToken: String(next) } : {}) });
  }

  private meeting(res: http.ServerResponse, meetingId: string): void {
    const meeting = this.meetings.get(meetingId);
    if (!meeting) return send(res, 404, { error: { code: 'NotFound', message: 'meeting' } });
    send(res, 200, {
      details: { id: meetingId, msGraphResourceId: this.onlineMeetingIdOf(meetingId), title: meeting.title, scheduledStartTime: meeting.start, scheduledEndTime: meeting.end, type: 'Scheduled' },
      conversation: { id: 'meeting-conversation', isGroup: true },
      organizer: meeting.organizer,
    });
  }
}

async function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { raw: text };
  }
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
