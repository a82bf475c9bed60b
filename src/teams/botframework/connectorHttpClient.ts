import { toHttpHeadersLike, type CompatResponse, type RequestPolicy, type WebResourceLike } from '@azure/core-http-compat';
import { createDefaultHttpClient, createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';

/** Teams answered a Bot Connector call with an error status. Whether to retry is the caller's call (see `teamsRetry`). */
export class ConnectorStatusError extends Error {
  constructor(
    readonly statusCode: number,
    /** What `Retry-After` asked for, in milliseconds, when Teams sent one. */
    readonly retryAfterMs: number | undefined,
  ) {
    super(`The Bot Connector answered ${statusCode}`);
    this.name = 'ConnectorStatusError';
  }
}

/** The Bot Connector could not be reached, or did not answer within the timeout. */
export class ConnectorUnreachableError extends Error {
  /** Marks the failure for `teamsRetry`, which cannot import this folder's classes. */
  readonly unreachable = true;

  constructor(readonly reason: string) {
    super(`The Bot Connector could not be reached (${reason})`);
    this.name = 'ConnectorUnreachableError';
  }
}

/**
 * The HTTP client the Bot Connector client sends through. botbuilder's own pipeline retries every
 * 5xx and network error three times with back-off of its own (about 7 s per call, and no timeout
 * at all), which no turn can afford: a reply to a dead connector held the request for 11 s. Here a
 * call has a timeout and fails at once with an error that says why, and the retries are ours:
 * short inside a turn, longer for proactive sends (`teamsRetry.ts`).
 */
export function connectorHttpClient(timeoutMs: number): RequestPolicy {
  const http = createDefaultHttpClient();
  return {
    sendRequest: async (resource: WebResourceLike): Promise<CompatResponse> => {
      const request = createPipelineRequest({
        url: resource.url,
        method: resource.method,
        headers: createHttpHeaders(resource.headers.toJson({ preserveCase: true })),
        body: resource.body as string | undefined,
        timeout: timeoutMs,
        // botbuilder allows plain http for a local serviceUrl (the Agents Playground, tests) too.
        allowInsecureConnection: resource.url.toLowerCase().startsWith('http:'),
        ...(resource.abortSignal ? { abortSignal: resource.abortSignal } : {}),
        // What botbuilder's pipeline set for a proxy (HTTPS_PROXY) or keep-alive, passed on as it is.
        ...(resource.proxySettings ? { proxySettings: resource.proxySettings } : {}),
        ...(resource.agent ? { agent: resource.agent } : {}),
        // As @azure/core-http-compat converts it: its `keepAlive` carries the pipeline's `disableKeepAlive`.
        disableKeepAlive: Boolean(resource.keepAlive),
      });
      let response;
      try {
        response = await http.sendRequest(request);
      } catch (error) {
        // Not a RestError, so botbuilder's retry policy passes it straight up instead of retrying.
        throw new ConnectorUnreachableError((error as { code?: string }).code ?? (error as Error).name ?? 'network error');
      }
      if (response.status >= 400) throw new ConnectorStatusError(response.status, retryAfterMs(response.headers.get('retry-after')));
      return { request: resource, status: response.status, headers: toHttpHeadersLike(response.headers), bodyAsText: response.bodyAsText ?? null };
    },
  };
}

/** `Retry-After` in milliseconds, whether it holds seconds or an HTTP date. */
function retryAfterMs(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
