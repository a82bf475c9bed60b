import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/render';
import type { CardCopy } from '../../domain/types';
import type { Logger } from '../../observability/logger';
import type { Messenger } from '../../services/messenger';
import type { Replies, TurnFacts } from '../turn';

/** How handlers' replies reach Teams in a botbuilder turn. */
export function turnReplies(context: TurnContext, facts: TurnFacts, messenger: Messenger, logger: Logger): Replies {
  const cardActivity = (card: AdaptiveCardJson) => MessageFactory.attachment(CardFactory.adaptiveCard(card));
  const inThisConversation = (copy: CardCopy) => copy.conversationId === facts.key.conversationId || copy.conversationId === context.activity.conversation.id;
  return {
    say: async (text) => {
      await context.sendActivity(text);
    },
    sendCard: async (card) => {
      const response = await context.sendActivity(cardActivity(card));
      return response?.id ? { conversationId: facts.key.conversationId, activityId: response.id, serviceUrl: facts.serviceUrl } : undefined;
    },
    replaceCard: async (activityId, card) => {
      await context.updateActivity({ ...cardActivity(card), id: activityId });
    },
    redraw: async (copies, card) => {
      for (const copy of copies) {
        try {
          // A copy in this conversation is updated within the turn; one elsewhere (a reminder in a 1:1 chat) proactively.
          if (inThisConversation(copy)) await context.updateActivity({ ...cardActivity(card), id: copy.activityId });
          else await messenger.update(copy, card);
        } catch (error) {
          logger.warn({ err: error, copy: copy.activityId }, 'could not update a copy of the action card');
        }
      }
    },
  };
}
