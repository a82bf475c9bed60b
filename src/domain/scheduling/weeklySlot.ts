import { DateTime } from 'luxon';

/**
 * The next weekly digest instant strictly after `after`: the given ISO weekday (1 = Monday) at the
 * given local hour in the person's zone. Computed in the zone, so it stays at 09:00 local across a
 * daylight-saving change rather than drifting to 08:00 or 10:00.
 */
export function nextWeeklySlot(after: string, zone: string, weekday: number, hour: number): string {
  const start = DateTime.fromISO(after, { zone });
  let slot = start.set({ weekday: weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7, hour, minute: 0, second: 0, millisecond: 0 });
  while (slot <= start) slot = slot.plus({ weeks: 1 });
  return slot.toUTC().toISO() ?? '';
}
