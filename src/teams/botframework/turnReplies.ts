import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/render';
import type { CardCopy } from '../../domain/types';
import type { Logger } from '../../observability/logger';
import type { Messenger } from '../../services/messenger';
import type { BackgroundWork } from '../backgroundWork';
import type { ConversationRateLimiter } from '../conversationRateLimiter';
import { IN_TURN_TEAMS_RETRY, isConnectorUnreachable, withTeamsRetry } from '../teamsRetry';
import type { Replies, TurnFacts } from '../turn';
import { ConnectorUnreachableError } from './connectorHttpClient';
import { connectorUnreachableInTurn, markConnectorUnreachable } from './turnBreaker';

/** What a turn's replies go through besides the turn itself. */
export interface ReplyChannels {
  /** Proactive sends, for redrawing card copies after the turn has answered. */
  messenger: Messenger;
  /** The same per-conversation pacing proactive sends use. */
  limiter: ConversationRateLimiter;
  /** Where redraws run once the turn has answered. */
  background: BackgroundWork;
  logger: Logger;
}

/** The longest a reply waits for its turn in a busy chat before it goes anyway (Teams is waiting on the turn). */
const IN_TURN_MAX_WAIT_MS = 2000;

/** How handlers' replies reach Teams in a botbuilder turn. */
export function turnReplies(context: TurnContext, facts: TurnFacts, channels: ReplyChannels): Replies {
  const cardActivity = (card: AdaptiveCardJson) => MessageFactory.attachment(CardFactory.adaptiveCard(card));
  const send = inTurnSender(context, channels.limiter);
  return {
    say: async (text) => {
      await send(() => context.sendActivity(text));
    },
    sendCard: async (card) => {
      const response = await send(() => context.sendActivity(cardActivity(card)));
      return response?.id ? { conversationId: facts.key.conversationId, activityId: response.id, serviceUrl: facts.serviceUrl } : undefined;
    },
    replaceCard: async (activityId, card) => {
      await send(() => context.updateActivity({ ...cardActivity(card), id: activityId }));
    },
    redraw: async (copies, card) => {
      // After the answer: the clicker is not kept waiting on other copies, or on Teams' retries of them.
      channels.background.run('redraw card copies', () => redrawEach(copies, card, channels));
    },
  };
}

/**
 * Sends within a turn: paced per conversation like proactive sends, retried briefly, and once the
 * connector has proved unreachable in this turn, later sends fail at once rather than each waiting
 * out the timeout again.
 */
export function inTurnSender(context: TurnContext, limiter: ConversationRateLimiter): <T>(call: () => Promise<T>) => Promise<T> {
  return async (call) => {
    if (connectorUnreachableInTurn(context)) throw new ConnectorUnreachableError('unreachable earlier in this turn');
    await limiter.acquire(context.activity.conversation.id, IN_TURN_MAX_WAIT_MS);
    try {
      return await withTeamsRetry(call, IN_TURN_TEAMS_RETRY);
    } catch (error) {
      if (isConnectorUnreachable(error)) markConnectorUnreachable(context);
      throw error;
    }
  };
}

async function redrawEach(copies: readonly CardCopy[], card: AdaptiveCardJson, channels: ReplyChannels): Promise<void> {
  for (const copy of copies) {
    try {
      await channels.messenger.update(copy, card);
    } catch (error) {
      channels.logger.warn({ err: error, copy: copy.activityId }, 'could not update a copy of the action card');
    }
  }
}
