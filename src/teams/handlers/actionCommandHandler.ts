import { renderActionCard } from '../../cards/actionCard';
import { renderActionFormCard } from '../../cards/actionFormCard';
import { parseActionArgs } from '../../domain/actionCommand';
import { captureAction } from '../../services/captureService';
import { rememberCardCopy } from '../../services/actionChangeService';
import { keepRemindersInStep } from '../afterActionChange';
import { sendCard } from '../cardReplies';
import { seriesWithMembers } from '../chatRoster';
import type { CommandHandler } from './handlerTypes';

/**
 * `/action …`: captures an action and posts its card, or posts the form when the text or the owner
 * is missing. A redelivered message finds the action it already created and does not post twice.
 */
export const handleActionCommand: CommandHandler = async (context, deps, info, args) => {
  const series = await seriesWithMembers(context, deps, info);
  const parsed = parseActionArgs(args, {
    mentions: info.mentions,
    members: series.members,
    now: info.now,
    timeZone: info.timeZone ?? series.timeZone,
    locale: info.locale,
  });
  if (parsed.kind === 'invalid') {
    await context.sendActivity(parsed.message);
    return;
  }
  if (parsed.kind === 'needsForm') {
    const notice = parsed.reason === 'noOwner' ? 'Who will do it? Choose the owner(s), then save.' : '';
    await sendCard(context, renderActionFormCard(series, parsed.draft, notice));
    return;
  }
  const { action, created } = await captureAction(
    deps.store,
    { key: info.key, sourceId: info.activityId, by: info.speaker, defaults: { timeZone: series.timeZone, now: info.now }, meetings: deps.meetings },
    parsed.draft,
  );
  if (!created && action.cards.length > 0) return;
  await keepRemindersInStep(deps, info, action, series);
  const activityId = await sendCard(context, renderActionCard(action, series, { locale: info.locale, now: info.now }));
  if (activityId) {
    await rememberCardCopy(deps.store, info.key, action.id, { conversationId: info.key.conversationId, activityId, serviceUrl: info.serviceUrl });
  }
};
