import { ActivityTypes, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCardJson } from '../cards/render';

/** Posts a card in the turn's conversation and returns the posted activity's id. */
export async function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<string | undefined> {
  const response = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  return response?.id;
}

/** Replaces a posted card in the turn's conversation. */
export async function replaceCard(context: TurnContext, activityId: string, card: AdaptiveCardJson): Promise<void> {
  await context.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: activityId });
}

/**
 * Answers an `adaptiveCard/action` invoke with a card for the person who clicked. Sent directly
 * rather than returned to teams-ai, which would copy a card with a `refresh` section onto everyone's
 * view; each copy's shared state is updated separately (see cardCopies.ts).
 */
export async function answerInvokeWithCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card } },
  });
}
