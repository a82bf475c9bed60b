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

const REAL_TIME: PacingClock = {
  nowMs: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Paces sends per conversation so the bot stays inside Teams' limits instead of collecting 429s.
 * It measures real elapsed time (not the business clock): it is about the pace of network calls.
 */
export class ConversationRateLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly windows: RateWindow[] = TEAMS_CONVERSATION_LIMITS,
    private readonly time: PacingClock = REAL_TIME,
  ) {}

  /** Waits until one more message may go to this conversation, then counts it. */
  async acquire(conversationId: string): Promise<void> {
    for (;;) {
      const now = this.time.nowMs();
      const longest = Math.max(...this.windows.map((window) => window.windowMs));
      const times = (this.sent.get(conversationId) ?? []).filter((time) => time > now - longest);
      const wait = Math.max(0, ...this.windows.map((window) => waitFor(times, window, now)));
      if (wait === 0) {
        times.push(now);
        this.sent.set(conversationId, times);
        return;
      }
      await this.time.sleep(wait);
    }
  }
}

function waitFor(times: number[], window: RateWindow, now: number): number {
  const inWindow = times.filter((time) => time > now - window.windowMs);
  if (inWindow.length < window.count) return 0;
  const oldest = inWindow[inWindow.length - window.count];
  return oldest === undefined ? 0 : oldest + window.windowMs - now + 1;
}
