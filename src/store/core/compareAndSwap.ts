import { BatchWriteRefused, ConcurrencyError } from '../storeErrors';
import type { Durability } from '../durability';
import type { BatchOutcome, DocumentCollection, DocumentWrite, StoreDocument } from './documentCollection';

/**
 * Optimistic concurrency, written once for every port and backend: a write quotes the version it
 * read and is refused if that is no longer the stored one; a create is refused if the document
 * exists. A refusal is a `ConcurrencyError` naming the record (`what`), so callers re-read and retry.
 */

/** Creates `document` (no etag) or replaces it if `etag` is current; returns the new etag. */
export async function putDocument<D extends StoreDocument>(
  collection: DocumentCollection<D>,
  document: D,
  etag: string | undefined,
  what: string,
): Promise<string> {
  return etag === undefined ? createOrRefuse(collection, document, what) : replaceIfCurrent(collection, document, etag, what);
}

/** Creates `document`, refusing with `ConcurrencyError` if it exists; returns its etag. */
export async function createOrRefuse<D extends StoreDocument>(collection: DocumentCollection<D>, document: D, what: string): Promise<string> {
  const outcome = await collection.create(document);
  if ('refused' in outcome) throw new ConcurrencyError(what);
  return outcome.etag;
}

/** Replaces `document` only if `etag` is still its version (compare-and-swap); returns the new etag. */
export async function replaceIfCurrent<D extends StoreDocument>(
  collection: DocumentCollection<D>,
  document: D,
  etag: string,
  what: string,
  durability: Durability = 'now',
): Promise<string> {
  const outcome = await collection.replace(document, etag, durability);
  if ('refused' in outcome) throw new ConcurrencyError(what);
  return outcome.etag;
}

/**
 * Deletes a document: with `etag`, only that version (`ConcurrencyError` if it changed); without,
 * whatever is stored. A document already gone counts as deleted: the caller wanted it gone.
 */
export async function deleteIfCurrent<D extends StoreDocument>(
  collection: DocumentCollection<D>,
  partition: string,
  id: string,
  etag: string | undefined,
  what: string,
  durability: Durability = 'now',
): Promise<void> {
  if ((await collection.delete(partition, id, etag, durability)) === 'changed') throw new ConcurrencyError(what);
}

/** Cosmos DB refuses a transactional batch of more operations; both backends refuse it, so SQLite tests catch one. */
export const MAX_BATCH_WRITES = 100;

/**
 * Writes a batch of one partition in one request and returns the new etags in order; a refused
 * write becomes `BatchWriteRefused` naming it. An empty batch costs nothing.
 */
export async function writeAllOrRefuse<D extends StoreDocument>(
  collection: DocumentCollection<D>,
  partition: string,
  writes: ReadonlyArray<DocumentWrite<D>>,
): Promise<string[]> {
  if (writes.length === 0) return [];
  assertBatchSize(writes.length);
  return etagsOrRefuse(await collection.writeBatch(partition, writes));
}

/** Refuses a batch Cosmos DB would refuse (more than `MAX_BATCH_WRITES` writes), on either backend. */
export function assertBatchSize(writes: number): void {
  if (writes > MAX_BATCH_WRITES) throw new Error(`a batch holds at most ${MAX_BATCH_WRITES} writes; this one has ${writes}`);
}

/** A batch's new etags, or `BatchWriteRefused` naming the write that was refused. */
export function etagsOrRefuse(outcome: BatchOutcome): string[] {
  if ('refused' in outcome) throw new BatchWriteRefused(outcome.refusedAt, outcome.refused);
  return outcome.etags;
}
