import { COMMAND_HELP, HELP_TOPIC_CONTENT, HELP_TOPICS, type CommandHelp, type HelpTopic } from './helpTopics';
import { prepareCard, type AdaptiveCardJson } from './render';
import template from './templates/helpCard.json';
import { CARD_VERBS } from './verbs';

/**
 * How the person asking reaches the bot, which decides the card's first advice: `bare` when a
 * command without an @mention reached it (so this chat lets the bot read its messages), `mention`
 * when it had to be @mentioned (nothing shows that it may read the chat), `personal` in a 1:1 chat.
 */
export type HelpReach = 'bare' | 'mention' | 'personal';

/** What `/help` is drawn for. */
export interface HelpView {
  topic: HelpTopic;
  reach: HelpReach;
  /** The bot's name as the chat shows it, for the @mention advice. */
  botName: string;
  /** Lines about features this chat has on or off (Copilot's suggested actions), with why. */
  chatNotes?: readonly string[];
}

/** The data the help card binds to. */
export interface HelpCardData {
  intro: string;
  topicTitle: string;
  commands: CommandHelp[];
  notes: Array<{ line: string }>;
  moreHint: string;
  otherTopics: Array<{ topic: HelpTopic; title: string }>;
  reach: HelpReach;
  botName: string;
  verb: string;
}

const render = prepareCard<HelpCardData>(template);

/**
 * Draws `/help`: how to address the bot here, one part of the commands (with examples), and a
 * button for each other part. Short by design: the whole list is four cards' worth of scrolling.
 */
export function renderHelpCard(view: HelpView): AdaptiveCardJson {
  const content = HELP_TOPIC_CONTENT[view.topic];
  const others = HELP_TOPICS.filter((topic) => topic !== view.topic);
  return render({
    intro: introFor(view),
    topicTitle: content.title,
    commands: content.commands.map((name) => COMMAND_HELP[name]),
    notes: [...content.notes, ...(view.chatNotes ?? [])].map((line) => ({ line })),
    moreHint: `${others.map((topic) => `/help ${topic}`).join(', ')}, or the buttons below.`,
    otherTopics: others.map((topic) => ({ topic, title: HELP_TOPIC_CONTENT[topic].button })),
    reach: view.reach,
    botName: view.botName,
    verb: CARD_VERBS.helpTopic,
  });
}

function introFor({ reach, botName }: HelpView): string {
  switch (reach) {
    case 'bare':
      return 'Type these in the meeting chat, with or without @mentioning me.';
    case 'mention':
      return `Mention me first (type @ and pick me): @${botName} /action Draft the letter EF by Friday. Chats that let me read their messages (the app asks when it is added) can leave the @mention out.`;
    case 'personal':
      return 'Here in our 1:1 chat: /actions shows your open actions across every meeting and /settings when I remind you. Actions and decisions are captured in the meeting chat.';
  }
}
