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
}

// Words that introduce a due date. `due` may lead another (`due by Friday`).
const KEYWORD_BEFORE = /(?<![\p{L}\p{N}])(?:(?:due\s+)?(?:by|before|until|till|on|for)|due)\s+$/iu;
const KEYWORD_ONLY = /^\s*(?:(?:due\s+)?(?:by|before|until|till|on|for)|due)?\s*$/iu;
// Date expressions that announce themselves without a keyword.
const SELF_EVIDENT = /^(?:(?:in|within)\s|next\s|today$|tomorrow$|\d{4}-\d{2}-\d{2}$)/iu;
// Agenda items are numbered `2.2`; a dotted day.month without a year is read as one of those.
const DOTTED_WITHOUT_YEAR = /^\d{1,2}\.\d{1,2}$/u;
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
  return { date: found.date, index, phrase: body.slice(index) };
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

/** The date phrase that ends `body`, resolved forward from today in the zone. */
function lastDate(body: string, now: string, timeZone: string, locale: string) {
  const today = localDate(now, timeZone);
  const results = parserFor(locale).parse(body, referenceNoon(today), { forwardDate: true });
  const result = results.find((candidate) => candidate.index + candidate.text.length === body.length);
  if (!result || !namesADay(result)) return undefined;
  const date = calendarDate(result);
  if (date === undefined) return undefined;
  return { result, date: sameWeekdayMeansNextWeek(result, date, today) };
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
