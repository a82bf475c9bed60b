/**
 * Chrono reads only the date-like tail of an action's text (`dateTailStart`), and a tail that is
 * just a keyword and a weekday is read without it. That must change no answer: here the tail
 * reading is compared with chrono reading the whole text, on texts made of date words, numbers,
 * punctuation, mention tokens and plain words in random order, with and without a due-date phrase
 * at the end, and on every keyword and weekday from every day of the week.
 */
import * as chrono from 'chrono-node';
import { dateTailStart, findTrailingDueDate } from '../../src/domain/dueDate';

const NOW = '2019-03-13T14:00:00Z';

describe('dateTailStart', () => {
  it('starts after the last plain word (five or more letters that are no part of a date word)', () => {
    const body = 'Circulate the revised protocol to the panel \uE0000\uE001 by Friday';
    expect(body.slice(dateTailStart(body))).toBe('\uE0000\uE001 by Friday');
  });

  it('reads the whole text when no word is plain, and nothing when the last word is', () => {
    expect(dateTailStart('Send it to Bob by 12 June')).toBe(0);
    expect(dateTailStart('Draft by Friday the budget')).toBe('Draft by Friday the budget'.length);
  });

  it('never starts inside a date phrase: date words, numbers and short words are not plain', () => {
    for (const body of ['Audit report due 12 June 2019', 'Report back in two weeks', 'Review the plan end of next month', 'Report by Wednesday afternoon', 'Book it for tomorrow morning EST']) {
      const match = findTrailingDueDate(body, NOW, 'Europe/London', 'en-GB', 'whole');
      expect(match).toBeDefined();
      expect(dateTailStart(body)).toBeLessThanOrEqual(match?.index ?? -1);
    }
  });
});

describe('reading the tail finds what reading the whole text finds', () => {
  const words = [
    'send', 'the', 'report', 'to', 'panel', 'review', 'budget', 'plan', 'draft', 'minutes', 'and', 'on', 'at', 'by', 'for', 'due', 'before', 'until', 'in', 'of',
    'next', 'this', 'last', 'end', 'week', 'month', 'year', 'day', 'days', 'Friday', 'Monday', 'tue', 'June', 'March', '12', '3', '2019', '15/3', '03/04/2019',
    '5pm', '10:30', 'noon', 'tomorrow', 'today', 'ago', 'later', 'from', '-', '2.2', 'A-3', '12:', 'NHS', '3rd', 'morning', 'EST', 'GMT', 'within', 'two',
    'couple', 'after', 'Sept', ',', ';', '(', ')', 'circulate', 'protocol', 'revised', 'letter', 'National', 'inquest', 'safeguarding', 'meeting', 'Derek',
    'Benson', 'weekly', 'deadline', 'summer', 'panel,', 'report.', '\uE0000\uE001', 'UTC', '+01:00', 'BST', 'half', 'past', 'around', 'through', 'till',
    'earlier', 'henceforth', 'stand', 'month-end', 'mid-June', 'twelfth', 'thirty', 'Q1', 'wks', 'hrs',
  ];
  const phrases = [
    '', '', 'by Friday', 'due 12 June', 'in 2 weeks', 'end of month', 'by the end of the month', 'next Tuesday', 'tomorrow', 'by 15.3.19', 'on 3 April at 5pm',
    'due by Friday', 'until Monday', 'by 2019-03-15', 'within 3 days', 'by this Wednesday', 'by Friday 5pm', 'by 12 June 2019', 'due on the 3rd of June',
    'end of next week', 'by 03/04', 'by Friday, 12 June', 'from Monday to Friday', 'by 5pm', 'by Friday EST', 'two weeks from Friday', 'by Friday evening',
  ];
  // A fixed sequence (mulberry32), so a failure names a case that can be run again.
  let seed = 20261201;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  it('on 3,000 texts', () => {
    const differences: string[] = [];
    for (let index = 0; index < 3000; index += 1) {
      const text = [...Array.from({ length: Math.floor(random() * 14) }, () => pick(words)), pick(phrases)].join(' ').trim();
      const [now, zone, locale] = [pick([NOW, '2019-06-20T09:00:00Z']), pick(['Europe/London', 'Pacific/Auckland']), pick(['en-GB', 'en-US'])];
      const whole = findTrailingDueDate(text, now, zone, locale, 'whole');
      const tail = findTrailingDueDate(text, now, zone, locale, 'tail');
      if (JSON.stringify(whole) !== JSON.stringify(tail)) differences.push(`${JSON.stringify(text)} ${now} ${zone} ${locale}: ${JSON.stringify(whole)} ≠ ${JSON.stringify(tail)}`);
    }
    expect(differences).toEqual([]);
  });
});

describe('a keyword and a weekday, read without chrono, read as chrono reads them', () => {
  const keywords = ['by', 'before', 'until', 'till', 'on', 'for', 'due', 'due by', 'due before', 'due until', 'due till', 'due on', 'due for', 'Due  By'];
  const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'friday'];
  const before = ['', 'Report ', 'Circulate the protocol to the panel ', 'the panel \uE0000\uE001 ', 'Send it \uE0001\uE001 \uE00012\uE001 ', 'at 5pm ', 'Meet on 12 June ', 'Book 3 rooms, '];
  // Two weeks of days (every weekday against every weekday), a year's end, and the days the clocks change in each zone.
  const days = [
    ...Array.from({ length: 14 }, (_, index) => new Date(Date.UTC(2019, 2, 11 + index, 14)).toISOString()),
    '2019-12-30T14:00:00.000Z',
    '2019-03-30T23:30:00.000Z',
    '2019-03-31T00:30:00.000Z',
    '2019-10-27T00:30:00.000Z',
    '2019-03-10T04:30:00.000Z',
    '2019-04-06T13:30:00.000Z',
  ];

  it('skips chrono for such a tail, and only for such a tail', () => {
    const parse = jest.spyOn(chrono.Chrono.prototype, 'parse');
    try {
      expect(findTrailingDueDate('Circulate the protocol to the panel \uE0000\uE001 by Friday', NOW, 'Europe/London', 'en-GB')?.phrase).toBe('by Friday');
      expect(parse).not.toHaveBeenCalled();
      expect(findTrailingDueDate('Circulate the protocol to the panel by next Friday', NOW, 'Europe/London', 'en-GB')?.phrase).toBe('by next Friday');
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  it.each(['Europe/London', 'Pacific/Auckland', 'America/New_York'])('in %s', (zone) => {
    const parse = jest.spyOn(chrono.Chrono.prototype, 'parse');
    const differences: string[] = [];
    let read = 0;
    for (const now of days) {
      for (const keyword of keywords) {
        for (const weekday of weekdays) {
          for (const start of before) {
            const text = `${start}${keyword} ${weekday}`;
            const before = parse.mock.calls.length;
            const tail = findTrailingDueDate(text, now, zone, 'en-GB', 'tail');
            if (parse.mock.calls.length === before) read += 1;
            const whole = findTrailingDueDate(text, now, zone, 'en-GB', 'whole');
            if (JSON.stringify(tail) !== JSON.stringify(whole)) differences.push(`${JSON.stringify(text)} at ${now}: ${JSON.stringify(whole)} ≠ ${JSON.stringify(tail)}`);
          }
        }
      }
    }
    parse.mockRestore();
    expect(differences).toEqual([]);
    // The first four starts (nothing, or a plain word and maybe mentions before the keyword) are read without chrono.
    expect(read).toBe(days.length * keywords.length * weekdays.length * 4);
  });
});
