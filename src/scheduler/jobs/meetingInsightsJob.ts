import { renderSuggestedActionsCard } from '../../cards/suggestedActionsCard';
import type { ScheduledJob } from '../../domain/scheduling/schedulingTypes';
import { GraphUnavailable } from '../../services/graphFailures';
import type { RecapOutcome } from '../../services/suggestionService';
import type { JobOutcome } from '../jobOutcome';
import type { SchedulerDeps } from '../schedulerDeps';

type InsightsJob = Extract<ScheduledJob, { kind: 'meetingInsights' }>;

/** How long to wait before looking again for a recap Copilot has not made yet, or while Graph is down. */
const LOOK_AGAIN_MS = 15 * 60 * 1000;

/**
 * Reads Copilot's recap of a meeting once it is over and posts one Suggested actions card in the
 * meeting chat. No recap yet (Copilot takes a while after the call) or Graph down: it looks again
 * in a quarter of an hour, until the job's `giveUpAt`. Graph refusing (no Copilot licence, the
 * permission or the access policy) turns suggestions off in that chat, logged once with what to grant.
 * A card that could not be posted is posted by the next pass: the suggestions are kept, unposted.
 */
export async function runMeetingInsights(deps: SchedulerDeps, job: InsightsJob, now: string): Promise<JobOutcome> {
  if (!deps.suggestions) return { kind: 'delete' };
  const where = { jobId: job.id, meeting: job.meetingId, conversation: job.series.conversationId };
  try {
    const outcome = await deps.suggestions.readRecap(job.series, job.meetingId, now);
    if (outcome.kind === 'offer') {
      await offer(deps, job, outcome);
      return { kind: 'delete' };
    }
    if (outcome.kind === 'done') deps.logger.info({ ...where, listed: outcome.listed }, "Copilot's recap read; nothing new to suggest");
    if (outcome.kind === 'refused' && outcome.firstTime) {
      deps.logger.warn(
        { ...where, status: outcome.status },
        "Microsoft Graph refused the meeting's AI insights: the organizer needs a Microsoft 365 Copilot licence, and the app OnlineMeetingAiInsight.Read.All with an application access policy (docs/DEPLOY.md); suggested actions are off in this chat for now",
      );
    }
    if (outcome.kind !== 'notReady') return { kind: 'delete' };
  } catch (error) {
    if (!(error instanceof GraphUnavailable)) throw error;
    deps.logger.warn({ ...where, status: error.status, err: error }, "Microsoft Graph is unavailable; will look for Copilot's recap again");
  }
  if (now >= job.giveUpAt) {
    deps.logger.info(where, 'no recap from Copilot for this meeting; nothing to suggest');
    return { kind: 'delete' };
  }
  const base: InsightsJob = { ...job };
  delete base.leaseUntil;
  delete base.leaseOwner;
  return { kind: 'retime', job: { ...base, dueAt: new Date(Date.parse(now) + LOOK_AGAIN_MS).toISOString() } };
}

async function offer(deps: SchedulerDeps, job: InsightsJob, outcome: Extract<RecapOutcome, { kind: 'offer' }>): Promise<void> {
  const serviceUrl = outcome.series.serviceUrl;
  if (!serviceUrl) return;
  const card = renderSuggestedActionsCard(outcome.meeting, outcome.series, { locale: deps.defaultLocale });
  const delivery = await deps.notifier.postToChat({ key: job.series, serviceUrl }, card);
  if (delivery.activityId && delivery.conversationId && delivery.serviceUrl) {
    await deps.suggestions?.recordCard(job.series, job.meetingId, { conversationId: delivery.conversationId, activityId: delivery.activityId, serviceUrl: delivery.serviceUrl });
  }
  deps.logger.info({ jobId: job.id, meeting: job.meetingId, suggestions: outcome.suggestions.items.length }, 'suggested actions posted');
}
