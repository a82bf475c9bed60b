import { ConversationRateLimiter, TEAMS_CONVERSATION_LIMITS, type PacingClock } from '../../src/teams/conversationRateLimiter';

/** A scripted clock: sleeping moves time on, so pacing is checked without waiting or timing. */
function scriptedTime(): PacingClock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    nowMs: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

test('the eighth message to one conversation within a second waits for the window to pass', async () => {
  const time = scriptedTime();
  const limiter = new ConversationRateLimiter(TEAMS_CONVERSATION_LIMITS, time);
  for (let index = 0; index < 7; index += 1) await limiter.acquire('chat-a');
  expect(time.slept).toEqual([]);
  await limiter.acquire('chat-a');
  // The window and a tenth of a second's slack for the time a message takes to reach Teams.
  expect(time.slept).toEqual([1101]);
  // Another conversation has its own allowance.
  await limiter.acquire('chat-b');
  expect(time.slept).toEqual([1101]);
});

test('no more than 60 messages go to one conversation in any 30 seconds, or 1800 in an hour', async () => {
  const time = scriptedTime();
  const limiter = new ConversationRateLimiter(TEAMS_CONVERSATION_LIMITS, time);
  const sentAt: number[] = [];
  for (let index = 0; index < 1801; index += 1) {
    await limiter.acquire('chat-a');
    sentAt.push(time.nowMs());
  }
  const most = (windowMs: number) => Math.max(...sentAt.map((start) => sentAt.filter((at) => at >= start && at < start + windowMs).length));
  expect(most(1000)).toBe(7);
  expect(most(30_000)).toBe(60);
  expect(most(3_600_000)).toBe(1800);
  // The 1801st had to wait for the hour to roll on.
  expect(sentAt.at(-1)).toBeGreaterThanOrEqual(3_600_000);
});

test('conversations quiet for longer than the longest window are forgotten, so the limiter does not grow with every chat it ever served', async () => {
  const time = scriptedTime();
  const limiter = new ConversationRateLimiter(TEAMS_CONVERSATION_LIMITS, time);
  for (let index = 0; index < 500; index += 1) await limiter.acquire(`chat-${index}`);
  expect(limiter.trackedConversations).toBe(500);
  await time.sleep(3_600_101);
  await limiter.acquire('chat-new');
  expect(limiter.trackedConversations).toBe(1);
});

test('a caller that cannot wait long goes after its allowance, counted, instead of holding its turn', async () => {
  const time = scriptedTime();
  const limiter = new ConversationRateLimiter(TEAMS_CONVERSATION_LIMITS, time);
  for (let index = 0; index < 60; index += 1) await limiter.acquire('chat-a');
  const before = time.nowMs();
  // The 61st within 30 s would wait for the 30-second window; a turn waits at most 2 s.
  await limiter.acquire('chat-a', 2000);
  expect(time.nowMs() - before).toBeLessThanOrEqual(2000);
});
