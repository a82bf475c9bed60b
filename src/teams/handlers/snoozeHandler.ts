import { renderActionCard } from '../../cards/actionCard';
import { formatDueDate, localDate } from '../../domain/dateFormat';
import { reminderJobId } from '../../domain/scheduling/jobIds';
import { retryOnConflict } from '../../services/retryOnConflict';
import { readActionTarget } from '../cardData';
import { answerInvokeWithCard } from '../cardReplies';
import { resolveCardTarget } from '../cardTarget';
import { answerNotice } from './cardChange';
import type { CardActionHandler } from './handlerTypes';

/** Snooze on a reminder: the owner's next reminder for this action comes after 1 or 7 days. */
export const handleSnooze: CardActionHandler = async (context, deps, info, data) => {
  const target = readActionTarget(data);
  if (!target.ok) return answerNotice(context, target.message);
  const days = (data as { days?: unknown }).days;
  if (days !== 1 && days !== 7) return answerNotice(context, 'Snooze for 1 day or 1 week, using the buttons on the reminder.');
  const found = await resolveCardTarget(deps, info, target.value);
  if (!found.ok) return answerNotice(context, found.message);
  const action = (await deps.store.getAction(found.key, target.value.actionId))?.value;
  if (!action) return answerNotice(context, 'That action no longer exists.');
  const until = new Date(Date.parse(info.now) + days * 24 * 60 * 60 * 1000).toISOString();
  const snoozed = await retryOnConflict(async () => {
    const job = await deps.schedule.getJob(info.key.tenantId, reminderJobId(action.id, info.speaker.id));
    if (!job || job.value.kind !== 'actionReminder') return false;
    await deps.schedule.putJob({ ...job.value, snoozedUntil: until, dueAt: until }, job.etag);
    return true;
  });
  const notice = snoozed
    ? { text: `Snoozed: I'll remind you again on ${formatDueDate(localDate(until, found.series.timeZone), info.locale)}.`, style: 'good' as const }
    : { text: 'Only owners of an open action get its reminders, so there is nothing to snooze.', style: 'attention' as const };
  await answerInvokeWithCard(context, renderActionCard(action, found.series, { viewer: info.speaker, reminder: true, notice, locale: info.locale, now: info.now }));
};
