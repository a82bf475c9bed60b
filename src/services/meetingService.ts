import { localDate } from '../domain/dateFormat';
import { withRememberedRoles, type NamedAttendee } from '../domain/meetings/attendance';
import { closeMeeting, latestMeeting, planMeeting, previousMeeting, type OpenTrigger } from '../domain/meetings/meetingLifecycle';
import type { Meeting, MeetingClosedBy, MeetingNote, MinutesApproval } from '../domain/meetings/meetingTypes';
import { buildActionLog, type ActionLogEntry } from '../domain/minutes/actionLog';
import { recordIdFromSource } from '../domain/seriesId';
import type { Person, Series, SeriesKey, Versioned } from '../domain/types';
import type { ChatRecords, ChatWrite } from '../store/chatRecords';
import { BatchWriteRefused, ConcurrencyError } from '../store/storeErrors';
import type { MeetingWatcher } from './attendanceService';
import { retryOnConflict } from './retryOnConflict';

/** The meeting a turn works in, and whether this turn opened it (then it is news to the chat). */
export interface MeetingInUse {
  meeting: Versioned<Meeting>;
  opened: boolean;
  /** How it had been opened before this turn, when it already existed. */
  openedBefore?: Meeting['openedBy'];
  /** The series as it now stands (a new meeting moves its `latestMeeting`). */
  series: Versioned<Series>;
}

/**
 * Opens, finds, changes and closes a series' meetings. The series keeps a pointer to its latest
 * meeting (`latestMeeting`), written in the same batch as the meeting it names, so a capture finds
 * its meeting without a query and opening one is a single round trip.
 */
export class MeetingService {
  constructor(
    private readonly chats: ChatRecords,
    /** Told when a meeting opens and ends (attendance and Copilot's recap, from Graph); none without Graph. */
    private readonly watchers: readonly MeetingWatcher[] = [],
  ) {}

  /**
   * The meeting a capture made at `at` belongs to: the series' latest meeting when it is today's
   * (read from the series alone, no request), else today's meeting, opened by this capture.
   */
  async forCapture(chat: Versioned<Series>, at: string): Promise<{ series: Versioned<Series>; meetingId: string }> {
    const pointer = chat.value.latestMeeting;
    if (pointer && pointer.date === localDate(at, chat.value.timeZone)) return { series: chat, meetingId: pointer.id };
    const { meeting, series } = await this.open(chat, { by: 'capture', at });
    return { series, meetingId: meeting.value.id };
  }

  /**
   * Finds or opens the meeting a trigger belongs to (see `planMeeting`). Two instances opening the
   * same meeting at once compute the same id; the loser's batch is refused and its retry finds the winner's.
   */
  async open(chat: Versioned<Series>, trigger: OpenTrigger): Promise<MeetingInUse> {
    let series = chat;
    return retryOnConflict(async () => {
      try {
        return await this.openOnce(series, trigger);
      } catch (error) {
        if (error instanceof ConcurrencyError) series = (await this.chats.getSeries(series.value)) ?? series;
        throw error;
      }
    });
  }

  /** Applies a change to the meeting a capture belongs to, opening it first if need be; re-applied on a lost race. */
  async change(chat: Versioned<Series>, at: string, change: (meeting: Meeting) => Meeting): Promise<Meeting> {
    return retryOnConflict(async () => {
      const { meeting } = await this.open(chat, { by: 'capture', at });
      const next = change(meeting.value);
      if (next === meeting.value) return next;
      return (await this.chats.putMeeting(next, meeting.etag)).value;
    });
  }

  /** Closes the series' open meeting; undefined when none is open. */
  async end(key: SeriesKey, by: MeetingClosedBy, at: string): Promise<Meeting | undefined> {
    const closed = await retryOnConflict(async () => {
      const open = await this.chats.getOpenMeeting(key);
      if (!open) return undefined;
      return (await this.chats.putMeeting(closeMeeting(open.value, by, at), open.etag)).value;
    });
    if (closed) for (const watcher of this.watchers) await watcher.meetingEnded(key, closed);
    return closed;
  }

  /** A series' meetings, oldest first. */
  list(key: SeriesKey): Promise<Meeting[]> {
    return this.chats.listMeetings(key);
  }

  /** People as named, with the roles they had at earlier meetings where none is given now. */
  async withRoles(key: SeriesKey, people: readonly NamedAttendee[]): Promise<NamedAttendee[]> {
    return withRememberedRoles(people, await this.chats.listMeetings(key));
  }

  /** The meeting before `meeting`, if the series kept one. */
  async previousOf(key: SeriesKey, meeting: Meeting): Promise<Meeting | undefined> {
    return previousMeeting(await this.chats.listMeetings(key), meeting);
  }

  /**
   * Adds a line of discussion under the current item of the meeting `trigger` (a capture) belongs to.
   * The note's id derives from `sourceId`, so a redelivery adds nothing (`created: false`).
   */
  async addNote(chat: Versioned<Series>, trigger: OpenTrigger, source: { sourceId: string; by: Person }, text: string): Promise<{ created: boolean; note: MeetingNote }> {
    const { meeting, series } = await this.open(chat, trigger);
    const key = { tenantId: series.value.tenantId, conversationId: series.value.conversationId };
    const { created, stored } = await this.chats.insertNote({
      id: recordIdFromSource('note', key, source.sourceId),
      seriesId: series.value.id,
      ...key,
      meetingId: meeting.value.id,
      ...(series.value.currentItem ? { item: series.value.currentItem } : {}),
      text,
      by: source.by,
      at: trigger.at,
    });
    return { created, note: stored };
  }

  /**
   * Records that the meeting (the one a capture at `at` belongs to) approved the previous meeting's
   * minutes, naming that meeting when the series kept it.
   */
  async approvePrevious(chat: Versioned<Series>, at: string, approval: Omit<MinutesApproval, 'previousMeetingId' | 'previousDate'>): Promise<{ meeting: Meeting; previous?: Meeting }> {
    const meetings = await this.chats.listMeetings(chat.value);
    const meeting = await this.change(chat, at, (current) => {
      const previous = previousMeeting(meetings, current);
      return { ...current, approval: { ...(previous ? { previousMeetingId: previous.id, previousDate: previous.date } : {}), ...approval } };
    });
    const previous = previousMeeting(meetings, meeting);
    return { meeting, ...(previous ? { previous } : {}) };
  }

  /**
   * The action log ("matters arising") for `meeting`: every action from earlier meetings still
   * open, or closed since the previous meeting, with its updates; and that previous meeting.
   */
  async actionLog(series: Series, meeting: Meeting, now: string): Promise<{ entries: ActionLogEntry[]; previous?: Meeting }> {
    const [actions, meetings] = await Promise.all([this.chats.listActions(series), this.chats.listMeetings(series)]);
    const previous = previousMeeting(meetings, meeting);
    const entries = buildActionLog({ series, actions, meeting, ...(previous ? { previous } : {}), asOf: now });
    return { entries, ...(previous ? { previous } : {}) };
  }

  private async openOnce(chat: Versioned<Series>, trigger: OpenTrigger): Promise<MeetingInUse> {
    const latest = await this.latestOf(chat);
    const plan = planMeeting(chat.value, latest?.value, trigger);
    if (plan.kind === 'existing' && latest) {
      const meeting = plan.changed ? await this.chats.putMeeting(plan.meeting, latest.etag) : latest;
      const series = await this.pointAt(chat, meeting.value);
      return { meeting, opened: false, openedBefore: latest.value.openedBy, series };
    }
    const pointer = { id: plan.meeting.id, date: plan.meeting.date };
    const writes: ChatWrite[] = [];
    if (plan.kind === 'new' && plan.closeFirst && latest) writes.push({ record: { kind: 'meeting', value: plan.closeFirst }, etag: latest.etag });
    writes.push({ record: { kind: 'meeting', value: plan.meeting } });
    writes.push({ record: { kind: 'series', value: { ...chat.value, latestMeeting: pointer } }, etag: chat.etag });
    try {
      const etags = await this.chats.writeTogether(chat.value, writes);
      const meetingEtag = etags[writes.length - 2] ?? '';
      const seriesEtag = etags[writes.length - 1] ?? '';
      for (const watcher of this.watchers) await watcher.meetingOpened(chat.value, plan.meeting);
      return { meeting: { value: plan.meeting, etag: meetingEtag }, opened: true, series: { value: { ...chat.value, latestMeeting: pointer }, etag: seriesEtag } };
    } catch (error) {
      // The meeting exists though the series did not point at it (a batch half-applied by a
      // non-atomic store, or a twin that won): point at it and use it.
      if (error instanceof BatchWriteRefused && error.reason === 'exists' && error.index === writes.length - 2) {
        const existing = await this.chats.getMeeting(chat.value, plan.meeting.id);
        if (existing) return { meeting: existing, opened: false, openedBefore: existing.value.openedBy, series: await this.pointAt(chat, existing.value) };
      }
      throw error;
    }
  }

  /** The series' latest meeting: the one it points at, else (records from before the pointer) the latest listed. */
  private async latestOf(chat: Versioned<Series>): Promise<Versioned<Meeting> | undefined> {
    const pointer = chat.value.latestMeeting;
    if (pointer) {
      const pointed = await this.chats.getMeeting(chat.value, pointer.id);
      if (pointed) return pointed;
    }
    const latest = latestMeeting(await this.chats.listMeetings(chat.value));
    return latest && this.chats.getMeeting(chat.value, latest.id);
  }

  /** Makes the series point at `meeting` if it does not already. */
  private async pointAt(chat: Versioned<Series>, meeting: Meeting): Promise<Versioned<Series>> {
    const pointer = chat.value.latestMeeting;
    if (pointer?.id === meeting.id && pointer.date === meeting.date) return chat;
    return this.chats.putSeries({ ...chat.value, latestMeeting: { id: meeting.id, date: meeting.date } }, chat.etag);
  }
}
