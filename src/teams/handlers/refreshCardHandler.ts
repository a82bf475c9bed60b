import { seriesIdOf } from '../../domain/seriesId';
import { readActionTarget } from '../cardData';
import { seriesOf } from '../chatRoster';
import { answerNotice, answerWithAction } from './cardChange';
import type { CardActionHandler } from './handlerTypes';

/** Teams' automatic refresh: answers with the viewer's own view of the action (buttons they may use). */
export const handleRefreshCard: CardActionHandler = async (context, deps, info, data) => {
  const target = readActionTarget(data);
  if (!target.ok) return answerNotice(context, target.message);
  if (target.value.seriesId !== seriesIdOf(info.key)) return answerNotice(context, 'That action belongs to another chat.');
  const series = await seriesOf(deps, info);
  await answerWithAction(context, deps, info, series, target.value.actionId);
};
