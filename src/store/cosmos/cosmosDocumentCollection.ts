import type { Container, ItemDefinition, JSONObject, OperationInput, OperationResponse } from '@azure/cosmos';
import {
  type BatchOutcome,
  type DeleteOutcome,
  type DocumentCollection,
  type DocumentWrite,
  partitionOf,
  type Stored,
  type StoreDocument,
  type WriteOutcome,
} from '../core/documentCollection';
import { compareByKeys, type DocumentQuery, type FieldOf } from '../core/documentQuery';
import { StoreUnavailableError } from '../storeErrors';
import { cosmosQueryOf } from './cosmosQueryOf';
import { cosmosStatusOf, DEFAULT_TRANSIENT_RETRY, type TransientRetryPolicy, withTransientRetry } from './transientRetry';

/** A point read of this id costs one RU and travels the path real requests use. */
const PING_ID = '__ping__';

/** Large enough that one chat's records come back in one page (the default is 100). */
const QUERY_PAGE_SIZE = 1000;

/**
 * A document collection in one Cosmos DB container, through the real SDK. Transient failures are
 * retried (`withTransientRetry`); "exists" (409), "changed" (412) and "gone" (404) on a
 * conditional write are reported as refusals; Cosmos's own fields (`_etag`, `_rid`, `_ts`…) never
 * leave this class except as the etag.
 */
export class CosmosDocumentCollection<D extends StoreDocument> implements DocumentCollection<D> {
  constructor(
    private readonly container: Container,
    readonly name: string,
    readonly partitionField: FieldOf<D>,
    private readonly retry: TransientRetryPolicy = DEFAULT_TRANSIENT_RETRY,
  ) {}

  async read(partition: string, id: string): Promise<Stored<D> | undefined> {
    const { resource } = await withTransientRetry(`read a ${this.name} document`, () => this.container.item(id, partition).read<ItemDefinition>(), this.retry);
    return resource && stored<D>(resource);
  }

  async readMany(partition: string, ids: readonly string[]): Promise<Array<Stored<D>>> {
    const operations = ids.map((id): OperationInput => ({ operationType: 'Read', partitionKey: partition, id }));
    const response = await withTransientRetry(`read ${this.name} documents`, () => batchWithStatus(this.container, operations, partition), this.retry);
    const results = response.result ?? [];
    // A missing document fails the batch: the others answer 424 and are read one by one.
    const found = await Promise.all(
      ids.map(async (id, index) => {
        const result = results[index];
        if (result?.statusCode === 200 && result.resourceBody) return stored<D>(result.resourceBody as ItemDefinition);
        if (result?.statusCode === 404) return undefined;
        return this.read(partition, id);
      }),
    );
    return found.filter((document): document is Stored<D> => document !== undefined);
  }

  async create(document: D): Promise<WriteOutcome> {
    return this.conditional(`create a ${this.name} document`, () => this.container.items.create(document));
  }

  // Every Cosmos write is durable when it is answered, so a `soon` write is simply one more write.
  async replace(document: D, etag: string): Promise<WriteOutcome> {
    return this.conditional(`replace a ${this.name} document`, () =>
      this.container.item(document.id, partitionOf(this, document)).replace(document, { accessCondition: { type: 'IfMatch', condition: etag } }),
    );
  }

  async delete(partition: string, id: string, etag?: string): Promise<DeleteOutcome> {
    const options = etag === undefined ? {} : { accessCondition: { type: 'IfMatch', condition: etag } };
    try {
      await withTransientRetry(`delete a ${this.name} document`, () => this.container.item(id, partition).delete(options), this.retry);
      return 'deleted';
    } catch (error) {
      const status = cosmosStatusOf(error);
      if (status === 404) return 'absent';
      if (status === 412) return 'changed';
      throw error;
    }
  }

  async writeBatch(partition: string, writes: ReadonlyArray<DocumentWrite<D>>): Promise<BatchOutcome> {
    const operations = writes.map(({ document, etag }, index): OperationInput => {
      if (partitionOf(this, document) !== partition) throw new Error(`write ${index} of a batch is not in partition ${partition}`);
      const resourceBody = document as unknown as JSONObject;
      return etag === undefined
        ? { operationType: 'Create', partitionKey: partition, resourceBody }
        : { operationType: 'Replace', partitionKey: partition, id: document.id, ifMatch: etag, resourceBody };
    });
    const what = `write a batch of ${this.name} documents`;
    const response = await withTransientRetry(what, () => batchWithStatus(this.container, operations, partition), this.retry);
    return outcomeOf(what, response.result ?? [], writes.length);
  }

  async query(query: DocumentQuery<D>): Promise<Array<Stored<D>>> {
    const { spec, sortHere } = cosmosQueryOf(query, this.partitionField);
    const options = { maxItemCount: QUERY_PAGE_SIZE, ...(query.partition === undefined ? {} : { partitionKey: query.partition }) };
    const { resources } = await withTransientRetry(
      `query ${this.name} documents`,
      () => this.container.items.query<ItemDefinition>(spec, options).fetchAll(),
      this.retry,
    );
    const found = resources.map((resource) => stored<D>(resource));
    if (!sortHere) return found;
    const byKeys = compareByKeys(query.orderBy ?? []);
    const sorted = found.sort((a, b) => byKeys(a.document, b.document));
    return query.limit === undefined ? sorted : sorted.slice(0, query.limit);
  }

  async ping(): Promise<void> {
    await withTransientRetry('answer a ping', () => this.container.item(PING_ID, PING_ID).read(), this.retry);
  }

  private async conditional(what: string, write: () => Promise<{ etag?: string; resource?: ItemDefinition }>): Promise<WriteOutcome> {
    try {
      const response = await withTransientRetry(what, write, this.retry);
      return { etag: etagOf(response.etag ?? response.resource?._etag) };
    } catch (error) {
      const status = cosmosStatusOf(error);
      if (status === 409) return { refused: 'exists' };
      if (status === 412 || status === 404) return { refused: 'changed' };
      throw error;
    }
  }
}

/**
 * Runs a transactional batch. The SDK wraps a failed batch request in a plain Error; the Cosmos
 * failure (status, socket code) is its cause, which is what the retry needs to see.
 */
async function batchWithStatus(container: Container, operations: OperationInput[], partition: string) {
  try {
    return await container.items.batch(operations, partition);
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    const code = (cause as { code?: unknown } | undefined)?.code;
    throw cause !== undefined && (cosmosStatusOf(cause) !== undefined || typeof code === 'string') ? cause : error;
  }
}

/**
 * A transactional batch answers one status per operation: the operation that failed has its own
 * status and every other one 424 (failed dependency). The first that is not 424 says why.
 */
function outcomeOf(what: string, results: OperationResponse[], expected: number): BatchOutcome {
  const refusedAt = results.findIndex((result) => result.statusCode >= 400 && result.statusCode !== 424);
  if (refusedAt >= 0) {
    const status = results[refusedAt]?.statusCode;
    if (status === 409) return { refusedAt, refused: 'exists' };
    if (status === 412 || status === 404) return { refusedAt, refused: 'changed' };
    throw new StoreUnavailableError(`Cosmos DB could not ${what}: operation ${refusedAt} failed with ${status}`, undefined, { statusCode: status, operation: refusedAt });
  }
  if (results.length !== expected || results.some((result) => result.statusCode >= 400)) {
    throw new Error(`Cosmos DB answered a batch of ${expected} writes with ${results.length} results, none of them a refusal`);
  }
  return { etags: results.map((result) => etagOf(result.eTag ?? (result.resourceBody as { _etag?: string } | undefined)?._etag)) };
}

function etagOf(etag: string | undefined): string {
  if (!etag) throw new Error('Cosmos DB answered a write without an etag');
  return etag;
}

/** The document without Cosmos's own fields: it reserves the leading underscore, and no document field uses one. */
function stored<D>(resource: ItemDefinition): Stored<D> {
  const document = Object.fromEntries(Object.entries(resource).filter(([name]) => !name.startsWith('_'))) as D;
  return { document, etag: etagOf((resource as { _etag?: string })._etag) };
}
