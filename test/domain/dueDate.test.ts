import { transformFileSync } from '@swc/core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTrailingDueDate, findUnreadableDueDate, parseDueDate } from '../../src/domain/dueDate';

// Wednesday 13 March 2019, 14:00 in London (GMT), the seed meeting's afternoon.
const NOW = '2019-03-13T14:00:00Z';
const LONDON = 'Europe/London';

function trailing(text: string, now = NOW, zone = LONDON, locale = 'en-GB') {
  return findTrailingDueDate(text, now, zone, locale);
}

function dateOf(text: string, now = NOW, zone = LONDON, locale = 'en-GB'): string | undefined {
  return trailing(text, now, zone, locale)?.date;
}

describe('findTrailingDueDate', () => {
  it('finds "by Friday" and where it starts, so the caller can cut it off', () => {
    const text = 'Draft letter to the National Panel by Friday';
    const match = trailing(text);
    expect(match).toEqual({ date: '2019-03-15', index: text.indexOf('by Friday'), phrase: 'by Friday' });
    expect(text.slice(0, match?.index)).toBe('Draft letter to the National Panel ');
  });

  it('ignores trailing spaces and full stops', () => {
    expect(trailing('Draft letter by Friday. ')).toEqual({ date: '2019-03-15', index: 13, phrase: 'by Friday' });
  });

  it.each([
    ['Report due 12 June', 'due 12 June', '2019-06-12'],
    ['Report due by 12 June', 'due by 12 June', '2019-06-12'],
    ['Report due on Friday', 'due on Friday', '2019-03-15'],
    ['Report on Friday', 'on Friday', '2019-03-15'],
    ['Report before 1 April', 'before 1 April', '2019-04-01'],
    ['Hold the post until Monday', 'until Monday', '2019-03-18'],
    ['Papers for Monday', 'for Monday', '2019-03-18'],
    ['Audit by 15.3.19', 'by 15.3.19', '2019-03-15'],
    ['Audit by 2019-03-15', 'by 2019-03-15', '2019-03-15'],
    ['Finish by the end of the month', 'by the end of the month', '2019-03-31'],
  ])('reads %p as %p → %p', (text, phrase, date) => {
    expect(trailing(text)).toEqual({ date, phrase, index: text.length - phrase.length });
  });

  it.each([
    ['Circulate the LIB in 2 weeks', 'in 2 weeks', '2019-03-27'],
    ['Circulate the LIB in two weeks', 'in two weeks', '2019-03-27'],
    ['Reply within 3 days', 'within 3 days', '2019-03-16'],
    ['Budget report end of month', 'end of month', '2019-03-31'],
    ['Budget report end of the month', 'end of the month', '2019-03-31'],
    ['Budget report end of week', 'end of week', '2019-03-15'],
    ['Budget report end of next week', 'end of next week', '2019-03-22'],
    ['Budget report end of next month', 'end of next month', '2019-04-30'],
    ['Budget report end of year', 'end of year', '2019-12-31'],
    ['Send minutes next Tuesday', 'next Tuesday', '2019-03-19'],
    ['Send minutes tomorrow', 'tomorrow', '2019-03-14'],
    ['Send minutes today', 'today', '2019-03-13'],
    ['Send minutes 2019-03-15', '2019-03-15', '2019-03-15'],
  ])('reads the self-evident %p without a keyword', (text, phrase, date) => {
    expect(trailing(text)).toEqual({ date, phrase, index: text.length - phrase.length });
  });

  it.each([
    'Pre inquest date is 12 June and more',
    'Review the 2019 plan',
    'Review plan for 2019',
    'Call Bob Friday',
    'Send the letter 12 June',
    'Run the pilot for 3 days',
    'Comment on 2.2',
    'Report by June',
    'Report by 5pm',
    'Report by 31 February',
    'Report by 31/02/2019',
    'Book the room for 12-15 June',
    'Draft the plan now',
    'Budget report',
    '',
  ])('finds no due date in %p', (text) => {
    expect(trailing(text)).toBeUndefined();
  });

  it('reads a weekday said on that weekday as next week, but "this" and "today" as today', () => {
    expect(dateOf('Report by Wednesday')).toBe('2019-03-20');
    expect(dateOf('Report by this Wednesday')).toBe('2019-03-13');
    expect(dateOf('Report by today')).toBe('2019-03-13');
  });

  it('reads a day and month as the nearest one: just gone is that day, marked past; long gone is next year\'s; on the day it is today', () => {
    expect(trailing('Report due 12 June', '2019-06-20T09:00:00Z')).toEqual({ date: '2019-06-12', index: 7, phrase: 'due 12 June', past: true });
    expect(trailing('Report due 12 March')).toEqual({ date: '2019-03-12', index: 7, phrase: 'due 12 March', past: true });
    expect(trailing('Report due 13 March')).toEqual({ date: '2019-03-13', index: 7, phrase: 'due 13 March' });
    expect(trailing('Report due 5 January', '2019-12-20T09:00:00Z')).toEqual({ date: '2020-01-05', index: 7, phrase: 'due 5 January' });
  });

  it('keeps a date given with its year, even in the past, and says it is past', () => {
    expect(trailing('Report by 2019-03-01')).toEqual({ date: '2019-03-01', index: 7, phrase: 'by 2019-03-01', past: true });
    expect(trailing('Report by 1 March 2019')).toEqual({ date: '2019-03-01', index: 7, phrase: 'by 1 March 2019', past: true });
  });

  it.each([
    ['Report due last Friday', 'due last Friday', '2019-03-08'],
    ['Report due yesterday', 'due yesterday', '2019-03-12'],
    ['Report due 3 days ago', 'due 3 days ago', '2019-03-10'],
  ])('keeps %p in the past, where it points, instead of moving it to next week', (text, phrase, date) => {
    expect(trailing(text)).toEqual({ date, phrase, index: text.length - phrase.length, past: true });
  });

  it('reads numeric dates day first in en-GB and most locales, month first in en-US', () => {
    expect(dateOf('Report by 03/04/2019', NOW, LONDON, 'en-GB')).toBe('2019-04-03');
    expect(dateOf('Report by 03/04/2019', NOW, LONDON, 'fr-FR')).toBe('2019-04-03');
    expect(dateOf('Report by 03/04/2019', NOW, LONDON, 'en-US')).toBe('2019-03-04');
    expect(dateOf('Report by 15/3', NOW, LONDON, 'en-GB')).toBe('2019-03-15');
    expect(dateOf('Report by 3/15', NOW, LONDON, 'en-US')).toBe('2019-03-15');
    expect(dateOf('Report by 03/04/2019', NOW, LONDON, 'not a locale')).toBe('2019-04-03');
  });

  describe('in Auckland, where 14:00 UTC on the 13th is already Thursday the 14th', () => {
    const zone = 'Pacific/Auckland';
    it.each([
      ['today', '2019-03-14'],
      ['tomorrow', '2019-03-15'],
      ['by Friday', '2019-03-15'],
      ['by Thursday', '2019-03-21'],
      ['in 2 weeks', '2019-03-28'],
      ['end of month', '2019-03-31'],
    ])('reads %p as %p', (phrase, date) => {
      expect(dateOf(`Report ${phrase}`, NOW, zone)).toBe(date);
    });
  });

  describe('across daylight-saving changes', () => {
    it('uses the London date when the clocks go forward (30 → 31 March 2019)', () => {
      expect(dateOf('Report tomorrow', '2019-03-30T23:30:00Z')).toBe('2019-03-31');
      // 23:30 UTC on the 31st is 00:30 BST on Monday 1 April.
      expect(dateOf('Report today', '2019-03-31T23:30:00Z')).toBe('2019-04-01');
      expect(dateOf('Report by Friday', '2019-03-31T23:30:00Z')).toBe('2019-04-05');
    });

    it('uses the New York date the evening before the clocks go forward (10 March 2019)', () => {
      expect(dateOf('Report tomorrow', '2019-03-10T04:30:00Z', 'America/New_York', 'en-US')).toBe('2019-03-10');
      expect(dateOf('Report in 2 weeks', '2019-03-10T04:30:00Z', 'America/New_York', 'en-US')).toBe('2019-03-23');
    });
  });

  describe('whatever zone the machine runs in', () => {
    // Jest's sandbox cannot change the zone its own Dates use, so each zone runs in a child Node.
    let built = '';
    beforeAll(() => {
      built = compileDomain(['dueDate', 'dateFormat', 'endOfPeriod']);
    });
    afterAll(() => rmSync(built, { recursive: true, force: true }));

    it.each(['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'America/Sao_Paulo'])('gives the same dates with TZ=%s', (zone) => {
      const cases: Array<[string, string, string]> = [
        ['Report by Friday', NOW, 'Pacific/Auckland'],
        ['Report today', '2019-03-13T05:00:00Z', 'Pacific/Honolulu'],
        // São Paulo's clocks went forward at midnight on 4 November 2018: that midnight never happened there.
        ['Report tomorrow', '2018-11-03T15:00:00Z', 'America/Sao_Paulo'],
        ['Report end of month', '2018-11-03T15:00:00Z', 'America/Sao_Paulo'],
      ];
      const script = `const { findTrailingDueDate } = require(${JSON.stringify(join(built, 'dueDate.js'))});
        const cases = ${JSON.stringify(cases)};
        process.stdout.write(JSON.stringify(cases.map(([t, n, z]) => findTrailingDueDate(t, n, z, 'en-GB')?.date)));`;
      const output = execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: zone, NODE_PATH: ROOT_MODULES }, encoding: 'utf8' });
      expect(JSON.parse(output)).toEqual(['2019-03-15', '2019-03-12', '2018-11-04', '2018-11-30']);
    });
  });
});

const ROOT_MODULES = join(__dirname, '../../node_modules');

/** Compiles domain modules to CommonJS in a temporary folder a child Node can require. */
function compileDomain(modules: string[]): string {
  const out = mkdtempSync(join(tmpdir(), 'due-date-'));
  for (const name of modules) {
    const source = join(__dirname, '../../src/domain', `${name}.ts`);
    const { code } = transformFileSync(source, { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } });
    writeFileSync(join(out, `${name}.js`), code);
  }
  return out;
}

describe('findUnreadableDueDate', () => {
  it.each([
    ['Order the banners by 31 February', 'by 31 February'],
    ['Order the banners by Friday 13th', 'by Friday 13th'],
    ['Order the banners in -3 days', 'in -3 days'],
    ['Order the banners by 1900', 'by 1900'],
    ['Order the banners due 31/02', 'due 31/02'],
    ['Order the banners on Fryday 31 June', 'on Fryday 31 June'],
  ])('finds %p, a due date meant but not one that exists', (text, phrase) => {
    expect(trailing(text)).toBeUndefined();
    expect(findUnreadableDueDate(text)).toEqual({ index: text.length - phrase.length, phrase });
  });

  it.each(['Order the banners by hand', 'Read chapter 5 on page 12', 'Split the report in 3 parts', 'Work on the plan', 'Approved by the Board', 'Order 1900 banners'])(
    'leaves %p as text: nothing there says a date',
    (text) => {
      expect(findUnreadableDueDate(text)).toBeUndefined();
    },
  );
});

describe('parseDueDate', () => {
  it.each([
    ['next Tuesday', '2019-03-19'],
    ['Friday', '2019-03-15'],
    ['by Friday', '2019-03-15'],
    ['due by Friday.', '2019-03-15'],
    ['12 June', '2019-06-12'],
    [' 15/03/2019 ', '2019-03-15'],
    ['2019-03-15', '2019-03-15'],
    ['end of month', '2019-03-31'],
    ['in 3 weeks', '2019-04-03'],
    ['Wednesday', '2019-03-20'],
  ])('reads %p as %p', (text, date) => {
    expect(parseDueDate(text, NOW, LONDON, 'en-GB')).toBe(date);
  });

  it.each(['', 'none', '2019', 'June', 'Friday report', 'Draft by Friday', '31 February', '5pm', '2.2', 'for 3 days'])(
    'rejects %p',
    (text) => {
      expect(parseDueDate(text, NOW, LONDON, 'en-GB')).toBeUndefined();
    },
  );

  it('reads the locale\'s numeric order', () => {
    expect(parseDueDate('4/5/2019', NOW, LONDON, 'en-US')).toBe('2019-04-05');
    expect(parseDueDate('4/5/2019', NOW, LONDON, 'en-GB')).toBe('2019-05-04');
  });
});
