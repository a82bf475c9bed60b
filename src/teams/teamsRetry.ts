/** How hard to try a Teams call that is throttled or failing upstream. */
export interface TeamsRetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Teams' guidance: retry throttling (429), precondition races (412) and gateway failures (502, 504). */
const RETRYABLE = new Set([429, 412, 502, 504]);

/**
 * Defaults for proactive sends: 3 tries, 1 s doubling to at most 30 s. botbuilder's HTTP pipeline
 * already retries 429 (honouring Retry-After) and 5xx up to three times inside each try; this
 * outer loop adds 412 and a longer pause for throttling that outlasts the pipeline's own retries.
 */
export const DEFAULT_TEAMS_RETRY: TeamsRetryPolicy = { attempts: 3, baseDelayMs: 1000, maxDelayMs: 30_000 };

/** The HTTP status of a failed Bot Connector call, if it has one. */
export function teamsStatusOf(error: unknown): number | undefined {
  const failure = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | undefined;
  for (const candidate of [failure?.statusCode, failure?.status, failure?.response?.status]) if (typeof candidate === 'number') return candidate;
  return undefined;
}

/**
 * Runs a Bot Connector call, retrying the failures Teams asks clients to retry with exponential
 * back-off and full jitter, and waiting at least what `Retry-After` asks for.
 */
export async function withTeamsRetry<T>(call: () => Promise<T>, policy: TeamsRetryPolicy = DEFAULT_TEAMS_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const status = teamsStatusOf(error);
      if (status === undefined || !RETRYABLE.has(status) || attempt >= policy.attempts) throw error;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const asked = retryAfterMs(error);
      await new Promise((resolve) => setTimeout(resolve, Math.max(asked ?? 0, Math.random() * ceiling)));
    }
  }
}

/** `Retry-After` in milliseconds, whether the header holds seconds or an HTTP date. */
function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } & Record<string, unknown> } }).response?.headers;
  const raw = typeof headers?.get === 'function' ? headers.get('retry-after') : (headers?.['retry-after'] as string | undefined);
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
