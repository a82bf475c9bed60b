import { wordsOf } from './wordsOf';

/** Words that carry no meaning of their own in an action's text. */
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'to', 'of', 'for', 'and', 'or', 'on', 'in', 'at', 'by', 'with', 'from', 'about', 'into', 'onto', 'as',
  'be', 'is', 'are', 'was', 'will', 'would', 'should', 'shall', 'can', 'could', 'must', 'need', 'needs', 'please',
  'it', 'its', 'this', 'that', 'these', 'those', 'all', 'any', 'our', 'their', 'his', 'her', 'them', 'they', 'we', 'you', 'i',
  'he', 'she', 'up', 'out', 'next', 'action', 'follow',
]);

/** Shared meaningful words needed, at least, for two texts to be similar (unless both have fewer). */
const MIN_SHARED = 2;
/** Share of the shorter text's meaningful words the longer must also have. */
const MIN_OVERLAP = 0.75;

/**
 * Whether two action texts say the same thing, as a minute-taker would judge an AI recap's action
 * item against one captured in the meeting: the shorter text's meaningful words (stop words out,
 * simple plural and tense endings off) are, three in four at least, in the longer one, and they
 * share at least two. "Circulate the audit report" and "Derek will circulate the audit report to
 * the Board" are similar; "Send the letter" and "Send the invoice" are not.
 */
export function isSimilarActionText(a: string, b: string): boolean {
  const left = meaningfulWords(a);
  const right = meaningfulWords(b);
  const smaller = Math.min(left.size, right.size);
  if (smaller === 0) return false;
  const shared = [...left].filter((word) => right.has(word)).length;
  const enough = shared >= Math.min(MIN_SHARED, Math.max(left.size, right.size));
  return enough && shared / smaller >= MIN_OVERLAP;
}

/** The text's meaningful words, each cut to a rough stem. */
export function meaningfulWords(text: string): Set<string> {
  return new Set(wordsOf(text).filter((word) => !STOP_WORDS.has(word)).map(stem));
}

/** A rough stem: enough that "circulates", "circulated" and "circulating" meet "circulate". */
function stem(word: string): string {
  if (word.length <= 4 || /\d/u.test(word)) return word;
  for (const ending of ['ing', 'ed', 'es', 's', 'e']) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) return word.slice(0, -ending.length);
  }
  return word;
}
