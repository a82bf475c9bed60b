import { createHash } from 'node:crypto';
import { renderActionCard } from '../cards/actionCard';
import type { Clock } from '../domain/clock';
import type { Action, Series, SeriesKey } from '../domain/types';
import type { Logger } from '../observability/logger';
import type { Messenger } from '../services/messenger';
import type { PeopleService } from '../services/peopleService';
import type { ChatLogRecords, PageReader, TabService } from '../services/tabService';
import { actionLogView, myActionsView, pageAction, type PageViewer } from './actionLogView';
import { readChangeRequest } from './changeRequest';
import { RecentReads } from './recentReads';
import type { ChangeResponse, DevPeopleResponse, ErrorResponse } from './tabApiTypes';
import type { TabViewer } from './tabViewer';

/** An answer for the HTTP room to send: status, JSON body, and the ETag of a GET. */
export interface ApiAnswer {
  status: number;
  body?: unknown;
  etag?: string;
}

/** What the tab API needs. */
export interface TabApiDeps {
  tabs: TabService;
  people: PeopleService;
  /** Redraws the chat's card copies after a change made on a page. */
  messenger: Messenger;
  clock: Clock;
  logger: Logger;
}

/** How long polls of one chat share a read (see `RecentReads`). */
const SHARED_READ_MS = 2000;
const NOT_MEMBER = "This action log is only for members of the meeting's chat.";

/**
 * The tabs' JSON API, free of any HTTP framework: the HTTP room signs the request in, calls one of
 * these and sends the answer. Reads carry an ETag so a polling page gets 304 when nothing changed;
 * changes go through the same use-case as card clicks and then redraw the chat's card copies.
 */
export class TabApi {
  private readonly reads = new RecentReads<ChatLogRecords | undefined>(SHARED_READ_MS);

  constructor(private readonly deps: TabApiDeps) {}

  /** GET /api/tabs/log?chat=…: a chat's action log, for its members only (403 for anyone else, any other chat, any other tenant). */
  async log(viewer: TabViewer, chatId: unknown, locale: string, ifNoneMatch: string | undefined): Promise<ApiAnswer> {
    if (!isChatId(chatId)) return error(400, 'Which chat? The page must name its meeting chat (chat=19:…). Open the tab from the meeting.');
    const key = { tenantId: viewer.tenantId, conversationId: chatId };
    const now = this.deps.clock.now();
    const records = await this.reads.get(cacheKey(key), () => this.deps.tabs.readChat(key));
    const series = records ? await this.admit(records.series, viewer, now) : undefined;
    if (!records || !series) return error(403, NOT_MEMBER);
    const view = actionLogView({ ...records, series }, this.pageViewer(series, viewer, locale, now));
    return withEtag(view, ifNoneMatch);
  }

  /** GET /api/tabs/mine: the viewer's open actions across every chat of their tenant. */
  async mine(viewer: TabViewer, locale: string, ifNoneMatch: string | undefined): Promise<ApiAnswer> {
    const now = this.deps.clock.now();
    const { open } = await this.deps.people.openActions(viewer.tenantId, viewer.userId, { locale });
    const person = { id: viewer.userId, name: viewer.name };
    const actions = myActionsView(open, { person, locale, now });
    return withEtag({ viewer: person, actions }, ifNoneMatch);
  }

  /** POST /api/tabs/change: close, add an update or change the due date of one action. */
  async change(viewer: TabViewer, body: unknown, locale: string): Promise<ApiAnswer> {
    const request = readChangeRequest(body);
    if (!request.ok) return error(400, request.message);
    const { chatId, actionId, requestId, transition, done } = request.value;
    const key = { tenantId: viewer.tenantId, conversationId: chatId };
    const now = this.deps.clock.now();
    const result = await this.deps.tabs.change(key, readerOf(viewer), actionId, requestId, transition, now);
    if (result.kind === 'refused-reader' || result.kind === 'forbidden') return error(403, NOT_MEMBER);
    if (result.kind === 'notFound') return error(404, 'That action is not in this chat any more. Reload the page.');
    this.reads.forget(cacheKey(key));
    if (result.kind === 'refused') return error(403, result.reason);
    if (result.kind === 'changed') await this.redrawCopies(result.action, result.series, locale, now);
    const answer: ChangeResponse = {
      outcome: result.kind,
      message: result.kind === 'changed' ? done : result.reason,
      action: pageAction(result.action, result.series, this.pageViewer(result.series, viewer, locale, now)),
    };
    return { status: 200, body: answer };
  }

  /** GET /api/tabs/dev/people?tenant=…&chat=… (development sign-in only): a chat's members to sign in as. */
  async devPeople(tenantId: unknown, chatId: unknown): Promise<ApiAnswer> {
    if (typeof tenantId !== 'string' || tenantId === '' || !isChatId(chatId)) return error(400, 'Name the chat: tenant=<tenant id>&chat=<conversation id>, as the bot logs them for each command.');
    const records = await this.deps.tabs.readChat({ tenantId, conversationId: chatId });
    if (!records) return error(404, 'The bot does not know that chat. Type a command there first (e.g. /help), then reload.');
    const { series } = records;
    const people = [...series.members, ...(series.chair && !series.members.some((member) => member.id === series.chair?.id) ? [series.chair] : [])];
    const answer: DevPeopleResponse = {
      chats: [{ tenantId, chatId, title: series.title ?? 'Meeting chat', members: people.map((person) => ({ id: person.id, name: person.name })) }],
    };
    return { status: 200, body: answer };
  }

  private async admit(series: Series, viewer: TabViewer, now: string): Promise<Series | undefined> {
    const admitted = await this.deps.tabs.admit(series, readerOf(viewer), now);
    // A re-read roster is a newer series: later polls should see it.
    if (admitted && admitted !== series) this.reads.forget(cacheKey(series));
    return admitted;
  }

  private pageViewer(series: Series, viewer: TabViewer, locale: string, now: string): PageViewer {
    return { person: this.deps.tabs.personIn(series, readerOf(viewer)), locale, now };
  }

  /** Every copy of the action's card in Teams shows the new state; a copy that cannot be updated is logged, the change stands. */
  private async redrawCopies(action: Action, series: Series, locale: string, now: string): Promise<void> {
    const card = renderActionCard(action, series, { locale, now });
    for (const copy of action.cards) {
      try {
        await this.deps.messenger.update(copy, card);
      } catch (failure) {
        this.deps.logger.warn({ err: failure, copy: copy.activityId }, 'could not update a copy of the action card');
      }
    }
  }
}

function readerOf(viewer: TabViewer): PageReader {
  return { tenantId: viewer.tenantId, personId: viewer.userId, name: viewer.name };
}

function cacheKey(key: SeriesKey): string {
  return `${key.tenantId}\n${key.conversationId}`;
}

function isChatId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 300;
}

/** A JSON answer with a strong ETag of its body; 304 when the page already has it. */
function withEtag(body: unknown, ifNoneMatch: string | undefined): ApiAnswer {
  const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return { status: 304, etag };
  return { status: 200, body, etag };
}

function error(status: number, message: string): ApiAnswer {
  const body: ErrorResponse = { error: message };
  return { status, body };
}
