import { createHash } from 'node:crypto';
import type { SeriesKey } from './types';

// A turn derives its chat's series id several times over (the stores' key checks, record ids,
// each read and write), and a SHA-256 costs a few µs each time. Chats are many over a process's
// life, so the cache is emptied when full rather than frozen.
const SERIES_ID_LIMIT = 1000;
const seriesIds = new Map<string, string>();

/**
 * Derives a store-safe id from a tenant and chat. Teams conversation ids hold `:`, `@` and `;`,
 * and two tenants could in principle reuse one, so the id hashes both together.
 */
export function seriesIdOf(key: SeriesKey): string {
  const text = `${key.tenantId}\n${key.conversationId}`;
  const known = seriesIds.get(text);
  if (known !== undefined) return known;
  const id = digest(text);
  if (seriesIds.size >= SERIES_ID_LIMIT) seriesIds.clear();
  seriesIds.set(text, id);
  return id;
}


/**
 * Derives a record id from the Teams activity that created it, so the same activity delivered
 * twice names the same record and the second insert is a no-op.
 */
export function recordIdFromSource(kind: string, key: SeriesKey, sourceId: string): string {
  return `${kind}-${digest(`${seriesIdOf(key)}\n${sourceId}`)}`;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
