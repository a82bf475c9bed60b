import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';

/** How hard to try one Microsoft Graph request that is throttled, failing upstream or slow. */
export interface GraphRetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The first back-off's ceiling; it doubles each try (full jitter below it). */
  baseDelayMs: number;
  /** The largest single back-off. */
  maxDelayMs: number;
  /**
   * The most one request may spend waiting between tries, `Retry-After` included: a throttle that
   * asks for longer fails now, so the scheduler's pass goes on and a later pass tries again.
   */
  maxTotalWaitMs: number;
  /** How long one try may take before it counts as a gateway timeout. */
  timeoutMs: number;
}

/**
 * Graph's throttling guidance: 429 with `Retry-After`, 503 and 504 backed off. 4 tries, 1 s
 * doubling to at most 30 s, never more than a minute of waiting in all, 30 s per try.
 */
export const DEFAULT_GRAPH_RETRY: GraphRetryPolicy = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000, maxTotalWaitMs: 60_000, timeoutMs: 30_000 };

/** Statuses Graph asks clients to retry after a pause. */
const RETRYABLE = new Set([429, 503, 504]);

/**
 * Marks a request that must not be sent twice if the first may have reached Graph (a create): it is
 * tried again only after 429, which Graph answers before doing anything. A timeout, a dropped
 * connection or a 5xx fails at once, and the caller looks for what the first try may have made.
 */
export class SendOnce implements MiddlewareOptions {}

/**
 * The Graph client's one retry policy, as SDK middleware between authentication and the HTTP call,
 * so every request of every Graph port gets it. The SDK's own RetryHandler counts in whole seconds
 * and has no bound on the total wait; this one has both bounds, and also retries a try that timed
 * out or never reached Graph, as it would a 504.
 */
export class GraphRetryHandler implements Middleware {
  private next?: Middleware;

  constructor(private readonly policy: GraphRetryPolicy = DEFAULT_GRAPH_RETRY) {}

  async execute(context: Context): Promise<void> {
    let waited = 0;
    const once = context.middlewareControl?.getMiddlewareOptions(SendOnce) !== undefined;
    for (let attempt = 1; ; attempt += 1) {
      context.response = undefined;
      let failure: unknown;
      try {
        await this.tryOnce(context);
      } catch (error) {
        failure = error;
      }
      // Read after the await: the next middleware set it (TypeScript still sees the reset above).
      const response = context.response as Response | undefined;
      const retryable = once ? failure === undefined && response?.status === 429 : failure !== undefined || (response !== undefined && RETRYABLE.has(response.status));
      const wait = retryable && attempt < this.policy.attempts ? this.delayBefore(attempt + 1, response) : undefined;
      if (wait === undefined || waited + wait > this.policy.maxTotalWaitMs) {
        // The last answer (a success, a refusal, or a throttle past the budget) goes back to the SDK.
        if (failure !== undefined) throw failure;
        return;
      }
      waited += wait;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  /** One try, cut off after `timeoutMs`. */
  private async tryOnce(context: Context): Promise<void> {
    if (!this.next) throw new Error('GraphRetryHandler must be followed by the HTTP middleware');
    context.options = { ...context.options, signal: AbortSignal.timeout(this.policy.timeoutMs) };
    await this.next.execute(context);
  }

  /** What `Retry-After` asks for, and at least a jittered exponential back-off. */
  private delayBefore(attempt: number, response: Response | undefined): number {
    const ceiling = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 2));
    return Math.max(retryAfterMs(response) ?? 0, Math.random() * ceiling);
  }
}

/** `Retry-After` in milliseconds, whether it holds seconds or an HTTP date. */
function retryAfterMs(response: Response | undefined): number | undefined {
  const raw = response?.headers.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
