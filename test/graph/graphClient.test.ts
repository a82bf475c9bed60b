/** The one Graph client (src/graph/graphClient.ts) through the real SDK against the fake Graph: its retry bounds and what it refuses to do. */
import { GraphClient } from '../../src/graph/graphClient';
import { GraphRefused, GraphUnavailable } from '../../src/services/graphFailures';
import { FakeGraph } from '../../testkit/fakeGraph';

let graph: FakeGraph;
beforeEach(async () => {
  graph = await new FakeGraph().start();
});
afterEach(async () => {
  await graph.stop();
});

const quick = { attempts: 3, baseDelayMs: 5, maxDelayMs: 20, maxTotalWaitMs: 1000, timeoutMs: 200 };
const client = () => new GraphClient({ endpoint: graph.url, auth: { kind: 'none' } }, quick);

test('follows @odata.nextLink page after page, and sends no token with GRAPH_AUTH=none', async () => {
  graph.route('GET', /^\/things$/, (request) => graph.page([1, 2, 3, 4, 5], request));
  expect(await client().getAll<number>('tenant-a', '/things')).toEqual([1, 2, 3, 4, 5]);
  expect(graph.requestsTo(/things$/)).toHaveLength(3);
  expect(graph.requests.map((request) => request.authorization)).toEqual([undefined, undefined, undefined]);
});

test('a next page on another address is not followed, so nothing is sent off Graph\'s host', async () => {
  graph.route('GET', /^\/things$/, () => ({ status: 200, body: { value: [1], '@odata.nextLink': 'https://elsewhere.example/v1.0/things?$skiptoken=1' } }));
  await expect(client().getAll('tenant-a', '/things')).rejects.toBeInstanceOf(GraphUnavailable);
  expect(graph.requests).toHaveLength(1);
});

test('a try that takes longer than its timeout is tried again', async () => {
  graph.route('GET', /^\/things$/, (request) => graph.page([1], request));
  graph.stallNext(/things$/, 1000, 1);
  expect(await client().getAll<number>('tenant-a', '/things')).toEqual([1]);
  expect(graph.requestsTo(/things$/)).toHaveLength(2);
});

test('throttling beyond the tries gives up with GraphUnavailable; a 4xx is a GraphRefused with its status, not retried', async () => {
  graph.route('GET', /^\/things$/, (request) => graph.page([1], request));
  graph.failNext(/things$/, 429, 5, { 'Retry-After': '0' });
  await expect(client().get('tenant-a', '/things')).rejects.toMatchObject({ name: 'GraphUnavailable', status: 429 });
  expect(graph.requestsTo(/things$/)).toHaveLength(3);
  await expect(client().get('tenant-a', '/nothing-here')).rejects.toEqual(new GraphRefused(404, 'Microsoft Graph refused the request (404 UnknownRoute)'));
  expect(graph.requestsTo(/nothing-here$/)).toHaveLength(1);
});

test('credentials pinned to one tenant refuse another tenant without a request', async () => {
  const pinned = new GraphClient({ endpoint: 'https://graph.microsoft.com', auth: { kind: 'clientSecret', clientId: 'app', clientSecret: 'secret', tenantId: 'tenant-a' } }, quick);
  await expect(pinned.get('tenant-b', '/users')).rejects.toMatchObject({ name: 'GraphRefused', status: 403 });
  const identity = new GraphClient({ endpoint: 'https://graph.microsoft.com', auth: { kind: 'managedIdentity', tenantId: 'tenant-a' } }, quick);
  await expect(identity.get('tenant-b', '/users')).rejects.toMatchObject({ name: 'GraphRefused', status: 403 });
});

test('a create sent once is repeated after 429 only: after a 503 or a lost answer it fails at once, so its caller can look before making a twin', async () => {
  graph.route('POST', /^\/things$/, () => ({ status: 201, body: { id: 'made' } }));
  graph.failNext(/^POST \/v1.0\/things$/, 429, 1, { 'Retry-After': '0' });
  expect(await client().post('tenant-a', '/things', { name: 'a' }, { once: true })).toEqual({ id: 'made' });
  expect(graph.requestsTo(/^POST \/v1.0\/things$/)).toHaveLength(2);

  graph.failNext(/^POST \/v1.0\/things$/, 503, 1);
  await expect(client().post('tenant-a', '/things', { name: 'b' }, { once: true })).rejects.toMatchObject({ name: 'GraphUnavailable', status: 503 });
  expect(graph.requestsTo(/^POST \/v1.0\/things$/)).toHaveLength(3);

  graph.loseNextAnswer(/^POST \/v1.0\/things$/);
  await expect(client().post('tenant-a', '/things', { name: 'c' }, { once: true })).rejects.toBeInstanceOf(GraphUnavailable);
  expect(graph.requestsTo(/^POST \/v1.0\/things$/)).toHaveLength(4);

  // Without `once`, a lost answer is tried again, as for any request.
  graph.loseNextAnswer(/^POST \/v1.0\/things$/);
  expect(await client().post('tenant-a', '/things', { name: 'd' })).toEqual({ id: 'made' });
  expect(graph.requestsTo(/^POST \/v1.0\/things$/)).toHaveLength(6);
});

test('a PATCH quotes the etag it was given and asks for the changed resource back; a stale etag is a GraphRefused 412', async () => {
  graph.route('PATCH', /^\/things\/1$/, ({ headers, body }) =>
    headers['if-match'] === 'W/"2"' ? { status: 200, body: { id: '1', ...(body as object), prefer: headers['prefer'] } } : { status: 412, body: { error: { code: 'PreconditionFailed', message: 'stale' } } },
  );
  expect(await client().patch('tenant-a', '/things/1', { done: true }, { ifMatch: 'W/"2"' })).toEqual({ id: '1', done: true, prefer: 'return=representation' });
  await expect(client().patch('tenant-a', '/things/1', { done: true }, { ifMatch: 'W/"1"' })).rejects.toMatchObject({ name: 'GraphRefused', status: 412 });
});
