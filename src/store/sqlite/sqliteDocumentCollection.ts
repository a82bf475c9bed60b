import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  type BatchOutcome,
  type DeleteOutcome,
  type DocumentCollection,
  type DocumentWrite,
  partitionOf,
  type Refusal,
  type Stored,
  type StoreDocument,
  type WriteOutcome,
} from '../core/documentCollection';
import type { DocumentQuery, FieldOf } from '../core/documentQuery';
import type { Durability } from '../durability';
import type { DocumentTable } from './documentSchema';
import { sqlOfQuery } from './sqlOfQuery';
import { guardSqliteCall } from './sqliteGuard';
import type { DiskSync } from './diskSync';

interface Row {
  etag: string;
  body: string;
}

/** Every point statement, prepared once per collection (preparing parses and plans the SQL). */
interface Statements {
  read: Database.Statement<[string, string], Row>;
  insert: Database.Statement<[string, string, string, string]>;
  update: Database.Statement<[string, string, string, string, string]>;
  deleteAny: Database.Statement<[string, string]>;
  deleteVersion: Database.Statement<[string, string, string]>;
  ping: Database.Statement<[]>;
}

/** Query statements are few (one per store query shape) and kept once prepared; this bounds a surprise. */
const MAX_PREPARED_QUERIES = 100;

/**
 * A document collection in one table of the embedded database. Every write stamps a fresh random
 * etag and a replace is `UPDATE … WHERE etag = ?`, so compare-and-swap holds across connections
 * and processes on one file, not just within one. A batch is one IMMEDIATE transaction: a refused
 * write rolls back the writes before it. Each call resolves once what it wrote, or read, is on disk
 * (see `DiskSync`).
 */
export class SqliteDocumentCollection<D extends StoreDocument> implements DocumentCollection<D> {
  private readonly statements: Statements;
  private readonly queries = new Map<string, Database.Statement<Array<string | number>, Row>>();
  private readonly batch: (partition: string, writes: ReadonlyArray<DocumentWrite<D>>) => string[];

  constructor(
    private readonly db: Database.Database,
    readonly name: DocumentTable,
    readonly partitionField: FieldOf<D>,
    /**
     * Waits for the disk where a write or read must (group commit): the connection's one DiskSync,
     * shared by its collections, since a second would not wait for the other's unsynced commits.
     */
    private readonly disk: DiskSync,
  ) {
    this.statements = {
      read: db.prepare<[string, string], Row>(`SELECT etag, body FROM ${name} WHERE pk = ? AND id = ?`),
      insert: db.prepare(`INSERT INTO ${name} (pk, id, etag, body) VALUES (?, ?, ?, ?) ON CONFLICT (pk, id) DO NOTHING`),
      update: db.prepare(`UPDATE ${name} SET etag = ?, body = ? WHERE pk = ? AND id = ? AND etag = ?`),
      deleteAny: db.prepare(`DELETE FROM ${name} WHERE pk = ? AND id = ?`),
      deleteVersion: db.prepare(`DELETE FROM ${name} WHERE pk = ? AND id = ? AND etag = ?`),
      ping: db.prepare(`SELECT 1 FROM ${name} LIMIT 1`),
    };
    const transaction = db.transaction((partition: string, writes: ReadonlyArray<DocumentWrite<D>>) => this.batchWithin(partition, writes));
    this.batch = (partition, writes) => transaction.immediate(partition, writes);
  }

  /**
   * A batch's writes, for a transaction the caller holds on this collection's connection (its own
   * `writeBatch`, or one spanning collections): throws `BatchRefusal` at the first refused write,
   * which rolls the caller's transaction back.
   */
  batchWithin(partition: string, writes: ReadonlyArray<DocumentWrite<D>>): string[] {
    return writes.map((write, index) => {
      if (partitionOf(this, write.document) !== partition) throw new Error(`write ${index} of a batch is not in partition ${partition}`);
      const outcome = this.writeOne(write.document, write.etag);
      if ('refused' in outcome) throw new BatchRefusal(index, outcome.refused);
      return outcome.etag;
    });
  }

  /** Creates a document unless its id exists, inside a transaction the caller holds; says whether it did. */
  createWithin(document: D): boolean {
    return 'etag' in this.writeOne(document, undefined);
  }

  async read(partition: string, id: string): Promise<Stored<D> | undefined> {
    const row = guardSqliteCall(`read a ${this.name} document`, () => this.statements.read.get(partition, id));
    await this.disk.read();
    return row && stored<D>(row);
  }

  async readMany(partition: string, ids: readonly string[]): Promise<Array<Stored<D>>> {
    const found = guardSqliteCall(`read ${this.name} documents`, () =>
      ids.flatMap((id) => {
        const row = this.statements.read.get(partition, id);
        return row ? [stored<D>(row)] : [];
      }),
    );
    await this.disk.read();
    return found;
  }

  async create(document: D): Promise<WriteOutcome> {
    const outcome = guardSqliteCall(`create a ${this.name} document`, () => this.writeOne(document, undefined));
    await this.settled('etag' in outcome, 'now');
    return outcome;
  }

  async replace(document: D, etag: string, durability: Durability = 'now'): Promise<WriteOutcome> {
    const outcome = guardSqliteCall(`replace a ${this.name} document`, () => this.writeOne(document, etag));
    await this.settled('etag' in outcome, durability);
    return outcome;
  }

  async delete(partition: string, id: string, etag?: string, durability: Durability = 'now'): Promise<DeleteOutcome> {
    const outcome = guardSqliteCall(`delete a ${this.name} document`, (): DeleteOutcome => {
      if (etag === undefined) return this.statements.deleteAny.run(partition, id).changes === 1 ? 'deleted' : 'absent';
      if (this.statements.deleteVersion.run(partition, id, etag).changes === 1) return 'deleted';
      return this.statements.read.get(partition, id) ? 'changed' : 'absent';
    });
    await this.settled(outcome === 'deleted', durability);
    return outcome;
  }

  async writeBatch(partition: string, writes: ReadonlyArray<DocumentWrite<D>>): Promise<BatchOutcome> {
    let outcome: BatchOutcome;
    try {
      outcome = { etags: guardSqliteCall(`write a batch of ${this.name} documents`, () => this.batch(partition, writes)) };
    } catch (error) {
      if (!(error instanceof BatchRefusal)) throw error;
      outcome = { refusedAt: error.index, refused: error.refused };
    }
    await this.settled('etags' in outcome, 'now');
    return outcome;
  }

  async query(query: DocumentQuery<D>): Promise<Array<Stored<D>>> {
    const { sql, params } = sqlOfQuery(this.name, query);
    const rows = guardSqliteCall(`query ${this.name} documents`, () => this.prepared(sql).all(...params));
    await this.disk.read();
    return rows.map((row) => stored<D>(row));
  }

  async ping(): Promise<void> {
    guardSqliteCall('answer a ping', () => this.statements.ping.get());
  }

  /**
   * After a write: one that committed waits for the disk as `durability` says; one refused changed
   * nothing but read what it compared against, so it waits as a read does.
   */
  private settled(committed: boolean, durability: Durability): Promise<void> {
    return committed ? this.disk.committed(durability) : this.disk.read();
  }

  /** Creates (no etag) or replaces that version of a document, stamping a new etag. */
  private writeOne(document: D, etag: string | undefined): WriteOutcome {
    const partition = partitionOf(this, document);
    const next = randomUUID();
    const body = JSON.stringify(document);
    if (etag === undefined) {
      return this.statements.insert.run(partition, document.id, next, body).changes === 1 ? { etag: next } : { refused: 'exists' };
    }
    return this.statements.update.run(next, body, partition, document.id, etag).changes === 1 ? { etag: next } : { refused: 'changed' };
  }

  private prepared(sql: string): Database.Statement<Array<string | number>, Row> {
    let statement = this.queries.get(sql);
    if (!statement) {
      if (this.queries.size >= MAX_PREPARED_QUERIES) this.queries.clear();
      statement = this.db.prepare<Array<string | number>, Row>(sql);
      this.queries.set(sql, statement);
    }
    return statement;
  }
}

/** Thrown inside a batch transaction to roll it back; turned into a `BatchOutcome` outside. */
export class BatchRefusal extends Error {
  constructor(
    readonly index: number,
    readonly refused: Refusal,
  ) {
    super(`write ${index} of a batch was refused (${refused})`);
  }
}

function stored<D>(row: Row): Stored<D> {
  return { document: JSON.parse(row.body) as D, etag: row.etag };
}
