/**
 * Reads the people named in `/present`, `/apologies` and `/deputy`: @mentions, initials (`DBe`) or,
 * for someone not in the chat, a plain name, each optionally followed by a role in brackets:
 * `/apologies KD (District Councils), Nathan Travis (H&W Fire and Rescue Service)`.
 */
import { looksLikeInitials, resolveInitials } from '../initials';
import { toPerson } from '../actionCommand';
import { LIMITS } from '../limits';
import { tokenizeMentions, type MentionedPerson } from '../mentions';
import { toPlainText } from '../plainText';
import type { Member, Person } from '../types';
import type { NamedAttendee } from './attendance';

/** What the parser needs to know about the chat. */
export interface AttendanceContext {
  mentions: readonly MentionedPerson[];
  members: readonly Member[];
}

/** People read from a command, or a message saying what to type instead. */
export type AttendanceParse = { kind: 'ok'; people: NamedAttendee[] } | { kind: 'invalid'; message: string };

/** A deputy and the member they stand in for, or a message. */
export type DeputyParse = { kind: 'ok'; deputy: NamedAttendee; absent: NamedAttendee } | { kind: 'invalid'; message: string };

const MENTION = /^\uE000(\d+)\uE001$/;
// A role in brackets may hold one level of brackets itself: "(Assistant Director (Education and Skills), WCC)".
const TOKENS = /\uE000\d+\uE001|\((?:[^()]|\([^()]*\))*\)?|[^\s(),;]+|[,;]/g;

/** Reads a list of people with optional roles. An empty list is the caller's business (for `/present` it means "me"). */
export function parseAttendees(args: string, context: AttendanceContext): AttendanceParse {
  const text = toPlainText(tokenizeMentions(args, context.mentions));
  if (text.length > LIMITS.textLength) return { kind: 'invalid', message: `That list is longer than ${LIMITS.textLength} characters; send it in two parts.` };
  const people: NamedAttendee[] = [];
  let words: string[] = [];
  const flushName = (): void => {
    if (words.length === 0) return;
    people.push({ person: byName(words.join(' '), context.members) });
    words = [];
  };
  for (const token of text.match(TOKENS) ?? []) {
    if (token === ',' || token === ';') {
      flushName();
      continue;
    }
    if (token.startsWith('(')) {
      flushName();
      const last = people.at(-1);
      const role = token.replace(/^\(|\)$/g, '').trim();
      if (!last || last.role) return { kind: 'invalid', message: `"(${role})" follows no one. Put a role in brackets straight after the person, e.g. DBe (Chair).` };
      if (role) last.role = role;
      continue;
    }
    const mention = MENTION.exec(token);
    if (mention) {
      flushName();
      const named = context.mentions[Number(mention[1])];
      if (named) people.push({ person: asMember(named.person, context.members) });
      continue;
    }
    if (words.length === 0 && looksLikeInitials(token)) {
      const resolved = resolveInitials(token, context.members);
      if (resolved.kind !== 'match') return { kind: 'invalid', message: initialsProblem(token, resolved.candidates, resolved.kind) };
      people.push({ person: toPerson(resolved.member) });
      continue;
    }
    words.push(token);
  }
  flushName();
  return { kind: 'ok', people: uniqueById(people) };
}

/** Reads `/deputy <deputy> for <absent member>`, each one person with an optional role. */
export function parseDeputy(args: string, context: AttendanceContext): DeputyParse {
  const usage = 'Type /deputy <who is here> for <who they stand in for>, e.g. /deputy HH for SW.';
  const parts = toPlainText(tokenizeMentions(args, context.mentions)).split(/\s+for\s+/i);
  if (parts.length !== 2) return { kind: 'invalid', message: usage };
  const [left = '', right = ''] = parts;
  const deputy = parseAttendees(untokenized(left, context), context);
  if (deputy.kind === 'invalid') return deputy;
  const absent = parseAttendees(untokenized(right, context), context);
  if (absent.kind === 'invalid') return absent;
  const [who] = deputy.people;
  const forWhom = absent.people[0];
  if (deputy.people.length !== 1 || absent.people.length !== 1 || !who || !forWhom) return { kind: 'invalid', message: `Name one person on each side of "for". ${usage}` };
  if (who.person.id === forWhom.person.id) return { kind: 'invalid', message: 'Someone cannot deputise for themselves.' };
  return { kind: 'ok', deputy: who, absent: forWhom };
}

/**
 * A typed name: the member of that name if there is one, else a guest known by name only (the
 * minutes list people who are not in the Teams chat, such as those who sent apologies by e-mail).
 */
function byName(name: string, members: readonly Member[]): Person {
  const folded = name.toLocaleLowerCase('en');
  const member = members.find((candidate) => candidate.name.toLocaleLowerCase('en') === folded);
  if (member) return toPerson(member);
  return { id: `guest:${folded.replace(/\s+/g, ' ')}`, name };
}

/** A mention names a person by their Teams id; the member record (Azure AD id) is the one other commands use. */
function asMember(person: Person, members: readonly Member[]): Person {
  const member = members.find((candidate) => candidate.id === person.id || (person.teamsId !== undefined && candidate.teamsId === person.teamsId));
  return member ? toPerson(member) : person;
}

/** `parseAttendees` tokenizes again, so a half that was already tokenized gets its markup back. */
function untokenized(text: string, context: AttendanceContext): string {
  return text.replace(/\uE000(\d+)\uE001/g, (_whole, index: string) => context.mentions[Number(index)]?.markup ?? '');
}

function initialsProblem(token: string, candidates: readonly Member[], kind: 'unknown' | 'ambiguous'): string {
  const list = candidates.map((member) => `${member.initials} (${member.name})`).join(', ');
  if (kind === 'ambiguous') return `"${token}" could be ${list}. Type the initials exactly as listed, or @mention them. Nothing was changed.`;
  const hint = list ? ` Did you mean ${list}?` : '';
  return `Nobody in this chat has the initials "${token}".${hint} @mention them, or type their full name. Nothing was changed.`;
}

function uniqueById(people: NamedAttendee[]): NamedAttendee[] {
  const seen = new Set<string>();
  return people.filter((entry) => (seen.has(entry.person.id) ? false : (seen.add(entry.person.id), true)));
}
