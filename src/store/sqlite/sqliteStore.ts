import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { seriesIdOf } from '../../domain/seriesId';
import type { Action, Decision, Series, SeriesKey, Versioned } from '../../domain/types';
import { assertSeriesIdMatches } from '../seriesKeyCheck';
import type { Store } from '../store';
import { ConcurrencyError } from '../storeErrors';
import { applySchema } from './schema';
import { openSqliteDatabase } from './openDatabase';
import { guardSqlite } from './unavailable';

interface Row {
  etag: string;
  body: string;
}

/** Every statement the store runs, prepared once per connection. */
interface Statements {
  getSeries: Database.Statement<[string], Row>;
  insertSeries: Database.Statement<[string, string, string, string, string]>;
  updateSeries: Database.Statement<[string, string, string, string]>;
  getAction: Database.Statement<[string, string], Row>;
  getActionByNumber: Database.Statement<[string, number], Row>;
  insertAction: Database.Statement<[string, string, number, string, string, string]>;
  updateAction: Database.Statement<[number, string, string, string, string, string, string]>;
  listActions: Database.Statement<[string], Row>;
  listActionsByStatus: Database.Statement<[string, string], Row>;
  getDecision: Database.Statement<[string, string], Row>;
  insertDecision: Database.Statement<[string, string, string, number, string, string]>;
  listDecisions: Database.Statement<[string], Row>;
  ping: Database.Statement<[]>;
}

/**
 * The embedded store: one SQLite file, safe for several processes on one machine (WAL + busy
 * timeout). Every write stamps a fresh random etag, and replaces are `UPDATE … WHERE etag = ?`,
 * so optimistic concurrency holds across processes, not just within one.
 */
export class SqliteStore implements Store {
  // Preparing a statement parses and plans its SQL; doing it per call cost ~0.1 ms per turn.
  private readonly statements: Statements;
  private readonly insertActionOnce: (action: Action, etag: string) => { created: boolean; stored: Versioned<Action> };
  private readonly insertDecisionOnce: (decision: Decision, etag: string) => { created: boolean; stored: Versioned<Decision> };

  private constructor(private readonly db: Database.Database) {
    this.statements = prepareStatements(db);
    const { insertAction, getAction, insertDecision, getDecision } = this.statements;
    this.insertActionOnce = db.transaction((action: Action, etag: string) => {
      const { changes } = insertAction.run(action.seriesId, action.id, action.number, action.status, etag, JSON.stringify(action));
      if (changes === 1) return { created: true, stored: { value: action, etag } };
      const existing = getAction.get(action.seriesId, action.id);
      if (!existing) throw new Error(`action ${action.id} conflicted on insert but cannot be read back`);
      return { created: false, stored: versioned<Action>(existing) };
    });
    this.insertDecisionOnce = db.transaction((decision: Decision, etag: string) => {
      const { changes } = insertDecision.run(decision.seriesId, decision.id, decision.recordedAt, decision.number, etag, JSON.stringify(decision));
      if (changes === 1) return { created: true, stored: { value: decision, etag } };
      const existing = getDecision.get(decision.seriesId, decision.id);
      if (!existing) throw new Error(`decision ${decision.id} conflicted on insert but cannot be read back`);
      return { created: false, stored: versioned<Decision>(existing) };
    });
  }

  /** Opens (creating if needed) `<dataDir>/meeting-actions.db`. */
  static open(dataDir: string): SqliteStore {
    const db = openSqliteDatabase(dataDir, applySchema);
    try {
      return new SqliteStore(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async getSeries(key: SeriesKey): Promise<Versioned<Series> | undefined> {
    const row = guardSqlite('read a series', () => this.statements.getSeries.get(seriesIdOf(key)));
    return row && versioned<Series>(row);
  }

  async putSeries(series: Series, etag?: string): Promise<Versioned<Series>> {
    assertSeriesIdMatches(series, series.id, `series ${series.id}`);
    const next = randomUUID();
    const body = JSON.stringify(series);
    const changes = guardSqlite('write a series', () =>
      etag === undefined
        ? this.statements.insertSeries.run(series.id, series.tenantId, series.conversationId, next, body).changes
        : this.statements.updateSeries.run(next, body, series.id, etag).changes,
    );
    if (changes === 0) throw new ConcurrencyError(`series ${series.id}`);
    return { value: series, etag: next };
  }

  async getAction(key: SeriesKey, actionId: string): Promise<Versioned<Action> | undefined> {
    const row = guardSqlite('read an action', () => this.statements.getAction.get(seriesIdOf(key), actionId));
    return row && versioned<Action>(row);
  }

  async getActionByNumber(key: SeriesKey, number: number): Promise<Versioned<Action> | undefined> {
    const row = guardSqlite('read an action', () => this.statements.getActionByNumber.get(seriesIdOf(key), number));
    return row && versioned<Action>(row);
  }

  async insertAction(action: Action): Promise<{ created: boolean; stored: Versioned<Action> }> {
    assertSeriesIdMatches(action, action.seriesId, `action ${action.id}`);
    const etag = randomUUID();
    return guardSqlite('insert an action', () => this.insertActionOnce(action, etag));
  }

  async replaceAction(action: Action, etag: string): Promise<Versioned<Action>> {
    assertSeriesIdMatches(action, action.seriesId, `action ${action.id}`);
    const next = randomUUID();
    const { changes } = guardSqlite('replace an action', () =>
      this.statements.updateAction.run(action.number, action.status, next, JSON.stringify(action), action.seriesId, action.id, etag),
    );
    if (changes === 0) throw new ConcurrencyError(`action ${action.id}`);
    return { value: action, etag: next };
  }

  async listActions(key: SeriesKey, filter: { status?: Action['status'] } = {}): Promise<Action[]> {
    const rows = guardSqlite('list actions', () =>
      filter.status === undefined
        ? this.statements.listActions.all(seriesIdOf(key))
        : this.statements.listActionsByStatus.all(seriesIdOf(key), filter.status),
    );
    return rows.map((row) => JSON.parse(row.body) as Action);
  }

  async insertDecision(decision: Decision): Promise<{ created: boolean; stored: Versioned<Decision> }> {
    assertSeriesIdMatches(decision, decision.seriesId, `decision ${decision.id}`);
    const etag = randomUUID();
    return guardSqlite('insert a decision', () => this.insertDecisionOnce(decision, etag));
  }

  async listDecisions(key: SeriesKey): Promise<Decision[]> {
    const rows = guardSqlite('list decisions', () => this.statements.listDecisions.all(seriesIdOf(key)));
    return rows.map((row) => JSON.parse(row.body) as Decision);
  }

  async ping(): Promise<void> {
    guardSqlite('answer a ping', () => this.statements.ping.get());
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function prepareStatements(db: Database.Database): Statements {
  return {
    getSeries: db.prepare<[string], Row>('SELECT etag, body FROM series WHERE id = ?'),
    insertSeries: db.prepare(
      `INSERT INTO series (id, tenant_id, conversation_id, etag, body) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    ),
    updateSeries: db.prepare('UPDATE series SET etag = ?, body = ? WHERE id = ? AND etag = ?'),
    getAction: db.prepare<[string, string], Row>('SELECT etag, body FROM actions WHERE series_id = ? AND id = ?'),
    getActionByNumber: db.prepare<[string, number], Row>('SELECT etag, body FROM actions WHERE series_id = ? AND number = ? ORDER BY id LIMIT 1'),
    insertAction: db.prepare(
      `INSERT INTO actions (series_id, id, number, status, etag, body) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (series_id, id) DO NOTHING`,
    ),
    updateAction: db.prepare(
      `UPDATE actions SET number = ?, status = ?, etag = ?, body = ?
       WHERE series_id = ? AND id = ? AND etag = ?`,
    ),
    listActions: db.prepare<[string], Row>('SELECT etag, body FROM actions WHERE series_id = ? ORDER BY number, id'),
    listActionsByStatus: db.prepare<[string, string], Row>('SELECT etag, body FROM actions WHERE series_id = ? AND status = ? ORDER BY number, id'),
    getDecision: db.prepare<[string, string], Row>('SELECT etag, body FROM decisions WHERE series_id = ? AND id = ?'),
    insertDecision: db.prepare(
      `INSERT INTO decisions (series_id, id, recorded_at, number, etag, body) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (series_id, id) DO NOTHING`,
    ),
    listDecisions: db.prepare<[string], Row>('SELECT etag, body FROM decisions WHERE series_id = ? ORDER BY recorded_at, number, id'),
    ping: db.prepare('SELECT 1'),
  };
}

function versioned<T>(row: Row): Versioned<T> {
  return { value: JSON.parse(row.body) as T, etag: row.etag };
}
