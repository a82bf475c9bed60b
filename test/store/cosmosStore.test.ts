import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { CosmosClient } from '@azure/cosmos';
import { CosmosStore } from '../../src/store/cosmos/cosmosStore';
import { createStore, type StoreConfig } from '../../src/store/createStore';
import { StoreUnavailableError } from '../../src/store/store';
import { aSeries, anAction } from '../builders';
import { LOCAL_COSMOS_KEY, type LocalCosmosServer, startLocalCosmosServer } from './localCosmosServer';
import { describeStoreContract } from './storeContract';

/** Keeps failure tests short: one quick retry instead of the production back-off. */
const FAST_RETRY = { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 };

let server: LocalCosmosServer;
const database = `test-${randomUUID()}`;

beforeAll(async () => {
  server = await startLocalCosmosServer();
});
afterAll(async () => {
  await server.stop();
});

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
    const store = await createStore(localConfig());
    const series = aSeries();
    await store.putSeries(series);
    await store.insertAction(anAction(series));
    await store.close();
    const client = new CosmosClient({
      endpoint: server.endpoint,
      key: LOCAL_COSMOS_KEY,
      connectionPolicy: { enableEndpointDiscovery: false },
    });

    const { resources } = await client
      .database(database)
      .container('chats')
      .items.query({ query: 'SELECT c.type, c.seriesId FROM c WHERE c.seriesId = @s', parameters: [{ name: '@s', value: series.id }] })
      .fetchAll();

    expect(resources.sort((a, b) => String(a.type).localeCompare(String(b.type)))).toEqual([
      { type: 'action', seriesId: series.id },
      { type: 'series', seriesId: series.id },
    ]);
    client.dispose();
  });

  it('hands back domain records without Cosmos system fields', async () => {
    const store = await createStore(localConfig());
    const series = aSeries();
    await store.putSeries(series);
    const action = anAction(series);
    await store.insertAction(action);

    const read = await store.getSeries(series);
    const listed = await store.listActions(series);

    expect(Object.keys(read?.value ?? {}).filter((name) => name.startsWith('_') || name === 'type')).toEqual([]);
    expect(listed).toEqual([action]);
    expect(Object.keys(listed[0] ?? {}).filter((name) => name.startsWith('_') || name === 'type')).toEqual([]);
    await store.close();
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
    const client = new CosmosClient({
      endpoint: server.endpoint,
      key: LOCAL_COSMOS_KEY,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    await client.databases.create({ id: bare });
    client.dispose();

    await expect(createStore(localConfig({ database: bare, createIfMissing: false }))).rejects.toThrow(
      /container 'chats' \(partition key \/seriesId\) does not exist/,
    );
  });

  it('opens an existing layout without createIfMissing', async () => {
    await (await createStore(localConfig())).close();

    const store = await createStore(localConfig({ createIfMissing: false }));

    await expect(store.ping()).resolves.toBeUndefined();
    await store.close();
  });

  it('refuses a container partitioned by another key', async () => {
    const wrong = `wrong-${randomUUID()}`;
    const client = new CosmosClient({
      endpoint: server.endpoint,
      key: LOCAL_COSMOS_KEY,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    const { database: created } = await client.databases.create({ id: wrong });
    await created.containers.create({ id: 'chats', partitionKey: { paths: ['/tenantId'] } });
    client.dispose();

    await expect(createStore(localConfig({ database: wrong, createIfMissing: false }))).rejects.toThrow(
      /partitioned by \/tenantId, but the bot needs \/seriesId/,
    );
  });
});

describe('CosmosStore when Cosmos DB is unreachable', () => {
  it('fails start-up with StoreUnavailableError when nothing listens at the endpoint', async () => {
    const refused = await closedPort();

    await expect(
      CosmosStore.open(
        { endpoint: `http://127.0.0.1:${refused}`, key: LOCAL_COSMOS_KEY, database, createIfMissing: false, connectionPolicy: { enableEndpointDiscovery: false } },
        FAST_RETRY,
      ),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('answers StoreUnavailableError with diagnostics when the server goes away after start-up', async () => {
    const ownServer = await startLocalCosmosServer();
    const store = await CosmosStore.open(
      { endpoint: ownServer.endpoint, key: LOCAL_COSMOS_KEY, database, createIfMissing: true, connectionPolicy: { enableEndpointDiscovery: false } },
      FAST_RETRY,
    );
    await ownServer.stop();

    const failure = await store.getSeries(aSeries()).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as StoreUnavailableError).diagnostics).toMatchObject({ statusCode: 'ECONNREFUSED', attempts: 2 });
    await store.close();
  });

  it('gives up on a server that accepts connections but never answers, instead of hanging', async () => {
    const silent = await startSilentServer();
    const store = CosmosStore.open(
      {
        endpoint: silent.endpoint,
        key: LOCAL_COSMOS_KEY,
        database,
        createIfMissing: false,
        connectionPolicy: { enableEndpointDiscovery: false, requestTimeout: 200 },
      },
      FAST_RETRY,
    );

    const failure = await store.catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as StoreUnavailableError).diagnostics).toMatchObject({ statusCode: 'TimeoutError', attempts: 2 });
    await silent.stop();
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
