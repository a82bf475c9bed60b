import { ActivityTypes, INVOKE_RESPONSE_KEY, type Request, type Response, type TurnContext } from 'botbuilder';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { FederatedServiceClientCredentialsFactory } from 'botframework-connector';
import type { BotCredentials } from '../../config';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCardJson } from '../../cards/render';
import type { Clock } from '../../domain/clock';
import type { ChatDirectory } from '../../services/chatDirectory';
import type { Messenger } from '../../services/messenger';
import { BackgroundWork } from '../backgroundWork';
import { ConversationRateLimiter } from '../conversationRateLimiter';
import { dispatch } from '../dispatch';
import type { TeamsRetryPolicy } from '../teamsRetry';
import type { AnswerOf, ExtensionAction, Inbound, TeamsEvent, TeamsRoom } from '../turn';
import { connectorHttpClient } from './connectorHttpClient';
import { answerExtension } from './extensionAnswers';
import { readMeetingEvent, readParticipants } from './readEvents';
import { readExtensionAction } from './readExtensionAction';
import { BotFrameworkMessenger } from './messenger';
import { sendRepliesAsPlainText } from './plainReplies';
import { personFrom, readTurn } from './readTurn';
import { outsideTurnDirectory, teamsDirectory } from './teamsDirectory';
import { dropTypingIndicators } from './typingIndicators';
import { inTurnSender, turnReplies } from './turnReplies';

/** The Teams room's way in and way out: what the HTTP room calls, and what the scheduler sends through. */
export interface TeamsAdapterHandle {
  /**
   * Handles one HTTP request to /api/messages: the adapter authenticates it (unless in local mode)
   * and runs the turn. The HTTP room calls this and so never needs a Teams type.
   */
  handleMessages(req: Request, res: Response): Promise<void>;
  /** Sends outside a turn (reminders, digests, card copies elsewhere). */
  messenger: Messenger;
  /** A chat's members and meeting as Teams knows them, read outside a turn (the tabs' membership check). */
  directoryOf(address: ChatAddress): ChatDirectory;
  /** Resolves once the work turns left running after their answer (redrawing card copies) is done. */
  idle(): Promise<void>;
}

/** Where the bot reaches a chat outside a turn. */
export interface ChatAddress {
  serviceUrl: string;
  conversationId: string;
  meetingId?: string;
}

/** Options for the adapter. */
export interface TeamsAdapterOptions {
  clock: Clock;
  /** Called with every error that fails a turn (tests assert there were none). */
  onTurnError?: (error: unknown) => void;
  /** Retry policy for sends outside a turn. */
  retry?: TeamsRetryPolicy;
  /** How long one Bot Connector call may take before it counts as unreachable (default 5 s). */
  connectorTimeoutMs?: number;
}

/** Teams answers a bot within seconds; a connector call that takes longer than this has failed. */
const CONNECTOR_TIMEOUT_MS = 5000;

const ACTION_INVOKE = 'adaptiveCard/action';
const TURN_FAILED = 'Something went wrong on my side and I could not finish that. Type /actions to see what was saved before you try again.';
/** A message-extension action's two invokes: opening its dialog, and the dialog's Save. */
const EXTENSION_INVOKES: Record<string, ExtensionAction['step']> = { 'composeExtension/fetchTask': 'fetchTask', 'composeExtension/submitAction': 'submitAction' };

/**
 * Builds the botbuilder adapter and teams-ai application and registers one route per kind of
 * traffic (messages, card clicks, meeting and membership events), each of which reads the turn
 * into plain facts and hands it to the route table (`../dispatch.ts`). This folder is the only one
 * that knows botbuilder or teams-ai; moving to the Teams SDK replaces it.
 */
export function createTeamsAdapter(room: TeamsRoom, credentials: BotCredentials, options: TeamsAdapterOptions): TeamsAdapterHandle {
  const adapter = new TeamsAdapter(
    {
      MicrosoftAppId: credentials.appId,
      MicrosoftAppPassword: credentials.appPassword,
      MicrosoftAppType: credentials.appType,
      MicrosoftAppTenantId: credentials.tenantId,
    },
    // An Entra app with no secret signs in with a token of the managed identity it trusts.
    credentials.federatedClientId ? new FederatedServiceClientCredentialsFactory(credentials.appId, credentials.federatedClientId, credentials.tenantId) : undefined,
    undefined,
    { httpClient: connectorHttpClient(options.connectorTimeoutMs ?? CONNECTOR_TIMEOUT_MS) },
  );
  const limiter = new ConversationRateLimiter();
  const messenger = new BotFrameworkMessenger(adapter, credentials.appId, { limiter, ...(options.retry ? { retry: options.retry } : {}) });
  const background = new BackgroundWork(room.logger);
  const app = new Application<TurnState>({ adapter, botAppId: credentials.appId, startTypingTimer: false, removeRecipientMention: true });
  const connectorTimeoutMs = options.connectorTimeoutMs ?? CONNECTOR_TIMEOUT_MS;
  const run = <I extends Inbound>(context: TurnContext, inbound: I): Promise<AnswerOf<I>> => {
    const facts = readTurn(context, options.clock.now());
    const reply = turnReplies(context, facts, { messenger, limiter, background, logger: room.logger });
    const turn = { facts, room, reply, directory: teamsDirectory(context, facts.meetingId, room.logger, connectorTimeoutMs) };
    return dispatch(turn, inbound);
  };
  const onEvent = (read: (context: TurnContext) => TeamsEvent) => async (context: TurnContext) => {
    await run(context, { kind: 'event', event: read(context) });
  };

  app.turn('beforeTurn', async (context) => {
    sendRepliesAsPlainText(context);
    dropTypingIndicators(context);
    return true;
  });
  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke && context.activity.name === ACTION_INVOKE,
    async (context) => {
      const action = ((context.activity.value ?? {}) as { action?: { verb?: unknown; data?: unknown } }).action ?? {};
      const card = await run(context, { kind: 'cardAction', verb: action.verb, data: action.data });
      if (card) await answerInvokeWithCard(context, card);
    },
    true,
  );
  // Every command id is routed here rather than through teams-ai's per-command helpers, which answer
  // 501 to an id they do not know: the route table answers an unknown or missing id in words.
  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke && Object.hasOwn(EXTENSION_INVOKES, context.activity.name ?? ''),
    async (context) => {
      const step = EXTENSION_INVOKES[context.activity.name ?? ''] ?? 'fetchTask';
      await answerExtension(context, await run(context, { kind: 'extensionAction', action: readExtensionAction(context, step) }));
    },
    true,
  );
  app.message(
    async (context) => typeof context.activity.text === 'string',
    async (context) => {
      await run(context, { kind: 'message', text: context.activity.text });
    },
  );
  app.meetings.start(onEvent((context) => readMeetingEvent(context, 'meetingStart')));
  app.meetings.end(onEvent((context) => readMeetingEvent(context, 'meetingEnd')));
  app.meetings.participantsJoin(onEvent((context) => ({ kind: 'participantsJoined', people: readParticipants(context).map((member) => personFrom(member)) })));
  app.activity(ActivityTypes.InstallationUpdate, onEvent((context) => ({ kind: 'installed', action: String(context.activity.action ?? '') })));
  app.conversationUpdate('membersAdded', onEvent(() => ({ kind: 'membersChanged' })));
  app.conversationUpdate('membersRemoved', onEvent(() => ({ kind: 'membersChanged' })));

  app.error(async (context, error) => {
    room.logger.error({ err: error, activityId: context.activity.id, conversation: context.activity.conversation?.id }, 'turn failed');
    options.onTurnError?.(error);
    if (context.activity.type === ActivityTypes.Message) {
      try {
        // Part of what was asked may be saved: "try again" alone would invite a duplicate.
        await inTurnSender(context, limiter)(() => context.sendActivity(TURN_FAILED));
      } catch (sendError) {
        room.logger.warn({ err: sendError, activityId: context.activity.id }, 'could not tell the chat that a turn failed');
      }
    }
    if (Object.hasOwn(EXTENSION_INVOKES, context.activity.name ?? '') && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
      // A dialog answered in words rather than left to fail; whether a Save got as far as saving is unknown here.
      await answerExtension(context, { kind: 'message', text: 'Something went wrong on my side. Type /actions in the chat to see whether your action was saved before trying again.' });
    }
  });
  return {
    messenger,
    directoryOf: (address) => outsideTurnDirectory(adapter, credentials.appId, address, room.logger, connectorTimeoutMs),
    idle: () => background.idle(),
    handleMessages: (req, res) =>
      adapter.process(req, res, async (context) => {
        await app.run(context);
      }),
  };
}

/**
 * Answers an `adaptiveCard/action` invoke with a card for the person who clicked. Sent directly
 * rather than returned to teams-ai, which would copy a card with a `refresh` section onto everyone's
 * view; each copy's shared state is redrawn separately.
 */
async function answerInvokeWithCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card } },
  });
}
