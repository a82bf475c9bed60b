import { isChair } from '../domain/series';
import { seriesIdOf } from '../domain/seriesId';
import type { Series, SeriesKey } from '../domain/types';
import type { SeriesGuard } from '../services/actionChangeService';
import type { TurnFacts } from './turn';

/** The chat a card click is about, and who may act on it from where they clicked, or why not. */
export type CardTarget = { ok: true; key: SeriesKey; guard: SeriesGuard } | { ok: false; message: string };

/**
 * Finds the chat behind a card click. In the meeting chat it must be that chat's own series. In a
 * 1:1 chat (a reminder or digest) the card names its chat; the tenant always comes from the
 * authenticated activity, so a card cannot reach into another tenant, and only members of that
 * chat (or its chair) may act on it: the guard checks that against the series once it is read.
 */
export function cardTarget(facts: TurnFacts, target: { seriesId: string; conversationId?: string }): CardTarget {
  const personal = facts.conversationType === 'personal';
  const key: SeriesKey = personal && target.conversationId ? { tenantId: facts.key.tenantId, conversationId: target.conversationId } : facts.key;
  if (seriesIdOf(key) !== target.seriesId) return { ok: false, message: 'That action belongs to another chat, so it cannot be changed from here.' };
  const person = facts.speaker.id;
  const guard: SeriesGuard = (series: Series) =>
    personal && !isChair(series, person) && !series.members.some((member) => member.id === person) ? 'Only members of that meeting chat can change its actions.' : undefined;
  return { ok: true, key, guard };
}
