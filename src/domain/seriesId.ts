import { createHash } from 'node:crypto';
import type { SeriesKey } from './types';

/**
 * Derives a store-safe id from a tenant and chat. Teams conversation ids hold `:`, `@` and `;`,
 * and two tenants could in principle reuse one, so the id hashes both together.
 */
export function seriesIdOf(key: SeriesKey): string {
  return digest(`${key.tenantId}\n${key.conversationId}`);
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
