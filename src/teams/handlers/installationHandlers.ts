import { personalTurnOf } from '../personalTurn';
import type { EventHandler } from '../turn';

/**
 * The first words in a group or meeting chat. Nothing at installation shows whether the chat let the
 * bot read its messages (resource-specific consent can be refused, and the Agents Playground never
 * grants it), so the welcome leads with the @mention, which always reaches the bot.
 */
function welcomeChat(botName: string): string {
  return `Hello! I keep this meeting's decisions and actions. Mention me to start: type @, pick ${botName}, then help. @${botName} /action Draft the letter @Derek Benson by Friday captures an action, /decision records a decision and /item sets the agenda item. Where this chat lets me read its messages (the app asks when it is added), commands work without the @mention too.`;
}
const WELCOME_PERSONAL =
  'Hello! I will send you reminders of your actions and a weekly digest here. Type /actions to see your open actions, /settings to choose when, and add me to a meeting chat to capture its decisions and actions.';

/**
 * The app was added to (or upgraded in) a chat: whoever added it is the fallback chair until the
 * meeting organizer is known, and the chat gets one welcome message. Removal needs no reply.
 */
export const handleInstalled: EventHandler<'installed'> = async (turn, event) => {
  const { facts, room } = turn;
  if (!event.action.startsWith('add')) return;
  if (facts.conversationType === 'personal') {
    await room.useCases.people.rememberPersonalChat(personalTurnOf(facts));
    if (event.action === 'add') await turn.reply.say(WELCOME_PERSONAL);
    return;
  }
  await room.useCases.chats.installedBy(facts, facts.speaker, turn.directory);
  if (event.action === 'add') await turn.reply.say(welcomeChat(facts.botName));
};

/** People joined or left the chat: re-read the members so initials and the owner picker stay right. */
export const handleMembersChanged: EventHandler<'membersChanged'> = async (turn) => {
  if (turn.facts.conversationType === 'personal') return;
  await turn.room.useCases.chats.refresh(turn.facts, turn.directory);
};
