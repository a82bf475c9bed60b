import type { AdaptiveCardJson } from '../cards/render';
import type { CardVerb } from '../cards/verbs';
import { parseCommand } from '../domain/command';
import { StoreUnavailableError } from '../store/storeErrors';
import { noticeCard } from './handlers/cardChange';
import { personalTurnOf } from './personalTurn';
import type { ExtensionCommandId } from './extensionCommands';
import { ROUTES, type RouteTable } from './routes';
import type { AnswerOf, DialogAnswer, EventHandler, ExtensionAction, Inbound, Turn } from './turn';

const PERSONAL_HINT =
  'Here in our 1:1 chat I can show /actions (your open actions across every meeting) and /settings (when I remind you), and I send your reminders and weekly digest. Actions and decisions are captured in the meeting chat: add me there and type /help.';
const STORE_DOWN = 'Not saved: the meeting record is unavailable right now. Nothing was changed; please try again in a minute.';

/**
 * Runs one turn through the route table: a message is read as a command once (ordinary chat is
 * ignored and never stored), a click goes to its verb's handler and its card is returned for the
 * invoke answer, a message-extension invoke to its command's step and its dialog answer returned,
 * an event to its handler. A store outage becomes a clear "not saved" answer instead of a failed
 * turn: nothing was written, since every store write is one conditional operation or one batch.
 */
export async function dispatch<I extends Inbound>(turn: Turn, inbound: I, routes: RouteTable = ROUTES): Promise<AnswerOf<I>> {
  return (await dispatchInbound(turn, inbound, routes)) as AnswerOf<I>;
}

async function dispatchInbound(turn: Turn, inbound: Inbound, routes: RouteTable): Promise<AdaptiveCardJson | DialogAnswer | undefined> {
  switch (inbound.kind) {
    case 'message':
      await dispatchMessage(turn, inbound.text, routes);
      return undefined;
    case 'cardAction':
      return dispatchCardAction(turn, inbound.verb, inbound.data, routes);
    case 'extensionAction':
      return dispatchExtensionAction(turn, inbound.action, routes);
    case 'event':
      await guarded(turn, () => (routes.events[inbound.event.kind] as EventHandler)(turn, inbound.event), async () => {
        // Only the welcome on installation answers in the chat; other events have nobody to tell.
        if (inbound.event.kind === 'installed') await turn.reply.say(STORE_DOWN);
      });
      return undefined;
  }
}

async function dispatchMessage(turn: Turn, text: string, routes: RouteTable): Promise<void> {
  const { facts, room } = turn;
  const personalChat = facts.conversationType === 'personal';
  // Everything said in a 1:1 chat is said to the bot, so there a message that is no command gets
  // told what the 1:1 chat can do instead of silence.
  const command = parseCommand(text, facts.addressedToBot || personalChat);
  if (!command) return;
  room.logger.info({ activityId: facts.activityId, tenant: facts.key.tenantId, conversation: facts.key.conversationId, command: command.name }, 'command');
  const say = () => turn.reply.say(STORE_DOWN);
  if (!personalChat) {
    if (command.name === 'unknown') return turn.reply.say(`I don't know "${command.word.slice(0, 40)}". Type /help to see what I can do.`);
    return guarded(turn, () => routes.commands[command.name](turn, command.args), say);
  }
  const [personal, args] = command.name === 'unknown' ? [undefined, ''] : [routes.personalCommands[command.name], command.args];
  await guarded(turn, async () => {
    await room.useCases.people.rememberPersonalChat(personalTurnOf(facts));
    if (personal) await personal(turn, args);
    else await turn.reply.say(PERSONAL_HINT);
  }, say);
}

async function dispatchCardAction(turn: Turn, verb: unknown, data: unknown, routes: RouteTable): Promise<AdaptiveCardJson> {
  const { facts, room } = turn;
  // Own keys only: a forged verb like "toString" or "__proto__" must not reach Object.prototype.
  const handler = typeof verb === 'string' && Object.hasOwn(routes.cardVerbs, verb) ? routes.cardVerbs[verb as CardVerb] : undefined;
  room.logger.info({ activityId: facts.activityId, conversation: facts.key.conversationId, verb: String(verb) }, 'card action');
  if (!handler) return noticeCard('This button is not one I know (the card may be from an older version). Type /help to see what I can do.');
  let answer: AdaptiveCardJson = noticeCard(STORE_DOWN);
  await guarded(turn, async () => {
    answer = await handler(turn, data ?? {});
  });
  return answer;
}

async function dispatchExtensionAction(turn: Turn, action: ExtensionAction, routes: RouteTable): Promise<DialogAnswer> {
  const { facts, room } = turn;
  room.logger.info({ activityId: facts.activityId, conversation: facts.key.conversationId, extensionCommand: action.commandId.slice(0, 64), step: action.step, context: action.context }, 'message extension');
  // Own keys only, as for card verbs: the command id is whatever the client sent.
  const command = Object.hasOwn(routes.extensionCommands, action.commandId) ? routes.extensionCommands[action.commandId as ExtensionCommandId] : undefined;
  if (!command) return { kind: 'message', text: 'That command is not one I know (the app may have been updated). Close this and choose it again from the menu.' };
  let answer: DialogAnswer = { kind: 'message', text: STORE_DOWN };
  await guarded(turn, async () => {
    answer = await command[action.step](turn, action);
  });
  return answer;
}

/** Runs a handler; a store outage is logged with what support needs and answered by `onOutage`. */
async function guarded(turn: Turn, run: () => Promise<void>, onOutage: () => Promise<void> = async () => undefined): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    const { facts } = turn;
    turn.room.logger.error({ err: error, activityId: facts.activityId, conversation: facts.key.conversationId, store: error.diagnostics }, 'store unavailable');
    await onOutage();
  }
}
