import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { renderActionCard } from '../cards/actionCard';
import type { Action, CardCopy, Series } from '../domain/types';
import type { BotDeps } from './botDeps';
import type { TurnInfo } from './turnInfo';

/**
 * Redraws every posted copy of an action's card with its new state, so the meeting chat and any
 * reminder show the same thing. A copy that cannot be updated (deleted message, app removed) is
 * logged and skipped: the change itself is already saved.
 */
export async function refreshCardCopies(context: TurnContext, deps: BotDeps, info: TurnInfo, action: Action, series: Series): Promise<void> {
  const card = renderActionCard(action, series, { locale: info.locale, now: info.now });
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  for (const copy of action.cards) {
    try {
      if (copy.conversationId === info.key.conversationId || copy.conversationId === context.activity.conversation.id) {
        await context.updateActivity({ ...activity, id: copy.activityId });
      } else {
        await updateElsewhere(context, deps, copy, activity);
      }
    } catch (error) {
      deps.logger.warn({ err: error, actionId: action.id, copy: copy.activityId }, 'could not update a copy of the action card');
    }
  }
}

async function updateElsewhere(context: TurnContext, deps: BotDeps, copy: CardCopy, activity: ReturnType<typeof MessageFactory.attachment>): Promise<void> {
  const reference = {
    serviceUrl: copy.serviceUrl,
    channelId: 'msteams',
    conversation: { id: copy.conversationId, isGroup: false, conversationType: '', name: '' },
    bot: context.activity.recipient,
  };
  await context.adapter.continueConversationAsync(deps.botAppId, reference, async (other) => {
    await other.updateActivity({ ...activity, id: copy.activityId });
  });
}
