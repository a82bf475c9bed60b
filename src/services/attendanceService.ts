import { withRememberedRoles } from '../domain/meetings/attendance';
import type { Meeting } from '../domain/meetings/meetingTypes';
import { attendeesFromRecords, markAttendedFromTeams, sessionsOfMeeting, type AttendanceRecord } from '../domain/meetings/teamsAttendance';
import { attendanceJobId } from '../domain/scheduling/jobIds';
import type { ScheduledJob } from '../domain/scheduling/schedulingTypes';
import type { Series, SeriesKey } from '../domain/types';
import type { Logger } from '../observability/logger';
import type { ChatRecords } from '../store/chatRecords';
import type { ScheduledJobs } from '../store/scheduledJobs';
import type { AttendanceReports } from './attendanceReports';
import { retryOnConflict } from './retryOnConflict';

/** What one look at a meeting's attendance report came to. */
export type AttendanceOutcome =
  /** Attendance taken: `listed` people in the report(s), `added` of them newly marked present. */
  | { kind: 'taken'; listed: number; added: number }
  /** Teams has no report for the meeting yet (the call has not ended, or there was none so far). */
  | { kind: 'notReady' }
  /** Nothing to take: the meeting or chat is gone, or Teams never said which online meeting the chat is. */
  | { kind: 'nothing' };

/** When to look at a report if Teams never says the meeting ended: this long after it started. */
const EXPECTED_LENGTH_MS = 3 * 60 * 60 * 1000;
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
  ) {}

  /**
   * Books the look at a new meeting's report for when it should have ended. Only meeting chats (a
   * Teams meeting id) have reports. A failure is logged and does not fail the capture that opened
   * the meeting: the meeting's end books it again.
   */
  async meetingOpened(series: Series, meeting: Meeting): Promise<void> {
    if (!series.meetingId) return;
    const dueAt = new Date(Date.parse(meeting.startedAt) + EXPECTED_LENGTH_MS).toISOString();
    await this.quietly(meeting, () => this.jobs.insertJob(this.jobFor(meeting, dueAt)));
  }

  /** The meeting closed: look at its report now (booking the look if opening did not). */
  async meetingEnded(key: SeriesKey, meeting: Meeting): Promise<void> {
    if (meeting.teamsAttendance) return;
    const at = meeting.endedAt ?? meeting.startedAt;
    await this.quietly(meeting, () =>
      retryOnConflict(async () => {
        const existing = await this.jobs.getJob(key.tenantId, attendanceJobId(meeting.id));
        if (existing) {
          await this.jobs.putJob({ ...existing.value, dueAt: at, ...(existing.value.kind === 'meetingAttendance' ? { giveUpAt: giveUpAfter(at) } : {}) }, existing.etag);
          return;
        }
        const series = (await this.chats.getSeries(key))?.value;
        if (series?.meetingId) await this.jobs.insertJob(this.jobFor(meeting, at));
      }),
    );
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

  private jobFor(meeting: Meeting, dueAt: string): ScheduledJob {
    const series = { tenantId: meeting.tenantId, conversationId: meeting.conversationId };
    return { id: attendanceJobId(meeting.id), tenantId: meeting.tenantId, kind: 'meetingAttendance', series, meetingId: meeting.id, dueAt, giveUpAt: giveUpAfter(dueAt) };
  }

  private async quietly(meeting: Meeting, book: () => Promise<unknown>): Promise<void> {
    try {
      await book();
    } catch (error) {
      this.logger.error({ err: error, meeting: meeting.id }, 'could not book taking attendance from Teams; the meeting\'s end books it again');
    }
  }
}

function giveUpAfter(at: string): string {
  return new Date(Date.parse(at) + LOOK_FOR_MS).toISOString();
}
