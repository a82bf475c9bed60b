/** One rate limit: at most `count` messages per `windowMs` in one conversation. */
export interface RateWindow {
  count: number;
  windowMs: number;
}

/** Teams' per-bot, per-conversation limits for sending: 7 per second, 60 per 30 s, 1800 per hour. */
export const TEAMS_CONVERSATION_LIMITS: RateWindow[] = [
  { count: 7, windowMs: 1000 },
  { count: 60, windowMs: 30_000 },
  { count: 1800, windowMs: 3_600_000 },
];

/** Elapsed time as the limiter sees it: real by default, scripted in tests. */
export interface PacingClock {
  nowMs(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * Teams counts messages as they reach it, the limiter as they leave: a little slack on every window
 * keeps a message that left on time and arrived late from making eight in Teams' second.
 */
const SLACK_MS = 100;

const REAL_TIME: PacingClock = {
  nowMs: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Paces sends per conversation so the bot stays inside Teams' limits instead of collecting 429s:
 * proactive sends and replies inside a turn alike. It measures real elapsed time (not the business
 * clock): it is about the pace of network calls. Conversations quiet for longer than the longest
 * window are forgotten, so the map stays as small as the set of busy chats.
 */
export class ConversationRateLimiter {
  private readonly sent = new Map<string, number[]>();
  private readonly longestMs: number;
  private lastSweepMs = 0;

  constructor(
    private readonly windows: RateWindow[] = TEAMS_CONVERSATION_LIMITS,
    private readonly time: PacingClock = REAL_TIME,
  ) {
    this.longestMs = Math.max(...windows.map((window) => window.windowMs)) + SLACK_MS;
  }

  /**
   * Waits until one more message may go to this conversation, then counts it. A caller that cannot
   * wait long (a turn Teams is waiting on) passes `maxWaitMs`: after that it goes anyway, and a
   * 429 then is retried like any other.
   */
  async acquire(conversationId: string, maxWaitMs = Number.POSITIVE_INFINITY): Promise<void> {
    let waited = 0;
    for (;;) {
      const now = this.time.nowMs();
      this.forgetQuietConversations(now);
      const times = (this.sent.get(conversationId) ?? []).filter((time) => time > now - this.longestMs);
      const wait = Math.max(0, ...this.windows.map((window) => waitFor(times, window, now)));
      if (wait === 0 || waited + wait > maxWaitMs) {
        times.push(now);
        this.sent.set(conversationId, times);
        return;
      }
      await this.time.sleep(wait);
      waited += wait;
    }
  }

  /** How many conversations the limiter is keeping counts for. */
  get trackedConversations(): number {
    return this.sent.size;
  }

  /** Drops conversations with nothing sent within the longest window; at most once per window. */
  private forgetQuietConversations(now: number): void {
    if (now - this.lastSweepMs < this.longestMs) return;
    this.lastSweepMs = now;
    for (const [conversationId, times] of this.sent) {
      if ((times.at(-1) ?? 0) <= now - this.longestMs) this.sent.delete(conversationId);
    }
  }
}

function waitFor(times: number[], window: RateWindow, now: number): number {
  const inWindow = times.filter((time) => time > now - window.windowMs - SLACK_MS);
  if (inWindow.length < window.count) return 0;
  const oldest = inWindow[inWindow.length - window.count];
  return oldest === undefined ? 0 : oldest + window.windowMs + SLACK_MS - now + 1;
}
