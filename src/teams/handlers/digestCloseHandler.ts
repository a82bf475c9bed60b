import { closeAction } from '../../domain/actionTransitions';
import { readActionTarget, readNote } from '../cardData';
import { cardTarget } from '../cardTarget';
import { myActionsPage } from '../lists/listPages';
import type { CardHandler } from '../turn';
import { noticeCard, redrawCopies } from './cardChange';

/**
 * Close from the weekly digest: closes the action (owners and the chair only), updates its card in
 * the meeting chat, and answers with the digest redrawn, so the person carries on down their list.
 */
export const handleDigestClose: CardHandler = async (turn, data) => {
  const { facts } = turn;
  const target = readActionTarget(data);
  if (!target.ok) return noticeCard(target.message);
  const field = (data as { noteField?: unknown }).noteField;
  const note = readNote({ closeNote: typeof field === 'string' ? (data as Record<string, unknown>)[field] : undefined }, 'closeNote', false);
  if (!note.ok) return noticeCard(note.message);
  const where = cardTarget(facts, target.value);
  if (!where.ok) return noticeCard(where.message);
  const result = await turn.room.useCases.actions.change(
    where.key,
    { id: target.value.actionId },
    { eventId: facts.activityId, at: facts.now, person: facts.speaker },
    (action, change) => closeAction(action, change, note.value || undefined),
    where.guard,
  );
  if (result.kind === 'notFound' || result.kind === 'forbidden') return noticeCard(result.reason);
  if (result.kind === 'changed') await redrawCopies(turn, result.action, result.series);
  const notice = result.kind === 'changed' ? `Closed ${result.action.text.length > 50 ? `${result.action.text.slice(0, 47)}…` : result.action.text}.` : result.reason;
  // The page the line was on, so the person carries on from where they were.
  const from = (data as { from?: unknown }).from;
  return myActionsPage(turn, { notice, series: result.series, ...(typeof from === 'number' && Number.isInteger(from) && from > 0 ? { from } : {}) });
};
