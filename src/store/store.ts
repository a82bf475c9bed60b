import type { Action, Decision, Series, SeriesKey, Versioned } from '../domain/types';

/**
 * The one door to storage. Domain types go in and come out; how they are laid out (SQLite rows,
 * Cosmos documents) is each implementation's business. Every implementation passes
 * `test/store/storeContract.ts`.
 *
 * Concurrency: every write of an existing record quotes the etag it read; a stale etag throws
 * `ConcurrencyError` and changes nothing, so two people editing one action never lose a change.
 */
export interface Store {
  /** Reads a series, or undefined if the chat has never used the bot. */
  getSeries(key: SeriesKey): Promise<Versioned<Series> | undefined>;
  /**
   * Creates the series (no etag: fails with `ConcurrencyError` if it already exists) or replaces it
   * (etag given: fails with `ConcurrencyError` if someone changed it since).
   */
  putSeries(series: Series, etag?: string): Promise<Versioned<Series>>;

  /** Reads one action of a series by id. */
  getAction(key: SeriesKey, actionId: string): Promise<Versioned<Action> | undefined>;
  /** Reads one action of a series by its typed number (`A-12` → 12). */
  getActionByNumber(key: SeriesKey, number: number): Promise<Versioned<Action> | undefined>;
  /**
   * Creates an action unless one with the same id exists; either way returns the stored one and
   * whether this call created it. This is what makes a redelivered activity harmless.
   */
  insertAction(action: Action): Promise<{ created: boolean; stored: Versioned<Action> }>;
  /** Replaces an action if `etag` is still current; otherwise throws `ConcurrencyError`. */
  replaceAction(action: Action, etag: string): Promise<Versioned<Action>>;
  /** Lists a series' actions, optionally only those with one status, in number order. */
  listActions(key: SeriesKey, filter?: { status?: Action['status'] }): Promise<Action[]>;

  /** Creates a decision unless one with the same id exists (same contract as `insertAction`). */
  insertDecision(decision: Decision): Promise<{ created: boolean; stored: Versioned<Decision> }>;
  /** Lists a series' decisions in the order they were recorded. */
  listDecisions(key: SeriesKey): Promise<Decision[]>;

  /** Cheap round trip for `/healthz`: resolves if the store answers. */
  ping(): Promise<void>;
  /** Releases connections and file handles. */
  close(): Promise<void>;
}
