import { newSeries } from '../domain/series';
import type { Series, SeriesKey } from '../domain/types';
import type { Store } from '../store/store';
import { ConcurrencyError } from '../store/storeErrors';
import { retryOnConflict } from './retryOnConflict';

/** What a turn knows about a chat when it first meets it. */
export interface SeriesDefaults {
  timeZone: string;
  now: string;
}

/**
 * Applies a change to a series, creating the series first if the chat is new. `change` returns the
 * series unchanged (same object) when there is nothing to write, which saves a round trip.
 */
export async function changeSeries(
  store: Store,
  key: SeriesKey,
  defaults: SeriesDefaults,
  change: (series: Series) => Series,
): Promise<Series> {
  return retryOnConflict(async () => {
    const current = await store.getSeries(key);
    const base = current?.value ?? newSeries(key, defaults.timeZone, defaults.now);
    const next = change(base);
    if (current && next === current.value) return next;
    const saved = await store.putSeries(next, current?.etag);
    return saved.value;
  });
}

/** Reads a series, creating it if the chat has never used the bot. */
export async function loadSeries(store: Store, key: SeriesKey, defaults: SeriesDefaults): Promise<Series> {
  const current = await store.getSeries(key);
  if (current) return current.value;
  try {
    return (await store.putSeries(newSeries(key, defaults.timeZone, defaults.now))).value;
  } catch (error) {
    // Another instance created it a moment ago: theirs is as good as ours.
    if (!(error instanceof ConcurrencyError)) throw error;
    const created = await store.getSeries(key);
    if (!created) throw error;
    return created.value;
  }
}
