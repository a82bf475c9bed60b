import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { seriesIdOf } from '../../domain/seriesId';
import type { Action, Decision, Series, SeriesKey, Versioned } from '../../domain/types';
import { assertSeriesIdMatches } from '../seriesKeyCheck';
import { ConcurrencyError, type Store } from '../store';
import { applySchema } from './schema';
import { openSqliteDatabase } from './openDatabase';
import { guardSqlite } from './unavailable';

interface Row {
  etag: string;
  body: string;
}

/**
 * The embedded store: one SQLite file, safe for several processes on one machine (WAL + busy
 * timeout). Every write stamps a fresh random etag, and replaces are `UPDATE … WHERE etag = ?`,
 * so optimistic concurrency holds across processes, not just within one.
 */
export class SqliteStore implements Store {
  private constructor(private readonly db: Database.Database) {}

  /** Opens (creating if needed) `<dataDir>/meeting-actions.db`. */
  static open(dataDir: string): SqliteStore {
    const db = openSqliteDatabase(dataDir, applySchema);
    return new SqliteStore(db);
  }

  async getSeries(key: SeriesKey): Promise<Versioned<Series> | undefined> {
    const row = guardSqlite('read a series', () =>
      this.db.prepare<[string], Row>('SELECT etag, body FROM series WHERE id = ?').get(seriesIdOf(key)),
    );
    return row && versioned<Series>(row);
  }

  async putSeries(series: Series, etag?: string): Promise<Versioned<Series>> {
    assertSeriesIdMatches(series, series.id, `series ${series.id}`);
    const next = randomUUID();
    const body = JSON.stringify(series);
    const changes = guardSqlite('write a series', () =>
      etag === undefined
        ? this.db
            .prepare(
              `INSERT INTO series (id, tenant_id, conversation_id, etag, body) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (id) DO NOTHING`,
            )
            .run(series.id, series.tenantId, series.conversationId, next, body).changes
        : this.db.prepare('UPDATE series SET etag = ?, body = ? WHERE id = ? AND etag = ?').run(next, body, series.id, etag)
            .changes,
    );
    if (changes === 0) throw new ConcurrencyError(`series ${series.id}`);
    return { value: series, etag: next };
  }

  async getAction(key: SeriesKey, actionId: string): Promise<Versioned<Action> | undefined> {
    const row = guardSqlite('read an action', () =>
      this.db
        .prepare<[string, string], Row>('SELECT etag, body FROM actions WHERE series_id = ? AND id = ?')
        .get(seriesIdOf(key), actionId),
    );
    return row && versioned<Action>(row);
  }

  async getActionByNumber(key: SeriesKey, number: number): Promise<Versioned<Action> | undefined> {
    const row = guardSqlite('read an action', () =>
      this.db
        .prepare<[string, number], Row>(
          'SELECT etag, body FROM actions WHERE series_id = ? AND number = ? ORDER BY id LIMIT 1',
        )
        .get(seriesIdOf(key), number),
    );
    return row && versioned<Action>(row);
  }

  async insertAction(action: Action): Promise<{ created: boolean; stored: Versioned<Action> }> {
    assertSeriesIdMatches(action, action.seriesId, `action ${action.id}`);
    const etag = randomUUID();
    return guardSqlite('insert an action', () =>
      this.db.transaction(() => {
        const { changes } = this.db
          .prepare(
            `INSERT INTO actions (series_id, id, number, status, etag, body) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (series_id, id) DO NOTHING`,
          )
          .run(action.seriesId, action.id, action.number, action.status, etag, JSON.stringify(action));
        if (changes === 1) return { created: true, stored: { value: action, etag } };
        const existing = this.db
          .prepare<[string, string], Row>('SELECT etag, body FROM actions WHERE series_id = ? AND id = ?')
          .get(action.seriesId, action.id);
        if (!existing) throw new Error(`action ${action.id} conflicted on insert but cannot be read back`);
        return { created: false, stored: versioned<Action>(existing) };
      })(),
    );
  }

  async replaceAction(action: Action, etag: string): Promise<Versioned<Action>> {
    assertSeriesIdMatches(action, action.seriesId, `action ${action.id}`);
    const next = randomUUID();
    const { changes } = guardSqlite('replace an action', () =>
      this.db
        .prepare(
          `UPDATE actions SET number = ?, status = ?, etag = ?, body = ?
           WHERE series_id = ? AND id = ? AND etag = ?`,
        )
        .run(action.number, action.status, next, JSON.stringify(action), action.seriesId, action.id, etag),
    );
    if (changes === 0) throw new ConcurrencyError(`action ${action.id}`);
    return { value: action, etag: next };
  }

  async listActions(key: SeriesKey, filter: { status?: Action['status'] } = {}): Promise<Action[]> {
    const rows = guardSqlite('list actions', () =>
      filter.status === undefined
        ? this.db
            .prepare<[string], Row>('SELECT etag, body FROM actions WHERE series_id = ? ORDER BY number, id')
            .all(seriesIdOf(key))
        : this.db
            .prepare<[string, string], Row>(
              'SELECT etag, body FROM actions WHERE series_id = ? AND status = ? ORDER BY number, id',
            )
            .all(seriesIdOf(key), filter.status),
    );
    return rows.map((row) => JSON.parse(row.body) as Action);
  }

  async insertDecision(decision: Decision): Promise<{ created: boolean; stored: Versioned<Decision> }> {
    assertSeriesIdMatches(decision, decision.seriesId, `decision ${decision.id}`);
    const etag = randomUUID();
    return guardSqlite('insert a decision', () =>
      this.db.transaction(() => {
        const { changes } = this.db
          .prepare(
            `INSERT INTO decisions (series_id, id, recorded_at, number, etag, body) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (series_id, id) DO NOTHING`,
          )
          .run(decision.seriesId, decision.id, decision.recordedAt, decision.number, etag, JSON.stringify(decision));
        if (changes === 1) return { created: true, stored: { value: decision, etag } };
        const existing = this.db
          .prepare<[string, string], Row>('SELECT etag, body FROM decisions WHERE series_id = ? AND id = ?')
          .get(decision.seriesId, decision.id);
        if (!existing) throw new Error(`decision ${decision.id} conflicted on insert but cannot be read back`);
        return { created: false, stored: versioned<Decision>(existing) };
      })(),
    );
  }

  async listDecisions(key: SeriesKey): Promise<Decision[]> {
    const rows = guardSqlite('list decisions', () =>
      this.db
        .prepare<[string], Row>(
          'SELECT etag, body FROM decisions WHERE series_id = ? ORDER BY recorded_at, number, id',
        )
        .all(seriesIdOf(key)),
    );
    return rows.map((row) => JSON.parse(row.body) as Decision);
  }

  async ping(): Promise<void> {
    guardSqlite('answer a ping', () => this.db.prepare('SELECT 1').get());
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function versioned<T>(row: Row): Versioned<T> {
  return { value: JSON.parse(row.body) as T, etag: row.etag };
}
