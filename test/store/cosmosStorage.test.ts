import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { type ConnectionPolicy, CosmosClient } from '@azure/cosmos';
import { digestJobId, reminderJobId, userProfileId } from '../../src/domain/scheduling/jobIds';
import { COSMOS_CONTAINERS } from '../../src/store/cosmos/containers';
import { openStorage } from '../../src/store/openStorage';
import type { Storage, StorageConfig } from '../../src/store/storage';
import { StoreUnavailableError } from '../../src/store/storeErrors';
import { aDecision, aSeries, anAction } from '../builders';
import { aMeeting, aNote } from '../meetingBuilders';
import { describeChatRecordsContract } from './chatRecordsContract';
import { isDocumentCreate, startFaultyCosmosProxy } from './faultyCosmosProxy';
import { LOCAL_COSMOS_KEY, localCosmosConfig, type LocalCosmosServer, startLocalCosmosServer } from './localCosmosServer';
import { describeProfilesAndJobsContract } from './profilesAndJobsContract';

/** Keeps failure tests short: one quick retry instead of the production back-off. */
const FAST_RETRY = { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 };

let server: LocalCosmosServer;
const database = `test-${randomUUID()}`;
/** Servers and storages a test opened; closed even when an expectation fails, so Jest can exit. */
const toRelease: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const release of toRelease.splice(0).reverse()) await release();
});

beforeAll(async () => {
  server = await startLocalCosmosServer();
});
afterAll(async () => {
  await server.stop();
});

/** Registers a storage for release after the test and returns it. */
function released(storage: Storage): Storage {
  toRelease.push(() => storage.close());
  return storage;
}

/** A raw SDK client on the local server, for arranging and inspecting what the ports cannot. */
function localClient(): CosmosClient {
  const client = new CosmosClient({ endpoint: server.endpoint, key: LOCAL_COSMOS_KEY, connectionPolicy: { enableEndpointDiscovery: false } });
  toRelease.push(async () => client.dispose());
  return client;
}

function localConfig(overrides: Partial<Extract<StorageConfig, { kind: 'cosmos' }>> = {}): StorageConfig {
  return localCosmosConfig(server.endpoint, database, overrides);
}

/** Opens storage on `endpoint` with the quick test retry, released after the test. */
async function openFast(endpoint: string, connectionPolicy: ConnectionPolicy = {}): Promise<Storage> {
  const config = localConfig({ endpoint, connectionPolicy: { enableEndpointDiscovery: false, ...connectionPolicy } });
  return released(await openStorage(config, { cosmosRetry: FAST_RETRY }));
}

describeChatRecordsContract('cosmos (local protocol server)', () => openStorage(localConfig()), { atomicBatches: false });
describeProfilesAndJobsContract('cosmos (local protocol server)', () => openStorage(localConfig({ database: `test-${randomUUID()}` })));

if (process.env.COSMOS_ENDPOINT) {
  // A real account: with a key the suites make (and afterwards drop) their own database; with Entra ID
  // they cannot create one, so they use COSMOS_DATABASE as deployed and leave their random-tenant records.
  const endpoint = process.env.COSMOS_ENDPOINT;
  const key = process.env.COSMOS_KEY;
  const realDatabase = key ? `meeting-actions-test-${randomUUID()}` : (process.env.COSMOS_DATABASE ?? 'meeting-actions');
  const openReal = () =>
    openStorage({ kind: 'cosmos', endpoint, key, database: realDatabase, createIfMissing: Boolean(key), managedIdentityClientId: process.env.AZURE_CLIENT_ID });
  const dropDatabase = async () => {
    if (!key) return;
    const client = new CosmosClient({ endpoint, key });
    await client.database(realDatabase).delete().catch(() => undefined);
    client.dispose();
  };
  describeChatRecordsContract(`cosmos (${endpoint})`, openReal, { atomicBatches: true });
  describeProfilesAndJobsContract(`cosmos (${endpoint})`, openReal, dropDatabase);
}

describe('Cosmos documents', () => {
  it("stores every record of a chat in its series' partition of chats, told apart by type", async () => {
    const storage = released(await openStorage(localConfig()));
    const series = aSeries();
    await storage.chats.putSeries(series);
    await storage.chats.insertAction(anAction(series));
    await storage.chats.insertDecision(aDecision(series));
    const meeting = aMeeting(series);
    await storage.chats.putMeeting(meeting);
    await storage.chats.insertNote(aNote(series, meeting));

    const { resources } = await localClient()
      .database(database)
      .container('chats')
      .items.query({ query: 'SELECT c.id, c.type, c.seriesId FROM c WHERE c.seriesId = @s', parameters: [{ name: '@s', value: series.id }] })
      .fetchAll();

    expect(resources.map(({ type, seriesId }) => ({ type, seriesId })).sort((a, b) => String(a.type).localeCompare(String(b.type)))).toEqual([
      { type: 'action', seriesId: series.id },
      { type: 'decision', seriesId: series.id },
      { type: 'meeting', seriesId: series.id },
      { type: 'note', seriesId: series.id },
      { type: 'series', seriesId: series.id },
    ]);
    expect(resources.find((document) => document.type === 'series')?.id).toBe(series.id);
  });

  it('hands back domain records without Cosmos system fields or the fields the store added', async () => {
    const storage = released(await openStorage(localConfig()));
    const series = aSeries();
    await storage.chats.putSeries(series);
    const action = anAction(series);
    await storage.chats.insertAction(action);
    const tenantId = series.tenantId;
    const digest = { id: digestJobId(tenantId, 'derek'), tenantId, kind: 'weeklyDigest' as const, userId: 'derek' };
    await storage.jobs.putJob(digest);

    const read = await storage.chats.getSeries(series);
    const listed = await storage.chats.listActions(series);
    const both = await storage.chats.getSeriesAndAction(series, { number: action.number });

    const stray = (record: object | undefined) => Object.keys(record ?? {}).filter((name) => name.startsWith('_') || name === 'type');
    expect(read?.value).toEqual(series);
    expect(stray(read?.value)).toEqual([]);
    expect(listed).toEqual([action]);
    expect(stray(listed[0])).toEqual([]);
    expect(both.series?.value).toEqual(series);
    expect(both.action?.value).toEqual(action);
    expect((await storage.jobs.getJob(tenantId, digest.id))?.value).toEqual(digest);
  });

  it("keeps people by tenant in users, and jobs by tenant in schedule with the owner at the top level (null if none)", async () => {
    const storage = released(await openStorage(localConfig()));
    const tenantId = `tenant-${randomUUID()}`;
    const profile = { id: userProfileId(tenantId, 'ellen'), tenantId, userId: 'ellen', name: 'Ellen Footman', preferences: { digestDay: 1, hour: 9, digestEnabled: true } };
    await storage.users.putProfile(profile);
    const reminder = { id: reminderJobId('action-1', 'ellen'), tenantId, kind: 'actionReminder' as const, series: { tenantId, conversationId: '19:x' }, actionId: 'action-1', ownerId: 'ellen' };
    await storage.jobs.putJob(reminder);
    await storage.jobs.putJob({ id: digestJobId(tenantId, 'ellen'), tenantId, kind: 'weeklyDigest', userId: 'ellen' });
    const client = localClient();

    const { resource: user } = await client.database(database).container('users').item(profile.id, tenantId).read();
    const { resources: jobs } = await client
      .database(database)
      .container('schedule')
      .items.query({ query: 'SELECT c.kind, c.ownerId FROM c WHERE c.tenantId = @t', parameters: [{ name: '@t', value: tenantId }] })
      .fetchAll();

    expect(user).toMatchObject(profile);
    expect(jobs.sort((a, b) => String(a.kind).localeCompare(String(b.kind)))).toEqual([
      { kind: 'actionReminder', ownerId: 'ellen' },
      { kind: 'weeklyDigest', ownerId: null },
    ]);
  });

  it('reads documents in the shape the stores before the store core wrote them', async () => {
    const client = localClient();
    await (await openStorage(localConfig())).close();
    const chats = client.database(database).container('chats');
    const series = aSeries();
    const action = anAction(series);
    const meeting = aMeeting(series);
    const note = aNote(series, meeting);
    const { resource: seriesDocument } = await chats.items.create({ ...series, seriesId: series.id, type: 'series' });
    const { resource: actionDocument } = await chats.items.create({ ...action, type: 'action' });
    await chats.items.create({ ...meeting, type: 'meeting' });
    await chats.items.create({ ...note, type: 'note' });
    const tenantId = series.tenantId;
    const digest = { id: digestJobId(tenantId, 'derek'), tenantId, kind: 'weeklyDigest' as const, userId: 'derek', dueAt: '2019-03-18T09:00:00.000Z' };
    await client.database(database).container('schedule').items.create({ ...digest, ownerId: null });
    const storage = released(await openStorage(localConfig()));

    expect(await storage.chats.getSeries(series)).toEqual({ value: series, etag: seriesDocument?._etag });
    expect(await storage.chats.getSeriesAndAction(series, { id: action.id })).toEqual({
      series: { value: series, etag: seriesDocument?._etag },
      action: { value: action, etag: actionDocument?._etag },
    });
    expect(await storage.chats.listMeetings(series)).toEqual([meeting]);
    expect(await storage.chats.listNotes(series, meeting.id)).toEqual([note]);
    expect((await storage.jobs.getJob(tenantId, digest.id))?.value).toEqual(digest);
  });
});

describe('Cosmos storage start-up', () => {
  it('creates nothing without createIfMissing and names the missing database and the setting', async () => {
    const missing = `absent-${randomUUID()}`;

    await expect(openStorage(localConfig({ database: missing, createIfMissing: false }))).rejects.toThrow(
      new RegExp(`database '${missing}' does not exist.*COSMOS_CREATE_IF_MISSING`),
    );
  });

  it('names a missing container when the database exists', async () => {
    const bare = `bare-${randomUUID()}`;
    await localClient().databases.create({ id: bare });

    await expect(openStorage(localConfig({ database: bare, createIfMissing: false }))).rejects.toThrow(
      /container 'chats' \(partition key \/seriesId\) does not exist/,
    );
  });

  it('opens an existing layout without createIfMissing', async () => {
    await (await openStorage(localConfig())).close();

    const storage = released(await openStorage(localConfig({ createIfMissing: false })));

    await expect(storage.ping()).resolves.toBeUndefined();
  });

  it('refuses a container partitioned by another key', async () => {
    const wrong = `wrong-${randomUUID()}`;
    const { database: created } = await localClient().databases.create({ id: wrong });
    await created.containers.create({ id: 'chats', partitionKey: { paths: ['/tenantId'] } });

    await expect(openStorage(localConfig({ database: wrong, createIfMissing: false }))).rejects.toThrow(
      /partitioned by \/tenantId, but the bot needs \/seriesId/,
    );
  });

  it('opens one client for every container: the layout is read once, and every store works through it', async () => {
    const layoutDatabase = `layout-${randomUUID()}`;
    await (await openStorage(localConfig({ database: layoutDatabase }))).close();
    const layoutReads: string[] = [];
    // Counts, never fails: a container read (`GET …/colls/<name>`, not its documents) is a layout check.
    const proxy = await startFaultyCosmosProxy(server.endpoint, (req) => {
      if (req.method === 'GET' && /\/colls\/[^/]+\/?$/.test(req.url ?? '')) layoutReads.push(decodeURIComponent(req.url ?? ''));
      return undefined;
    });
    toRelease.push(proxy.stop);
    const storage = released(await openStorage(localConfig({ endpoint: proxy.endpoint, database: layoutDatabase, createIfMissing: false })));

    const series = aSeries();
    await storage.chats.putSeries(series);
    const userId = randomUUID();
    const profile = { id: userProfileId(series.tenantId, userId), tenantId: series.tenantId, userId, name: 'Ellen Footman', preferences: { digestDay: 1, hour: 9, digestEnabled: true } };
    await storage.users.putProfile(profile);
    await storage.jobs.insertJob({ id: digestJobId(series.tenantId, userId), tenantId: series.tenantId, kind: 'weeklyDigest', userId });

    expect((await storage.chats.getSeries(series))?.value).toEqual(series);
    expect((await storage.users.getProfile(series.tenantId, userId))?.value).toEqual(profile);
    expect(await storage.jobs.getJob(series.tenantId, digestJobId(series.tenantId, userId))).toBeDefined();
    expect(layoutReads.sort()).toEqual(Object.keys(COSMOS_CONTAINERS).map((name) => `/dbs/${layoutDatabase}/colls/${name}`).sort());
  });

  it('stops start-up when the layout opened but a ping cannot be answered, and closes the client', async () => {
    // The ping is the first document request after the layout reads; failing every document read fails only it.
    const proxy = await startFaultyCosmosProxy(server.endpoint, (req) => (req.method === 'GET' && /\/docs\/[^/]+$/.test(req.url ?? '') ? 503 : undefined));
    toRelease.push(proxy.stop);

    const failure = await openFast(proxy.endpoint).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as StoreUnavailableError).message).toMatch(/answer a ping \(503\)/);
    expect(proxy.failedActivityIds).toHaveLength(FAST_RETRY.attempts);
  });
});

describe('Cosmos storage when Cosmos DB is unreachable', () => {
  it('fails start-up with StoreUnavailableError when nothing listens at the endpoint', async () => {
    const refused = await closedPort();

    await expect(openFast(`http://127.0.0.1:${refused}`)).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('answers StoreUnavailableError with diagnostics when the server goes away after start-up', async () => {
    const ownServer = await startLocalCosmosServer();
    const storage = await openFast(ownServer.endpoint);
    await ownServer.stop();

    const series = aSeries();

    const failure = await storage.chats.getSeries(series).catch((error: unknown) => error);
    const batchFailure = await storage.chats.writeTogether(series, [{ record: { kind: 'series', value: series } }]).catch((error: unknown) => error);

    for (const each of [failure, batchFailure]) {
      expect(each).toBeInstanceOf(StoreUnavailableError);
      expect((each as StoreUnavailableError).diagnostics).toMatchObject({ statusCode: 'ECONNREFUSED', attempts: 2 });
    }
  });

  it('gives up on a server that accepts connections but never answers, instead of hanging', async () => {
    const silent = await startSilentServer();
    toRelease.push(silent.stop);
    const failure = await openFast(silent.endpoint, { requestTimeout: 200 }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as StoreUnavailableError).diagnostics).toMatchObject({ statusCode: 'TimeoutError', attempts: 2 });
  });
});

describe('Cosmos storage when Cosmos DB hiccups or throttles', () => {
  it('retries a 503 on insert and stores the action once', async () => {
    let failuresLeft = 1;
    const proxy = await startFaultyCosmosProxy(server.endpoint, (req) => (isDocumentCreate(req) && failuresLeft-- > 0 ? 503 : undefined));
    toRelease.push(proxy.stop);
    const storage = await openFast(proxy.endpoint);
    const series = aSeries();
    const action = anAction(series);

    const { created } = await storage.chats.insertAction(action);

    expect(created).toBe(true);
    expect(proxy.failedActivityIds).toHaveLength(1);
    expect(await storage.chats.listActions(series)).toEqual([action]);
  });

  it('retries a 503 on a batch and writes it once', async () => {
    let failuresLeft = 1;
    const proxy = await startFaultyCosmosProxy(server.endpoint, (req) => (isBatch(req) && failuresLeft-- > 0 ? 503 : undefined));
    toRelease.push(proxy.stop);
    const storage = await openFast(proxy.endpoint);
    const series = aSeries();
    const action = anAction(series);

    const etags = await storage.chats.writeTogether(series, [
      { record: { kind: 'series', value: series } },
      { record: { kind: 'action', value: action } },
    ]);

    expect(proxy.failedActivityIds).toHaveLength(1);
    expect(await storage.chats.getSeriesAndAction(series, { id: action.id })).toEqual({ series: { value: series, etag: etags[0] }, action: { value: action, etag: etags[1] } });
  });

  it('reports a write that stays unavailable with the status and activity id support will ask for', async () => {
    const proxy = await startFaultyCosmosProxy(server.endpoint, (req) => (isDocumentCreate(req) || isBatch(req) ? 503 : undefined));
    toRelease.push(proxy.stop);
    const storage = await openFast(proxy.endpoint);

    const series = aSeries();

    const failure = await storage.chats.insertAction(anAction(series)).catch((error: unknown) => error);
    const batchFailure = await storage.chats.writeTogether(series, [{ record: { kind: 'series', value: series } }]).catch((error: unknown) => error);

    for (const each of [failure, batchFailure]) {
      expect(each).toBeInstanceOf(StoreUnavailableError);
      expect((each as StoreUnavailableError).diagnostics).toMatchObject({ statusCode: 503, attempts: FAST_RETRY.attempts });
    }
    expect((failure as StoreUnavailableError).diagnostics).toMatchObject({ activityId: proxy.failedActivityIds[FAST_RETRY.attempts - 1] });
    expect((batchFailure as StoreUnavailableError).diagnostics).toMatchObject({ activityId: proxy.failedActivityIds.at(-1) });
  });

  it("stops after the SDK's throttling budget and reports 429 as unavailable", async () => {
    const proxy = await startFaultyCosmosProxy(server.endpoint, (req) => (isDocumentCreate(req) ? 429 : undefined));
    toRelease.push(proxy.stop);
    const storage = await openFast(proxy.endpoint, {
      retryOptions: { maxRetryAttemptCount: 2, fixedRetryIntervalInMilliseconds: 1, maxWaitTimeInSeconds: 1 },
    });

    const failure = await storage.chats.insertAction(anAction(aSeries())).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as StoreUnavailableError).diagnostics).toMatchObject({ statusCode: 429 });
    expect(proxy.failedActivityIds).toHaveLength(3);
  });
});

/** True for a transactional batch (what `writeTogether` sends). */
function isBatch(req: { method?: string; headers: Record<string, unknown> }): boolean {
  return req.method === 'POST' && req.headers['x-ms-cosmos-is-batch-request'] !== undefined;
}

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
