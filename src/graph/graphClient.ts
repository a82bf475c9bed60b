import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { AuthenticationHandler, Client, GraphError, HTTPMessageHandler, type Middleware } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import { GraphRefused, GraphUnavailable } from '../services/graphFailures';
import { GRAPH_SCOPE, type GraphConfig } from './graphConfig';
import { DEFAULT_GRAPH_RETRY, GraphRetryHandler, SendOnce, type GraphRetryPolicy } from './graphRetry';

/** The Graph version every path is relative to. */
const VERSION = 'v1.0';
/** Pages followed at most in one listing: a bound, so a runaway `@odata.nextLink` chain cannot stall a pass. */
const MAX_PAGES = 100;

/** One page of a Graph collection. */
interface Page<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

/**
 * The project's one Microsoft Graph client: signed in as the app (per tenant, with application
 * permissions), every request through one retry policy (`graphRetry.ts`), and Graph's failures
 * turned into the services' `GraphRefused` / `GraphUnavailable`. Ports over Graph (installation,
 * attendance, Copilot's recaps, Planner) are small classes over `get`, `post`, `patch` and `getAll`.
 */
export class GraphClient {
  private readonly clients = new Map<string, Client>();
  private readonly origin: string;

  constructor(
    private readonly config: GraphConfig,
    private readonly retry: GraphRetryPolicy = DEFAULT_GRAPH_RETRY,
  ) {
    this.origin = new URL(config.endpoint).origin;
  }

  /** GETs a resource; `path` is relative to `/v1.0` (`/users/{id}/…`). */
  async get<T>(tenantId: string, path: string, query: Record<string, string> = {}): Promise<T> {
    return this.call(() => this.clientFor(tenantId).api(path).query(encoded(query)).get() as Promise<T>);
  }

  /**
   * POSTs a JSON body; answers what Graph answered (undefined for an empty body). With `once` (a
   * create that must not be made twice) it is repeated only after a 429 (see `SendOnce`).
   */
  async post<T>(tenantId: string, path: string, body: unknown, options: { once?: boolean } = {}): Promise<T | undefined> {
    const request = this.clientFor(tenantId).api(path);
    if (options.once) request.middlewareOptions([new SendOnce()]);
    return this.call(() => request.post(body) as Promise<T | undefined>);
  }

  /**
   * PATCHes a resource if `ifMatch` is still its etag (Planner requires one; a stale one is refused
   * with 412), asking for the changed resource back.
   */
  async patch<T>(tenantId: string, path: string, body: unknown, options: { ifMatch: string }): Promise<T | undefined> {
    return this.call(() => this.clientFor(tenantId).api(path).header('If-Match', options.ifMatch).header('Prefer', 'return=representation').patch(body) as Promise<T | undefined>);
  }

  /** Every item of a collection, following `@odata.nextLink` page after page (on Graph's own host only). */
  async getAll<T>(tenantId: string, path: string, query: Record<string, string> = {}): Promise<T[]> {
    const items: T[] = [];
    let page = await this.get<Page<T>>(tenantId, path, query);
    for (let pages = 1; ; pages += 1) {
      items.push(...(page.value ?? []));
      const next = page['@odata.nextLink'];
      if (!next || pages >= MAX_PAGES) return items;
      page = await this.get<Page<T>>(tenantId, this.relative(next));
    }
  }

  /** The SDK client for a tenant: tokens are per tenant, so is the client. */
  private clientFor(tenantId: string): Client {
    const existing = this.clients.get(tenantId);
    if (existing) return existing;
    const credential = credentialFor(this.config, tenantId);
    const middleware: Middleware[] = [
      ...(credential ? [new AuthenticationHandler(new TokenCredentialAuthenticationProvider(credential, { scopes: [GRAPH_SCOPE] }))] : []),
      new GraphRetryHandler(this.retry),
      new HTTPMessageHandler(),
    ];
    const client = Client.initWithMiddleware({ middleware, baseUrl: this.origin, defaultVersion: VERSION, customHosts: new Set([new URL(this.origin).hostname]) });
    this.clients.set(tenantId, client);
    return client;
  }

  /** A `@odata.nextLink` as a path under `/v1.0`; a link to any other host is refused rather than sent a token. */
  private relative(link: string): string {
    const url = new URL(link);
    const prefix = `/${VERSION}/`;
    if (url.origin !== this.origin || !url.pathname.startsWith(prefix)) throw new GraphUnavailable(`Microsoft Graph gave a next page on another address (${url.origin})`);
    return `${url.pathname.slice(prefix.length - 1)}${url.search}`;
  }

  /** Runs an SDK call, turning its errors into the ports' failures. */
  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw failureOf(error);
    }
  }
}

/** Graph's answer as a port failure: 4xx (but 429) is a refusal; throttling, 5xx, no answer or no token is unavailability. */
function failureOf(error: unknown): Error {
  if (error instanceof GraphRefused || error instanceof GraphUnavailable) return error;
  if (error instanceof GraphError && error.statusCode >= 400 && error.statusCode < 500 && error.statusCode !== 429) {
    return new GraphRefused(error.statusCode, `Microsoft Graph refused the request (${error.statusCode} ${error.code ?? ''})`.trim());
  }
  const status = error instanceof GraphError && error.statusCode > 0 ? error.statusCode : undefined;
  return new GraphUnavailable(`Microsoft Graph is unavailable${status ? ` (${status})` : ''}`, status, { cause: error });
}

/**
 * How the app signs in for a tenant: a client secret in that tenant (or the pinned one), the
 * managed identity in its own tenant, or nothing (a local fake). A tenant the credentials cannot
 * serve is refused, as Graph itself would.
 */
function credentialFor(config: GraphConfig, tenantId: string): TokenCredential | undefined {
  const auth = config.auth;
  if (auth.kind === 'none') return undefined;
  if (auth.kind === 'clientSecret') {
    if (auth.tenantId && auth.tenantId !== tenantId) throw new GraphRefused(403, `Graph access is set up for tenant ${auth.tenantId} only (GRAPH_TENANT_ID)`);
    return new ClientSecretCredential(auth.tenantId ?? tenantId, auth.clientId, auth.clientSecret);
  }
  if (auth.tenantId !== tenantId) throw new GraphRefused(403, `a managed identity signs in to its own tenant (${auth.tenantId}) only`);
  return auth.clientId ? new ManagedIdentityCredential({ clientId: auth.clientId }) : new ManagedIdentityCredential();
}

/** Query values percent-encoded: the SDK writes them into the URL as they are. */
function encoded(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).map(([key, value]) => [key, encodeURIComponent(value)]));
}
