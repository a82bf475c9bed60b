import { renderHelpCard, type HelpReach } from '../../cards/helpCard';
import { helpTopicFor, isHelpTopic } from '../../cards/helpTopics';
import { DEFAULT_BOT_NAME, type CardHandler, type CommandHandler, type TurnFacts } from '../turn';

/**
 * `/help [topic]`: how to address the bot in this chat and one part of the commands, with a
 * button for each other part. A 1:1 chat opens on reminders; a meeting chat on capturing.
 */
export const handleHelp: CommandHandler = async (turn, args) => {
  const { facts } = turn;
  const reach = reachOf(facts);
  const topic = helpTopicFor(args) ?? (reach === 'personal' ? 'reminders' : 'capture');
  await turn.reply.sendCard(renderHelpCard({ topic, reach, botName: facts.botName }));
};

/** A help card's button: the same card opened at another part, on the clicker's copy only. */
export const handleHelpTopic: CardHandler = async (_turn, data) => {
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const reach: HelpReach = record['reach'] === 'bare' || record['reach'] === 'personal' ? record['reach'] : 'mention';
  const botName = typeof record['botName'] === 'string' && record['botName'].trim() ? record['botName'].trim().slice(0, 60) : DEFAULT_BOT_NAME;
  return renderHelpCard({ topic: isHelpTopic(record['topic']) ? record['topic'] : 'capture', reach, botName });
};

/** A bare command reaching the bot in a group chat shows that this chat lets it read messages. */
function reachOf(facts: TurnFacts): HelpReach {
  if (facts.conversationType === 'personal') return 'personal';
  return facts.addressedToBot ? 'mention' : 'bare';
}
