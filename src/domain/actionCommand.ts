import { findTrailingDueDate, findUnreadableDueDate } from './dueDate';
import { looksLikeInitials, resolveInitials } from './initials';
import { LIMITS } from './limits';
import { takeMentionAt, tokenizeMentions, untokenizeMentions, type MentionedPerson } from './mentions';
import { toPlainText } from './plainText';
import type { Member, Person } from './types';

/** What `/action …` said, once owners and due date are picked out of the text. */
export interface ActionDraft {
  text: string;
  owners: Person[];
  /** Calendar date (yyyy-MM-dd) in the speaker's zone. */
  due?: string;
}

/**
 * A due date that needs the speaker before it is saved: one not understood (`unread`, left out of
 * the draft), or one that has passed (`past`, kept in the draft as said, to be confirmed).
 */
export interface DueDateProblem {
  kind: 'unread' | 'past';
  /** The phrase as typed ("by 31 February", "due last Friday"). */
  phrase: string;
}

/** The outcome of reading `/action …`: ready to save, needing the form, or a message for the speaker. */
export type ActionParse =
  | { kind: 'ready'; draft: ActionDraft }
  | { kind: 'needsForm'; draft: ActionDraft; reason: 'empty' | 'noOwner' | 'dueDate'; dueDate?: DueDateProblem }
  | { kind: 'invalid'; message: string };

/** What the parser needs to know about the chat and the speaker. */
export interface ActionParseContext {
  mentions: readonly MentionedPerson[];
  members: readonly Member[];
  /** ISO instant of the message. */
  now: string;
  timeZone: string;
  locale: string;
}

/**
 * Reads the text after `/action`. Owners are @mentions or initials at the start or end of the text
 * (`PF Send …`, `… DBe EF`); the due date is a phrase at the end (`by Friday`). Both may come in
 * either order. A due date that is not understood, or has passed, sends the draft to the form with
 * what was understood, to be put right or confirmed: never saved as something else. Initials are
 * never read mid-sentence, where acronyms (`NHS`, `IT`) look just like them. Initials close to a
 * member's stop the capture rather than save it half right; a capitalised word like nobody's
 * initials is left in the text.
 */
export function parseActionArgs(rawArgs: string, context: ActionParseContext): ActionParse {
  let text = toPlainText(tokenizeMentions(rawArgs, context.mentions));
  const owners: Person[] = [];
  let due: string | undefined;
  let dueProblem: DueDateProblem | undefined;

  const leading = takeMentionAt(text, 'start', context.mentions);
  if (leading) {
    owners.push(asMember(leading.mention.person, context.members));
    text = leading.rest.trim();
  }
  const leadingInitials = takeLeadingInitials(text, context.members);
  if (leadingInitials.kind === 'invalid') return leadingInitials;
  owners.push(...leadingInitials.owners.map(toPerson));
  text = leadingInitials.rest;
  // Trailing owners are read from the end backwards; inserting each one here keeps them after the
  // leading owners and in the order they were written.
  const trailingAt = owners.length;

  for (;;) {
    text = text.replace(/[\s,;.]+$/u, '');
    const mention = takeMentionAt(text, 'end', context.mentions);
    if (mention) {
      owners.splice(trailingAt, 0, asMember(mention.mention.person, context.members));
      text = stripJoiner(mention.rest);
      continue;
    }
    if (due === undefined && dueProblem === undefined) {
      const dueMatch = findTrailingDueDate(text, context.now, context.timeZone, context.locale);
      if (dueMatch) {
        due = dueMatch.date;
        if (dueMatch.past) dueProblem = { kind: 'past', phrase: dueMatch.phrase };
        text = text.slice(0, dueMatch.index);
        continue;
      }
    }
    const lastWord = /(?:^|\s)(\S+)$/u.exec(text);
    const token = lastWord?.[1];
    if (token === undefined || !looksLikeInitials(token) || lastWord?.index === undefined) {
      // A due date meant but not one that exists: kept out of the text, and said (owners before it are still read).
      const unread = due === undefined && dueProblem === undefined ? findUnreadableDueDate(text) : undefined;
      if (!unread) break;
      dueProblem = { kind: 'unread', phrase: unread.phrase };
      text = text.slice(0, unread.index);
      continue;
    }
    // A single word is the action's text, not an owner ("/action Budget").
    if (text.trim() === token && owners.length === 0) break;
    const resolved = resolveInitials(token, context.members);
    if (resolved.kind !== 'match') {
      // Once an owner is found, or when nobody's initials are anything like it, an unknown
      // capitalised word belongs to the text ("… for the SIP JS", "… with GPs"), not to the owners.
      if (owners.length > 0 || (resolved.kind === 'unknown' && resolved.candidates.length === 0)) break;
      return { kind: 'invalid', message: initialsProblem(token, resolved) };
    }
    owners.splice(trailingAt, 0, toPerson(resolved.member));
    text = stripJoiner(text.slice(0, lastWord.index));
  }

  const finalText = untokenizeMentions(text, context.mentions).replace(/\s+/g, ' ').trim();
  const draft: ActionDraft = { text: finalText, owners: uniqueById(owners), ...(due ? { due } : {}) };
  if (finalText.length > LIMITS.textLength) {
    return {
      kind: 'invalid',
      message: `That action is ${finalText.length} characters long; the limit is ${LIMITS.textLength}. Shorten it, or record the detail with /update afterwards.`,
    };
  }
  if (draft.owners.length > LIMITS.ownersPerAction) {
    return {
      kind: 'invalid',
      message: `An action can have at most ${LIMITS.ownersPerAction} owners; this one names ${draft.owners.length}. Name the people who will do it.`,
    };
  }
  const problem = dueProblem ? { dueDate: dueProblem } : {};
  if (finalText === '') return { kind: 'needsForm', draft, reason: 'empty', ...problem };
  if (draft.owners.length === 0) return { kind: 'needsForm', draft, reason: 'noOwner', ...problem };
  if (dueProblem) return { kind: 'needsForm', draft, reason: 'dueDate', ...problem };
  return { kind: 'ready', draft };
}

/**
 * Reads owners' initials at the start of the text (`PF Send the audit report`, `PF, EF and DBe to
 * visit`). A sentence often starts with an acronym (`NHS England to confirm …`), so only initials
 * that are a member's count; a word nobody's initials fit stays in the text. Initials two members
 * could have stop the capture, as they do at the end.
 */
function takeLeadingInitials(text: string, members: readonly Member[]): { kind: 'owners'; owners: Member[]; rest: string } | { kind: 'invalid'; message: string } {
  const owners: Member[] = [];
  let rest = text;
  for (;;) {
    // A token, then a comma or "and"/"&" before the next one, then the rest of the text.
    const match = /^(\S+?)[,:;]?\s+(?:(?:and|&)\s+)?(?=\S)/iu.exec(rest);
    const token = match?.[1];
    if (!match || token === undefined || !looksLikeInitials(token)) break;
    const resolved = resolveInitials(token, members);
    if (resolved.kind === 'ambiguous') return { kind: 'invalid', message: initialsProblem(token, resolved) };
    if (resolved.kind !== 'match') break;
    // "and" belongs to the owners only between two of them ("PF and EF to visit"), not before the text ("PF and the team").
    const joined = /\s(?:and|&)\s+$/iu.test(match[0]);
    const next = /^(\S+)/u.exec(rest.slice(match[0].length))?.[1] ?? '';
    const consumed = joined && !(looksLikeInitials(next) && resolveInitials(next, members).kind === 'match') ? match[0].replace(/(?:and|&)\s+$/iu, '') : match[0];
    owners.push(resolved.member);
    rest = rest.slice(consumed.length);
  }
  return { kind: 'owners', owners, rest };
}

/** Drops a trailing "and" / "&" / comma between owners ("@A and @B", "DBe, EF"). */
export function stripJoiner(text: string): string {
  return text.replace(/(?:\s*(?:,|&|\band\b))+\s*$/iu, '').trimEnd();
}

function initialsProblem(token: string, resolved: { kind: 'unknown' | 'ambiguous'; candidates: Member[] }): string {
  const list = resolved.candidates.map((member) => `${member.initials} (${member.name})`).join(', ');
  if (resolved.kind === 'ambiguous') {
    return `"${token}" could be ${list}. Type the initials exactly as listed, or @mention the owner. Nothing was saved.`;
  }
  return `Nobody in this chat has the initials "${token}". Did you mean ${list}? You can also @mention the owner. Nothing was saved.`;
}

/**
 * A mention names someone by their Teams id only; the member list knows their Azure AD id, which is
 * how they are recognised when they later click Close. Unknown to the list, the mention stands.
 */
function asMember(person: Person, members: readonly Member[]): Person {
  const member = members.find((candidate) => candidate.teamsId !== undefined && candidate.teamsId === person.teamsId);
  return member ? toPerson(member) : person;
}

/** A member as an owner: the record keeps who they are, not their initials, which can change. */
export function toPerson(member: Member): Person {
  return { id: member.id, name: member.name, ...(member.teamsId ? { teamsId: member.teamsId } : {}) };
}

function uniqueById(people: Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((person) => (seen.has(person.id) ? false : (seen.add(person.id), true)));
}
