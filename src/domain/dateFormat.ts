/**
 * Calendar dates for people: due dates are kept as `yyyy-MM-dd` in the series' time zone and only
 * turned into words, or compared with "today", here.
 */
import { DateTime, IANAZone } from 'luxon';

const FALLBACK_LOCALE = 'en-GB';
// The product's two documented forms are fixed patterns, so they do not drift with the ICU version.
const FIXED_PATTERNS: Record<string, string> = {
  'en-GB': 'ccc d LLL yyyy',
  'en-US': 'ccc, LLL d, yyyy',
};
// Zone names, locale tags and dates come from chat clients, so each cache stops growing at a bound
// instead of holding whatever it is sent; past the bound the answer is computed as before.
const CACHE_LIMIT = 2000;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/u;
// IANAZone.isValidZone builds an Intl.DateTimeFormat on every call (luxon does not remember the
// answer), which cost ~50 µs per turn for the same few zones. Only valid names are kept: the set
// of them is finite, and invalid ones are rare.
const validZones = new Set<string>();
// Intl.DateTimeFormat.supportedLocalesOf costs ~9 µs per call, and cards format several dates each.
const localeTags = new Map<string, string | undefined>();
// A due date reads the same every time in a locale, and a card shows the same few dates again and again.
const formattedDates = new Map<string, string>();
// luxon works out a zone's offset per DateTime (~10 µs), and a turn takes several local dates. An
// instant as the bot writes them (toISOString, or with an offset) is read by one cached formatter
// per zone instead; anything else still goes through luxon.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z|[+-]\d{2}:\d{2})$/u;
const dayFormats = new Map<string, Intl.DateTimeFormat>();
// Even cached, a formatter costs ~5-10 µs an instant, and a turn asks about the same few instants
// several times (a capture's "now" for its meeting day, its due date's "today" and its card's overdue
// check; a closed action's closing instant on both copies of its card). Instants are endless, so
// this cache is emptied when full rather than frozen.
const RECENT_LIMIT = 256;
const recentLocalDates = new Map<string, string>();

/**
 * Formats a calendar date for people in a locale: en-GB "Fri 15 Mar 2019", en-US "Fri, Mar 15, 2019",
 * other locales in their own short form. An unknown locale reads as en-GB; a string that is not a
 * date comes back unchanged, so a card still shows what was stored.
 */
export function formatDueDate(date: string, locale: string): string {
  if (!CALENDAR_DATE.test(date)) return date;
  const key = `${locale}\n${date}`;
  const cached = formattedDates.get(key);
  if (cached !== undefined) return cached;
  const formatted = formatDate(date, locale);
  remember(formattedDates, key, formatted);
  return formatted;
}

function formatDate(date: string, locale: string): string {
  const day = DateTime.fromISO(date, { zone: 'utc' });
  if (!day.isValid) return date;
  const known = supportedLocale(locale) ?? FALLBACK_LOCALE;
  const pattern = FIXED_PATTERNS[known];
  if (pattern) return day.setLocale(known).toFormat(pattern);
  return day.setLocale(known).toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

/** The calendar date (yyyy-MM-dd) of an instant in a time zone. */
export function localDate(now: string, timeZone: string): string {
  const key = `${timeZone}\n${now}`;
  const recent = recentLocalDates.get(key);
  if (recent !== undefined) return recent;
  const fast = INSTANT.test(now) ? calendarDateIn(Date.parse(now), timeZone) : undefined;
  if (fast !== undefined) {
    if (recentLocalDates.size >= RECENT_LIMIT) recentLocalDates.clear();
    recentLocalDates.set(key, fast);
    return fast;
  }
  const date = DateTime.fromISO(now, { zone: timeZone }).toISODate();
  if (date === null) throw new RangeError(`Cannot take the local date of "${now}" in "${timeZone}"`);
  return date;
}

/** Whether a string is a real calendar date written yyyy-MM-dd (what a date picker sends; 2019-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Whether a due date has passed: due before today's date in the zone (due today is not overdue). */
export function isOverdue(due: string, now: string, timeZone: string): boolean {
  return due < localDate(now, timeZone);
}

/** Whether a string is a valid IANA time zone name (as the runtime's time zone data knows them). */
export function isValidTimeZone(zone: string): boolean {
  if (validZones.has(zone)) return true;
  const valid = zone.trim() !== '' && IANAZone.isValidZone(zone);
  if (valid && validZones.size < CACHE_LIMIT) validZones.add(zone);
  return valid;
}

/** The canonical tag of a locale the runtime can format in, or undefined for a malformed or unknown one. */
function supportedLocale(locale: string): string | undefined {
  if (localeTags.has(locale)) return localeTags.get(locale);
  let tag: string | undefined;
  try {
    tag = Intl.DateTimeFormat.supportedLocalesOf(locale)[0];
  } catch {
    tag = undefined;
  }
  remember(localeTags, locale, tag);
  return tag;
}

/** The date of an epoch instant in an IANA zone by a cached formatter, or undefined to let luxon answer. */
function calendarDateIn(epochMs: number, zone: string): string | undefined {
  if (!Number.isFinite(epochMs)) return undefined;
  let format = dayFormats.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, calendar: 'iso8601', numberingSystem: 'latn', year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      return undefined;
    }
    remember(dayFormats, zone, format);
  }
  let year = '';
  let month = '';
  let day = '';
  for (const part of format.formatToParts(epochMs)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  // Years outside 1000–9999 (and eras) are left to luxon's ISO rules.
  return year.length === 4 && month.length === 2 && day.length === 2 ? `${year}-${month}-${day}` : undefined;
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size < CACHE_LIMIT) cache.set(key, value);
}
