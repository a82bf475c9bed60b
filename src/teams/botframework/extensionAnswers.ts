import { ActivityTypes, CardFactory, MessageFactory, type Activity, type MessagingExtensionActionResponse, type TurnContext } from 'botbuilder';
import type { DialogAnswer } from '../turn';

/**
 * The invoke answer Teams expects for a message-extension action (botbuilder's
 * `MessagingExtensionActionResponse`): a dialog continues as a task module with the card, a message
 * shows as a short dialog, a preview is a `botMessagePreview` with exactly one Adaptive Card, and
 * closing is an empty answer.
 */
export function extensionResponse(answer: DialogAnswer): MessagingExtensionActionResponse {
  switch (answer.kind) {
    case 'dialog':
      return { task: { type: 'continue', value: { title: answer.title, width: 'medium', height: 'medium', card: CardFactory.adaptiveCard(answer.card) } } };
    case 'message':
      return { task: { type: 'message', value: answer.text } };
    case 'preview':
      return { composeExtension: { type: 'botMessagePreview', activityPreview: MessageFactory.attachment(CardFactory.adaptiveCard(answer.card)) as Activity } };
    case 'close':
      return {};
  }
}

/** Sends the invoke answer for a message-extension action (within Teams' five seconds). */
export async function answerExtension(context: TurnContext, answer: DialogAnswer): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: extensionResponse(answer) } });
}
