import type { AttendanceRecord, AttendanceSession } from '../domain/meetings/teamsAttendance';
import type { OnlineMeetingRef } from '../domain/types';
import type { AttendanceReports } from '../services/attendanceReports';
import type { GraphClient } from './graphClient';

/** A meetingAttendanceReport as Graph lists it. */
interface ReportJson {
  id: string;
  meetingStartDateTime?: string;
  meetingEndDateTime?: string;
}

/** An attendanceRecord as Graph lists it; `identity.id` is the Azure AD object id (absent for anonymous guests). */
interface RecordJson {
  identity?: { id?: string | null; displayName?: string | null };
  emailAddress?: string | null;
}

/**
 * Attendance reports of a Teams meeting, read as the organizer's
 * (`/users/{organizer}/onlineMeetings/{id}/attendanceReports`). App-only access needs the
 * application permission `OnlineMeetingArtifact.Read.All` and an application access policy that
 * covers the organizer: the chat-scoped `OnlineMeetingArtifact.Read.Chat` serves only webinars
 * and town halls (see docs/DEPLOY.md).
 */
export class GraphAttendanceReports implements AttendanceReports {
  constructor(private readonly graph: GraphClient) {}

  async sessions(tenantId: string, meeting: OnlineMeetingRef): Promise<AttendanceSession[]> {
    const reports = await this.graph.getAll<ReportJson>(tenantId, `${meetingPath(meeting)}/attendanceReports`);
    return reports.flatMap((report) => {
      const start = instant(report.meetingStartDateTime);
      const end = instant(report.meetingEndDateTime);
      return start && end ? [{ id: report.id, start, end }] : [];
    });
  }

  async records(tenantId: string, meeting: OnlineMeetingRef, sessionId: string): Promise<AttendanceRecord[]> {
    const records = await this.graph.getAll<RecordJson>(tenantId, `${meetingPath(meeting)}/attendanceReports/${encodeURIComponent(sessionId)}/attendanceRecords`);
    return records.map((record) => {
      const userId = record.identity?.id?.trim();
      const name = record.identity?.displayName?.trim() || record.emailAddress?.trim() || 'Guest';
      return { ...(userId ? { userId } : {}), name };
    });
  }
}

function meetingPath(meeting: OnlineMeetingRef): string {
  return `/users/${encodeURIComponent(meeting.organizerId)}/onlineMeetings/${encodeURIComponent(meeting.id)}`;
}

function instant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
