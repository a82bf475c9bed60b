import { StoreUnavailableError } from '../storeErrors';

/** How hard to retry a Cosmos call that failed for a reason that usually passes. */
export interface TransientRetryPolicy {
  /** Tries in all, including the first. */
  attempts: number;
  /** Ceiling of the first back-off; each later one doubles it. */
  baseDelayMs: number;
  /** Ceiling of any single back-off. */
  maxDelayMs: number;
}

/**
 * Three tries of ours, backing off at most 100 ms then 200 ms (or what the failure asks, up to 1 s):
 * enough to ride out a gateway blip. The SDK retries beneath us too (as @azure/cosmos 4.10 does): a
 * point read or query that meets ECONNRESET or EPIPE is retried by it up to 10 times 1 s apart, so
 * each of our tries can take ~10 s and such a read ~30 s before `StoreUnavailableError`, longer than
 * a card invoke waits. Writes and batches (readMany's too), status failures (408, 449, 500, 503) and
 * time-outs are not retried by the SDK with endpoint discovery off, so they cost our three tries
 * only; with it on, the SDK's failover policy may also retry a read that got 503 or timed out.
 */
export const DEFAULT_TRANSIENT_RETRY: TransientRetryPolicy = { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 };

/**
 * Status codes and socket errors that a second try usually fixes. 429 is not here: the SDK already
 * retried it (see `retryOptions`), so one that reaches us means the budget is spent. ECONNRESET and
 * EPIPE on a read or query reach us only after the SDK's own tries (see `DEFAULT_TRANSIENT_RETRY`).
 */
const TRANSIENT_CODES = new Set<number | string>([
  408,
  449,
  500,
  502,
  503,
  'ECONNRESET',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'EPIPE',
  'TimeoutError',
]);

/** The failure shape `@azure/cosmos` throws (`ErrorResponse`, `RestError`, `TimeoutError`). */
interface CosmosFailure {
  code?: number | string;
  statusCode?: number;
  substatus?: number;
  activityId?: string;
  requestCharge?: number;
  retryAfterInMs?: number;
  headers?: Record<string, unknown>;
  message?: string;
}

/** The HTTP status of a Cosmos failure, or undefined for a socket error or a bug in our code. */
export function cosmosStatusOf(error: unknown): number | undefined {
  const failure = error as CosmosFailure | undefined;
  if (typeof failure?.code === 'number') return failure.code;
  return typeof failure?.statusCode === 'number' ? failure.statusCode : undefined;
}

/**
 * Runs `call`, retrying transient failures with exponential back-off and full jitter (so several
 * bot instances hitting one hiccup do not retry in step). When the tries run out, or the SDK's own
 * 429 budget is spent, throws `StoreUnavailableError` with what support needs to trace the request.
 */
export async function withTransientRetry<T>(
  what: string,
  call: () => Promise<T>,
  policy: TransientRetryPolicy = DEFAULT_TRANSIENT_RETRY,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const code = codeOf(error);
      const transient = code !== undefined && TRANSIENT_CODES.has(code);
      if (transient && attempt < policy.attempts) {
        await sleep(backoff(attempt, policy, error));
        continue;
      }
      if (transient || code === 429) {
        throw new StoreUnavailableError(
          `Cosmos DB could not ${what} (${code}) after ${attempt} ${attempt === 1 ? 'try' : 'tries'}; it may be down or throttling`,
          error,
          diagnosticsOf(error, attempt),
        );
      }
      throw error;
    }
  }
}

function codeOf(error: unknown): number | string | undefined {
  const status = cosmosStatusOf(error);
  if (status !== undefined) return status;
  const code = (error as CosmosFailure | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function backoff(attempt: number, policy: TransientRetryPolicy, error: unknown): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const asked = (error as CosmosFailure).retryAfterInMs ?? 0;
  return Math.max(Math.min(asked, policy.maxDelayMs), Math.random() * ceiling);
}

function diagnosticsOf(error: unknown, attempts: number): Record<string, unknown> {
  const failure = error as CosmosFailure;
  const header = (name: string): unknown => failure.headers?.[name];
  return {
    statusCode: codeOf(error),
    substatus: failure.substatus,
    activityId: failure.activityId ?? header('x-ms-activity-id'),
    requestCharge: failure.requestCharge ?? header('x-ms-request-charge'),
    attempts,
    message: failure.message,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
