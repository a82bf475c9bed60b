import { namedFromRoster, withChair, withMembers } from '../domain/series';
import type { Person, Series, SeriesKey, Versioned } from '../domain/types';
import type { Storage } from '../store/storage';
import { bookChairDigest } from './chairDigestBooking';
import type { ChatDirectory } from './chatDirectory';
import { changeSeries, loadSeries, type SeriesDefaults } from './seriesService';

/** What a turn tells the services about the chat it happens in. */
export interface ChatTurn {
  key: SeriesKey;
  /** ISO instant the turn is handled at. */
  now: string;
  /** The speaker's zone, when their client said; a new chat takes it. */
  timeZone?: string;
  /** Where Teams reaches this chat, needed to update its cards later. */
  serviceUrl: string;
  /** Teams meeting id when the chat belongs to a meeting. */
  meetingId?: string;
}

/** How long a read of the chat's members is trusted before it is read again. */
const MEMBERS_FRESH_MS = 60 * 60 * 1000;

/** What the chat service needs. */
export interface ChatServiceDeps {
  storage: Storage;
  /** Zone of a chat whose first speaker's client sent none. */
  defaultTimeZone: string;
  /** How long before the next meeting the chair gets the action log. */
  chairDigestLeadHours: number;
}

/**
 * The series of the chat a turn happens in: loaded (created for a new chat), with a member list
 * fresh enough to resolve owners and initials, its chair and its next meeting as Teams knows them.
 */
export class ChatService {
  constructor(private readonly deps: ChatServiceDeps) {}

  /** The turn's series, created for a new chat: one point read for a known one. */
  async load(turn: ChatTurn): Promise<Versioned<Series>> {
    return loadSeries(this.deps.storage.chats, turn.key, this.defaultsOf(turn));
  }

  /**
   * The series with a member list fit for resolving owners: re-read from Teams when it is old, or
   * when someone @mentioned or chosen in a picker is not on it (they joined since). People are
   * matched by Teams id when they carry one (a mention), else by id (an Entra id from a picker).
   */
  async loadWithMembers(turn: ChatTurn, directory: ChatDirectory, mentioned: readonly Person[] = []): Promise<Versioned<Series>> {
    const series = await this.load(turn);
    const readAt = series.value.membersReadAt;
    const age = readAt ? Date.parse(turn.now) - Date.parse(readAt) : Infinity;
    const known = (person: Person) =>
      series.value.members.some((member) => (person.teamsId !== undefined ? member.teamsId === person.teamsId : member.id === person.id));
    const unknown = mentioned.some((person) => !known(person));
    if (age < MEMBERS_FRESH_MS && !unknown) return series;
    return this.refresh(turn, directory);
  }

  /**
   * Re-reads the chat's members (for initials and the owner picker) and, in a meeting chat, the
   * meeting (its organizer is the default chair; its start sets the next meeting unless `/next`
   * named a later one). Teams refusing either keeps the series as it was: a capture should not fail
   * because the roster could not be read. Books the chair's digest when the next meeting is known.
   */
  async refresh(turn: ChatTurn, directory: ChatDirectory): Promise<Versioned<Series>> {
    const [people, meeting] = await Promise.all([directory.members(), turn.meetingId ? directory.meeting() : Promise.resolve(undefined)]);
    const series = await this.change(turn, (current) => {
      let next = current;
      if (people) next = withMembers(next, people, turn.now);
      if (meeting?.organizer) next = withChair(next, namedFromRoster(meeting.organizer, next.members), 'organizer');
      if (meeting?.title && next.title !== meeting.title) next = { ...next, title: meeting.title };
      const start = meeting?.start;
      if (start && start > turn.now && !(next.nextMeetingAt && next.nextMeetingAt > turn.now)) next = { ...next, nextMeetingAt: start };
      if (turn.meetingId && next.meetingId !== turn.meetingId) next = { ...next, meetingId: turn.meetingId };
      const online = meeting?.onlineMeeting;
      if (online && (next.onlineMeeting?.id !== online.id || next.onlineMeeting.organizerId !== online.organizerId)) next = { ...next, onlineMeeting: online };
      if (next.serviceUrl !== turn.serviceUrl) next = { ...next, serviceUrl: turn.serviceUrl };
      return next;
    });
    if (series.value.nextMeetingAt && series.value.nextMeetingAt > turn.now) await this.bookChairDigest(series.value, turn.now);
    return series;
  }

  /**
   * The series, re-read from Teams first when it belongs to a Teams meeting whose Graph id it does
   * not know yet (attendance reports need it). Meeting start and end call this: a meeting chat
   * learns it once, other chats pay nothing.
   */
  async loadWithOnlineMeeting(turn: ChatTurn, directory: ChatDirectory): Promise<Versioned<Series>> {
    const series = await this.load(turn);
    if (!turn.meetingId || series.value.onlineMeeting) return series;
    return this.refresh(turn, directory);
  }

  /** Applies a change to the series (creating it for a new chat); re-applied on a lost race. */
  async change(turn: ChatTurn, change: (series: Series) => Series): Promise<Versioned<Series>> {
    return changeSeries(this.deps.storage.chats, turn.key, this.defaultsOf(turn), change);
  }

  /** The app was added to the chat by `person`: they chair until the meeting organizer is known. */
  async installedBy(turn: ChatTurn, person: Person, directory: ChatDirectory): Promise<Versioned<Series>> {
    await this.change(turn, (series) => withChair({ ...series, serviceUrl: turn.serviceUrl }, person, 'installer'));
    return this.refresh(turn, directory);
  }

  /** Sets when the next meeting starts and books the chair's digest for it; returns the series and when the digest goes. */
  async setNextMeeting(turn: ChatTurn, zone: string, at: string): Promise<{ series: Series; digestAt?: string }> {
    const series = await changeSeries(this.deps.storage.chats, turn.key, { timeZone: zone, now: turn.now }, (existing) => ({ ...existing, nextMeetingAt: at }));
    const digestAt = await this.bookChairDigest(series.value, turn.now);
    return { series: series.value, ...(digestAt ? { digestAt } : {}) };
  }

  private bookChairDigest(series: Series, now: string): Promise<string | undefined> {
    return bookChairDigest(this.deps.storage.jobs, series, this.deps.chairDigestLeadHours, now);
  }

  private defaultsOf(turn: ChatTurn): SeriesDefaults {
    return { timeZone: turn.timeZone ?? this.deps.defaultTimeZone, now: turn.now };
  }
}
