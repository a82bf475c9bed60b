import { stripJoiner, toPerson, type ActionDraft } from './actionCommand';
import { findDueDateIn, findTrailingDueDate } from './dueDate';
import { LIMITS } from './limits';
import { takeMentionAt, tokenizeMentions, untokenizeMentions, type MentionedPerson } from './mentions';
import { toPlainText } from './plainText';
import type { Member, Person } from './types';

/** A chat message an action is made from, as Teams delivers it with a message action. */
export interface SourceMessage {
  /** The message body as Teams sends it: HTML, with `<at id="0">…</at>` where someone is @mentioned. */
  html: string;
  /** The people it @mentions, each with the markup that stands for them in `html`. */
  mentions: MentionedPerson[];
}

/** A form's starting point, read from a message: the draft, and how long the text was when it had to be cut. */
export interface MessageDraft {
  draft: ActionDraft;
  /** Characters in the message's text when it was longer than an action may be (the draft holds its start). */
  cutFrom?: number;
}

/** What reading a message needs to know about the chat and the person reading it. */
export interface MessageDraftContext {
  members: readonly Member[];
  /** ISO instant the form is opened at. */
  now: string;
  timeZone: string;
  locale: string;
}

/**
 * Prefills an action from someone's message: its text as plain text (markup dropped, markdown kept
 * as the characters typed), everyone it @mentions who is in the chat as an owner, and a due date
 * read from its words. Mentions that open or close the text and a date phrase that ends it are
 * taken out, as `/action` does; a date said mid-sentence stays in the text. Nothing is refused: the
 * person checks the form before saving, so a text longer than an action may be is cut to its start.
 */
export function draftFromMessage(message: SourceMessage, context: MessageDraftContext): MessageDraft {
  let text = toPlainText(tokenizeMentions(message.html, message.mentions));
  const owners = uniqueById(message.mentions.flatMap((mention) => memberFor(mention.person, context.members))).slice(0, LIMITS.ownersPerAction);

  for (let leading = takeMentionAt(text, 'start', message.mentions); leading; leading = takeMentionAt(text, 'start', message.mentions)) {
    text = leading.rest.replace(/^[\s,;:]+/u, '');
  }
  let due: string | undefined;
  for (;;) {
    text = text.replace(/[\s,;.]+$/u, '');
    const trailing = takeMentionAt(text, 'end', message.mentions);
    if (trailing) {
      text = stripJoiner(trailing.rest);
      continue;
    }
    const dueMatch = due === undefined ? findTrailingDueDate(text, context.now, context.timeZone, context.locale) : undefined;
    if (!dueMatch) break;
    due = dueMatch.date;
    text = text.slice(0, dueMatch.index);
  }
  due ??= findDueDateIn(text, context.now, context.timeZone, context.locale)?.date;

  const whole = untokenizeMentions(text, message.mentions).replace(/\s+/gu, ' ').trim();
  const cut = whole.length > LIMITS.textLength ? startOf(whole, LIMITS.textLength) : whole;
  return { draft: { text: cut, owners, ...(due ? { due } : {}) }, ...(cut === whole ? {} : { cutFrom: whole.length }) };
}

/** A mentioned person as the chat's member (matched by Entra id or Teams id), or nothing if they are not in the chat. */
function memberFor(person: Person, members: readonly Member[]): Person[] {
  const member = members.find((candidate) => candidate.id === person.id || (person.teamsId !== undefined && candidate.teamsId === person.teamsId));
  return member ? [toPerson(member)] : [];
}

/** The text's start, cut at a word boundary and marked with an ellipsis, within `limit` characters. */
function startOf(text: string, limit: number): string {
  // Limits count UTF-16 units, as `text.length` does; a cut must not split an emoji's surrogate pair.
  const room = text.slice(0, limit - 1).replace(/[\uD800-\uDBFF]$/u, '');
  const lastSpace = room.lastIndexOf(' ');
  return `${(lastSpace > limit / 2 ? room.slice(0, lastSpace) : room).trimEnd()}…`;
}

function uniqueById(people: Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((person) => (seen.has(person.id) ? false : (seen.add(person.id), true)));
}
