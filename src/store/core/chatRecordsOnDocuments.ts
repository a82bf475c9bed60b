import type { Meeting, MeetingNote } from '../../domain/meetings/meetingTypes';
import { seriesIdOf } from '../../domain/seriesId';
import type { Action, ActionHistoryPage, ActionStatus, Decision, Series, SeriesKey, Versioned } from '../../domain/types';
import type { ActionLocator, ChatRecord, ChatRecords, ChatWrite } from '../chatRecords';
import { assertSeriesIdMatches } from '../seriesKeyCheck';
import { chatDocumentOf, type ChatDocument, type ChatKind, recordOfKind, type RecordOf, seriesIdOfRecord } from './chatDocuments';
import { putDocument, replaceIfCurrent, writeAllOrRefuse } from './compareAndSwap';
import type { Durability } from '../durability';
import type { DocumentCollection, DocumentWrite, Stored } from './documentCollection';
import { type Clause, compareByKeys, type Condition, type SortKey } from './documentQuery';
import { insertOnce } from './insertOnce';

/**
 * `ChatRecords` over any document collection: every rule (the record's series id must come from
 * its own tenant and chat, kinds told apart by `type`, orders, insert-once) is here once, and the
 * SQLite and Cosmos backends only move documents.
 */
export class ChatRecordsOnDocuments implements ChatRecords {
  constructor(private readonly chats: DocumentCollection<ChatDocument>) {}

  async getSeries(key: SeriesKey): Promise<Versioned<Series> | undefined> {
    const seriesId = seriesIdOf(key);
    return this.readKind(seriesId, seriesId, 'series');
  }

  async putSeries(series: Series, etag?: string): Promise<Versioned<Series>> {
    return this.put('series', series, etag);
  }

  async getAction(key: SeriesKey, actionId: string): Promise<Versioned<Action> | undefined> {
    return this.readKind(seriesIdOf(key), actionId, 'action');
  }

  async getActionByNumber(key: SeriesKey, number: number): Promise<Versioned<Action> | undefined> {
    // Numbers are handed out under the series etag, so two with one number means a bug elsewhere; pick one stably.
    const [found] = await this.list(key, 'action', [{ field: 'number', equals: number }], [{ field: 'id' }], 1);
    return found;
  }

  async getSeriesAndAction(key: SeriesKey, action: ActionLocator): Promise<{ series?: Versioned<Series>; action?: Versioned<Action> }> {
    const seriesId = seriesIdOf(key);
    // By id, one read of both documents (no query, so no query plan either); by number, one
    // single-partition query for the series by its id or the action by its number.
    const found =
      'id' in action
        ? await this.chats.readMany(seriesId, [seriesId, action.id])
        : // Sorted here rather than by the query, so SQLite needs no sort step; ids make the pick stable.
          (
            await this.chats.query({
              partition: seriesId,
              where: [{ anyOf: [[{ field: 'id', equals: seriesId }], [{ field: 'type', equals: 'action' }, { field: 'number', equals: action.number }]] }],
            })
          ).sort((a, b) => byId(a.document, b.document));
    const series = firstOfKind(found, 'series', (document) => document.id === seriesId);
    const wanted = firstOfKind(found, 'action', (document) => ('id' in action ? document.id === action.id : document.number === action.number));
    return { ...(series ? { series } : {}), ...(wanted ? { action: wanted } : {}) };
  }

  async getSeriesAndActions(key: SeriesKey, filter: { status?: ActionStatus } = {}): Promise<{ series?: Versioned<Series>; actions: Action[] }> {
    const seriesId = seriesIdOf(key);
    const byStatus: Array<Condition<ChatDocument>> = filter.status === undefined ? [] : [{ field: 'status', equals: filter.status }];
    const found = await this.chats.query({
      partition: seriesId,
      where: [{ anyOf: [[{ field: 'id', equals: seriesId }], [{ field: 'type', equals: 'action' }, ...byStatus]] }],
    });
    const series = firstOfKind(found, 'series', (document) => document.id === seriesId);
    // Ordered here: the union of two kinds has no one index to read them off.
    const actions = found.sort((a, b) => byNumber(a.document, b.document)).flatMap((stored) => versionedOfKind(stored, 'action')?.value ?? []);
    return { ...(series ? { series } : {}), actions };
  }

  async insertAction(action: Action): Promise<{ created: boolean; stored: Versioned<Action> }> {
    return this.insert('action', action);
  }

  async replaceAction(action: Action, etag: string, durability: Durability = 'now'): Promise<Versioned<Action>> {
    assertOwnSeries({ kind: 'action', value: action });
    const next = await replaceIfCurrent(this.chats, chatDocumentOf({ kind: 'action', value: action }), etag, `action ${action.id}`, durability);
    return { value: action, etag: next };
  }

  async listActions(key: SeriesKey, filter: { status?: ActionStatus } = {}): Promise<Action[]> {
    const byStatus: Array<Clause<ChatDocument>> = filter.status === undefined ? [] : [{ field: 'status', equals: filter.status }];
    return values(await this.list(key, 'action', byStatus, [{ field: 'number' }, { field: 'id' }]));
  }

  async listActionHistory(key: SeriesKey): Promise<ActionHistoryPage[]> {
    // Pages carry their action's number, so they list off the same index as actions, in page order by id.
    return values(await this.list(key, 'history', [], [{ field: 'number' }, { field: 'id' }]));
  }

  async getDecision(key: SeriesKey, decisionId: string): Promise<Versioned<Decision> | undefined> {
    return this.readKind(seriesIdOf(key), decisionId, 'decision');
  }

  async insertDecision(decision: Decision): Promise<{ created: boolean; stored: Versioned<Decision> }> {
    return this.insert('decision', decision);
  }

  async listDecisions(key: SeriesKey): Promise<Decision[]> {
    return values(await this.list(key, 'decision', [], [{ field: 'recordedAt' }, { field: 'number' }, { field: 'id' }]));
  }

  async getMeeting(key: SeriesKey, meetingId: string): Promise<Versioned<Meeting> | undefined> {
    return this.readKind(seriesIdOf(key), meetingId, 'meeting');
  }

  async putMeeting(meeting: Meeting, etag?: string): Promise<Versioned<Meeting>> {
    return this.put('meeting', meeting, etag);
  }

  async getOpenMeeting(key: SeriesKey): Promise<Versioned<Meeting> | undefined> {
    const latestFirst: Array<SortKey<ChatDocument>> = [
      { field: 'startedAt', descending: true },
      { field: 'id', descending: true },
    ];
    const [open] = await this.list(key, 'meeting', [{ field: 'status', equals: 'open' }], latestFirst, 1);
    return open;
  }

  async listMeetings(key: SeriesKey): Promise<Meeting[]> {
    return values(await this.list(key, 'meeting', [], [{ field: 'startedAt' }, { field: 'id' }]));
  }

  async insertNote(note: MeetingNote): Promise<{ created: boolean; stored: MeetingNote }> {
    const { created, stored } = await this.insert('note', note);
    return { created, stored: stored.value };
  }

  async listNotes(key: SeriesKey, meetingId: string): Promise<MeetingNote[]> {
    return values(await this.list(key, 'note', [{ field: 'meetingId', equals: meetingId }], [{ field: 'at' }, { field: 'id' }]));
  }

  async writeTogether(key: SeriesKey, writes: readonly ChatWrite[]): Promise<string[]> {
    const batch = chatBatchOf(key, writes);
    return writeAllOrRefuse(this.chats, batch.partition, batch.writes);
  }

  private async readKind<K extends ChatKind>(seriesId: string, id: string, kind: K): Promise<Versioned<RecordOf<K>> | undefined> {
    const stored = await this.chats.read(seriesId, id);
    return stored && versionedOfKind(stored, kind);
  }

  private async put<K extends 'series' | 'meeting'>(kind: K, value: RecordOf<K>, etag: string | undefined): Promise<Versioned<RecordOf<K>>> {
    const record = chatRecord(kind, value);
    assertOwnSeries(record);
    const next = await putDocument(this.chats, chatDocumentOf(record), etag, `${kind} ${value.id}`);
    return { value, etag: next };
  }

  private async insert<K extends 'action' | 'decision' | 'note'>(kind: K, value: RecordOf<K>): Promise<{ created: boolean; stored: Versioned<RecordOf<K>> }> {
    const record = chatRecord(kind, value);
    assertOwnSeries(record);
    const { created, stored } = await insertOnce(this.chats, chatDocumentOf(record));
    const versioned = versionedOfKind(stored, kind);
    if (!versioned) throw new Error(`${kind} ${value.id} exists as another kind of record (${stored.document.type})`);
    return { created, stored: versioned };
  }

  /** Records of one kind in a chat, ordered in the query so SQLite reads them off an index. */
  private async list<K extends ChatKind>(
    key: SeriesKey,
    kind: K,
    where: Array<Clause<ChatDocument>>,
    orderBy: Array<SortKey<ChatDocument>>,
    limit?: number,
  ): Promise<Array<Versioned<RecordOf<K>>>> {
    const found = await this.chats.query({
      partition: seriesIdOf(key),
      where: [{ field: 'type', equals: kind }, ...where],
      orderBy,
      ...(limit === undefined ? {} : { limit }),
    });
    return found.flatMap((stored) => versionedOfKind(stored, kind) ?? []);
  }
}

/**
 * The documents of a batch of one chat's records, in its partition, once every record is checked
 * to belong to `key`'s chat (its series id derived from its own tenant and chat).
 */
export function chatBatchOf(key: SeriesKey, writes: readonly ChatWrite[]): { partition: string; writes: Array<DocumentWrite<ChatDocument>> } {
  for (const { record } of writes) {
    assertOwnSeries(record);
    assertSeriesIdMatches(key, seriesIdOfRecord(record), `${record.kind} ${record.value.id} of a batch`);
  }
  return {
    partition: seriesIdOf(key),
    writes: writes.map(({ record, etag }) => ({ document: chatDocumentOf(record), ...(etag === undefined ? {} : { etag }) })),
  };
}

const byId = compareByKeys<ChatDocument>([{ field: 'id' }]);
const byNumber = compareByKeys<ChatDocument>([{ field: 'number' }, { field: 'id' }]);

/** Pairs a kind with its record (TypeScript cannot see that a generic kind and value match). */
function chatRecord<K extends ChatKind>(kind: K, value: RecordOf<K>): ChatRecord {
  return { kind, value } as ChatRecord;
}

/** Refuses a record whose series id is not derived from its own tenant and chat. */
function assertOwnSeries(record: ChatRecord): void {
  assertSeriesIdMatches(record.value, seriesIdOfRecord(record), `${record.kind} ${record.value.id}`);
}

function versionedOfKind<K extends ChatKind>(stored: Stored<ChatDocument>, kind: K): Versioned<RecordOf<K>> | undefined {
  const value = recordOfKind(stored.document, kind);
  return value && { value, etag: stored.etag };
}

function firstOfKind<K extends 'series' | 'action'>(
  found: Array<Stored<ChatDocument>>,
  kind: K,
  wanted: (record: RecordOf<K>) => boolean,
): Versioned<RecordOf<K>> | undefined {
  for (const stored of found) {
    const versioned = versionedOfKind(stored, kind);
    if (versioned && wanted(versioned.value)) return versioned;
  }
  return undefined;
}

function values<T>(versioned: Array<Versioned<T>>): T[] {
  return versioned.map(({ value }) => value);
}
