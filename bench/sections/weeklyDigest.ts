import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSchedulerJob } from '../scheduler/runSchedulerJob';
import { fixed } from './exchange';
import { thousands } from '../stats';
import type { BenchSection } from './section';

/**
 * Issue 7, part 4 (digest half): one tick in which `BENCH_DIGEST_OWNERS` people each have a weekly
 * digest due, each over a few open actions in two chats. The store is seeded by one child process
 * and each tick runs in a fresh one on a copy of it, so the peak RSS is the tick's alone.
 */
export const weeklyDigestSection: BenchSection = {
  id: 'digest',
  run: async (context) => {
    const { config } = context;
    const seededDir = mkdtempSync(join(tmpdir(), 'meeting-actions-digest-'));
    const rows: string[] = [];
    try {
      const seeded = await runSchedulerJob<'seedDigest'>({ kind: 'seedDigest', dataDir: seededDir, owners: config.digestOwners, perOwner: config.digestActionsPerOwner, serviceUrl: context.connector.url });
      context.log(`digest: seeded ${config.digestOwners} owners in ${fixed(seeded.seedSeconds, 1)} s`);
      for (const notifier of config.schedulerNotifiers) {
        const runDir = mkdtempSync(join(tmpdir(), 'meeting-actions-digest-run-'));
        try {
          cpSync(seededDir, runDir, { recursive: true });
          const sentBefore = context.connector.sent.length;
          const run = await runSchedulerJob<'runDigest'>({ kind: 'runDigest', dataDir: runDir, notifier });
          const delivered = run.recorded ?? context.connector.sent.length - sentBefore;
          if (run.report.ran !== config.digestOwners || run.report.failed > 0 || delivered !== config.digestOwners) {
            throw new Error(`digest tick (${notifier}): ran ${run.report.ran}, failed ${run.report.failed}, delivered ${delivered}; expected ${config.digestOwners}`);
          }
          const perDigest = run.ms / config.digestOwners;
          context.log(`digest (${notifier}): ${fixed(run.ms / 1000, 1)} s, ${fixed(perDigest, 2)} ms per digest, peak RSS ${(run.maxRssKb / 1024).toFixed(0)} MiB`);
          rows.push(`| ${notifier === 'recording' ? 'recording' : 'Teams → fake connector'} | ${thousands(config.digestOwners)} | ${fixed(run.ms / 1000, 2)} | ${fixed(perDigest, 2)} | ${fixed((config.digestOwners * 1000) / run.ms, 0)} | ${(run.rssBeforeKb / 1024).toFixed(0)} | ${(run.maxRssKb / 1024).toFixed(0)} |`);
        } finally {
          rmSync(runDir, { recursive: true, force: true });
        }
      }
      const markdown = [
        `${thousands(config.digestOwners)} owners in chats of 20, each with ${config.digestActionsPerOwner} open actions (one of them in a second chat; reminders weeks ahead, so none is due) and a weekly digest due at Monday 09:00. One \`runTick\` runs every digest: the owner's reminder jobs as the index of their open actions, each action and its chat read, the profile, the digest card rendered and sent, the job booked for next week. The store was seeded in ${fixed(seeded.seedSeconds, 1)} s by one child process; each tick runs alone in a fresh child on a copy of it (embedded store, temp directory).`,
        '',
        '| Notifier | Digests | Tick s | Per digest ms | Digests/s | RSS before MiB | Peak RSS MiB |',
        '|---|---:|---:|---:|---:|---:|---:|',
        ...rows,
      ].join('\n');
      return { title: 'Weekly digest for many owners', markdown, checks: [] };
    } finally {
      rmSync(seededDir, { recursive: true, force: true });
    }
  },
};
