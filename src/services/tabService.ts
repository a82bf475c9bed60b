import type { Meeting } from '../domain/meetings/meetingTypes';
import { isMemberOrChair } from '../domain/series';
import type { Action, Decision, Person, Series, SeriesKey } from '../domain/types';
import type { ActionService, ActionTransition, ChangeResult } from './actionChangeService';
import type { ChatDirectory } from './chatDirectory';
import type { ChatService } from './chatService';
import type { ChatRecords } from '../store/chatRecords';

/** Everything a chat's action log page shows, read together. */
export interface ChatLogRecords {
  series: Series;
  actions: Action[];
  decisions: Decision[];
  meetings: Meeting[];
}

/** The chat's directory as Teams knows it now, reached outside a turn; undefined when the bot cannot reach that chat. */
export type DirectoryOf = (series: Series) => ChatDirectory | undefined;

/** Someone signed in to a page, in their tenant. */
export interface PageReader {
  tenantId: string;
  personId: string;
  name: string;
}

/** A refused roster re-read is not tried again for this long, so a refused page polling cannot make the bot hammer Teams. */
const REREAD_AFTER_MS = 60 * 1000;

/**
 * What the tabs read and change. A chat's records go only to its members (or its chair); someone
 * not on the member list has the list re-read from Teams once before being refused, in case they
 * joined since. Changes go through the same use-case, transitions and idempotency as card clicks.
 */
export class TabService {
  constructor(
    private readonly deps: { chats: ChatRecords; chatService: ChatService; actions: ActionService; directoryOf: DirectoryOf },
  ) {}

  /** A chat's series, actions, decisions and meetings (three queries), or undefined for a chat the bot does not know. */
  async readChat(key: SeriesKey): Promise<ChatLogRecords | undefined> {
    const [{ series, actions }, decisions, meetings] = await Promise.all([
      this.deps.chats.getSeriesAndActions(key),
      this.deps.chats.listDecisions(key),
      this.deps.chats.listMeetings(key),
    ]);
    return series ? { series: series.value, actions, decisions, meetings } : undefined;
  }

  /**
   * The series as seen by `reader` if they are a member or the chair; the roster is re-read from
   * Teams once (at most once a minute per chat) before refusing. Undefined: refused.
   */
  async admit(series: Series, reader: PageReader, now: string): Promise<Series | undefined> {
    if (isMemberOrChair(series, reader.personId)) return series;
    const age = series.membersReadAt ? Date.parse(now) - Date.parse(series.membersReadAt) : Infinity;
    const directory = this.deps.directoryOf(series);
    if (age < REREAD_AFTER_MS || !directory || !series.serviceUrl) return undefined;
    const turn = { key: series, now, serviceUrl: series.serviceUrl, ...(series.meetingId ? { meetingId: series.meetingId } : {}) };
    const refreshed = (await this.deps.chatService.refresh(turn, directory)).value;
    return isMemberOrChair(refreshed, reader.personId) ? refreshed : undefined;
  }

  /** The person as the chat knows them (with their Teams id, for @mentions), else as their sign-in names them. */
  personIn(series: Series, reader: PageReader): Person {
    const member = series.members.find((candidate) => candidate.id === reader.personId);
    if (member) return { id: member.id, name: member.name, ...(member.teamsId ? { teamsId: member.teamsId } : {}) };
    return series.chair?.id === reader.personId ? series.chair : { id: reader.personId, name: reader.name };
  }

  /**
   * Applies a change asked for from a page. `requestId` is the page's id for this one request: a
   * retried or double-clicked request carries the same id and changes nothing more. Only members
   * (or the chair) may change; the transition's own rules decide the rest (owners and the chair close).
   */
  async change(key: SeriesKey, reader: PageReader, actionId: string, requestId: string, transition: ActionTransition, now: string): Promise<ChangeResult | { kind: 'refused-reader' }> {
    const found = await this.deps.actions.find(key, { id: actionId });
    const series = found.series ? await this.admit(found.series.value, reader, now) : undefined;
    if (!series) return { kind: 'refused-reader' };
    const ask = { eventId: `page:${reader.personId}:${requestId}`, at: now, person: this.personIn(series, reader) };
    const guard = (current: Series) => (isMemberOrChair(current, reader.personId) ? undefined : 'Only members of that meeting chat can change its actions.');
    return this.deps.actions.change(key, { id: actionId }, ask, transition, guard);
  }
}
