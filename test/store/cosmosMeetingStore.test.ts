import { randomUUID } from 'node:crypto';
import { CosmosClient } from '@azure/cosmos';
import { createStores } from '../../src/store/createStores';
import { aSeries } from '../builders';
import { aMeeting, aNote } from '../meetingBuilders';
import { LOCAL_COSMOS_KEY, type LocalCosmosServer, startLocalCosmosServer } from './localCosmosServer';
import { describeMeetingStoreContract } from './meetingStoreContract';

let server: LocalCosmosServer;
const database = `test-${randomUUID()}`;
beforeAll(async () => {
  server = await startLocalCosmosServer();
});
afterAll(async () => {
  await server.stop();
});

function open() {
  return createStores({ kind: 'cosmos', endpoint: server.endpoint, key: LOCAL_COSMOS_KEY, database, createIfMissing: true, connectionPolicy: { enableEndpointDiscovery: false } });
}

describeMeetingStoreContract('cosmos (local protocol server)', open);

it('keeps meetings and notes in their series\' partition of chats, told apart by type', async () => {
  const stores = await open();
  const series = aSeries();
  const meeting = aMeeting(series);
  await stores.meetings.putMeeting(meeting);
  await stores.meetings.insertNote(aNote(series, meeting));
  await stores.close();
  const client = new CosmosClient({ endpoint: server.endpoint, key: LOCAL_COSMOS_KEY, connectionPolicy: { enableEndpointDiscovery: false } });

  const { resources } = await client
    .database(database)
    .container('chats')
    .items.query({ query: 'SELECT c.type, c.seriesId FROM c WHERE c.seriesId = @s', parameters: [{ name: '@s', value: series.id }] })
    .fetchAll();

  expect(resources.map((document) => document.type).sort()).toEqual(['meeting', 'note']);
  client.dispose();
});
