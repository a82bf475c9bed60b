import type { Person } from './types';

/** Someone @mentioned in a message: the markup Teams put in the text, and who it names. */
export interface MentionedPerson {
  /** The exact markup in the message text, e.g. `<at>Derek Benson</at>`. */
  markup: string;
  person: Person;
}

/** A marker that survives plain-text cleaning and cannot be typed by a person. */
const TOKEN = (index: number): string => `\uE000${index}\uE001`;
const TOKEN_PATTERN = /\uE000(\d+)\uE001/g;

/**
 * Whether `markup` is a mention tag as Teams writes one in the text (`<at>Derek Benson</at>`, or
 * `<at id="0">…</at>` in a message's HTML). A mention entity claiming other text (a bare "a") would
 * otherwise turn every "a" into that person.
 */
export function isMentionMarkup(markup: string): boolean {
  return /^<at(?:\s[^<>]*)?>[^<>]+<\/at>$/u.test(markup);
}

/** Replaces each mention's markup with a private token so the text can be cleaned without losing who was mentioned. */
export function tokenizeMentions(text: string, mentions: readonly MentionedPerson[]): string {
  return mentions.reduce((out, mention, index) => (isMentionMarkup(mention.markup) ? out.split(mention.markup).join(TOKEN(index)) : out), text);
}

/** Puts mentioned people's plain names back where their tokens stand. */
export function untokenizeMentions(text: string, mentions: readonly MentionedPerson[]): string {
  return text.replace(TOKEN_PATTERN, (_whole, index: string) => mentions[Number(index)]?.person.name ?? '');
}

/** If the text ends (or starts) with a mention token, returns the mention and the text without it. */
export function takeMentionAt(
  text: string,
  where: 'start' | 'end',
  mentions: readonly MentionedPerson[],
): { mention: MentionedPerson; rest: string } | undefined {
  const pattern = where === 'end' ? /\uE000(\d+)\uE001$/ : /^\uE000(\d+)\uE001/;
  const match = pattern.exec(text);
  const mention = match?.[1] === undefined ? undefined : mentions[Number(match[1])];
  if (!match || !mention) return undefined;
  const rest = where === 'end' ? text.slice(0, match.index) : text.slice(match[0].length);
  return { mention, rest };
}
