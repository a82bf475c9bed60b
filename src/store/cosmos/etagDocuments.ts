import type { Container, ItemDefinition, ItemResponse, SqlParameter } from '@azure/cosmos';
import { ConcurrencyError } from '../storeErrors';
import { withoutStorageFields } from './documents';
import { cosmosStatusOf, type TransientRetryPolicy, withTransientRetry } from './transientRetry';

/** A stored document with its Cosmos version tag. */
export type WithEtag<T> = T & { _etag: string };

/**
 * Etag-checked document operations on one container: the building blocks of the users and
 * schedule stores. Transient failures are retried; "exists", "changed" and "gone" on a
 * conditional write become `ConcurrencyError`, as the Store contract promises.
 */
export class EtagDocuments {
  constructor(
    private readonly container: Container,
    private readonly retry: TransientRetryPolicy,
  ) {}

  /** Reads one document; a 404 is an answer (undefined), not a failure. */
  async read<T extends ItemDefinition>(what: string, id: string, partitionKey: string): Promise<WithEtag<T> | undefined> {
    const { resource } = await withTransientRetry(what, () => this.container.item(id, partitionKey).read<T>(), this.retry);
    return resource as WithEtag<T> | undefined;
  }

  /** Creates (no etag) or conditionally replaces (etag) a document and returns its new etag. */
  async write<T extends ItemDefinition & { id: string }>(what: string, document: T, partitionKey: string, etag?: string): Promise<string> {
    const response = await this.conditional(what, () =>
      etag === undefined
        ? this.container.items.create(document)
        : this.container.item(document.id, partitionKey).replace(document, { accessCondition: { type: 'IfMatch', condition: etag } }),
    );
    const next = response.etag ?? (response.resource as { _etag?: string } | undefined)?._etag;
    if (!next) throw new Error('Cosmos DB answered a write without an etag');
    return next;
  }

  /** Deletes a document if its etag is current; one already gone counts as deleted. */
  async delete(what: string, id: string, partitionKey: string, etag: string): Promise<void> {
    try {
      await withTransientRetry(what, () => this.container.item(id, partitionKey).delete({ accessCondition: { type: 'IfMatch', condition: etag } }), this.retry);
    } catch (error) {
      const status = cosmosStatusOf(error);
      if (status === 404) return;
      if (status === 412) throw new ConcurrencyError(what);
      throw error;
    }
  }

  /** Runs a query and returns every result; pass `partitionKey` to keep it to one partition. */
  async query<T>(what: string, query: string, parameters: SqlParameter[], partitionKey?: string): Promise<Array<WithEtag<T>>> {
    const { resources } = await withTransientRetry(
      what,
      () => this.container.items.query<WithEtag<T>>({ query, parameters }, partitionKey === undefined ? {} : { partitionKey }).fetchAll(),
      this.retry,
    );
    return resources;
  }

  private async conditional<T extends ItemDefinition>(what: string, write: () => Promise<ItemResponse<T>>): Promise<ItemResponse<T>> {
    try {
      return await withTransientRetry(what, write, this.retry);
    } catch (error) {
      const status = cosmosStatusOf(error);
      if (status === 409 || status === 412 || status === 404) throw new ConcurrencyError(what);
      throw error;
    }
  }
}

/** Drops Cosmos system properties (every leading-underscore field) so only the domain record is returned. */
export function withoutSystemFields<T>(document: object): T {
  return withoutStorageFields<T>(document);
}
