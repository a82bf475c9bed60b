import { isChair } from '../domain/series';
import { seriesIdOf } from '../domain/seriesId';
import type { Series, SeriesKey } from '../domain/types';
import type { BotDeps } from './botDeps';
import type { TurnInfo } from './turnInfo';

/** The series a card click is about, or why it cannot be acted on from here. */
export type CardTarget = { ok: true; key: SeriesKey; series: Series } | { ok: false; message: string };

/**
 * Finds the series behind a card click. In the meeting chat it must be that chat's own series. In a
 * 1:1 chat (a reminder or digest) the card names its chat; the tenant always comes from the
 * authenticated activity, so a card cannot reach into another tenant, and only members of that
 * chat (or its owners and chair) may act on it.
 */
export async function resolveCardTarget(deps: BotDeps, info: TurnInfo, target: { seriesId: string; conversationId?: string }): Promise<CardTarget> {
  const key: SeriesKey =
    info.conversationType === 'personal' && target.conversationId ? { tenantId: info.key.tenantId, conversationId: target.conversationId } : info.key;
  if (seriesIdOf(key) !== target.seriesId) return { ok: false, message: 'That action belongs to another chat, so it cannot be changed from here.' };
  const series = (await deps.store.getSeries(key))?.value;
  if (!series) return { ok: false, message: 'That chat has no actions with me any more.' };
  if (info.conversationType === 'personal') {
    const person = info.speaker.id;
    const belongs = isChair(series, person) || series.members.some((member) => member.id === person);
    if (!belongs) return { ok: false, message: 'Only members of that meeting chat can change its actions.' };
  }
  return { ok: true, key, series };
}
