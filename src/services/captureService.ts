import type { ActionDraft } from '../domain/actionCommand';
import { localDate } from '../domain/dateFormat';
import { recordIdFromSource } from '../domain/seriesId';
import { takeActionNumber, takeDecisionNumber } from '../domain/series';
import type { Action, Decision, Person, Series, SeriesKey } from '../domain/types';
import type { MeetingStore } from '../store/meetingStore';
import type { Store } from '../store/store';
import { openMeeting } from './meetingService';
import { changeSeries, loadSeries, type SeriesDefaults } from './seriesService';

/** One capture request: what the chat said, who said it, and the activity that carried it. */
export interface CaptureRequest {
  key: SeriesKey;
  /** The Teams activity id (or card message id for the form): a redelivery carries the same one. */
  sourceId: string;
  by: Person;
  defaults: SeriesDefaults;
  /** Where meetings are kept: given, the capture is filed under the open meeting, opening one if it is the day's first. */
  meetings?: MeetingStore;
}

/**
 * Saves a new action, numbered and filed under the current agenda item. Capturing from the same
 * source twice returns the first action (`created: false`) instead of making a second one.
 */
export async function captureAction(store: Store, request: CaptureRequest, draft: ActionDraft): Promise<{ action: Action; created: boolean }> {
  const id = recordIdFromSource('action', request.key, request.sourceId);
  const existing = await store.getAction(request.key, id);
  if (existing) return { action: existing.value, created: false };

  let number = 0;
  const series = await changeSeries(store, request.key, request.defaults, (current) => {
    const taken = takeActionNumber(current);
    number = taken.number;
    return taken.series;
  });
  const now = request.defaults.now;
  const meetingId = await meetingIdFor(request, series);
  const action: Action = {
    id,
    seriesId: series.id,
    tenantId: request.key.tenantId,
    conversationId: request.key.conversationId,
    number,
    text: draft.text,
    owners: draft.owners,
    ...(draft.due ? { due: draft.due } : {}),
    ...(series.currentItem ? { item: series.currentItem } : {}),
    meetingDate: localDate(now, series.timeZone),
    ...(meetingId ? { meetingId } : {}),
    status: 'open',
    createdBy: request.by,
    createdAt: now,
    history: [{ id: request.sourceId, kind: 'created', by: request.by, at: now }],
    cards: [],
  };
  // If a twin delivery won the race, its action is returned and our number is simply skipped.
  const { created, stored } = await store.insertAction(action);
  return { action: stored.value, created };
}

/** Saves a decision, numbered within its meeting and agenda item. Idempotent like `captureAction`. */
export async function recordDecision(store: Store, request: CaptureRequest, text: string): Promise<{ decision: Decision; created: boolean }> {
  const id = recordIdFromSource('decision', request.key, request.sourceId);
  // Checked first so a redelivery does not use up a decision number (minutes would show a gap).
  const existing = (await store.listDecisions(request.key)).find((decision) => decision.id === id);
  if (existing) return { decision: existing, created: false };
  const now = request.defaults.now;
  // The meeting is found (or opened) first: decisions are numbered within it, so two meetings on one day each start at 1.
  const meetingId = await meetingIdFor(request, await loadSeries(store, request.key, request.defaults));
  let number = 0;
  let meetingDate = '';
  const series = await changeSeries(store, request.key, request.defaults, (current) => {
    meetingDate = localDate(now, current.timeZone);
    const taken = takeDecisionNumber(current, meetingId ?? meetingDate, current.currentItem);
    number = taken.number;
    return taken.series;
  });
  const decision: Decision = {
    id,
    seriesId: series.id,
    tenantId: request.key.tenantId,
    conversationId: request.key.conversationId,
    number,
    text,
    ...(series.currentItem ? { item: series.currentItem } : {}),
    meetingDate,
    ...(meetingId ? { meetingId } : {}),
    recordedBy: request.by,
    recordedAt: now,
  };
  const { created, stored } = await store.insertDecision(decision);
  return { decision: stored.value, created };
}

/** The meeting a capture belongs to (opened by it if it is the day's first), when meetings are kept. */
async function meetingIdFor(request: CaptureRequest, series: Series): Promise<string | undefined> {
  if (!request.meetings) return undefined;
  return (await openMeeting(request.meetings, series, { by: 'capture', at: request.defaults.now })).meeting.value.id;
}
