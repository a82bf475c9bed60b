import type { Meeting, MeetingNote } from '../domain/meetings/meetingTypes';
import type { Action, ActionHistoryPage, ActionStatus, Decision, Series, SeriesKey, Versioned } from '../domain/types';
import type { Durability } from './durability';

/** One record of a chat, named by its kind: what `writeTogether` writes. */
export type ChatRecord =
  | { kind: 'series'; value: Series }
  | { kind: 'action'; value: Action }
  | { kind: 'decision'; value: Decision }
  | { kind: 'meeting'; value: Meeting }
  | { kind: 'note'; value: MeetingNote }
  | { kind: 'history'; value: ActionHistoryPage };

/** One write of a batch: create the record (no etag), or replace it if `etag` is still its version. */
export interface ChatWrite {
  record: ChatRecord;
  /** The version read: the write replaces only that version. Absent: create, failing if the record exists. */
  etag?: string;
}

/** How a request names an action: by store id (cards) or by the number people type (`A-12` → 12). */
export type ActionLocator = { id: string } | { number: number };

/**
 * Everything one chat keeps: its series (counters, members, current item), actions, decisions,
 * meetings and notes. They share one partition (Cosmos `chats` container, partition key `/seriesId`;
 * in SQLite the same key), so reading several and writing several together are single round trips.
 *
 * Concurrency: a write of an existing record quotes the etag it read; a stale etag throws
 * `ConcurrencyError` and changes nothing. Creating a record that exists throws `ConcurrencyError`
 * too, except through the `insert…` methods, which hand back the stored record instead: that is
 * what makes a redelivered activity harmless (record ids derive from the activity).
 *
 * The round trips each method costs are part of its contract (a test counts them against Cosmos):
 * every method is one request unless its comment says otherwise.
 */
export interface ChatRecords {
  /** Reads a series, or undefined if the chat has never used the bot. A point read. */
  getSeries(key: SeriesKey): Promise<Versioned<Series> | undefined>;
  /** Creates the series (no etag; `ConcurrencyError` if it exists) or replaces it (etag must be current). */
  putSeries(series: Series, etag?: string): Promise<Versioned<Series>>;

  /** Reads one action by id. A point read. */
  getAction(key: SeriesKey, actionId: string): Promise<Versioned<Action> | undefined>;
  /** Reads one action by its typed number. */
  getActionByNumber(key: SeriesKey, number: number): Promise<Versioned<Action> | undefined>;
  /**
   * Reads the series and one of its actions in one round trip (by id, a batch of two reads; by
   * number, a single-partition query): what a change to an action needs (who chairs, the members'
   * initials, the action and its etag). By id, a missing action costs a second request.
   */
  getSeriesAndAction(key: SeriesKey, action: ActionLocator): Promise<{ series?: Versioned<Series>; action?: Versioned<Action> }>;
  /**
   * Reads the series and its actions (optionally of one status, in number order) in one query:
   * what a list of the chat's actions needs.
   */
  getSeriesAndActions(key: SeriesKey, filter?: { status?: ActionStatus }): Promise<{ series?: Versioned<Series>; actions: Action[] }>;
  /**
   * Creates an action unless one with its id exists; either way returns the stored one and whether
   * this call created it. An existing id costs a second request (the read-back).
   */
  insertAction(action: Action): Promise<{ created: boolean; stored: Versioned<Action> }>;
  /**
   * Replaces an action if `etag` is still current; otherwise throws `ConcurrencyError`. `soon` lets
   * a write whose loss is only cosmetic (where a card copy was posted) return before it is on disk
   * (see `Durability`).
   */
  replaceAction(action: Action, etag: string, durability?: Durability): Promise<Versioned<Action>>;
  /** A series' actions, optionally only those with one status, in number order (10 after 9). */
  listActions(key: SeriesKey, filter?: { status?: ActionStatus }): Promise<Action[]>;
  /** The pages of older history of a series' actions (written with `writeTogether`), by action number, then page. */
  listActionHistory(key: SeriesKey): Promise<ActionHistoryPage[]>;

  /** Reads one decision by id. A point read. */
  getDecision(key: SeriesKey, decisionId: string): Promise<Versioned<Decision> | undefined>;
  /** Creates a decision unless one with its id exists (same contract as `insertAction`). */
  insertDecision(decision: Decision): Promise<{ created: boolean; stored: Versioned<Decision> }>;
  /** A series' decisions in the order they were recorded (ties: by number, then id). */
  listDecisions(key: SeriesKey): Promise<Decision[]>;

  /** Reads one meeting. A point read. */
  getMeeting(key: SeriesKey, meetingId: string): Promise<Versioned<Meeting> | undefined>;
  /** Creates a meeting (no etag; `ConcurrencyError` if it exists) or replaces it (etag must be current). */
  putMeeting(meeting: Meeting, etag?: string): Promise<Versioned<Meeting>>;
  /** The series' open meeting, if any (the most recently started one, should there be two). */
  getOpenMeeting(key: SeriesKey): Promise<Versioned<Meeting> | undefined>;
  /** A series' meetings, oldest start first (ties: by id). */
  listMeetings(key: SeriesKey): Promise<Meeting[]>;
  /** Saves a note unless one with its id exists (a redelivered `/note`); returns the stored one. */
  insertNote(note: MeetingNote): Promise<{ created: boolean; stored: MeetingNote }>;
  /** A meeting's notes in the order they were made (ties: by id). */
  listNotes(key: SeriesKey, meetingId: string): Promise<MeetingNote[]>;

  /**
   * Writes several records of one chat in one round trip (a Cosmos transactional batch, a SQLite
   * transaction), in order, and returns their new etags in the same order. If any write cannot be
   * made (a record to create exists, an etag is stale, a record to replace is gone) it throws
   * `BatchWriteRefused` naming the first refused write, and on SQLite and real Cosmos DB nothing
   * was written. (A local Cosmos protocol server may have applied the writes before the refused one:
   * callers order writes so that is harmless and rely on idempotent ids, never on atomicity.)
   * Every record must belong to `key`'s chat.
   */
  writeTogether(key: SeriesKey, writes: readonly ChatWrite[]): Promise<string[]>;
}
