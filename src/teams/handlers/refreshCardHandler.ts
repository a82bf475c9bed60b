import { readActionTarget } from '../cardData';
import { resolveCardTarget } from '../cardTarget';
import { answerNotice, answerWithAction } from './cardChange';
import type { CardActionHandler } from './handlerTypes';

/** Teams' automatic refresh: answers with the viewer's own view of the action (buttons they may use). */
export const handleRefreshCard: CardActionHandler = async (context, deps, info, data) => {
  const target = readActionTarget(data);
  if (!target.ok) return answerNotice(context, target.message);
  const found = await resolveCardTarget(deps, info, target.value);
  if (!found.ok) return answerNotice(context, found.message);
  await answerWithAction(context, deps, info, found.series, target.value.actionId);
};
