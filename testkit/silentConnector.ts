import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A `serviceUrl` that accepts connections and never answers: what a bot sees when the address in
 * an activity is unreachable (a forged activity in local mode, or a connector outage). It counts
 * the requests it is holding.
 */
export class SilentConnector {
  /** Requests received, as `METHOD /path`. */
  readonly received: string[] = [];
  private readonly held: http.ServerResponse[] = [];
  private server?: http.Server;
  url = '';

  /** Starts listening on a free loopback port. */
  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      this.received.push(`${req.method} ${decodeURIComponent(req.url ?? '/')}`);
      this.held.push(res);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** Drops the requests it held and stops listening. */
  async stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
