import { renderNoticeCard } from '../../cards/noticeCard';
import { formatActionRef } from '../../domain/actionRef';
import type { JobFailure, ScheduledJob } from '../../domain/scheduling/schedulingTypes';
import type { Person } from '../../domain/types';
import type { ChatAddress } from '../../services/notifier';
import type { SchedulerDeps } from '../schedulerDeps';

/**
 * Tells the person a job was for that it could not reach them, and where to look instead: the
 * owner of a reminder, the person of a weekly digest, the chair of a chair's digest. Tried once, by
 * whatever way still works (their 1:1 chat, else the meeting chat); when nothing does, the log has it.
 */
export async function tellAboutGivingUp(deps: SchedulerDeps, job: ScheduledJob, failure: JobFailure): Promise<void> {
  const target = await recipientOf(deps, job);
  if (!target) return;
  const card = renderNoticeCard({ title: 'A message I could not deliver', message: `${target.what} could not be delivered: ${failure.reason}. ${target.instead}`, style: 'warning' });
  try {
    await deps.notifier.notifyPerson({ tenantId: job.tenantId, person: target.person, ...(target.chat ? { chat: target.chat } : {}) }, card, `${target.what} could not be delivered.`);
  } catch (error) {
    deps.logger.warn({ err: error, jobId: job.id }, 'could not tell anyone that a scheduled job gave up');
  }
}

async function recipientOf(deps: SchedulerDeps, job: ScheduledJob): Promise<{ person: Person; what: string; instead: string; chat?: ChatAddress } | undefined> {
  switch (job.kind) {
    case 'actionReminder': {
      const { series, action } = await deps.storage.chats.getSeriesAndAction(job.series, { id: job.actionId });
      const owner = action?.value.owners.find((person) => person.id === job.ownerId);
      if (!series || !action || !owner) return undefined;
      const chat = series.value.serviceUrl ? { key: job.series, serviceUrl: series.value.serviceUrl } : undefined;
      return { person: owner, what: `Your reminder of ${formatActionRef(action.value.number)}`, instead: 'Type /actions here to see your open actions.', ...(chat ? { chat } : {}) };
    }
    case 'weeklyDigest': {
      const profile = (await deps.storage.users.getProfile(job.tenantId, job.userId))?.value;
      const person = { id: job.userId, name: profile?.name ?? 'you', ...(profile?.teamsId ? { teamsId: profile.teamsId } : {}) };
      return { person, what: 'Your weekly digest', instead: 'Type /actions here to see your open actions.' };
    }
    case 'chairDigest': {
      const series = (await deps.storage.chats.getSeries(job.series))?.value;
      if (!series?.chair) return undefined;
      const chat = series.serviceUrl ? { key: job.series, serviceUrl: series.serviceUrl } : undefined;
      return { person: series.chair, what: 'The action log for your next meeting', instead: 'Type /digest in the meeting chat to see it.', ...(chat ? { chat } : {}) };
    }
  }
}
