import type { Meeting } from '../domain/meetings/meetingTypes';
import type { ScheduledJob } from '../domain/scheduling/schedulingTypes';
import type { Series, SeriesKey } from '../domain/types';
import type { Logger } from '../observability/logger';
import type { ChatRecords } from '../store/chatRecords';
import type { ScheduledJobs } from '../store/scheduledJobs';
import { retryOnConflict } from './retryOnConflict';

/** When to look if Teams never says the meeting ended: this long after it started. */
const EXPECTED_LENGTH_MS = 3 * 60 * 60 * 1000;

/** A scheduled look at what Teams keeps of a meeting once it has ended (its attendance report, Copilot's recap). */
export interface AfterMeetingLookSpec {
  kind: 'meetingAttendance' | 'meetingInsights';
  /** The one job of this kind for a meeting. */
  idOf(meetingId: string): string;
  /** How long after it is first due the job keeps looking before it gives up. */
  lookForMs: number;
  /** Whether the meeting already has what the look is for: then nothing is booked. */
  done(meeting: Meeting): boolean;
  /** What is looked at, for the log when booking fails ("taking attendance from Teams"). */
  what: string;
}

/**
 * Books the job that looks at a meeting after it ends: due at its expected end when it opens, moved
 * to its real end when Teams or `/meeting end` closes it, so a missing `meetingEnd` event only
 * delays it. Only meeting chats (a Teams meeting id) have anything to look at. A booking that fails
 * is logged and does not fail the capture or command that opened or closed the meeting.
 */
export class AfterMeetingLook {
  constructor(
    private readonly chats: ChatRecords,
    private readonly jobs: ScheduledJobs,
    private readonly logger: Logger,
    private readonly spec: AfterMeetingLookSpec,
  ) {}

  /** Books the look for when the new meeting should have ended. */
  async meetingOpened(series: Series, meeting: Meeting): Promise<void> {
    if (!series.meetingId) return;
    const dueAt = new Date(Date.parse(meeting.startedAt) + EXPECTED_LENGTH_MS).toISOString();
    await this.quietly(meeting, () => this.jobs.insertJob(this.jobFor(meeting, dueAt)));
  }

  /** The meeting closed: look from now (booking the look if opening did not). */
  async meetingEnded(key: SeriesKey, meeting: Meeting): Promise<void> {
    if (this.spec.done(meeting)) return;
    const at = meeting.endedAt ?? meeting.startedAt;
    await this.quietly(meeting, () =>
      retryOnConflict(async () => {
        const existing = await this.jobs.getJob(key.tenantId, this.spec.idOf(meeting.id));
        if (existing) {
          const job = existing.value;
          await this.jobs.putJob({ ...job, dueAt: at, ...(job.kind === this.spec.kind ? { giveUpAt: this.giveUpAfter(at) } : {}) }, existing.etag);
          return;
        }
        const series = (await this.chats.getSeries(key))?.value;
        if (series?.meetingId) await this.jobs.insertJob(this.jobFor(meeting, at));
      }),
    );
  }

  private jobFor(meeting: Meeting, dueAt: string): ScheduledJob {
    const series = { tenantId: meeting.tenantId, conversationId: meeting.conversationId };
    return { id: this.spec.idOf(meeting.id), tenantId: meeting.tenantId, kind: this.spec.kind, series, meetingId: meeting.id, dueAt, giveUpAt: this.giveUpAfter(dueAt) };
  }

  private giveUpAfter(at: string): string {
    return new Date(Date.parse(at) + this.spec.lookForMs).toISOString();
  }

  private async quietly(meeting: Meeting, book: () => Promise<unknown>): Promise<void> {
    try {
      await book();
    } catch (error) {
      this.logger.error({ err: error, meeting: meeting.id }, `could not book ${this.spec.what}; the meeting's end books it again`);
    }
  }
}
