import { MAX_BATCH_WRITES } from './compareAndSwap';
import { partitionOf, type DocumentCollection, type Stored, type StoreDocument } from './documentCollection';

/** What an insert-once did: whether this call created the document, and the stored one either way. */
export interface InsertOnceResult<D> {
  created: boolean;
  stored: Stored<D>;
}

/**
 * Creates a document unless one with its id exists, and hands back the stored one either way.
 * Record ids derive from the Teams activity, so a redelivered activity lands here and changes
 * nothing. One request when the document is new; an existing one costs the read-back too.
 */
export async function insertOnce<D extends StoreDocument>(collection: DocumentCollection<D>, document: D): Promise<InsertOnceResult<D>> {
  const partition = partitionOf(collection, document);
  // Its callers' documents (actions, decisions, notes) are never deleted, so the read-back finds what refused
  // the create; should one ever be deleted in between, it is simply created again rather than reported missing.
  for (let attempt = 1; attempt <= 3; attempt++) {
    const outcome = await collection.create(document);
    if ('etag' in outcome) return { created: true, stored: { document, etag: outcome.etag } };
    const existing = await collection.read(partition, document.id);
    if (existing) return { created: false, stored: existing };
  }
  throw new Error(`${collection.name} document ${document.id} exists when created but is gone when read, again and again`);
}

/**
 * Creates a document unless one with its id exists, and says whether it did. For callers that do
 * not need the stored document back: always one request, where `insertOnce` reads an existing one.
 */
export async function createIfAbsent<D extends StoreDocument>(collection: DocumentCollection<D>, document: D): Promise<boolean> {
  return 'etag' in (await collection.create(document));
}

/**
 * Creates documents of one partition unless they exist, in one request when none does (a batch of
 * creates, all or nothing on SQLite and real Cosmos DB); when the batch is refused because one
 * exists (a redelivery), each is created on its own unless it exists, as `createIfAbsent`.
 */
export async function createAllIfAbsent<D extends StoreDocument>(collection: DocumentCollection<D>, documents: readonly D[]): Promise<void> {
  const [first] = documents;
  if (!first) return;
  const partition = partitionOf(collection, first);
  const together = documents.length > 1 && documents.length <= MAX_BATCH_WRITES && documents.every((document) => partitionOf(collection, document) === partition);
  if (together && 'etags' in (await collection.writeBatch(partition, documents.map((document) => ({ document }))))) return;
  for (const document of documents) await createIfAbsent(collection, document);
}
