/** How hard to try a Teams call that is throttled or failing upstream. */
export interface TeamsRetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Give up rather than wait longer than this when Teams asks (`Retry-After`); no cap when absent. */
  maxRetryAfterMs?: number;
  /** Also retry when the connector could not be reached or timed out. */
  retryUnreachable?: boolean;
}

/**
 * Teams' guidance: retry throttling (429), precondition races (412) and gateway failures (502, 504);
 * 500 and 503 are the connector's own passing failures, which botbuilder's pipeline used to retry.
 */
const RETRYABLE = new Set([429, 412, 500, 502, 503, 504]);

/**
 * Defaults for proactive sends (reminders, digests, card redraws): 5 tries, 1 s doubling to at most
 * 30 s, an unreachable connector tried again too. Ours are the only retries: the connector client
 * sends each call once (`botframework/connectorHttpClient.ts`).
 */
export const DEFAULT_TEAMS_RETRY: TeamsRetryPolicy = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 30_000, retryUnreachable: true };

/**
 * Replies inside a turn: Teams waits for the turn, so a reply is tried three times within about two
 * seconds, never waits out a long `Retry-After`, and a connector that cannot be reached is not
 * tried again (the caller says what happened instead).
 */
export const IN_TURN_TEAMS_RETRY: TeamsRetryPolicy = { attempts: 3, baseDelayMs: 200, maxDelayMs: 1000, maxRetryAfterMs: 2000 };

/** The HTTP status of a failed Bot Connector call, if it has one. */
export function teamsStatusOf(error: unknown): number | undefined {
  const failure = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | undefined;
  for (const candidate of [failure?.statusCode, failure?.status, failure?.response?.status]) if (typeof candidate === 'number') return candidate;
  return undefined;
}

/** Whether a Bot Connector call failed because the connector could not be reached or did not answer in time. */
export function isConnectorUnreachable(error: unknown): boolean {
  return (error as { unreachable?: unknown } | undefined)?.unreachable === true;
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
      if (!isRetryable(error, policy) || attempt >= policy.attempts) throw error;
      const asked = retryAfterMs(error);
      if (asked !== undefined && policy.maxRetryAfterMs !== undefined && asked > policy.maxRetryAfterMs) throw error;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, Math.max(asked ?? 0, Math.random() * ceiling)));
    }
  }
}

function isRetryable(error: unknown, policy: TeamsRetryPolicy): boolean {
  if (isConnectorUnreachable(error)) return policy.retryUnreachable === true;
  const status = teamsStatusOf(error);
  return status !== undefined && RETRYABLE.has(status);
}

/** `Retry-After` in milliseconds, as the connector client read it. */
function retryAfterMs(error: unknown): number | undefined {
  const asked = (error as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
  return typeof asked === 'number' ? asked : undefined;
}
