import { renderActionCard } from '../../cards/actionCard';
import { formatDueDate, localDate } from '../../domain/dateFormat';
import { readActionTarget } from '../cardData';
import { cardTarget } from '../cardTarget';
import type { CardHandler } from '../turn';
import { findClickedAction, noticeCard } from './cardChange';

/** Snooze on a reminder: the owner's next reminder for this action comes after 1 or 7 days. */
export const handleSnooze: CardHandler = async (turn, data) => {
  const { facts } = turn;
  const target = readActionTarget(data);
  if (!target.ok) return noticeCard(target.message);
  const days = (data as { days?: unknown }).days;
  if (days !== 1 && days !== 7) return noticeCard('Snooze for 1 day or 1 week, using the buttons on the reminder.');
  const where = cardTarget(facts, target.value);
  if (!where.ok) return noticeCard(where.message);
  const found = await findClickedAction(turn, where.key, { id: target.value.actionId }, where.guard);
  if (!found.ok) return found.card;
  const { snoozed, until } = await turn.room.useCases.actions.snooze(facts.key, found.action.id, facts.speaker.id, days, facts.now);
  const notice = snoozed
    ? { text: `Snoozed: I'll remind you again on ${formatDueDate(localDate(until, found.series.timeZone), facts.locale)}.`, style: 'good' as const }
    : { text: 'Only owners of an open action get its reminders, so there is nothing to snooze.', style: 'attention' as const };
  return renderActionCard(found.action, found.series, { viewer: facts.speaker, reminder: true, notice, locale: facts.locale, now: facts.now });
};
