import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createStores } from '../../src/store/createStores';
import { LOCAL_COSMOS_KEY, type LocalCosmosServer, startLocalCosmosServer } from './localCosmosServer';
import { describeSchedulingStoreContract } from './schedulingStoreContract';

const dataDir = mkdtempSync(join(tmpdir(), 'meeting-actions-scheduling-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describeSchedulingStoreContract('embedded SQLite', () => createStores({ kind: 'sqlite', dataDir }));

let server: LocalCosmosServer;
beforeAll(async () => {
  server = await startLocalCosmosServer();
});
afterAll(async () => {
  await server.stop();
});
describeSchedulingStoreContract('Cosmos DB (local protocol server)', () =>
  createStores({
    kind: 'cosmos',
    endpoint: server.endpoint,
    key: LOCAL_COSMOS_KEY,
    database: `test-${randomUUID()}`,
    createIfMissing: true,
    connectionPolicy: { enableEndpointDiscovery: false },
  }),
);

const realEndpoint = process.env['COSMOS_ENDPOINT'];
if (realEndpoint) {
  describeSchedulingStoreContract('Cosmos DB (COSMOS_ENDPOINT)', () =>
    createStores({
      kind: 'cosmos',
      endpoint: realEndpoint,
      ...(process.env['COSMOS_KEY'] ? { key: process.env['COSMOS_KEY'] } : {}),
      database: process.env['COSMOS_DATABASE'] ?? `test-${randomUUID()}`,
      createIfMissing: true,
    }),
  );
}
