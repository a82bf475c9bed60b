import { DateTime } from 'luxon';

/**
 * How far from the real clock a pass may be run as of, unless forced. A pass as of another time is
 * for catching up after downtime or trying a date out; a mistyped year (9999) would send "overdue
 * by 2,911,736 days" and move every job past it, so that is refused.
 */
export const TICK_WINDOW_DAYS = 7;
const TICK_WINDOW_MS = TICK_WINDOW_DAYS * 24 * 60 * 60 * 1000;

/** A full ISO-8601 instant: date, time to the minute at least, and a zone (Z or ±hh:mm). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** What `--at` came to: the instant to run as of, or why it is refused. */
export type TickInstant = { ok: true; at: string } | { ok: false; message: string };

/**
 * Reads `--at`: only a real ISO-8601 instant (`2019-03-13T09:00:00Z`; not `12`, not `2020-02-30…`,
 * not a time without its zone), and within `TICK_WINDOW_DAYS` of `realNow` unless `force`.
 */
export function parseTickInstant(value: string | undefined, realNow: string, force: boolean): TickInstant {
  const example = 'e.g. --at 2019-03-13T09:00:00Z';
  if (!value || !ISO_INSTANT.test(value)) return { ok: false, message: `--at needs an ISO-8601 instant with its zone, ${example}; got "${value ?? ''}".` };
  const time = DateTime.fromISO(value, { setZone: true });
  if (!time.isValid) return { ok: false, message: `--at ${value} is not a real instant (${time.invalidExplanation ?? time.invalidReason ?? 'out of range'}).` };
  const at = time.toUTC().toISO() ?? '';
  if (!force && !isNearRealTime(at, realNow)) {
    const days = Math.round(Math.abs(Date.parse(at) - Date.parse(realNow)) / 86_400_000).toLocaleString('en-GB');
    return {
      ok: false,
      message: `--at ${value} is ${days} days from the clock (${realNow}): a pass runs as of a time within ${TICK_WINDOW_DAYS} days of it. Check the date, or add --force to run as of it anyway.`,
    };
  }
  return { ok: true, at };
}

/** Whether an instant is within `TICK_WINDOW_DAYS` of the real clock, either side. */
export function isNearRealTime(at: string, realNow: string): boolean {
  return Math.abs(Date.parse(at) - Date.parse(realNow)) <= TICK_WINDOW_MS;
}

/**
 * Whether a pass as of `at` is too far ahead of the real clock for the times it computes to be
 * trusted: a job it re-timed would not come due again until then. (A pass as of an earlier time,
 * catching up, computes times the real clock reaches soon enough.)
 */
export function isFarAhead(at: string, realNow: string): boolean {
  return Date.parse(at) - Date.parse(realNow) > TICK_WINDOW_MS;
}
