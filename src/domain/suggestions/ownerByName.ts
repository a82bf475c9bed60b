import type { Member } from '../types';
import { wordsOf } from './wordsOf';

/** Honorifics a display name may carry that say nothing about who it is. */
const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'sir', 'dame', 'cllr', 'rev']);

/**
 * The chat's members a display name may mean, as Copilot's recap names an action item's owner (a
 * name only: no id). Bracketed notes (`(WSCB)`, `(Guest)`) and titles are ignored and word order
 * does not matter (`Benson, Derek`). The same words as a member's name win outright; otherwise a
 * member whose name holds every word given (`Derek` → Derek Benson), or whose words are all in the
 * name given (`Derek J Benson` → Derek Benson). No member, or several: the person accepting chooses.
 */
export function membersNamed(name: string, members: readonly Member[]): Member[] {
  const wanted = nameWords(name);
  if (wanted.size === 0) return [];
  const named = members.map((member) => ({ member, words: nameWords(member.name) })).filter((entry) => entry.words.size > 0);
  const same = named.filter((entry) => entry.words.size === wanted.size && [...wanted].every((word) => entry.words.has(word)));
  if (same.length > 0) return same.map((entry) => entry.member);
  const wider = named.filter((entry) => [...wanted].every((word) => entry.words.has(word)));
  if (wider.length > 0) return wider.map((entry) => entry.member);
  // The member's whole name within the one given: at least two words, so "Derek" alone matches nobody this way.
  return named.filter((entry) => entry.words.size >= 2 && [...entry.words].every((word) => wanted.has(word))).map((entry) => entry.member);
}

function nameWords(name: string): Set<string> {
  const bare = name.replace(/\([^)]*\)|\[[^\]]*\]/gu, ' ');
  return new Set(wordsOf(bare).filter((word) => !TITLES.has(word)));
}
