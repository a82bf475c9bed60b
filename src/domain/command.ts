/** Every command the bot answers in a chat, in the order `/help` lists them. */
export const COMMAND_NAMES = ['action', 'decision', 'item', 'actions', 'close', 'update', 'meeting', 'present', 'apologies', 'deputy', 'note', 'matters', 'approve', 'minutes', 'next', 'digest', 'planner', 'settings', 'help'] as const;

/** A command the bot knows. */
export type CommandName = (typeof COMMAND_NAMES)[number];

/** A chat message read as a command: its name and the raw text after the command word. */
export type ParsedCommand =
  | { name: CommandName; args: string }
  | { name: 'unknown'; word: string };

/**
 * Reads a chat message as a command, or returns undefined for ordinary chat, which the bot must
 * ignore and never store. With `ChatMessage.Read.Chat` the bot sees every message in the chat, so
 * without an @mention only `/word` counts; with one (`@Bot action …`), the slash is optional.
 * An unknown word is reported only when the bot was addressed: a stray `/shrug` meant for someone
 * else gets no reply.
 */
export function parseCommand(text: string, addressedToBot: boolean): ParsedCommand | undefined {
  const trimmed = text.replace(/^(\s|&nbsp;|<\/?p>)+/i, '');
  // "@Bot" alone is a request for help.
  if (addressedToBot && trimmed.trim() === '') return { name: 'help', args: '' };
  const match = /^(\/)?([a-z]+)(?=$|[\s,:.!?<&])(.*)$/is.exec(trimmed);
  if (!match) return addressedToBot && trimmed.trim() !== '' ? { name: 'unknown', word: trimmed.split(/\s/)[0] ?? '' } : undefined;
  const [, slash, word = '', rest = ''] = match;
  if (!slash && !addressedToBot) return undefined;
  const name = word.toLowerCase();
  const known = COMMAND_NAMES.find((command) => command === name);
  if (known) return { name: known, args: rest.replace(/^[\s:,]+/, '').trimEnd() };
  return addressedToBot ? { name: 'unknown', word } : undefined;
}
