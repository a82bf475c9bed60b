import { ActivityTypes, type Request, type Response, type TurnContext } from 'botbuilder';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { CardVerb } from '../cards/verbs';
import { parseCommand } from '../domain/command';
import { StoreUnavailableError } from '../store/storeErrors';
import type { BotDeps } from './botDeps';
import { answerNotice } from './handlers/cardChange';
import { handleInstalled, handleMembersChanged } from './handlers/installationHandlers';
import { registerMeetingEvents } from './meetings/meetingEvents';
import { rememberPersonalChat } from './personalChat';
import { sendRepliesAsPlainText } from './plainReplies';
import { CARD_ROUTES, COMMAND_ROUTES, PERSONAL_ROUTES } from './routes';
import { readTurn, type TurnInfo } from './turnInfo';

/** Bot Framework credentials; all empty means local mode (no authentication, for tests and the Playground). */
export interface BotCredentials {
  appId: string;
  appPassword: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId: string;
}

/** The running bot: the adapter that speaks HTTP and the app that routes turns. */
export interface BotApp {
  adapter: TeamsAdapter;
  app: Application<TurnState>;
  /**
   * Handles one HTTP request to /api/messages: the adapter authenticates it (unless in local mode)
   * and runs the app. The HTTP room calls this and so never needs a Teams type.
   */
  handleMessages(req: Request, res: Response): Promise<void>;
}

const ACTION_INVOKE = 'adaptiveCard/action';
const PERSONAL_HINT =
  'Here I can show /actions (your open actions across meetings) and /settings (when I remind you). Actions and decisions are captured in the meeting chat: add me there and type /help.';

/**
 * Builds the teams-ai application and its route table. Invokes are answered first (Teams waits at
 * most a few seconds); messages that are not commands match no route and get no reply.
 */
export function createBotApp(deps: BotDeps, credentials: BotCredentials, onTurnError?: (error: unknown) => void): BotApp {
  const adapter = new TeamsAdapter({
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword,
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.tenantId,
  });
  const app = new Application<TurnState>({ adapter, botAppId: credentials.appId, startTypingTimer: false, removeRecipientMention: true });

  app.turn('beforeTurn', async (context) => {
    sendRepliesAsPlainText(context);
    return true;
  });

  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke && context.activity.name === ACTION_INVOKE,
    async (context) => {
      const info = readTurn(context, deps.clock.now());
      const action = ((context.activity.value ?? {}) as { action?: { verb?: unknown; data?: unknown } }).action ?? {};
      // Own keys only: a forged verb like "toString" or "__proto__" must not reach Object.prototype.
      const handler = typeof action.verb === 'string' && Object.hasOwn(CARD_ROUTES, action.verb) ? CARD_ROUTES[action.verb as CardVerb] : undefined;
      deps.logger.info({ activityId: info.activityId, conversation: info.key.conversationId, verb: String(action.verb) }, 'card action');
      if (!handler) return answerNotice(context, 'This button is not one I know (the card may be from an older version). Type /help to see what I can do.');
      await guarded(context, deps, info, () => handler(context, deps, info, action.data ?? {}), true);
    },
    true,
  );

  app.message(
    async (context) => commandOf(context) !== undefined,
    async (context) => {
      const info = readTurn(context, deps.clock.now());
      const command = commandOf(context);
      if (!command) return;
      deps.logger.info({ activityId: info.activityId, conversation: info.key.conversationId, command: command.name }, 'command');
      if (command.name === 'unknown') {
        await context.sendActivity(`I don't know "${command.word.slice(0, 40)}". Type /help to see what I can do.`);
        return;
      }
      if (info.conversationType === 'personal') {
        const personal = PERSONAL_ROUTES[command.name];
        await guarded(context, deps, info, async () => {
          await rememberPersonalChat(deps, info);
          if (personal) await personal(context, deps, info, command.args);
          else await context.sendActivity(PERSONAL_HINT);
        }, false);
        return;
      }
      await guarded(context, deps, info, () => COMMAND_ROUTES[command.name](context, deps, info, command.args), false);
    },
  );

  registerMeetingEvents(app, deps);

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const info = readTurn(context, deps.clock.now());
    await guarded(context, deps, info, () => handleInstalled(context, deps, info), false);
  });
  app.conversationUpdate('membersAdded', async (context) => handleMembersChanged(context, deps, readTurn(context, deps.clock.now())));
  app.conversationUpdate('membersRemoved', async (context) => handleMembersChanged(context, deps, readTurn(context, deps.clock.now())));

  app.error(async (context, error) => {
    deps.logger.error({ err: error, activityId: context.activity.id, conversation: context.activity.conversation?.id }, 'turn failed');
    onTurnError?.(error);
    if (context.activity.type === ActivityTypes.Message) {
      await context.sendActivity('Something went wrong on my side and I could not finish that. Please try again in a moment.');
    }
  });
  return {
    adapter,
    app,
    handleMessages: (req, res) =>
      adapter.process(req, res, async (context) => {
        await app.run(context);
      }),
  };
}

function commandOf(context: TurnContext) {
  if (context.activity.type !== ActivityTypes.Message || typeof context.activity.text !== 'string') return undefined;
  const addressed = (context.activity.entities ?? []).some(
    (entity) => entity.type === 'mention' && (entity as { mentioned?: { id?: string } }).mentioned?.id === context.activity.recipient?.id,
  );
  return parseCommand(context.activity.text, addressed);
}

/**
 * Runs a handler, turning a store outage into a clear "not saved, try again" answer instead of a
 * failed turn. Nothing was written: every store write is a single conditional operation.
 */
async function guarded(context: TurnContext, deps: BotDeps, info: TurnInfo, run: () => Promise<void>, isInvoke: boolean): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    deps.logger.error({ err: error, activityId: info.activityId, conversation: info.key.conversationId, store: error.diagnostics }, 'store unavailable');
    const message = 'Not saved: the meeting record is unavailable right now. Nothing was changed; please try again in a minute.';
    if (isInvoke) await answerNotice(context, message);
    else await context.sendActivity(message);
  }
}
