/**
 * Initials the way minute-takers write them: `DB` for Derek Benson, `DBe`/`DBr` once David Brown
 * joins, `JSte`/`JSta` for Jackie Stevenson and Jane Stanley. Members may type them instead of an @mention.
 */
import { nameParts, type NameParts } from './nameParts';
import type { Member } from './types';

// Five characters at most (`JSte` + one), so every assigned set of initials can also be typed.
const MAX_EXTENSION = 3;

/** The outcome of reading typed initials against a chat's members. */
export type InitialsResolution =
  | { kind: 'match'; member: Member }
  | { kind: 'unknown'; candidates: Member[] }
  | { kind: 'ambiguous'; candidates: Member[] };

/**
 * Assigns each person initials unique within the group, the way minute-takers do.
 * Base initials are first name + surname letters (`DB`). People who share a base each get the
 * shortest run of following surname letters that no one else in the clash shares (`DBe`, `DBr`;
 * with Smith, Stevenson and Stanley: `JSm`, `JSte`, `JSta`). Whoever the surname cannot tell apart
 * within three letters gets a digit instead (`JS1`, `JS2`), numbered in id order, so the result
 * depends only on the set and every result passes `looksLikeInitials`.
 * A single name gives its first two letters (`Cher` → `CH`). Duplicate ids count once.
 */
export function assignInitials(people: ReadonlyArray<{ id: string; name: string }>): Map<string, string> {
  const groups = new Map<string, Array<{ id: string; parts: NameParts }>>();
  const seen = new Set<string>();
  for (const person of people) {
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    const parts = nameParts(person.name);
    const group = groups.get(parts.base) ?? [];
    group.push({ id: person.id, parts });
    groups.set(parts.base, group);
  }
  const assigned = new Map<string, string>();
  for (const [base, group] of groups) {
    if (group.length === 1 && group[0]) {
      assigned.set(group[0].id, base);
      continue;
    }
    const extensions = group.map((entry) => entry.parts.extension);
    const unresolved: string[] = [];
    group.forEach((entry, index) => {
      const extension = shortestDistinctPrefix(index, extensions);
      if (extension === undefined) unresolved.push(entry.id);
      else assigned.set(entry.id, base + extension);
    });
    unresolved.sort(compareIds).forEach((id, index) => assigned.set(id, `${base}${index + 1}`));
  }
  // Map order follows the input, whatever the initials; callers look people up by id.
  return new Map(people.filter((p) => assigned.has(p.id)).map((p) => [p.id, assigned.get(p.id) ?? '']));
}

/**
 * Whether a typed token has the shape of initials: 2–5 characters, two upper-case letters, then
 * letters, optionally ending in one digit (`EF`, `DBe`, `JSte`, `JS2`). All-caps acronyms such as
 * `NHS` or `IT` have this shape too, which is why the parser only reads owners at the end of a command.
 */
export function looksLikeInitials(token: string): boolean {
  return /^(?=.{2,5}$)\p{Lu}{2}\p{L}*\d?$/u.test(token);
}

/**
 * Resolves typed initials against a chat's members, ignoring case unless case alone tells two
 * members apart. A member also fits when the token is their name's initials extended by any run of
 * their surname (`DB`, `DBen` for Derek Benson listed as `DBe`), so a clash added later does not
 * break what people already type. With no fit, candidates share the token's first two letters
 * (else its first letter), for a "did you mean".
 */
export function resolveInitials(token: string, members: readonly Member[]): InitialsResolution {
  const typed = token.trim();
  const key = fold(typed);
  const exact = members.filter((member) => member.initials === typed);
  if (exact.length === 1 && exact[0]) return { kind: 'match', member: exact[0] };

  const stored = members.filter((member) => fold(member.initials) === key);
  const fits = stored.length > 0 ? stored : members.filter((member) => fitsName(key, member.name));
  if (fits.length === 1 && fits[0]) return { kind: 'match', member: fits[0] };
  if (fits.length > 1) return { kind: 'ambiguous', candidates: sortMembers(fits) };
  return { kind: 'unknown', candidates: sortMembers(closeTo(key, members)) };
}

/** Index `index`'s shortest extension prefix that no other extension in the clash starts the same way. */
function shortestDistinctPrefix(index: number, extensions: readonly string[]): string | undefined {
  const own = [...(extensions[index] ?? '')];
  for (let length = 1; length <= Math.min(own.length, MAX_EXTENSION); length += 1) {
    const prefix = own.slice(0, length).join('');
    const shared = extensions.some((other, j) => j !== index && [...other].slice(0, length).join('') === prefix);
    if (!shared) return prefix;
  }
  return undefined;
}

function fitsName(key: string, name: string): boolean {
  const { base, extension } = nameParts(name);
  const folded = fold(base);
  return key.startsWith(folded) && fold(extension).startsWith(key.slice(folded.length));
}

function closeTo(key: string, members: readonly Member[]): Member[] {
  const starts = (length: number) => (member: Member) =>
    [member.initials, nameParts(member.name).base].some((initials) => fold(initials).slice(0, length) === key.slice(0, length));
  const sameTwo = key.length >= 2 ? members.filter(starts(2)) : [];
  return sameTwo.length > 0 || key === '' ? sameTwo : members.filter(starts(1));
}

function sortMembers(members: Member[]): Member[] {
  return [...members].sort((a, b) => compareIds(a.initials, b.initials) || compareIds(a.id, b.id));
}

function fold(text: string): string {
  return text.toLocaleLowerCase('en');
}

/** Code-unit order, not locale order, so ids sort the same on every machine. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
