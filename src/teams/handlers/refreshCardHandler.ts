import { readActionTarget } from '../cardData';
import { cardTarget } from '../cardTarget';
import type { CardHandler } from '../turn';
import { answerWithAction, noticeCard } from './cardChange';

/** Teams' automatic refresh: answers with the viewer's own view of the action (buttons they may use). */
export const handleRefreshCard: CardHandler = async (turn, data) => {
  const target = readActionTarget(data);
  if (!target.ok) return noticeCard(target.message);
  const where = cardTarget(turn.facts, target.value);
  if (!where.ok) return noticeCard(where.message);
  return answerWithAction(turn, where.key, { id: target.value.actionId }, undefined, where.guard);
};
