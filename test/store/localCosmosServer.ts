/**
 * Starts `@vercel/cosmosdb-server` in this process on a free 127.0.0.1 port. Its bundled TLS
 * certificate has expired, so it serves plain HTTP, which the SDK accepts for a non-Azure endpoint.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createHttpServer } from '@vercel/cosmosdb-server';

/** A running local Cosmos protocol server. */
export interface LocalCosmosServer {
  endpoint: string;
  stop(): Promise<void>;
  /** Starts listening again on the same port after `stop`, with the data it held (an outage that ends). */
  restart(): Promise<void>;
}

/** Any key is accepted by the local server; the SDK only needs a well-formed base64 string. */
export const LOCAL_COSMOS_KEY = Buffer.from('local-test-key').toString('base64');

/** Starts a fresh, empty server. */
export async function startLocalCosmosServer(): Promise<LocalCosmosServer> {
  const server: Server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
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
