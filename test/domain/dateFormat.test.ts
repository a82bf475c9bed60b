import { formatDueDate, isOverdue, isValidTimeZone, localDate } from '../../src/domain/dateFormat';

describe('formatDueDate', () => {
  it.each([
    ['en-GB', 'Fri 15 Mar 2019'],
    ['en-gb', 'Fri 15 Mar 2019'],
    ['en-US', 'Fri, Mar 15, 2019'],
    ['de-DE', 'Fr., 15. März 2019'],
    ['xx-YY', 'Fri 15 Mar 2019'],
    ['not a locale', 'Fri 15 Mar 2019'],
    ['', 'Fri 15 Mar 2019'],
  ])('formats 2019-03-15 for %p as %p', (locale, expected) => {
    expect(formatDueDate('2019-03-15', locale)).toBe(expected);
  });

  it('formats the date itself, whatever the machine zone', () => {
    expect(formatDueDate('2019-12-31', 'en-GB')).toBe('Tue 31 Dec 2019');
    expect(formatDueDate('2020-02-29', 'en-US')).toBe('Sat, Feb 29, 2020');
  });

  it('returns a string that is not a calendar date unchanged', () => {
    expect(formatDueDate('2019-02-31', 'en-GB')).toBe('2019-02-31');
    expect(formatDueDate('Friday', 'en-GB')).toBe('Friday');
    expect(formatDueDate('2019-03-15T10:00:00Z', 'en-GB')).toBe('2019-03-15T10:00:00Z');
  });
});

describe('localDate', () => {
  it('takes the calendar date in the zone, not in UTC', () => {
    expect(localDate('2019-03-13T14:00:00Z', 'Europe/London')).toBe('2019-03-13');
    expect(localDate('2019-03-13T14:00:00Z', 'Pacific/Auckland')).toBe('2019-03-14');
    expect(localDate('2019-03-13T05:00:00Z', 'Pacific/Honolulu')).toBe('2019-03-12');
  });

  it('follows daylight saving: 23:30 UTC is the next day in London once clocks go forward', () => {
    expect(localDate('2019-03-30T23:30:00Z', 'Europe/London')).toBe('2019-03-30');
    expect(localDate('2019-03-31T23:30:00Z', 'Europe/London')).toBe('2019-04-01');
  });

  it('reads instants written with an offset', () => {
    expect(localDate('2019-03-14T01:00:00+13:00', 'Europe/London')).toBe('2019-03-13');
  });

  it('refuses an invalid zone rather than guess', () => {
    expect(() => localDate('2019-03-13T14:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('isOverdue', () => {
  const now = '2019-03-13T14:00:00Z';

  it('is overdue only once the due date is before today in the zone', () => {
    expect(isOverdue('2019-03-12', now, 'Europe/London')).toBe(true);
    expect(isOverdue('2019-03-13', now, 'Europe/London')).toBe(false);
    expect(isOverdue('2019-03-14', now, 'Europe/London')).toBe(false);
  });

  it('uses the zone: in Auckland it is already the 14th, so the 13th has passed', () => {
    expect(isOverdue('2019-03-13', now, 'Pacific/Auckland')).toBe(true);
    expect(isOverdue('2019-03-13', '2019-03-13T05:00:00Z', 'Pacific/Honolulu')).toBe(false);
  });

  it('compares across months and years', () => {
    expect(isOverdue('2018-12-31', now, 'Europe/London')).toBe(true);
    expect(isOverdue('2019-10-01', now, 'Europe/London')).toBe(false);
  });
});

describe('isValidTimeZone', () => {
  it.each(['Europe/London', 'Pacific/Auckland', 'America/New_York', 'UTC'])('accepts %p', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(['Mars/Olympus', '', ' ', 'GMT Standard Time', '+01:00'])('rejects %p', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});
