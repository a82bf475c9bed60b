/**
 * Due dates in words ("by Friday", "due 12 June", "in 2 weeks", "end of month"), read by chrono-node
 * and resolved to a calendar date in the speaker's time zone.
 */
import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { localDate } from './dateFormat';
import { endOfPeriodParser, isEndOfPeriod } from './endOfPeriod';

/** A due-date phrase found at the end of a command's text. */
export interface DueDateMatch {
  /** yyyy-MM-dd, calendar date in the speaker's zone. */
  date: string;
  /** Where the phrase, including its keyword, starts in the text. */
  index: number;
  /** The phrase as typed, including its keyword (`by Friday`). */
  phrase: string;
  /** Set when the date has passed ("due last Friday", "by 12 March" on the 13th): to be confirmed, never moved. */
  past?: true;
}

/** A phrase at the end of a command's text that says a due date is meant, but names none that exists. */
export interface UnreadableDueDate {
  index: number;
  phrase: string;
}

// Words that introduce a due date. `due` may lead another (`due by Friday`).
const KEYWORD_BEFORE = /(?<![\p{L}\p{N}])(?:(?:due\s+)?(?:by|before|until|till|on|for)|due)\s+$/iu;
const KEYWORD_ONLY = /^\s*(?:(?:due\s+)?(?:by|before|until|till|on|for)|due)?\s*$/iu;
// Date expressions that announce themselves without a keyword.
const SELF_EVIDENT = /^(?:(?:in|within)\s|next\s|today$|tomorrow$|\d{4}-\d{2}-\d{2}$)/iu;
// Agenda items are numbered `2.2`; a dotted day.month without a year is read as one of those.
const DOTTED_WITHOUT_YEAR = /^\d{1,2}\.\d{1,2}$/u;
// A phrase that points back in time: its date is the one before, not the next one.
const POINTS_BACK = /\b(?:last|ago|yesterday|previous|past)\b/iu;
// A day and month without a year within this many days before today is that day, gone: "by 12 March"
// said on the 13th. Further back it is next year's ("by 5 January" said in December).
const RECENTLY_PAST_DAYS = 182;
// What a due date not understood looks like: a keyword, then up to three words that name a day, a
// month, a number or a span ("by 31 February", "by Friday 13th", "in -3 days", "by 1900").
const UNREADABLE_TAIL = /(?<![\p{L}\p{N}])((?:due\s+)?(?:by|before|until|till)|due|on|in|within)\s+(\S+(?:\s+\S+){0,2})$/iu;
const DATE_WORDS =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|yesterday|week|weeks|month|months)\b/iu;
// After "on", "in" or "within" a number alone is not a date ("on page 5", "in 3 parts"): only a day or month name, a
// numeric date, or a span of days, weeks or months is.
const NARROW_KEYWORD = /^(?:on|in|within)$/iu;
const NARROW_DATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\d{1,2}[/.-]\d{1,2}|-?\d+\s+(?:working\s+|business\s+)?(?:days?|weeks?|months?)\b/iu;

// Regions that write dates month first (03/04 is 4 March); everyone else writes day first.
const MONTH_FIRST_REGIONS = new Set(['US', 'PR', 'PH']);

const dayFirst = withEndOfPeriod(chrono.en.GB);
const monthFirst = withEndOfPeriod(chrono.en.casual);
// Locale tags come from chat clients: the parser chosen for each is remembered up to a bound.
const PARSER_CACHE_LIMIT = 2000;
const parsersByLocale = new Map<string, chrono.Chrono>();

/**
 * Letters chrono's English patterns (and ours) are built from, three or more in a row: a word in
 * none of whose letters they occur cannot be read into a date (see `dateTailStart`). Read from the
 * parsers' own patterns, so a chrono upgrade that learns a word teaches it here too.
 */
const DATE_WORD_PARTS = dateWordParts([dayFirst, monthFirst]);
/** A word of five letters or more (shorter ones could be zone abbreviations, which chrono reads after a date). */
const PLAIN_WORD = /^[A-Za-z]{5,}$/u;

/** How much of the text chrono reads: just its tail after the last plain word, or (to test that against) all of it. */
export type DueDateReading = 'tail' | 'whole';

const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/**
 * The commonest due date there is, a keyword and a weekday's full name ("by Friday", "due on
 * Monday"), as the whole tail after the last plain word, behind any @mention tokens: read without
 * chrono, as chrono reads it (tested against it for every keyword, weekday, reference day and zone).
 */
const KEYWORD_AND_WEEKDAY = new RegExp(
  String.raw`^(?:\uE000\d+\uE001\s+)*((?:(?:due\s+)?(?:by|before|until|till|on|for)|due)\s+(${WEEKDAY_NAMES.join('|')}))$`,
  'iu',
);

/**
 * Finds a due-date phrase that ends the text ("… by Friday", "… due 12 June", "… in 2 weeks",
 * "… end of month", "… 2019-03-15"). Trailing spaces and full stops are ignored. The phrase needs
 * a keyword (by, due, before, until, till, on, for) unless it is self-evident: in/within …, next …,
 * today, tomorrow, end of …, or an ISO date. Chrono reads only the text's date-like tail (see
 * `dateTailStart`): what it finds there is what it finds reading the whole text.
 */
export function findTrailingDueDate(text: string, now: string, timeZone: string, locale: string, reading: DueDateReading = 'tail'): DueDateMatch | undefined {
  const body = text.replace(/[\s.]+$/u, '');
  const from = reading === 'tail' ? dateTailStart(body) : 0;
  // Ends with a plain word: no date phrase ends the text, and chrono need not read it at all.
  if (from === body.length) return undefined;
  const weekday = reading === 'tail' ? KEYWORD_AND_WEEKDAY.exec(body.slice(from)) : null;
  if (weekday?.[1] && weekday[2]) {
    const phrase = weekday[1];
    return { date: nextWeekday(localDate(now, timeZone), WEEKDAY_NAMES.indexOf(weekday[2].toLowerCase())), index: body.length - phrase.length, phrase };
  }
  const found = lastDate(body.slice(from), now, timeZone, locale);
  if (!found) return undefined;
  const start = from + found.result.index;
  const keyword = KEYWORD_BEFORE.exec(body.slice(0, start));
  if (!keyword && !/^on\s/iu.test(found.result.text) && !isSelfEvident(found.result)) return undefined;
  const index = keyword ? keyword.index : start;
  const today = localDate(now, timeZone);
  return { date: found.date, index, phrase: body.slice(index), ...(found.date < today ? { past: true as const } : {}) };
}

/**
 * Finds a phrase that ends the text and says a due date is meant, but that `findTrailingDueDate`
 * could not read as a day that exists ("by 31 February", "by Friday 13th" when the 13th is not a
 * Friday, "in -3 days", "by 1900"), so the caller can say so instead of keeping it as text.
 */
export function findUnreadableDueDate(text: string): UnreadableDueDate | undefined {
  const body = text.replace(/[\s.]+$/u, '');
  const match = UNREADABLE_TAIL.exec(body);
  const keyword = match?.[1];
  const words = match?.[2];
  if (!match || keyword === undefined || words === undefined) return undefined;
  const looksLikeADate = NARROW_KEYWORD.test(keyword) ? NARROW_DATE.test(words) : DATE_WORDS.test(words);
  return looksLikeADate ? { index: match.index, phrase: body.slice(match.index) } : undefined;
}

/**
 * Where a date phrase ending `body` can start at the earliest: just after its last plain word (five
 * or more ASCII letters, no part of any date word), or 0 when it has none; `body.length` when it
 * ends with one. Chrono's matches are made of date words, digits and punctuation, so none can
 * contain a plain word, and its refiners join two matches only across connectors (at, on, to, a
 * comma…), never across a plain word: what chrono finds after one does not depend on what comes
 * before it. Reading just that tail matters because chrono's work grows with the text (every parser
 * scans it all, and every number in it becomes a candidate date).
 */
export function dateTailStart(body: string): number {
  const words = /\S+/gu;
  let start = 0;
  for (let word = words.exec(body); word; word = words.exec(body)) {
    if (PLAIN_WORD.test(word[0]) && !DATE_WORD_PARTS.test(word[0])) start = word.index + word[0].length;
  }
  const next = /\S/u.exec(body.slice(start));
  return next ? start + next.index : body.length;
}

/**
 * Finds the first due-date phrase anywhere in a message's text ("Can you send it by Friday, please?"),
 * under the same rule as a trailing one: a keyword before it, or a self-evident phrase. For
 * prefilling a form from a message someone else wrote, where the date rarely ends the text.
 */
export function findDueDateIn(text: string, now: string, timeZone: string, locale: string): DueDateMatch | undefined {
  const today = localDate(now, timeZone);
  for (const result of parserFor(locale).parse(text, referenceNoon(today), { forwardDate: true })) {
    if (!namesADay(result)) continue;
    const date = calendarDate(result);
    if (date === undefined) continue;
    const keyword = KEYWORD_BEFORE.exec(text.slice(0, result.index));
    if (!keyword && !/^on\s/iu.test(result.text) && !isSelfEvident(result)) continue;
    const index = keyword ? keyword.index : result.index;
    const phrase = text.slice(index, result.index + result.text.length).replace(/[\s,;.]+$/u, '');
    return { date: sameWeekdayMeansNextWeek(result, date, today), index, phrase };
  }
  return undefined;
}

/** Parses a whole string as a due date (a form field or `/due A-3 next Tuesday`); undefined if it is not one. */
export function parseDueDate(text: string, now: string, timeZone: string, locale: string): string | undefined {
  const body = text.replace(/[\s.]+$/u, '');
  const found = lastDate(body, now, timeZone, locale);
  if (!found || !KEYWORD_ONLY.test(body.slice(0, found.result.index))) return undefined;
  return found.date;
}

/**
 * The date phrase that ends `body`, resolved forward from today in the zone, unless it points back
 * ("last Friday", "3 days ago") or names a day and month just gone ("12 March" on the 13th): those
 * keep their past date, for the caller to have confirmed, rather than being moved on a week or a year.
 */
function lastDate(body: string, now: string, timeZone: string, locale: string) {
  const today = localDate(now, timeZone);
  const parser = parserFor(locale);
  const endsBody = (candidate: chrono.ParsedResult) => candidate.index + candidate.text.length === body.length;
  const result = parser.parse(body, referenceNoon(today), { forwardDate: true }).find(endsBody);
  if (!result || !namesADay(result)) return undefined;
  const date = calendarDate(result);
  if (date === undefined) return undefined;
  // Read backwards too only when the phrase could mean a day gone ("last Friday", "12 March" without
  // a year): a second chrono pass on every date would double the cost of the commonest ones.
  if (POINTS_BACK.test(result.text) || dayAndMonthWithoutYear(result)) {
    const backward = parser.parse(body, referenceNoon(today), { forwardDate: false }).find(endsBody);
    const before = backward && calendarDate(backward);
    if (before !== undefined && before < today && (POINTS_BACK.test(result.text) || recentlyPast(result, before, today))) return { result, date: before };
  }
  return { result, date: sameWeekdayMeansNextWeek(result, date, today) };
}

/** Whether the phrase names a day and month but no year ("12 March"), which may be this year's, gone. */
function dayAndMonthWithoutYear(result: chrono.ParsedResult): boolean {
  return !result.start.isCertain('year') && result.start.isCertain('month') && result.start.isCertain('day');
}

/** A day and month given without a year that fell within the last half year: that day, not next year's. */
function recentlyPast(result: chrono.ParsedResult, date: string, today: string): boolean {
  if (!dayAndMonthWithoutYear(result)) return false;
  const days = DateTime.fromISO(today, { zone: 'utc' }).diff(DateTime.fromISO(date, { zone: 'utc' }), 'days').days;
  return days > 0 && days <= RECENTLY_PAST_DAYS;
}

/**
 * A phrase must pin a day: a bare year, a month alone or a time alone is not a due date, a range
 * is not one date, `for 3 days` is a duration, and `2.2` is an agenda item.
 */
function namesADay(result: chrono.ParsedResult): boolean {
  const start = result.start;
  if (!start.isCertain('day') && !start.isCertain('weekday')) return false;
  if (result.end) return false;
  return !/^for\s/iu.test(result.text) && !DOTTED_WITHOUT_YEAR.test(result.text);
}

function isSelfEvident(result: chrono.ParsedResult): boolean {
  return SELF_EVIDENT.test(result.text) || isEndOfPeriod(result);
}

/**
 * The first `weekday` (0 = Sunday) after `today` (yyyy-MM-dd), never today itself: chrono's reading of
 * a bare weekday moved forward (`forwardDate`), with `sameWeekdayMeansNextWeek` applied.
 */
function nextWeekday(today: string, weekday: number): string {
  const [year = 1970, month = 1, day = 1] = today.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCDate(day + (((weekday - date.getUTCDay() + 7) % 7) || 7));
  return date.toISOString().slice(0, 10);
}

/**
 * "By Wednesday" said on a Wednesday means next week's: had they meant today they would say
 * "today" (or "this Wednesday", which stays today).
 */
function sameWeekdayMeansNextWeek(result: chrono.ParsedResult, date: string, today: string): string {
  const weekdayOnly = result.start.isCertain('weekday') && !result.start.isCertain('day');
  if (!weekdayOnly || date !== today || /\bthis\b/iu.test(result.text)) return date;
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days: 7 }).toISODate() ?? date;
}

/** The result's calendar date from its components, so the machine's own zone never shifts it. */
function calendarDate(result: chrono.ParsedResult): string | undefined {
  const year = result.start.get('year');
  const month = result.start.get('month');
  const day = result.start.get('day');
  if (year === null || month === null || day === null) return undefined;
  const date = DateTime.fromObject({ year, month, day }, { zone: 'utc' });
  return date.isValid ? (date.toISODate() ?? undefined) : undefined;
}

/**
 * Chrono reckons in the machine's zone, so it gets a reference whose machine-local fields are the
 * speaker's calendar date. Noon keeps "tomorrow" and daylight-saving shifts away from midnight.
 */
function referenceNoon(today: string): Date {
  const [year = 1970, month = 1, day = 1] = today.split('-').map(Number);
  return new Date(year, month - 1, day, 12, 0, 0, 0);
}

function parserFor(locale: string): chrono.Chrono {
  const known = parsersByLocale.get(locale);
  if (known) return known;
  const parser = regionParser(locale);
  // Intl.Locale's maximize() costs a few µs a call, and every capture with a date asked it again.
  if (parsersByLocale.size < PARSER_CACHE_LIMIT) parsersByLocale.set(locale, parser);
  return parser;
}

function regionParser(locale: string): chrono.Chrono {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region !== undefined && MONTH_FIRST_REGIONS.has(region) ? monthFirst : dayFirst;
  } catch {
    return dayFirst;
  }
}

/**
 * One pattern matching any run of three or more letters found in the parsers' patterns (with or
 * without `forwardDate`, which changes one of them): the letters any date word is made of.
 */
function dateWordParts(parsers: readonly chrono.Chrono[]): RegExp {
  const parts = new Set<string>();
  for (const forwardDate of [true, false]) {
    const context = { option: { forwardDate }, refDate: new Date(0) } as unknown as chrono.ParsingContext;
    for (const parser of parsers.flatMap((each) => each.parsers)) {
      for (const part of parser.pattern(context).source.toLowerCase().match(/[a-z]{3,}/gu) ?? []) parts.add(part);
    }
  }
  return new RegExp([...parts].sort((a, b) => b.length - a.length).join('|'), 'iu');
}

function withEndOfPeriod(base: chrono.Chrono): chrono.Chrono {
  const parser = base.clone();
  parser.parsers.unshift(endOfPeriodParser);
  parser.refiners.unshift(endOfPeriodParser.refiner);
  return parser;
}
