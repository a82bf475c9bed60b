import { runSchedulerJob } from '../scheduler/runSchedulerJob';
import type { TickSeries } from '../scheduler/schedulerProcess';
import { median, ratio, thousands } from '../stats';
import { fixed } from './exchange';
import type { BenchSection, TargetCheck } from './section';

/** "Near 1": the same bound the issue sets for the bot against the echo bot. */
const RATIO_TARGET = 1.25;

/**
 * Issue 7, part 3: one scheduler tick with the same due work (`BENCH_TICK_DUE` reminders) over
 * stores of 10k and 100k actions, through the recording notifier (the tick's own cost) and the
 * real Teams notifier against the fake connector. The ratio of the medians should stay near 1:
 * a tick reads what is due, not what is stored.
 */
export const schedulerTickSection: BenchSection = {
  id: 'tick',
  run: async (context) => {
    const { config } = context;
    const sentBefore = context.connector.sent.length;
    const answer = await runSchedulerJob<'tick'>({ kind: 'tick', sizes: config.tickSizes, due: config.tickDue, repeats: config.tickRepeats, notifiers: config.schedulerNotifiers, serviceUrl: context.connector.url });
    const teamsTicks = answer.ticks.filter((series) => series.notifier === 'teams').length * (config.tickRepeats + 1);
    const delivered = context.connector.sent.length - sentBefore;
    if (delivered !== teamsTicks * config.tickDue) throw new Error(`the fake connector received ${delivered} reminders, expected ${teamsTicks * config.tickDue}`);
    const rows: string[] = [];
    const checks: TargetCheck[] = [];
    for (const notifier of config.schedulerNotifiers) {
      const series = answer.ticks.filter((entry) => entry.notifier === notifier);
      for (const entry of series) rows.push(row(entry, config.tickDue, answer.seedSeconds[entry.size]));
      const smallest = series[0];
      const largest = series[series.length - 1];
      if (!smallest || !largest || smallest === largest) continue;
      const measured = ratio(median(largest.ms), median(smallest.ms));
      context.log(`tick (${notifier}): ${largest.size}/${smallest.size} median ratio ${fixed(measured, 2)}`);
      checks.push({ what: `Scheduler tick (${label(notifier)}), ${thousands(largest.size)}/${thousands(smallest.size)} actions, median`, measured: `${fixed(measured, 2)}×`, target: `≤ ${RATIO_TARGET}×`, met: measured <= RATIO_TARGET });
    }
    const markdown = [
      `One \`runTick\` at Monday 09:00 with ${config.tickDue} reminders due (each to its own owner, spread evenly over the chats) in stores of ${config.tickSizes.map(thousands).join(' and ')} actions: chats of 100 actions and 20 members (each with a profile), a tenth of the other actions open with reminders due in June, the rest closed. The due reminders are put back as seeded before every tick; ${config.tickRepeats} timed ticks per size after one unmeasured, sizes alternated A B B A, in a child process on the embedded store as the bot opens it (temp directory; commits at \`synchronous=NORMAL\`, each durable write waiting for an fdatasync of the log shared with the writes made meanwhile). Each tick claims, runs and reschedules every due job: reads the action, series and profile, renders the reminder card, sends it and records the card copy on the action.`,
      '',
      '| Notifier | Stored actions | Seeding s | Median tick ms | Min ms | Max ms | Per reminder ms | Ticks |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
      ...rows,
      '',
      `The recording notifier implements the scheduler's \`Notifier\` port and only counts (and serialises each card); the Teams notifier is the bot's own (\`startBot\`, \`RunningBot.tick\`), sending each reminder to the owner's 1:1 chat at the fake connector over HTTP. Peak RSS of the child: ${(answer.maxRssKb / 1024).toFixed(0)} MiB.`,
    ].join('\n');
    return { title: 'Scheduler tick over stored actions', markdown, checks };
  },
};

function row(entry: TickSeries, due: number, seedSeconds: number | undefined): string {
  const sorted = [...entry.ms].sort((a, b) => a - b);
  const mid = median(sorted);
  return `| ${label(entry.notifier)} | ${thousands(entry.size)} | ${fixed(seedSeconds ?? Number.NaN, 1)} | ${fixed(mid, 0)} | ${fixed(sorted[0] ?? Number.NaN, 0)} | ${fixed(sorted[sorted.length - 1] ?? Number.NaN, 0)} | ${fixed(mid / due, 2)} | ${sorted.length} |`;
}

function label(notifier: TickSeries['notifier']): string {
  return notifier === 'recording' ? 'recording' : 'Teams → fake connector';
}
