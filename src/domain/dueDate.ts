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

/**
 * Finds a due-date phrase that ends the text ("… by Friday", "… due 12 June", "… in 2 weeks",
 * "… end of month", "… 2019-03-15"). Trailing spaces and full stops are ignored. The phrase needs
 * a keyword (by, due, before, until, till, on, for) unless it is self-evident: in/within …, next …,
 * today, tomorrow, end of …, or an ISO date.
 */
export function findTrailingDueDate(text: string, now: string, timeZone: string, locale: string): DueDateMatch | undefined {
  const body = text.replace(/[\s.]+$/u, '');
  const found = lastDate(body, now, timeZone, locale);
  if (!found) return undefined;
  const keyword = KEYWORD_BEFORE.exec(body.slice(0, found.result.index));
  if (!keyword && !/^on\s/iu.test(found.result.text) && !isSelfEvident(found.result)) return undefined;
  const index = keyword ? keyword.index : found.result.index;
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
  const backward = parser.parse(body, referenceNoon(today), { forwardDate: false }).find(endsBody);
  const before = backward && calendarDate(backward);
  if (before !== undefined && before < today && (POINTS_BACK.test(result.text) || recentlyPast(result, before, today))) return { result, date: before };
  return { result, date: sameWeekdayMeansNextWeek(result, date, today) };
}

/** A day and month given without a year that fell within the last half year: that day, not next year's. */
function recentlyPast(result: chrono.ParsedResult, date: string, today: string): boolean {
  if (result.start.isCertain('year') || !result.start.isCertain('month') || !result.start.isCertain('day')) return false;
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
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region !== undefined && MONTH_FIRST_REGIONS.has(region) ? monthFirst : dayFirst;
  } catch {
    return dayFirst;
  }
}

function withEndOfPeriod(base: chrono.Chrono): chrono.Chrono {
  const parser = base.clone();
  parser.parsers.unshift(endOfPeriodParser);
  parser.refiners.unshift(endOfPeriodParser.refiner);
  return parser;
}
