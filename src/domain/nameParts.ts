/**
 * Reads a Teams display name into the two parts initials are made from.
 * Display names are messy (`Benson, Derek`, `Derek Benson (WSCB)`, `Dr Derek Benson - Chair`,
 * `derek.benson@wscb.gov.uk`), so this strips what minute-takers ignore before taking letters.
 */

/** The letters initials are built from: two base letters and the surname letters that extend them. */
export interface NameParts {
  /** Upper-case base: first letter of the first name and of the surname (`DB`). */
  base: string;
  /** Lower-case letters that may extend the base when it clashes (`enson` for Benson). */
  extension: string;
}

// Leading honorifics and ranks. Police ranks only in capitals, so a first name like "Di" survives.
const TITLES = new Set([
  'dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'sir', 'dame', 'rev', 'revd',
  'reverend', 'cllr', 'councillor', 'sup', 'supt', 'superintendent', 'chief', 'insp', 'inspector',
  'sgt', 'sergeant', 'det', 'detective', 'lord', 'lady',
]);
const CAPITAL_RANKS = new Set(['DI', 'DCI', 'DS', 'DC', 'PC']);
const POST_NOMINALS = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'mbe', 'obe', 'cbe', 'qc', 'kc', 'esq']);
const LETTER = /\p{L}/u;
const FALLBACK_BASE = 'XX';

/** Splits a display name into base initials and the surname letters that can extend them. */
export function nameParts(displayName: string): NameParts {
  const words = nameWords(displayName);
  const first = letters(words[0] ?? '');
  if (words.length < 2) return singleName(first);
  const last = letters(words[words.length - 1] ?? '');
  const f = first[0];
  const l = last[0];
  if (f === undefined || l === undefined) return singleName(first || last);
  return { base: upper(f) + upper(l), extension: lower(last.slice(1).join('')) };
}

/** The name's meaningful words, first name first, with titles, roles and suffixes removed. */
function nameWords(displayName: string): string[] {
  let name = displayName.normalize('NFC').trim();
  if (/^[^\s@]+@[^\s@]+$/u.test(name)) name = emailLocalPart(name);
  // Bracketed notes (`(WSCB)`, `[Guest]`) and a spaced dash (`- Chair`) carry roles, not names.
  name = name.replace(/\([^)]*\)|\[[^\]]*\]/gu, ' ').split(/\s[-–—|]\s/u)[0] ?? '';
  name = reorderSurnameFirst(name);
  const words = name.split(/\s+/u).filter((w) => LETTER.test(w));
  while (words.length > 1 && isTitle(words[0] ?? '')) words.shift();
  while (words.length > 1 && POST_NOMINALS.has(bare(words[words.length - 1] ?? ''))) words.pop();
  return words;
}

/**
 * `Benson, Derek` is surname first; `Derek Benson, WSCB Independent Chair` has a role after the comma.
 * Only a single word before the comma reads as a surname, which is how directories write it.
 */
function reorderSurnameFirst(name: string): string {
  const comma = name.indexOf(',');
  if (comma < 0) return name;
  const before = name.slice(0, comma).trim();
  const after = name.slice(comma + 1).split(',')[0]?.trim() ?? '';
  if (/\s/u.test(before) || after === '' || POST_NOMINALS.has(bare(after))) return before;
  return `${after} ${before}`;
}

function emailLocalPart(email: string): string {
  const local = email.slice(0, email.indexOf('@'));
  return local.replace(/[._+-]+/gu, ' ').replace(/\d+/gu, ' ');
}

function singleName(chars: string[]): NameParts {
  if (chars.length === 0) return { base: FALLBACK_BASE, extension: '' };
  return { base: chars.slice(0, 2).map(upper).join(''), extension: lower(chars.slice(2).join('')) };
}

function isTitle(word: string): boolean {
  return CAPITAL_RANKS.has(word) || TITLES.has(bare(word));
}

function bare(word: string): string {
  return word.replace(/\./gu, '').toLowerCase();
}

/** The word's letters as code points, so `Émile` and `Smith-Jones` give whole letters. */
function letters(word: string): string[] {
  return [...word].filter((c) => LETTER.test(c));
}

function upper(s: string): string {
  return s.toLocaleUpperCase('en');
}

function lower(s: string): string {
  return s.toLocaleLowerCase('en');
}
