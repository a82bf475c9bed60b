import type { AttendanceRecord, AttendanceSession } from '../domain/meetings/teamsAttendance';
import type { OnlineMeetingRef } from '../domain/types';

/**
 * Teams' attendance reports of an online meeting (one per session, generated when the call ends),
 * read through Microsoft Graph in src/graph/. Both methods throw `GraphRefused` (403: the
 * permission or the application access policy is missing) or `GraphUnavailable`.
 */
export interface AttendanceReports {
  /** The meeting's sessions that have a report (Teams keeps the 50 most recent). */
  sessions(tenantId: string, meeting: OnlineMeetingRef): Promise<AttendanceSession[]>;
  /** Everyone one session's report lists, all pages of it. */
  records(tenantId: string, meeting: OnlineMeetingRef, sessionId: string): Promise<AttendanceRecord[]>;
}
