import type { ScheduledJob } from '../../domain/scheduling/schedulingTypes';
import { GraphRefused, GraphUnavailable } from '../../services/graphFailures';
import type { JobOutcome } from '../jobOutcome';
import type { SchedulerDeps } from '../schedulerDeps';

type AttendanceJob = Extract<ScheduledJob, { kind: 'meetingAttendance' }>;

/** How long to wait before looking again for a report Teams has not made yet, or while Graph is down. */
const LOOK_AGAIN_MS = 10 * 60 * 1000;

/**
 * Takes a meeting's attendance from Teams' report once the meeting is over. No report yet (the
 * call goes on, Teams is still making it) or Graph down: it looks again in ten minutes, until the
 * job's `giveUpAt`. Graph refusing (the permission or access policy is missing) ends it with one
 * log line that says what to grant; the minutes then show what was typed.
 */
export async function runMeetingAttendance(deps: SchedulerDeps, job: AttendanceJob, now: string): Promise<JobOutcome> {
  if (!deps.attendance) return { kind: 'delete' };
  const where = { jobId: job.id, meeting: job.meetingId, conversation: job.series.conversationId };
  try {
    const outcome = await deps.attendance.takeAttendance(job.series, job.meetingId, now);
    if (outcome.kind === 'taken') deps.logger.info({ ...where, listed: outcome.listed, added: outcome.added }, 'attendance taken from Teams');
    if (outcome.kind !== 'notReady') return { kind: 'delete' };
  } catch (error) {
    if (error instanceof GraphRefused) {
      deps.logger.warn(
        { ...where, status: error.status },
        'Microsoft Graph refused the attendance report: grant OnlineMeetingArtifact.Read.All and an application access policy for the organizer (docs/DEPLOY.md); attendance stays as typed',
      );
      return { kind: 'delete' };
    }
    if (!(error instanceof GraphUnavailable)) throw error;
    deps.logger.warn({ ...where, status: error.status, err: error }, 'Microsoft Graph is unavailable; will look for the attendance report again');
  }
  if (now >= job.giveUpAt) {
    deps.logger.info(where, 'no attendance report from Teams for this meeting; attendance stays as typed');
    return { kind: 'delete' };
  }
  const base: AttendanceJob = { ...job };
  delete base.leaseUntil;
  delete base.leaseOwner;
  return { kind: 'retime', job: { ...base, dueAt: new Date(Date.parse(now) + LOOK_AGAIN_MS).toISOString() } };
}
