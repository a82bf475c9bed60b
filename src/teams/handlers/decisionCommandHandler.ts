import { renderDecisionCard } from '../../cards/decisionCard';
import { parseDecisionArgs } from '../../domain/decisionCommand';
import { recordDecision } from '../../services/captureService';
import { sendCard } from '../cardReplies';
import { seriesOf } from '../chatRoster';
import type { CommandHandler } from './handlerTypes';

/** `/decision …`: records a decision under the current item and posts its card. */
export const handleDecisionCommand: CommandHandler = async (context, deps, info, args) => {
  const parsed = parseDecisionArgs(args);
  if (parsed.kind === 'invalid') {
    await context.sendActivity(parsed.message);
    return;
  }
  const series = await seriesOf(deps, info);
  const { decision, created } = await recordDecision(
    deps.store,
    { key: info.key, sourceId: info.activityId, by: info.speaker, defaults: { timeZone: series.timeZone, now: info.now }, meetings: deps.meetings },
    parsed.text,
  );
  // A redelivered message already has its card; posting again would show the decision twice.
  if (!created) return;
  await sendCard(context, renderDecisionCard(decision, info.locale));
};
