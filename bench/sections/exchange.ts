import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runLoad, type LoadResponse } from '../loadGenerator';
import { ratio, summarise, type LatencySummary } from '../stats';
import type { Target, TargetKind } from '../targets';
import type { BenchContext, SectionResult, TargetCheck } from './section';

/** One request of an exchange: its activity id, the message id it acts on (invokes), and its body. */
export interface ExchangeRequest {
  id: string;
  messageId?: string;
  activity: Record<string, unknown>;
}

/** How a section drives one HTTP exchange against either target. */
export interface ExchangeSpec {
  /** Short name for files (the section id). */
  id: string;
  title: string;
  /** Measured requests per round and level. */
  requests: number;
  /** Builds request `index` of a round for a target. */
  request(kind: TargetKind, index: number): ExchangeRequest;
  /** Checks the HTTP answer; undefined when it is the expected one. */
  checkAnswer(kind: TargetKind, response: LoadResponse): string | undefined;
  /** Checks what the connector received for a request that was answered; undefined when it is right. */
  checkConnector(kind: TargetKind, request: ExchangeRequest): string | undefined;
}

/** Both targets at one concurrency level. */
export interface LevelResult {
  concurrency: number;
  bot: LatencySummary;
  echo: LatencySummary;
  /** CPU time (user + system) each target process used per request it was sent, in µs, over its measured rounds. */
  cpuPerRequestUs: Record<TargetKind, number>;
  errors: string[];
}

/** Issue 7's targets for the bot against the echo bot, at every concurrency level. */
export const P50_TARGET = 1.25;
/** The p99 target; looser, because the bot's store writes add tail latency the echo bot has none of. */
export const P99_TARGET = 1.5;
/** Issue 10's targets, at concurrency 1 only: p50 and CPU per request within 1.5× the echo bot's. */
export const CPU_LEVEL_TARGET = 1.5;

const WARMUP_CONCURRENCY = 16;

/**
 * Warms both targets up, then at each concurrency level runs rounds alternating bot and echo
 * (bot, echo, echo, bot, …) so drift in the machine's speed falls on both alike, and pools each
 * target's latencies across its rounds.
 */
export async function runExchange(context: BenchContext, spec: ExchangeSpec): Promise<LevelResult[]> {
  const { config } = context;
  if (config.cpuProfileDir) mkdirSync(config.cpuProfileDir, { recursive: true });
  for (const target of [context.bot, context.echo]) {
    if (config.warmup === 0) break;
    const warm = await round(context, spec, target, WARMUP_CONCURRENCY, config.warmup);
    context.log(`${spec.title}: warmed up ${target.kind} (${warm.latenciesMs.length} ok, ${warm.errors.length} errors)`);
    if (warm.latenciesMs.length === 0) throw new Error(`${spec.title}: every warm-up request to the ${target.kind} failed: ${warm.errors[0] ?? 'no answer'}`);
  }
  const results: LevelResult[] = [];
  for (const concurrency of config.concurrency) {
    const pooled = {
      bot: { latencies: [] as number[], seconds: 0, errors: 0, cpuMicros: 0, sent: 0 },
      echo: { latencies: [] as number[], seconds: 0, errors: 0, cpuMicros: 0, sent: 0 },
    };
    const errors: string[] = [];
    for (let index = 0; index < config.rounds; index += 1) {
      const target = index % 4 === 0 || index % 4 === 3 ? context.bot : context.echo;
      const profile = config.cpuProfileDir && join(config.cpuProfileDir, `${target.kind}-${spec.id}-c${concurrency}-round${index + 1}-${spec.requests}req.cpuprofile`);
      const outcome = await round(context, spec, target, concurrency, spec.requests, profile || undefined);
      const into = pooled[target.kind];
      into.latencies.push(...outcome.latenciesMs);
      into.seconds += outcome.seconds;
      into.errors += outcome.errors.length;
      into.cpuMicros += outcome.cpuMicros;
      into.sent += outcome.sent;
      errors.push(...outcome.errors.map((error) => `${target.kind}: ${error}`));
      context.log(`${spec.title}: c=${concurrency} round ${index + 1}/${config.rounds} ${target.kind}: ${outcome.latenciesMs.length} ok in ${outcome.seconds.toFixed(1)} s, ${outcome.errors.length} errors`);
    }
    results.push({
      concurrency,
      bot: summarise(pooled.bot.latencies, pooled.bot.errors, pooled.bot.seconds),
      echo: summarise(pooled.echo.latencies, pooled.echo.errors, pooled.echo.seconds),
      cpuPerRequestUs: { bot: perRequest(pooled.bot), echo: perRequest(pooled.echo) },
      errors,
    });
  }
  return results;
}

function perRequest(pooled: { cpuMicros: number; sent: number }): number {
  return pooled.sent > 0 ? pooled.cpuMicros / pooled.sent : Number.NaN;
}

/**
 * One round against one target. The target's CPU clock is read over IPC just before the first
 * request and just after the last answer (and before the connector checks, which run here), so
 * the difference is the target's own work for this round's requests plus two IPC messages. With
 * `profile`, the target samples its CPU over the same span and writes the profile there.
 */
async function round(context: BenchContext, spec: ExchangeSpec, target: Target, concurrency: number, requests: number, profile?: string) {
  const sent: ExchangeRequest[] = [];
  if (profile) await target.startProfile();
  const cpuBefore = await target.cpuMicros();
  const outcome = await runLoad({
    url: target.url,
    path: '/api/messages',
    concurrency,
    requests,
    maxSeconds: context.config.maxSecondsPerRound,
    body: (index) => {
      const request = spec.request(target.kind, index);
      sent[index] = request;
      return request.activity;
    },
    check: (response) => spec.checkAnswer(target.kind, response),
  });
  const cpuMicros = (await target.cpuMicros()) - cpuBefore;
  if (profile) await target.stopProfile(profile);
  context.chats.collect();
  // An answered request whose card never reached the connector did not complete the exchange.
  const latenciesMs: number[] = [];
  outcome.succeeded.forEach((index, position) => {
    const request = sent[index];
    const problem = request ? spec.checkConnector(target.kind, request) : 'request not recorded';
    if (problem) outcome.errors.push(problem);
    else latenciesMs.push(outcome.latenciesMs[position] ?? Number.NaN);
  });
  // Every request sent was worked on by the target, answered right or not.
  return { latenciesMs, errors: outcome.errors, seconds: outcome.seconds, cpuMicros, sent: sent.filter(Boolean).length };
}

/** The markdown table of an exchange and its checks against the issue's targets. */
export function exchangeReport(title: string, intro: string, levels: LevelResult[]): SectionResult {
  const rows = levels.map((level) => {
    const p50 = ratio(level.bot.p50Ms, level.echo.p50Ms);
    const p99 = ratio(level.bot.p99Ms, level.echo.p99Ms);
    const cpu = ratio(level.cpuPerRequestUs.bot, level.cpuPerRequestUs.echo);
    return `| ${level.concurrency} | ${fixed(level.bot.throughput, 0)} | ${fixed(level.echo.throughput, 0)} | ${fixed(level.bot.p50Ms, 2)} | ${fixed(level.echo.p50Ms, 2)} | **${fixed(p50, 2)}×** | ${fixed(level.bot.p99Ms, 2)} | ${fixed(level.echo.p99Ms, 2)} | **${fixed(p99, 2)}×** | ${fixed(level.cpuPerRequestUs.bot, 0)} | ${fixed(level.cpuPerRequestUs.echo, 0)} | **${fixed(cpu, 2)}×** | ${level.bot.requests} / ${level.echo.requests} | ${level.bot.errors + level.echo.errors} |`;
  });
  const checks: TargetCheck[] = levels.flatMap((level) => {
    const p50 = ratio(level.bot.p50Ms, level.echo.p50Ms);
    const p99 = ratio(level.bot.p99Ms, level.echo.p99Ms);
    const cpu = ratio(level.cpuPerRequestUs.bot, level.cpuPerRequestUs.echo);
    return [
      { what: `${title}, c=${level.concurrency}, p50 bot/echo (issue 7)`, measured: `${fixed(p50, 2)}×`, target: `≤ ${P50_TARGET}×`, met: p50 <= P50_TARGET },
      { what: `${title}, c=${level.concurrency}, p99 bot/echo (issue 7)`, measured: `${fixed(p99, 2)}×`, target: `≤ ${P99_TARGET}×`, met: p99 <= P99_TARGET },
      ...(level.concurrency === 1
        ? [
            { what: `${title}, c=1, p50 bot/echo (issue 10)`, measured: `${fixed(p50, 2)}×`, target: `≤ ${CPU_LEVEL_TARGET}×`, met: p50 <= CPU_LEVEL_TARGET },
            { what: `${title}, c=1, CPU per request bot/echo (issue 10)`, measured: `${fixed(cpu, 2)}×`, target: `≤ ${CPU_LEVEL_TARGET}×`, met: cpu <= CPU_LEVEL_TARGET },
          ]
        : []),
    ];
  });
  const firstErrors = levels.flatMap((level) => level.errors).slice(0, 3);
  const markdown = [
    intro,
    '',
    '| Concurrency | Bot req/s | Echo req/s | Bot p50 ms | Echo p50 ms | p50 ratio | Bot p99 ms | Echo p99 ms | p99 ratio | Bot CPU µs/req | Echo CPU µs/req | CPU ratio | Requests bot / echo | Errors |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    'CPU µs/req: user + system CPU time of the target\'s process (`process.cpuUsage()`, all its threads) over its measured rounds, read over IPC before the first request and after the last answer of each round, divided by the requests sent to it.',
    ...(firstErrors.length > 0 ? ['', `First errors: ${firstErrors.map((error) => `\`${error.slice(0, 160)}\``).join('; ')}`] : []),
  ].join('\n');
  return { title, markdown, checks };
}

/** A number with `digits` decimals, or "n/a". */
export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}
