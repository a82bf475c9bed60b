/**
 * Test-data builders ("mothers"): a valid record with sensible defaults, overridden where a test
 * cares. Every series gets fresh random tenant and chat ids, so tests sharing one store never see
 * each other's records.
 */
import { randomUUID } from 'node:crypto';
import { recordIdFromSource, seriesIdOf } from '../src/domain/seriesId';
import type { Action, Decision, Person, Series, SeriesKey } from '../src/domain/types';

/** A person whose ids are derived from the name, so the same name is the same person in one test. */
export function aPerson(name = 'Derek Benson'): Person {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { id: `aad-${slug}`, name, teamsId: `29:${slug}` };
}

/** A fresh chat in a fresh tenant. */
export function aSeriesKey(overrides: Partial<SeriesKey> = {}): SeriesKey {
  return {
    tenantId: overrides.tenantId ?? randomUUID(),
    conversationId: overrides.conversationId ?? `19:meeting_${randomUUID()}@thread.v2`,
  };
}

/** A series with one chair and two members; `id` always follows the (possibly overridden) key. */
export function aSeries(overrides: Partial<Series> = {}): Series {
  const key = aSeriesKey(overrides);
  const chair = aPerson('Chris Chair');
  return {
    timeZone: 'Europe/London',
    members: [
      { ...chair, initials: 'CC' },
      { ...aPerson('Derek Benson'), initials: 'DBe' },
    ],
    chair,
    chairSource: 'organizer',
    lastActionNumber: 0,
    decisionCounters: {},
    createdAt: '2019-03-13T09:30:00.000Z',
    ...overrides,
    ...key,
    id: seriesIdOf(key),
  };
}

/** An open action of `series`, number 1 unless told otherwise, with a `created` history entry. */
export function anAction(series: SeriesKey, overrides: Partial<Action> = {}): Action {
  const createdBy = aPerson('Chris Chair');
  const createdAt = overrides.createdAt ?? '2019-03-13T10:05:00.000Z';
  const id = overrides.id ?? recordIdFromSource('action', series, `activity-${randomUUID()}`);
  return {
    number: 1,
    text: 'Draft letter to the National Panel',
    owners: [aPerson('Derek Benson')],
    due: '2019-03-15',
    item: { number: '2.2', title: 'S157/175 Safeguarding Audit' },
    meetingDate: '2019-03-13',
    status: 'open',
    createdBy,
    createdAt,
    history: [{ id: `${id}-created`, kind: 'created', by: createdBy, at: createdAt }],
    cards: [],
    ...overrides,
    tenantId: series.tenantId,
    conversationId: series.conversationId,
    seriesId: seriesIdOf(series),
    id,
  };
}

/** A decision of `series`, number 1 of item 2.2 unless told otherwise. */
export function aDecision(series: SeriesKey, overrides: Partial<Decision> = {}): Decision {
  return {
    number: 1,
    text: 'The Board approved the revised SUDIC Protocol',
    item: { number: '2.2', title: 'S157/175 Safeguarding Audit' },
    meetingDate: '2019-03-13',
    recordedBy: aPerson('Chris Chair'),
    recordedAt: '2019-03-13T10:10:00.000Z',
    ...overrides,
    tenantId: series.tenantId,
    conversationId: series.conversationId,
    seriesId: seriesIdOf(series),
    id: overrides.id ?? recordIdFromSource('decision', series, `activity-${randomUUID()}`),
  };
}
