import { newSeries } from '../domain/series';
import type { Series, SeriesKey, Versioned } from '../domain/types';
import type { ChatRecords } from '../store/chatRecords';
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
export async function changeSeries(chats: ChatRecords, key: SeriesKey, defaults: SeriesDefaults, change: (series: Series) => Series): Promise<Versioned<Series>> {
  return retryOnConflict(async () => {
    const current = await chats.getSeries(key);
    const base = current?.value ?? newSeries(key, defaults.timeZone, defaults.now);
    const next = change(base);
    if (current && next === current.value) return current;
    return chats.putSeries(next, current?.etag);
  });
}

/** Reads a series, creating it if the chat has never used the bot. One point read for a known chat. */
export async function loadSeries(chats: ChatRecords, key: SeriesKey, defaults: SeriesDefaults): Promise<Versioned<Series>> {
  const current = await chats.getSeries(key);
  if (current) return current;
  try {
    return await chats.putSeries(newSeries(key, defaults.timeZone, defaults.now));
  } catch (error) {
    // Another instance created it a moment ago: theirs is as good as ours.
    if (!(error instanceof ConcurrencyError)) throw error;
    const created = await chats.getSeries(key);
    if (!created) throw error;
    return created;
  }
}
