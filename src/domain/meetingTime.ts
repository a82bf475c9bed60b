import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';

/** `/next …` read as an instant, or a message saying what to type. */
export type MeetingTimeParse = { kind: 'ok'; at: string } | { kind: 'invalid'; message: string };

const EXAMPLE = 'e.g. /next 12 June 2pm or /next Wednesday 14:00';

/**
 * Reads when the next meeting starts, in the speaker's zone: a date and a time (`12 June 2pm`,
 * `Wednesday 14:00`, `2019-06-12 14:00`). Both are required, because the chair's digest is timed
 * from it; the instant must be in the future.
 */
export function parseMeetingTime(text: string, now: string, zone: string, locale: string): MeetingTimeParse {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'invalid', message: `When is the next meeting? Type the date and time, ${EXAMPLE}.` };
  const local = DateTime.fromISO(now, { zone });
  // chrono reads in the machine's zone; give it the speaker's wall-clock time and read components back.
  const reference = new Date(local.year, local.month - 1, local.day, local.hour, local.minute);
  const parser = /^en-(US|PH|PR)$/i.test(locale) || locale === 'en' ? chrono.en.casual : chrono.en.GB;
  const [result] = parser.parse(trimmed, reference, { forwardDate: true });
  if (!result || result.text.trim().length < trimmed.replace(/^(on|at)\s+/i, '').length * 0.6) {
    return { kind: 'invalid', message: `I couldn't read "${trimmed.slice(0, 60)}" as a date and time. Type it ${EXAMPLE}.` };
  }
  if (!result.start.isCertain('hour')) return { kind: 'invalid', message: `Add the time the meeting starts, ${EXAMPLE}.` };
  const at = DateTime.fromObject(
    {
      year: result.start.get('year') ?? local.year,
      month: result.start.get('month') ?? local.month,
      day: result.start.get('day') ?? local.day,
      hour: result.start.get('hour') ?? 0,
      minute: result.start.get('minute') ?? 0,
    },
    { zone },
  );
  if (!at.isValid) return { kind: 'invalid', message: `That is not a real date. Type it ${EXAMPLE}.` };
  if (at <= local) return { kind: 'invalid', message: `That time has passed. Type the next meeting's date and time, ${EXAMPLE}.` };
  return { kind: 'ok', at: at.toUTC().toISO() ?? '' };
}
