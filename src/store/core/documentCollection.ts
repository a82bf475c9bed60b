import type { Durability } from '../durability';
import type { DocumentQuery, FieldOf } from './documentQuery';

/**
 * The backend-neutral document layer every store port is built on. A collection holds JSON
 * documents grouped in partitions (Cosmos containers and their partition keys; SQLite tables with a
 * `pk` column). Its methods report what happened ("exists", "changed") instead of throwing a
 * port's error, so the rules that turn those facts into `ConcurrencyError` live once, in
 * `compareAndSwap.ts` and `insertOnce.ts`, for both backends.
 *
 * Round trips: every method is one request to the database (a query: one per page of results).
 */
export interface DocumentCollection<D extends StoreDocument> {
  /** The container or table name, for messages. */
  readonly name: string;
  /** The document field that holds the partition key (`/seriesId` in Cosmos is `seriesId`). */
  readonly partitionField: FieldOf<D>;
  /** Reads one document; undefined if there is none. */
  read(partition: string, id: string): Promise<Stored<D> | undefined>;
  /**
   * Reads several documents of one partition by id, in one request when all of them exist (a Cosmos
   * batch of reads, which needs no query plan); those that do not exist are left out, at the cost
   * of a point read for each other one on Cosmos (a batch fails whole). In the order of `ids`.
   */
  readMany(partition: string, ids: readonly string[]): Promise<Array<Stored<D>>>;
  /** Creates a document, refusing (`exists`) if one with its id is in its partition. */
  create(document: D): Promise<WriteOutcome>;
  /** Replaces a document if `etag` is still its version; refuses (`changed`) if it changed or is gone. */
  replace(document: D, etag: string, durability?: Durability): Promise<WriteOutcome>;
  /** Deletes a document (only version `etag`, when given); says whether it was there and deleted. */
  delete(partition: string, id: string, etag?: string, durability?: Durability): Promise<DeleteOutcome>;
  /**
   * Creates and replaces several documents of one partition in one request, in order: all of them,
   * or (on SQLite and real Cosmos DB) none, naming the first write refused.
   */
  writeBatch(partition: string, writes: ReadonlyArray<DocumentWrite<D>>): Promise<BatchOutcome>;
  /** Runs a query (see `DocumentQuery`) and returns the matching documents with their versions. */
  query(query: DocumentQuery<D>): Promise<Array<Stored<D>>>;
  /** Resolves if the database answers; one cheap request. */
  ping(): Promise<void>;
}

/** What every stored document has: an id unique within its partition. */
export interface StoreDocument {
  id: string;
}

/** A document as read, without backend fields (Cosmos `_rid`, `_ts`…), and its version. */
export interface Stored<D> {
  document: D;
  etag: string;
}

/** Why a conditional write was refused: the document to create exists, or the one to replace changed or is gone. */
export type Refusal = 'exists' | 'changed';

/** The answer to a single write: the document's new etag, or why it was refused. */
export type WriteOutcome = { etag: string } | { refused: Refusal };

/** One write of a batch: create (no etag) or replace exactly that version. */
export interface DocumentWrite<D> {
  document: D;
  etag?: string;
}

/** The answer to a batch: each write's new etag in order, or the first write refused and why. */
export type BatchOutcome = { etags: string[] } | { refusedAt: number; refused: Refusal };

/** The answer to a delete: gone now, was not there, or (with an etag) it changed and stays. */
export type DeleteOutcome = 'deleted' | 'absent' | 'changed';

/** The partition key of a document of `collection`, read from its partition field. */
export function partitionOf<D extends StoreDocument>(collection: Pick<DocumentCollection<D>, 'name' | 'partitionField'>, document: D): string {
  const value = (document as unknown as Record<string, unknown>)[collection.partitionField];
  if (typeof value !== 'string' || value === '') {
    throw new Error(`a ${collection.name} document (${document.id}) needs a string ${collection.partitionField}: it is the partition key`);
  }
  return value;
}
