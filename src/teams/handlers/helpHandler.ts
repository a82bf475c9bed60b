import { renderHelpCard, type HelpReach } from '../../cards/helpCard';
import { helpTopicFor, isHelpTopic } from '../../cards/helpTopics';
import { formatDueDate, localDate } from '../../domain/dateFormat';
import { DEFAULT_BOT_NAME, type CardHandler, type CommandHandler, type Turn, type TurnFacts } from '../turn';

/**
 * `/help [topic]`: how to address the bot in this chat and one part of the commands, with a
 * button for each other part. A 1:1 chat opens on reminders; a meeting chat on capturing.
 */
export const handleHelp: CommandHandler = async (turn, args) => {
  const { facts } = turn;
  const reach = reachOf(facts);
  const topic = helpTopicFor(args) ?? (reach === 'personal' ? 'reminders' : 'capture');
  await turn.reply.sendCard(renderHelpCard({ topic, reach, botName: facts.botName, chatNotes: await suggestionsNote(turn) }));
};

/** A help card's button: the same card opened at another part, on the clicker's copy only. */
export const handleHelpTopic: CardHandler = async (turn, data) => {
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const reach: HelpReach = record['reach'] === 'bare' || record['reach'] === 'personal' ? record['reach'] : 'mention';
  const botName = typeof record['botName'] === 'string' && record['botName'].trim() ? record['botName'].trim().slice(0, 60) : DEFAULT_BOT_NAME;
  return renderHelpCard({ topic: isHelpTopic(record['topic']) ? record['topic'] : 'capture', reach, botName, chatNotes: await suggestionsNote(turn) });
};

/** A bare command reaching the bot in a group chat shows that this chat lets it read messages. */
function reachOf(facts: TurnFacts): HelpReach {
  if (facts.conversationType === 'personal') return 'personal';
  return facts.addressedToBot ? 'mention' : 'bare';
}

/**
 * Whether Copilot's suggested actions work in this chat, and why not: said only when
 * `COPILOT_INSIGHTS` is on, and only in a chat (suggestions are a meeting chat's).
 */
async function suggestionsNote(turn: Turn): Promise<string[]> {
  const { facts, room } = turn;
  const suggestions = room.useCases.suggestions;
  if (!suggestions || facts.conversationType === 'personal') return [];
  const series = (await room.useCases.chats.load(facts)).value;
  const availability = suggestions.availability(series);
  if (availability.kind === 'on') {
    return ["Suggested actions: after each meeting I read Copilot's recap and offer its action items here, to accept (checking the owner and adding a due date) or dismiss. Nothing is recorded until someone accepts."];
  }
  const on = formatDueDate(localDate(availability.at, series.timeZone), facts.locale);
  return [
    `Suggested actions from Copilot are off in this chat: Microsoft Graph refused this meeting's AI insights on ${on} (${availability.status}). The meeting's organizer needs a Microsoft 365 Copilot licence, and an admin must grant the app OnlineMeetingAiInsight.Read.All with an application access policy. I will ask again after a meeting a week from then.`,
  ];
}
