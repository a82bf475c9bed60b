import type { AddressInfo } from 'node:net';
import { AdaptiveCardActionExecuteResponseType, Application, TeamsAdapter, TurnState, type AdaptiveCard } from '@microsoft/teams-ai';
import { CardFactory, MessageFactory } from 'botbuilder';
import restify from 'restify';

/** A running echo bot. */
export interface EchoBot {
  url: string;
  close(): Promise<void>;
}

/** A small card: what the echo bot answers with, so both bots send an Adaptive Card. */
function echoCard(text: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'TextBlock', text, wrap: true }],
    actions: [{ type: 'Action.Execute', title: 'Close', verb: 'echo.close', data: { echo: true } }],
  };
}

/**
 * The baseline: the same botbuilder + teams-ai + restify stack as the bot, with no store and no
 * logic. It replies to every message with a card and answers every Universal Action with a card
 * that replaces the clicked one for everyone (`REPLACE_FOR_ALL`: one connector update, then the
 * invoke answer), which is the same connector work the bot does on Close.
 */
export async function startEchoBot(host = '127.0.0.1'): Promise<EchoBot> {
  const adapter = new TeamsAdapter({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' });
  const app = new Application<TurnState>({
    adapter,
    botAppId: '',
    startTypingTimer: false,
    removeRecipientMention: true,
    adaptiveCards: { actionExecuteResponseType: AdaptiveCardActionExecuteResponseType.REPLACE_FOR_ALL },
  });
  app.message(/.*/, async (context) => {
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(echoCard(`Echo: ${context.activity.text ?? ''}`))));
  });
  app.adaptiveCards.actionExecute(/.*/, async () => echoCard('Closed.'));

  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024 }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      await app.run(context);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
