/**
 * Starts `@vercel/cosmosdb-server` in this process on a free 127.0.0.1 port. Its bundled TLS
 * certificate has expired, so it serves plain HTTP, which the SDK accepts for a non-Azure endpoint.
 */
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, Server } from 'node:http';
import { createHttpServer } from '@vercel/cosmosdb-server';
import type { StorageConfig } from '../../src/store/storage';

/** A running local Cosmos protocol server. */
export interface LocalCosmosServer {
  endpoint: string;
  stop(): Promise<void>;
  /** Starts listening again on the same port after `stop`, with the data it held (an outage that ends). */
  restart(): Promise<void>;
  /** Every request the server received since it started or was last reset, in arrival order. */
  requests: ReceivedRequests;
}

/** What a request asked for, told apart by method, path and the SDK's headers. */
export type RequestKind = 'read' | 'create' | 'replace' | 'delete' | 'query' | 'queryPlan' | 'batch' | 'other';

/** One request the server received. */
export interface ReceivedRequest {
  method: string;
  /** The URL path, decoded (`/dbs/<db>/colls/chats/docs/<id>`). */
  path: string;
  kind: RequestKind;
}

/** The requests a server received, to count the round trips a store method costs. */
export interface ReceivedRequests {
  /** Everything received, in arrival order. */
  all(): ReceivedRequest[];
  /**
   * The requests that touch data: all but the SDK's query-plan lookups, which it sends alongside
   * every query and may still be sending after the query returned. A lookup runs in parallel with
   * its query, so it adds no latency, but it is a request to the account all the same: the
   * command-level count (test/teams/roundTrips.test.ts) adds one per query.
   */
  data(): ReceivedRequest[];
  /** Forgets what was received so far. */
  reset(): void;
  /**
   * The store round trips `send` costs: the data requests it makes plus one per query, for the
   * query-plan lookup the SDK sends with each (forgets what was received before).
   */
  roundTripsOf(send: () => Promise<unknown>): Promise<number>;
}

/** Any key is accepted by the local server; the SDK only needs a well-formed base64 string. */
export const LOCAL_COSMOS_KEY = Buffer.from('local-test-key').toString('base64');

/**
 * Settings for `database` on a local server: created when missing, and endpoint discovery off, so
 * the SDK uses the server's address as written instead of asking it for regional endpoints.
 */
export function localCosmosConfig(
  endpoint: string,
  database: string,
  overrides: Partial<Extract<StorageConfig, { kind: 'cosmos' }>> = {},
): Extract<StorageConfig, { kind: 'cosmos' }> {
  return { kind: 'cosmos', endpoint, key: LOCAL_COSMOS_KEY, database, createIfMissing: true, connectionPolicy: { enableEndpointDiscovery: false }, ...overrides };
}

/** Starts a fresh, empty server. */
export async function startLocalCosmosServer(): Promise<LocalCosmosServer> {
  const server: Server = createHttpServer();
  const received: ReceivedRequest[] = [];
  // Prepended, so a request is counted before the server handles (and answers) it.
  server.prependListener('request', (req: IncomingMessage) => received.push(receivedRequestOf(req)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const data = () => received.filter((request) => request.kind !== 'queryPlan');
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests: {
      all: () => [...received],
      data,
      reset: () => {
        received.length = 0;
      },
      roundTripsOf: async (send) => {
        received.length = 0;
        await send();
        const sent = data();
        return sent.length + sent.filter((request) => request.kind === 'query').length;
      },
    },
    restart: () =>
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      }),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function receivedRequestOf(req: IncomingMessage): ReceivedRequest {
  const method = req.method ?? '';
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://local').pathname);
  return { method, path, kind: kindOf(method, path, req.headers) };
}

function kindOf(method: string, path: string, headers: IncomingMessage['headers']): RequestKind {
  const documents = /\/docs\/?$/.test(path);
  const document = /\/docs\/[^/]+$/.test(path);
  if (documents && method === 'POST') {
    if (headers['x-ms-cosmos-is-query-plan-request']) return 'queryPlan';
    if (headers['x-ms-documentdb-isquery']) return 'query';
    if (headers['x-ms-cosmos-is-batch-request']) return 'batch';
    return 'create';
  }
  if (document && method === 'GET') return 'read';
  if (document && method === 'PUT') return 'replace';
  if (document && method === 'DELETE') return 'delete';
  return 'other';
}
