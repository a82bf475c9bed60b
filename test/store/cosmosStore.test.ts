import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { type ConnectionPolicy, CosmosClient } from '@azure/cosmos';
import { CosmosStore } from '../../src/store/cosmos/cosmosStore';
import { createStore, type StoreConfig } from '../../src/store/createStore';
import { StoreUnavailableError } from '../../src/store/storeErrors';
import { aSeries, anAction } from '../builders';
import { isDocumentCreate, startFaultyCosmosProxy } from './faultyCosmosProxy';
import { LOCAL_COSMOS_KEY, type LocalCosmosServer, startLocalCosmosServer } from './localCosmosServer';
import { describeStoreContract } from './storeContract';

/** Keeps failure tests short: one quick retry instead of the production back-off. */
const FAST_RETRY = { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 };

let server: LocalCosmosServer;
const database = `test-${randomUUID()}`;
/** Servers and stores a test opened; closed even when an expectation fails, so Jest can exit. */
const toRelease: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const release of toRelease.splice(0).reverse()) await release();
});

beforeAll(async () => {
  server = await startLocalCosmosServer();
});
afterAll(async () => {
  await server.stop();
});

/** Registers a store for release after the test and returns it. */
function released<T extends { close(): Promise<void> }>(store: T): T {
  toRelease.push(() => store.close());
  return store;
}

/** A raw SDK client on the local server, for arranging and inspecting what the store cannot. */
function localClient(): CosmosClient {
  const client = new CosmosClient({
    endpoint: server.endpoint,
    key: LOCAL_COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  toRelease.push(async () => client.dispose());
  return client;
}

/** Opens a store on `endpoint` with the quick test retry, released after the test. */
async function openFast(endpoint: string, connectionPolicy: ConnectionPolicy = {}): Promise<CosmosStore> {
  const store = await CosmosStore.open(
    {
      endpoint,
      key: LOCAL_COSMOS_KEY,
      database,
      createIfMissing: true,
      connectionPolicy: { enableEndpointDiscovery: false, ...connectionPolicy },
    },
    FAST_RETRY,
  );
  return released(store);
}

function localConfig(overrides: Partial<Extract<StoreConfig, { kind: 'cosmos' }>> = {}): StoreConfig {
  return {
    kind: 'cosmos',
    endpoint: server.endpoint,
    key: LOCAL_COSMOS_KEY,
    database,
    createIfMissing: true,
    connectionPolicy: { enableEndpointDiscovery: false },
    ...overrides,
  };
}

describeStoreContract('cosmos (local protocol server)', () => createStore(localConfig()));

if (process.env.COSMOS_ENDPOINT) {
  // A real account: with a key the suite makes (and afterwards drops) its own database; with Entra ID
  // it cannot create one, so it uses COSMOS_DATABASE as deployed and leaves its random-tenant records.
  const endpoint = process.env.COSMOS_ENDPOINT;
  const key = process.env.COSMOS_KEY;
  const realDatabase = key ? `meeting-actions-test-${randomUUID()}` : (process.env.COSMOS_DATABASE ?? 'meeting-actions');
  describeStoreContract(
    `cosmos (${endpoint})`,
    () =>
      createStore({
        kind: 'cosmos',
        endpoint,
        key,
        database: realDatabase,
        createIfMissing: Boolean(key),
        managedIdentityClientId: process.env.AZURE_CLIENT_ID,
      }),
    async () => {
      if (!key) return;
      const client = new CosmosClient({ endpoint, key });
      await client.database(realDatabase).delete();
      client.dispose();
    },
  );
}

describe('CosmosStore documents', () => {
  it('stores every record of a chat in one partition, told apart by type', async () => {
    const store = released(await createStore(localConfig()));
    const series = aSeries();
    await store.putSeries(series);
    await store.insertAction(anAction(series));

    const { resources } = await localClient()
      .database(database)
      .container('chats')
      .items.query({ query: 'SELECT c.type, c.seriesId FROM c WHERE c.seriesId = @s', parameters: [{ name: '@s', value: series.id }] })
      .fetchAll();

    expect(resources.sort((a, b) => String(a.type).localeCompare(String(b.type)))).toEqual([
      { type: 'action', seriesId: series.id },
      { type: 'series', seriesId: series.id },
    ]);
  });

  it('hands back domain records without Cosmos system fields', async () => {
    const store = released(await createStore(localConfig()));
    const series = aSeries();
    await store.putSeries(series);
    const action = anAction(series);
    await store.insertAction(action);

    const read = await store.getSeries(series);
    const listed = await store.listActions(series);

    expect(Object.keys(read?.value ?? {}).filter((name) => name.startsWith('_') || name === 'type')).toEqual([]);
    expect(listed).toEqual([action]);
    expect(Object.keys(listed[0] ?? {}).filter((name) => name.startsWith('_') || name === 'type')).toEqual([]);
  });
});

describe('CosmosStore start-up', () => {
  it('creates nothing without createIfMissing and names the missing database and the setting', async () => {
    const missing = `absent-${randomUUID()}`;

    await expect(createStore(localConfig({ database: missing, createIfMissing: false }))).rejects.toThrow(
      new RegExp(`database '${missing}' does not exist.*COSMOS_CREATE_IF_MISSING`),
    );
  });

  it('names a missing container when the database exists', async () => {
    const bare = `bare-${randomUUID()}`;
    await localClient().databases.create({ id: bare });

    await expect(createStore(localConfig({ database: bare, createIfMissing: false }))).rejects.toThrow(
      /container 'chats' \(partition key \/seriesId\) does not exist/,
    );
  });

  it('opens an existing layout without createIfMissing', async () => {
    await (await createStore(localConfig())).close();

    const store = released(await createStore(localConfig({ createIfMissing: false })));

    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('refuses a container partitioned by another key', async () => {
    const wrong = `wrong-${randomUUID()}`;
    const { database: created } = await localClient().databases.create({ id: wrong });
    await created.containers.create({ id: 'chats', partitionKey: { paths: ['/tenantId'] } });

    await expect(createStore(localConfig({ database: wrong, createIfMissing: false }))).rejects.toThrow(
      /partitioned by \/tenantId, but the bot needs \/seriesId/,
    );
  });
});

describe('CosmosStore when Cosmos DB is unreachable', () => {
  it('fails start-up with StoreUnavailableError when nothing listens at the endpoint', async () => {
    const refused = await closedPort();

    await expect(openFast(`http://127.0.0.1:${refused}`)).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('answers StoreUnavailableError with diagnostics when the server goes away after start-up', async () => {
    const ownServer = await startLocalCosmosServer();
    const store = await openFast(ownServer.endpoint);
    await ownServer.stop();

    const failure = await store.getSeries(aSeries()).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as StoreUnavailableError).diagnostics).toMatchObject({ statusCode: 'ECONNREFUSED', attempts: 2 });
  });

  it('gives up on a server that accepts connections but never answers, instead of hanging', async () => {
    const silent = await startSilentServer();
    toRelease.push(silent.stop);
    const failure = await openFast(silent.endpoint, { requestTimeout: 200 }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as StoreUnavailableError).diagnostics).toMatchObject({ statusCode: 'TimeoutError', attempts: 2 });
  });
});

describe('CosmosStore when Cosmos DB hiccups or throttles', () => {
  it('retries a 503 on insert and stores the action once', async () => {
    let failuresLeft = 1;
    const proxy = await startFaultyCosmosProxy(server.endpoint, (req) =>
      isDocumentCreate(req) && failuresLeft-- > 0 ? 503 : undefined,
    );
    toRelease.push(proxy.stop);
    const store = await openFast(proxy.endpoint);
    const series = aSeries();
    const action = anAction(series);

    const { created } = await store.insertAction(action);

    expect(created).toBe(true);
    expect(proxy.failedActivityIds).toHaveLength(1);
    expect(await store.listActions(series)).toEqual([action]);
  });

  it('reports a write that stays unavailable with the status and activity id support will ask for', async () => {
    const proxy = await startFaultyCosmosProxy(server.endpoint, (req) => (isDocumentCreate(req) ? 503 : undefined));
    toRelease.push(proxy.stop);
    const store = await openFast(proxy.endpoint);

    const failure = await store.insertAction(anAction(aSeries())).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as StoreUnavailableError).diagnostics).toMatchObject({
      statusCode: 503,
      attempts: FAST_RETRY.attempts,
      activityId: proxy.failedActivityIds.at(-1),
    });
  });

  it('stops after the SDK\'s throttling budget and reports 429 as unavailable', async () => {
    const proxy = await startFaultyCosmosProxy(server.endpoint, (req) => (isDocumentCreate(req) ? 429 : undefined));
    toRelease.push(proxy.stop);
    const store = await openFast(proxy.endpoint, {
      retryOptions: { maxRetryAttemptCount: 2, fixedRetryIntervalInMilliseconds: 1, maxWaitTimeInSeconds: 1 },
    });

    const failure = await store.insertAction(anAction(aSeries())).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as StoreUnavailableError).diagnostics).toMatchObject({ statusCode: 429 });
    expect(proxy.failedActivityIds).toHaveLength(3);
  });
});

/** A port that was free a moment ago and now refuses connections. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A TCP server that accepts connections and never says a word: a hung gateway. */
async function startSilentServer(): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const sockets: Socket[] = [];
  const silent: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const { port } = silent.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    },
  };
}
