import type { Container, CosmosClient, ItemDefinition, ItemResponse, SqlParameter } from '@azure/cosmos';
import { seriesIdOf } from '../../domain/seriesId';
import type { Action, Decision, Series, SeriesKey, Versioned } from '../../domain/types';
import { assertSeriesIdMatches } from '../seriesKeyCheck';
import type { Store } from '../store';
import { ConcurrencyError } from '../storeErrors';
import {
  type ActionDocument,
  actionDocument,
  actionFromDocument,
  type DecisionDocument,
  decisionDocument,
  decisionFromDocument,
  type SeriesDocument,
  seriesDocument,
  seriesFromDocument,
} from './documents';
import { type CosmosConnection, openCosmos } from './openCosmos';
import { cosmosStatusOf, DEFAULT_TRANSIENT_RETRY, type TransientRetryPolicy, withTransientRetry } from './transientRetry';

/** A point read of this id costs one RU and touches the same path real requests use. */
const PING_ID = '__ping__';

/**
 * The production store: every record of a chat lives in one logical partition of `chats`, so
 * capture, close and update are point operations and listing is a single-partition query.
 * Optimistic concurrency uses the document `_etag` with an If-Match precondition.
 */
export class CosmosStore implements Store {
  private constructor(
    private readonly client: CosmosClient,
    private readonly chats: Container,
    private readonly retry: TransientRetryPolicy,
  ) {}

  /** Connects and checks (or creates, if allowed) the database and containers. */
  static async open(connection: CosmosConnection, retry: TransientRetryPolicy = DEFAULT_TRANSIENT_RETRY): Promise<CosmosStore> {
    const { client, chats } = await openCosmos(connection, retry);
    return CosmosStore.onClient(client, chats, retry);
  }

  /**
   * Serves `chats` through a client opened elsewhere, so one client (one connection pool, one
   * credential) can serve every container; `close` disposes that client.
   */
  static onClient(client: CosmosClient, chats: Container, retry: TransientRetryPolicy = DEFAULT_TRANSIENT_RETRY): CosmosStore {
    return new CosmosStore(client, chats, retry);
  }

  async getSeries(key: SeriesKey): Promise<Versioned<Series> | undefined> {
    const id = seriesIdOf(key);
    const document = await this.pointRead<SeriesDocument>('read a series', id, id);
    return document?.type === 'series' ? { value: seriesFromDocument(document), etag: document._etag } : undefined;
  }

  async putSeries(series: Series, etag?: string): Promise<Versioned<Series>> {
    assertSeriesIdMatches(series, series.id, `series ${series.id}`);
    const document = seriesDocument(series);
    const response = await this.writeOrConflict(`series ${series.id}`, () =>
      etag === undefined
        ? this.chats.items.create(document)
        : this.chats.item(series.id, series.id).replace(document, { accessCondition: { type: 'IfMatch', condition: etag } }),
    );
    return { value: series, etag: etagOf(response) };
  }

  async getAction(key: SeriesKey, actionId: string): Promise<Versioned<Action> | undefined> {
    const document = await this.pointRead<ActionDocument>('read an action', actionId, seriesIdOf(key));
    return document?.type === 'action' ? { value: actionFromDocument(document), etag: document._etag } : undefined;
  }

  async getActionByNumber(key: SeriesKey, number: number): Promise<Versioned<Action> | undefined> {
    const documents = await this.query<ActionDocument>('find an action by number', key, 'action', 'AND c["number"] = @number', [
      { name: '@number', value: number },
    ]);
    // Numbers are handed out under the series etag, so two with one number means a bug elsewhere; pick one stably.
    const [first] = documents.sort((a, b) => a.id.localeCompare(b.id));
    return first && { value: actionFromDocument(first), etag: first._etag };
  }

  async insertAction(action: Action): Promise<{ created: boolean; stored: Versioned<Action> }> {
    assertSeriesIdMatches(action, action.seriesId, `action ${action.id}`);
    const created = await this.createIfAbsent(() => this.chats.items.create(actionDocument(action)));
    if (created) return { created: true, stored: { value: action, etag: etagOf(created) } };
    const existing = await this.getAction(action, action.id);
    if (!existing) throw new Error(`action ${action.id} conflicted on insert but cannot be read back`);
    return { created: false, stored: existing };
  }

  async replaceAction(action: Action, etag: string): Promise<Versioned<Action>> {
    assertSeriesIdMatches(action, action.seriesId, `action ${action.id}`);
    const response = await this.writeOrConflict(`action ${action.id}`, () =>
      this.chats
        .item(action.id, action.seriesId)
        .replace(actionDocument(action), { accessCondition: { type: 'IfMatch', condition: etag } }),
    );
    return { value: action, etag: etagOf(response) };
  }

  async listActions(key: SeriesKey, filter: { status?: Action['status'] } = {}): Promise<Action[]> {
    const byStatus = filter.status === undefined ? '' : 'AND c.status = @status';
    const parameters = filter.status === undefined ? [] : [{ name: '@status', value: filter.status }];
    const documents = await this.query<ActionDocument>('list actions', key, 'action', byStatus, parameters);
    return documents.sort((a, b) => a.number - b.number || a.id.localeCompare(b.id)).map(actionFromDocument);
  }

  async insertDecision(decision: Decision): Promise<{ created: boolean; stored: Versioned<Decision> }> {
    assertSeriesIdMatches(decision, decision.seriesId, `decision ${decision.id}`);
    const created = await this.createIfAbsent(() => this.chats.items.create(decisionDocument(decision)));
    if (created) return { created: true, stored: { value: decision, etag: etagOf(created) } };
    const existing = await this.pointRead<DecisionDocument>('read a decision', decision.id, decision.seriesId);
    if (existing?.type !== 'decision') throw new Error(`decision ${decision.id} conflicted on insert but cannot be read back`);
    return { created: false, stored: { value: decisionFromDocument(existing), etag: existing._etag } };
  }

  async listDecisions(key: SeriesKey): Promise<Decision[]> {
    const documents = await this.query<DecisionDocument>('list decisions', key, 'decision', '', []);
    return documents
      .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.number - b.number || a.id.localeCompare(b.id))
      .map(decisionFromDocument);
  }

  async ping(): Promise<void> {
    await this.pointRead('answer a ping', PING_ID, PING_ID);
  }

  async close(): Promise<void> {
    this.client.dispose();
  }

  /** Reads one document by id and partition key; a 404 is an answer (undefined), not a failure. */
  private async pointRead<T extends ItemDefinition>(
    what: string,
    id: string,
    partitionKey: string,
  ): Promise<(T & { _etag: string }) | undefined> {
    const { resource } = await withTransientRetry(what, () => this.chats.item(id, partitionKey).read<T>(), this.retry);
    return resource as (T & { _etag: string }) | undefined;
  }

  /**
   * A single-partition query. The partition filter is written into the WHERE clause as well as
   * passed as an option: the option routes the query in Azure, the clause keeps it correct on
   * servers (the local test server) that ignore the option. The result is small (one chat), so
   * sorting happens here and needs no composite index.
   */
  private async query<T>(
    what: string,
    key: SeriesKey,
    type: 'action' | 'decision',
    andWhere: string,
    parameters: SqlParameter[],
  ): Promise<(T & { _etag: string })[]> {
    const seriesId = seriesIdOf(key);
    const { resources } = await withTransientRetry(
      what,
      () =>
        this.chats.items
          .query<T & { _etag: string }>(
            {
              query: `SELECT * FROM c WHERE c.seriesId = @seriesId AND c.type = @type ${andWhere}`,
              parameters: [{ name: '@seriesId', value: seriesId }, { name: '@type', value: type }, ...parameters],
            },
            { partitionKey: seriesId },
          )
          .fetchAll(),
      this.retry,
    );
    return resources;
  }

  /** Runs a create; a 409 means the record is already there, which insert treats as success. */
  private async createIfAbsent<T extends ItemDefinition>(create: () => Promise<ItemResponse<T>>): Promise<ItemResponse<T> | undefined> {
    try {
      return await withTransientRetry('create a record', create, this.retry);
    } catch (error) {
      if (cosmosStatusOf(error) === 409) return undefined;
      throw error;
    }
  }

  /** Runs a create or conditional replace, turning "exists", "changed" and "gone" into `ConcurrencyError`. */
  private async writeOrConflict<T extends ItemDefinition>(what: string, write: () => Promise<ItemResponse<T>>): Promise<ItemResponse<T>> {
    try {
      return await withTransientRetry(`write ${what}`, write, this.retry);
    } catch (error) {
      const status = cosmosStatusOf(error);
      if (status === 409 || status === 412 || status === 404) throw new ConcurrencyError(what);
      throw error;
    }
  }
}

function etagOf(response: ItemResponse<ItemDefinition>): string {
  const etag = response.etag ?? (response.resource as { _etag?: string } | undefined)?._etag;
  if (!etag) throw new Error('Cosmos DB answered a write without an etag');
  return etag;
}
