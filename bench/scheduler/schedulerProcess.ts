import { localConfig } from '../../testkit/botHarness';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock } from '../../src/domain/clock';
import { createLogger } from '../../src/observability/logger';
import { runTick, type TickReport } from '../../src/scheduler/tick';
import type { SchedulerDeps } from '../../src/scheduler/schedulerDeps';
import { startBot } from '../../src/startBot';
import { openStorage } from '../../src/store/openStorage';
import type { Storage } from '../../src/store/storage';
import { RecordingNotifier } from './recordingNotifier';
import { seedDigestStore, seedTickStore, TICK_AT } from './seedScheduler';

/** Which notifier a timed tick sends through: the recording port, or the real Teams one against the fake connector. */
export type NotifierKind = 'recording' | 'teams';

/** What the scheduler sections ask a child process to do. */
export type SchedulerJobRequest =
  | { kind: 'tick'; sizes: number[]; due: number; repeats: number; notifiers: NotifierKind[]; serviceUrl: string }
  | { kind: 'seedDigest'; dataDir: string; owners: number; perOwner: number; serviceUrl: string }
  | { kind: 'runDigest'; dataDir: string; notifier: NotifierKind };

/** Timed ticks of one store size through one notifier. */
export interface TickSeries {
  size: number;
  notifier: NotifierKind;
  ms: number[];
}

/** What a child process answers. */
export type SchedulerJobReply =
  | { kind: 'tick'; seedSeconds: Record<number, number>; ticks: TickSeries[]; maxRssKb: number }
  | { kind: 'seedDigest'; seedSeconds: number }
  | { kind: 'runDigest'; ms: number; report: TickReport; recorded?: number; rssBeforeKb: number; maxRssKb: number };

/** A tick function, and what it has handed to the recording notifier so far (the Teams one is counted at the connector). */
interface Ticker {
  tick(now: string): Promise<TickReport>;
  recorded(): number | undefined;
  stop(): Promise<void>;
}

const logger = createLogger(process.env['BENCH_BOT_LOG_LEVEL'] ?? 'info');

/**
 * Entry of the scheduler bench's child processes: each runs alone, so its peak memory is its own
 * and the load sections' heap is not in it. The request comes as JSON in argv, the answer over IPC.
 * Seeded chats and profiles name the bench process's fake connector as their service URL, so the
 * Teams notifier sends there, over HTTP, as in the load sections.
 */
async function main(request: SchedulerJobRequest): Promise<SchedulerJobReply> {
  if (request.kind === 'tick') return timeTicks(request);
  const stores = await openStorage({ kind: 'sqlite', dataDir: request.dataDir });
  if (request.kind === 'seedDigest') {
    const started = performance.now();
    await seedDigestStore(stores, { owners: request.owners, perOwner: request.perOwner, serviceUrl: request.serviceUrl });
    await stores.close();
    return { kind: 'seedDigest', seedSeconds: (performance.now() - started) / 1000 };
  }
  const ticker = await tickerFor(request.notifier, stores, request.dataDir);
  const rssBeforeKb = Math.round(process.memoryUsage().rss / 1024);
  const started = performance.now();
  const report = await ticker.tick(TICK_AT);
  const ms = performance.now() - started;
  const recorded = ticker.recorded();
  await ticker.stop();
  await stores.close();
  return { kind: 'runDigest', ms, report, ...(recorded === undefined ? {} : { recorded }), rssBeforeKb, maxRssKb: process.resourceUsage().maxRSS };
}

/**
 * Seeds one store per size, then times ticks with the same due work, alternating the sizes (A B B A)
 * so drift hits both alike. Before every tick the due reminders are put back as seeded.
 */
async function timeTicks(request: Extract<SchedulerJobRequest, { kind: 'tick' }>): Promise<SchedulerJobReply> {
  const seedSeconds: Record<number, number> = {};
  const worlds: Array<{ size: number; dataDir: string; stores: Storage; dueJobs: Awaited<ReturnType<typeof seedTickStore>> }> = [];
  for (const size of request.sizes) {
    const dataDir = mkdtempSync(join(tmpdir(), `meeting-actions-tick-${size}-`));
    const stores = await openStorage({ kind: 'sqlite', dataDir });
    const started = performance.now();
    const dueJobs = await seedTickStore(stores, { actions: size, due: request.due, serviceUrl: request.serviceUrl });
    seedSeconds[size] = (performance.now() - started) / 1000;
    process.stderr.write(`[bench] scheduler: seeded ${size} actions in ${seedSeconds[size]?.toFixed(1)} s\n`);
    worlds.push({ size, dataDir, stores, dueJobs });
  }
  const ticks: TickSeries[] = [];
  const started: Ticker[] = [];
  for (const notifier of request.notifiers) {
    const tickers = await Promise.all(worlds.map((world) => tickerFor(notifier, world.stores, world.dataDir)));
    started.push(...tickers);
    const series = worlds.map((world): TickSeries => ({ size: world.size, notifier, ms: [] }));
    // One unmeasured pass each warms the code paths and the page cache.
    const order = [-1, ...Array.from({ length: request.repeats }, (_, index) => index)];
    for (const repeat of order) {
      const sequence = repeat % 2 === 0 ? worlds.map((_, index) => index) : worlds.map((_, index) => worlds.length - 1 - index);
      for (const index of sequence) {
        const world = worlds[index];
        const ticker = tickers[index];
        if (!world || !ticker) continue;
        await resetDueJobs(world.stores, world.dueJobs);
        const recordedBefore = ticker.recorded() ?? 0;
        const startedAt = performance.now();
        const report = await ticker.tick(TICK_AT);
        const ms = performance.now() - startedAt;
        const recorded = (ticker.recorded() ?? recordedBefore + report.ran) - recordedBefore;
        if (report.ran !== request.due || report.failed > 0 || recorded !== request.due) throw new Error(`tick over ${world.size} actions (${notifier}): ran ${report.ran}, failed ${report.failed}, sent ${recorded}; expected ${request.due}`);
        if (repeat >= 0) series[index]?.ms.push(ms);
      }
    }
    ticks.push(...series);
  }
  for (const ticker of started) await ticker.stop();
  for (const world of worlds) {
    await world.stores.close();
    rmSync(world.dataDir, { recursive: true, force: true });
  }
  return { kind: 'tick', seedSeconds, ticks, maxRssKb: process.resourceUsage().maxRSS };
}

/** Puts the due reminder jobs back as seeded (due, never sent), so every tick has the same work. */
async function resetDueJobs(stores: Storage, jobs: Awaited<ReturnType<typeof seedTickStore>>): Promise<void> {
  for (const job of jobs) {
    const current = await stores.jobs.getJob(job.tenantId, job.id);
    if (!current) throw new Error(`due job ${job.id} disappeared`);
    await stores.jobs.putJob(job, current.etag);
  }
}

/** A tick through the recording notifier (scheduler deps built here) or through the real bot (`startBot`) and its Teams notifier. */
async function tickerFor(kind: NotifierKind, stores: Storage, dataDir: string): Promise<Ticker> {
  if (kind === 'recording') {
    const notifier = new RecordingNotifier();
    // The seeded world's clock: a pass as of the seed's time is a pass near the real clock.
    const clock = new FixedClock(TICK_AT);
    const deps: SchedulerDeps = { storage: stores, notifier, logger, instanceId: 'bench', leaseMs: 5 * 60 * 1000, chairDigestLeadHours: 24, defaultLocale: 'en-GB', clock };
    // The stores belong to the caller, who closes them.
    return { tick: (now) => runTick(deps, now), recorded: () => notifier.sent, stop: async () => undefined };
  }
  const config = localConfig(dataDir, { logLevel: logger.level });
  const bot = await startBot(config, { storage: stores, logger, host: '127.0.0.1', clock: new FixedClock(TICK_AT) });
  // Stopping the bot closes its server and the stores it was given; closing them again is harmless.
  return { tick: (now) => bot.tick(now), recorded: () => undefined, stop: () => bot.stop() };
}

main(JSON.parse(process.argv[2] ?? '{}') as SchedulerJobRequest)
  // Exit only once the answer has left, or the parent may never see it.
  .then((message) => process.send?.(message, () => process.exit(0)))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
