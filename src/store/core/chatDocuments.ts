import type { Meeting, MeetingNote } from '../../domain/meetings/meetingTypes';
import type { Action, ActionHistoryPage, Decision, Series } from '../../domain/types';
import type { ChatRecord } from '../chatRecords';

/**
 * How a chat's records sit in the `chats` collection, identical on both backends (the SQLite body
 * is the Cosmos document): every kind shares its series' partition (`seriesId`) and is told apart
 * by `type`; the series is its own partition's anchor, so its `seriesId` is its own id.
 */
export type ChatDocument = SeriesDocument | ActionDocument | DecisionDocument | MeetingDocument | NoteDocument | HistoryDocument;

/** A series as stored: the record plus its partition key and discriminator. */
export type SeriesDocument = Series & { seriesId: string; type: 'series' };
/** An action as stored. */
export type ActionDocument = Action & { type: 'action' };
/** A decision as stored. */
export type DecisionDocument = Decision & { type: 'decision' };
/** A meeting as stored. */
export type MeetingDocument = Meeting & { type: 'meeting' };
/** A note as stored. */
export type NoteDocument = MeetingNote & { type: 'note' };
/** A page of an action's older history as stored. */
export type HistoryDocument = ActionHistoryPage & { type: 'history' };

/** The kinds of chat record, which are also the documents' `type` values. */
export type ChatKind = ChatRecord['kind'];
/** Each kind's domain record. */
type RecordsByKind = { [R in ChatRecord as R['kind']]: R['value'] };
/** The domain record of one kind. */
export type RecordOf<K extends ChatKind> = RecordsByKind[K];

/** The fields each kind's document adds to its record, dropped again on the way out. */
const ADDED_FIELDS: Record<ChatKind, readonly string[]> = {
  series: ['type', 'seriesId'],
  action: ['type'],
  decision: ['type'],
  meeting: ['type'],
  note: ['type'],
  history: ['type'],
};

/** The document a record is stored as. */
export function chatDocumentOf(record: ChatRecord): ChatDocument {
  if (record.kind === 'series') return { ...record.value, seriesId: record.value.id, type: 'series' };
  return { ...record.value, type: record.kind } as ChatDocument;
}

/** The series id a record is filed under (its partition). */
export function seriesIdOfRecord(record: ChatRecord): string {
  return record.kind === 'series' ? record.value.id : record.value.seriesId;
}

/** The record of kind `kind` a document holds, or undefined if it holds another kind (ids are per partition, not per kind). */
export function recordOfKind<K extends ChatKind>(document: ChatDocument, kind: K): RecordOf<K> | undefined {
  const type: ChatKind = document.type;
  if (type !== kind) return undefined;
  const added = ADDED_FIELDS[kind];
  const record: unknown = Object.fromEntries(Object.entries(document).filter(([name]) => !added.includes(name)));
  return record as RecordOf<K>;
}
