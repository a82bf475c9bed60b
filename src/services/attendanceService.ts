import { withRememberedRoles } from '../domain/meetings/attendance';
import type { Meeting } from '../domain/meetings/meetingTypes';
import { attendeesFromRecords, markAttendedFromTeams, sessionsOfMeeting, type AttendanceRecord } from '../domain/meetings/teamsAttendance';
import { attendanceJobId } from '../domain/scheduling/jobIds';
import type { Series, SeriesKey } from '../domain/types';
import type { Logger } from '../observability/logger';
import type { ChatRecords } from '../store/chatRecords';
import type { ScheduledJobs } from '../store/scheduledJobs';
import type { AttendanceReports } from './attendanceReports';
import { AfterMeetingLook } from './afterMeetingLook';
import { retryOnConflict } from './retryOnConflict';

/** What one look at a meeting's attendance report came to. */
export type AttendanceOutcome =
  /** Attendance taken: `listed` people in the report(s), `added` of them newly marked present. */
  | { kind: 'taken'; listed: number; added: number }
  /** Teams has no report for the meeting yet (the call has not ended, or there was none so far). */
  | { kind: 'notReady' }
  /** Nothing to take: the meeting or chat is gone, or Teams never said which online meeting the chat is. */
  | { kind: 'nothing' };

/** How long after the meeting (or its expected end) the bot keeps looking for a report. */
const LOOK_FOR_MS = 24 * 60 * 60 * 1000;

/** Meetings as `MeetingService` tells the attendance service about them. */
export interface MeetingWatcher {
  meetingOpened(series: Series, meeting: Meeting): Promise<void>;
  meetingEnded(key: SeriesKey, meeting: Meeting): Promise<void>;
}

/**
 * Takes attendance from Teams: each meeting of a Teams meeting chat gets a scheduled look at its
 * attendance report (Microsoft Graph), due at its expected end and moved to its real end when Teams
 * or `/meeting end` closes it, so a missing `meetingEnd` event only delays it. The report marks
 * present whoever the minute-taker had not recorded; apologies and deputies stay as typed.
 */
export class AttendanceService implements MeetingWatcher {
  constructor(
    private readonly chats: ChatRecords,
    private readonly jobs: ScheduledJobs,
    private readonly reports: AttendanceReports,
    private readonly logger: Logger,
  ) {
    this.look = new AfterMeetingLook(chats, jobs, logger, {
      kind: 'meetingAttendance',
      idOf: attendanceJobId,
      lookForMs: LOOK_FOR_MS,
      done: (meeting) => meeting.teamsAttendance !== undefined,
      what: 'taking attendance from Teams',
    });
  }

  private readonly look: AfterMeetingLook;

  /** Books the look at a new meeting for when it should have ended. */
  meetingOpened(series: Series, meeting: Meeting): Promise<void> {
    return this.look.meetingOpened(series, meeting);
  }

  /** The meeting closed: look from now (booking the look if opening did not). */
  meetingEnded(key: SeriesKey, meeting: Meeting): Promise<void> {
    return this.look.meetingEnded(key, meeting);
  }

  /**
   * Reads the reports of the meeting's sessions and marks their attendees present. Throws
   * `GraphRefused` or `GraphUnavailable` as the reports port does; the caller decides to retry.
   */
  async takeAttendance(key: SeriesKey, meetingId: string, now: string): Promise<AttendanceOutcome> {
    const [series, stored] = await Promise.all([this.chats.getSeries(key), this.chats.getMeeting(key, meetingId)]);
    const online = series?.value.onlineMeeting;
    if (!series || !stored || !online) return { kind: 'nothing' };
    const sessions = sessionsOfMeeting(await this.reports.sessions(key.tenantId, online), stored.value, series.value.timeZone, now);
    if (sessions.length === 0) return { kind: 'notReady' };
    const records: AttendanceRecord[] = [];
    for (const session of sessions) records.push(...(await this.reports.records(key.tenantId, online, session.id)));
    const people = withRememberedRoles(attendeesFromRecords(records, series.value.members), await this.chats.listMeetings(key));
    const added = await retryOnConflict(async () => {
      const current = await this.chats.getMeeting(key, meetingId);
      if (!current) return 0;
      const next = markAttendedFromTeams(current.value, people, now);
      await this.chats.putMeeting(next, current.etag);
      return next.present.length - current.value.present.length;
    });
    return { kind: 'taken', listed: people.length, added };
  }


}

