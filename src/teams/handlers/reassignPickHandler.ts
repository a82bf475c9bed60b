import { canManage } from '../../domain/actionTransitions';
import { formatActionRef } from '../../domain/actionRef';
import { isChair } from '../../domain/series';
import { readActionTarget } from '../cardData';
import { cardTarget } from '../cardTarget';
import type { CardHandler } from '../turn';
import { clickerCard, findClickedAction, noticeCard } from './cardChange';

/**
 * The card's Reassign button: answers the clicker (an owner or the chair) with their copy of the
 * card showing the owner picker, so no shared copy carries one. Picking and pressing Reassign there
 * saves (`reassignActionHandler.ts`); Cancel redraws the card without it.
 */
export const handleReassignPick: CardHandler = async (turn, data) => {
  const { facts } = turn;
  const target = readActionTarget(data);
  if (!target.ok) return noticeCard(target.message);
  const where = cardTarget(facts, target.value);
  if (!where.ok) return noticeCard(where.message);
  const found = await findClickedAction(turn, where.key, { id: target.value.actionId }, where.guard);
  if (!found.ok) return found.card;
  const { action, series } = found;
  if (action.status !== 'open') return clickerCard(turn, action, series, { text: `${formatActionRef(action.number)} is closed.`, style: 'accent' });
  if (!canManage(action, { person: facts.speaker, isChair: isChair(series, facts.speaker.id) })) {
    const owners = action.owners.map((owner) => owner.name).join(', ');
    return clickerCard(turn, action, series, { text: `Only ${owners} or the chair can reassign ${formatActionRef(action.number)}. You can add an update instead.`, style: 'attention' });
  }
  return clickerCard(turn, action, series, undefined, true);
};
