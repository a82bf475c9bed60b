/**
 * A chrono parser for "end of week / month / year" (with "the", "this" or "next"), which chrono
 * itself reads unevenly: it skips "end of week" and takes "end of next week" as a Saturday.
 */
import type { ParsedResult, Parser, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { DateTime } from 'luxon';

const PATTERN = /(?<![\p{L}\p{N}])(?:the\s+)?end\s+of\s+(?:the\s+)?(?:(this|next)\s+)?(week|month|year)(?![\p{L}\p{N}])/iu;
const FRIDAY = 5;

/** Results this parser made, so its refiner can drop chrono's own reading of the same words. */
const ours = new WeakSet<object>();

/**
 * Reads "end of (the|this|next) week|month|year". A week ends on its working Friday (on a weekend,
 * "end of week" is the coming Friday); a month on its last calendar day; a year on 31 December.
 */
export const endOfPeriodParser: Parser & { refiner: Refiner } = {
  pattern: () => PATTERN,
  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult {
    const next = match[1]?.toLowerCase() === 'next';
    const unit = (match[2] ?? 'month').toLowerCase();
    const ref = context.refDate;
    const today = DateTime.fromObject({ year: ref.getFullYear(), month: ref.getMonth() + 1, day: ref.getDate() }, { zone: 'utc' });
    const end = endOf(today, unit, next);
    const result = context.createParsingResult(match.index ?? 0, match[0], { year: end.year, month: end.month, day: end.day });
    ours.add(result);
    return result;
  },
  refiner: {
    refine: (_context, results) => {
      const mine = results.filter((result) => ours.has(result));
      return results.filter((result) => ours.has(result) || !mine.some((own) => overlaps(own, result)));
    },
  },
};

/** Whether chrono's result came from this parser. */
export function isEndOfPeriod(result: ParsedResult): boolean {
  return ours.has(result);
}

function endOf(today: DateTime, unit: string, next: boolean): DateTime {
  if (unit === 'week') {
    const friday = today.plus({ days: (FRIDAY - today.weekday + 7) % 7 });
    // Saturday and Sunday are past this week's Friday; `% 7` above already rolled them forward.
    return next ? friday.plus({ weeks: 1 }) : friday;
  }
  const base = next ? today.plus(unit === 'month' ? { months: 1 } : { years: 1 }) : today;
  return base.endOf(unit === 'month' ? 'month' : 'year').startOf('day');
}

function overlaps(a: ParsedResult, b: ParsedResult): boolean {
  return a.index < b.index + b.text.length && b.index < a.index + a.text.length;
}
