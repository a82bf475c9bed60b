/** What a bench run does, read from `BENCH_*` environment variables (see docs/BENCHMARKS.md). */
export interface BenchConfig {
  /** Measured `/action` requests per round and concurrency level. */
  requests: number;
  /** Measured Close clicks per round and concurrency level. */
  invokeRequests: number;
  concurrency: number[];
  /** Rounds per level, alternating bot and echo as bot, echo, echo, bot (ABBA cancels linear drift). */
  rounds: number;
  /** Unmeasured requests sent to each target before a section measures. */
  warmup: number;
  /** A round stops issuing requests after this long, whatever its count. */
  maxSecondsPerRound: number;
  chats: number;
  membersPerChat: number;
  /** Renders per card type in the card rendering section. */
  renders: number;
  /** Stored actions of each store the scheduler tick is timed over. */
  tickSizes: number[];
  /** Reminders due in every timed tick, the same in each size. */
  tickDue: number;
  /** Timed ticks per store size and notifier. */
  tickRepeats: number;
  /** Owners with a weekly digest due in the digest section. */
  digestOwners: number;
  /** Open actions of each of those owners. */
  digestActionsPerOwner: number;
  /** Notifiers the scheduler sections send through: `recording` (the port, counting) and `teams` (the real one, to the fake connector). */
  schedulerNotifiers: Array<'recording' | 'teams'>;
  /** Section ids to run; empty means all. */
  sections: string[];
  /** Directory for CPU profiles of each target's measured `/action` and Close rounds, when profiling. */
  cpuProfileDir?: string;
  /** Where the results go; empty to only print them. */
  docPath: string;
}

/** Reads the bench configuration, failing with the variable's name on a bad value. */
export function readBenchConfig(env: NodeJS.ProcessEnv): BenchConfig {
  const int = (name: string, fallback: number, min = 1): number => {
    const text = env[name]?.trim();
    if (!text) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}; it is "${text}".`);
    return value;
  };
  const list = (name: string, fallback: string): string[] =>
    (env[name]?.trim() || fallback)
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
  const concurrency = list('BENCH_CONCURRENCY', '1,16,64').map(Number);
  if (concurrency.some((level) => !Number.isInteger(level) || level < 1)) throw new Error('BENCH_CONCURRENCY must be a comma-separated list of whole numbers, e.g. 1,16,64.');
  const requests = int('BENCH_REQUESTS', 1000);
  const tickSizes = list('BENCH_TICK_SIZES', '10000,100000').map(Number);
  if (tickSizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error('BENCH_TICK_SIZES must be a comma-separated list of whole numbers, e.g. 10000,100000.');
  const notifiers = list('BENCH_SCHEDULER_NOTIFIERS', 'recording,teams');
  const schedulerNotifiers = notifiers.filter((name): name is 'recording' | 'teams' => name === 'recording' || name === 'teams');
  if (schedulerNotifiers.length !== notifiers.length || schedulerNotifiers.length === 0) throw new Error('BENCH_SCHEDULER_NOTIFIERS must list recording and/or teams.');
  const profileDir = env['BENCH_CPU_PROF']?.trim();
  return {
    requests,
    invokeRequests: int('BENCH_INVOKE_REQUESTS', requests),
    concurrency,
    rounds: int('BENCH_ROUNDS', 4),
    warmup: int('BENCH_WARMUP', 300, 0),
    maxSecondsPerRound: int('BENCH_MAX_SECONDS', 60),
    // One chat per client by default, so concurrent captures are in different chats as in real use.
    chats: int('BENCH_CHATS', Math.max(...concurrency)),
    membersPerChat: int('BENCH_MEMBERS', 20),
    renders: int('BENCH_RENDERS', 2000),
    tickSizes,
    tickDue: int('BENCH_TICK_DUE', 200),
    tickRepeats: int('BENCH_TICK_REPEATS', 5),
    digestOwners: int('BENCH_DIGEST_OWNERS', 10_000),
    digestActionsPerOwner: int('BENCH_DIGEST_ACTIONS', 3),
    schedulerNotifiers,
    sections: list('BENCH_SECTIONS', ''),
    ...(profileDir ? { cpuProfileDir: profileDir } : {}),
    docPath: env['BENCH_DOC'] ?? 'docs/BENCHMARKS.md',
  };
}
