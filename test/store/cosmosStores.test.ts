import { randomUUID } from 'node:crypto';
import { readConfig } from '../../src/config';
import { userProfileId } from '../../src/domain/scheduling/jobIds';
import { COSMOS_CONTAINERS } from '../../src/store/cosmos/containers';
import { createStore, type StoreConfig } from '../../src/store/createStore';
import { createStores } from '../../src/store/createStores';
import { aSeries } from '../builders';
import { startFaultyCosmosProxy } from './faultyCosmosProxy';
import { LOCAL_COSMOS_KEY, type LocalCosmosServer, startLocalCosmosServer } from './localCosmosServer';

let server: LocalCosmosServer;
beforeAll(async () => {
  server = await startLocalCosmosServer();
});
afterAll(async () => {
  await server.stop();
});

function config(endpoint: string, database: string, createIfMissing: boolean): StoreConfig {
  return { kind: 'cosmos', endpoint, key: LOCAL_COSMOS_KEY, database, createIfMissing, connectionPolicy: { enableEndpointDiscovery: false } };
}

test('createStores opens one Cosmos client for every container: the layout is read once', async () => {
  const database = `stores-${randomUUID()}`;
  await (await createStore(config(server.endpoint, database, true))).close();
  const layoutReads: string[] = [];
  // Counts, never fails: a container read (`GET …/colls/<name>`, not its documents) is a layout check.
  const proxy = await startFaultyCosmosProxy(server.endpoint, (req) => {
    if (req.method === 'GET' && /\/colls\/[^/]+\/?$/.test(req.url ?? '')) layoutReads.push(decodeURIComponent(req.url ?? ''));
    return undefined;
  });
  try {
    const stores = await createStores(config(proxy.endpoint, database, false));
    try {
      const series = aSeries();
      await stores.chats.putSeries(series);
      const userId = randomUUID();
      const profile = { id: userProfileId(series.tenantId, userId), tenantId: series.tenantId, userId, name: 'Ellen Footman', preferences: { digestDay: 1, hour: 9, digestEnabled: true } };
      await stores.users.putUser(profile);
      expect((await stores.chats.getSeries(series))?.value).toEqual(series);
      expect((await stores.users.getUser(series.tenantId, userId))?.value).toEqual(profile);
    } finally {
      await stores.close();
    }
    expect(layoutReads.sort()).toEqual(Object.keys(COSMOS_CONTAINERS).map((name) => `/dbs/${database}/colls/${name}`).sort());
  } finally {
    await proxy.stop();
  }
});

test('COSMOS_ENDPOINT_DISCOVERY=false turns endpoint discovery off; unset leaves the SDK default; anything else is refused', () => {
  const env = { STORE: 'cosmos', COSMOS_ENDPOINT: 'http://127.0.0.1:8081', COSMOS_KEY: LOCAL_COSMOS_KEY };
  expect(readConfig({ ...env, COSMOS_ENDPOINT_DISCOVERY: 'false' }).store).toMatchObject({ connectionPolicy: { enableEndpointDiscovery: false } });
  expect(readConfig(env).store).not.toHaveProperty('connectionPolicy');
  expect(() => readConfig({ ...env, COSMOS_ENDPOINT_DISCOVERY: 'no' })).toThrow(/COSMOS_ENDPOINT_DISCOVERY must be true or false/);
});
