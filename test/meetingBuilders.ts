/** Test-data builders for meetings and notes, alongside `builders.ts`. */
import { randomUUID } from 'node:crypto';
import { meetingIdFor } from '../src/domain/meetings/meetingLifecycle';
import type { Meeting, MeetingNote } from '../src/domain/meetings/meetingTypes';
import { recordIdFromSource, seriesIdOf } from '../src/domain/seriesId';
import type { Series, SeriesKey } from '../src/domain/types';
import { aPerson } from './builders';

/** An open meeting of `series` that started at 14:00 London on Wed 13 March 2019, unless told otherwise. */
export function aMeeting(series: Series, overrides: Partial<Meeting> = {}): Meeting {
  const date = overrides.date ?? '2019-03-13';
  const ordinal = overrides.ordinal ?? 1;
  return {
    startedAt: `${date}T14:00:00.000Z`,
    status: 'open',
    openedBy: 'event',
    present: [],
    apologies: [],
    items: [],
    createdAt: `${date}T14:00:00.000Z`,
    ...overrides,
    id: overrides.id ?? meetingIdFor(series, date, ordinal),
    date,
    ordinal,
    seriesId: series.id,
    tenantId: series.tenantId,
    conversationId: series.conversationId,
  };
}

/** A note of `meeting`, filed under item 2.2 unless told otherwise. */
export function aNote(series: SeriesKey, meeting: Meeting, overrides: Partial<MeetingNote> = {}): MeetingNote {
  return {
    item: { number: '2.2', title: 'S157/175 Safeguarding Audit' },
    text: 'DH presented the S157/175 Safeguarding Audit report.',
    by: aPerson('Sarah Berry'),
    at: '2019-03-13T14:20:00.000Z',
    ...overrides,
    id: overrides.id ?? recordIdFromSource('note', series, `activity-${randomUUID()}`),
    seriesId: seriesIdOf(series),
    tenantId: series.tenantId,
    conversationId: series.conversationId,
    meetingId: meeting.id,
  };
}
