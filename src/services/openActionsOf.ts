import type { Action, Series } from '../domain/types';
import type { ChatRecords } from '../store/chatRecords';
import type { ScheduledJobs } from '../store/scheduledJobs';

/**
 * A person's open actions across every chat in their tenant, each with its series. The reminder
 * jobs are the index (one per open action and owner), so this reads only that person's actions.
 */
export async function loadOpenActionsOf(deps: { chats: ChatRecords; jobs: ScheduledJobs }, tenantId: string, userId: string): Promise<Array<{ action: Action; series: Series }>> {
  const jobs = await deps.jobs.listReminderJobsOfOwner(tenantId, userId);
  const seriesCache = new Map<string, Series | undefined>();
  const found: Array<{ action: Action; series: Series }> = [];
  for (const job of jobs) {
    if (job.kind !== 'actionReminder') continue;
    const action = (await deps.chats.getAction(job.series, job.actionId))?.value;
    if (!action || action.status !== 'open' || !action.owners.some((owner) => owner.id === userId)) continue;
    if (!seriesCache.has(action.seriesId)) seriesCache.set(action.seriesId, (await deps.chats.getSeries(job.series))?.value);
    const series = seriesCache.get(action.seriesId);
    if (series) found.push({ action, series });
  }
  return found;
}
