import { seriesIdOf } from '../domain/seriesId';
import type { SeriesKey } from '../domain/types';

/**
 * Refuses a record whose series id was not derived from its own tenant and chat. Records are
 * partitioned by series id, so a mismatch would file one tenant's record under another's chat.
 */
export function assertSeriesIdMatches(key: SeriesKey, seriesId: string, what: string): void {
  const expected = seriesIdOf(key);
  if (seriesId !== expected) {
    throw new Error(`${what} has series id ${seriesId}, but its tenant and chat give ${expected}`);
  }
}
