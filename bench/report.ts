import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BenchConfig } from './config';
import type { MachineInfo } from './machine';
import type { PendingSection, SectionResult } from './sections/section';

/** Everything one run produced, for the report. */
export interface BenchRun {
  machine: MachineInfo;
  config: BenchConfig;
  startedAt: Date;
  seconds: number;
  /** The git commit measured, and whether the work tree had uncommitted changes. */
  revision: string;
  results: SectionResult[];
  pending: PendingSection[];
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/** The results of a run as markdown: machine, settings, each section's table, targets, pending parts. */
export function renderResults(run: BenchRun): string {
  const { machine, config } = run;
  const checks = run.results.flatMap((result) => result.checks);
  return [
    `Measured ${run.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (code at ${run.revision}) in ${Math.round(run.seconds)} s on: ${machine.nproc} CPUs (nproc), ${machine.cpuModel}, ${machine.memoryGiB} GiB memory, Node ${machine.node}, ${machine.platform}.`,
    '',
    `Settings: ${config.requests} \`/action\` and ${config.invokeRequests} Close requests per round, ${config.rounds} rounds per level (bot, echo, echo, bot), concurrency ${config.concurrency.join(', ')}, ${config.warmup} warm-up requests per target and section, ${config.chats} chats of ${config.membersPerChat} members, ${config.renders} renders per card.`,
    '',
    ...run.results.flatMap((result) => [`### ${result.title}`, '', result.markdown, '']),
    ...(checks.length > 0
      ? ['### Targets', '', '| What | Measured | Target | Met |', '|---|---:|---:|:---:|', ...checks.map((check) => `| ${check.what} | ${check.measured} | ${check.target} | ${check.met ? 'yes' : '**no**'} |`), '']
      : []),
    ...(run.pending.length > 0 ? ['### Pending', '', ...run.pending.map((pending) => `- **${pending.title}**: pending: ${pending.reason}`), ''] : []),
  ].join('\n');
}

/**
 * Puts the results into the doc between its result markers, keeping the hand-written method and
 * analysis around them; a missing doc is created with just a heading and the results.
 */
export function writeResults(docPath: string, results: string): void {
  const block = `${START}\n${results}\n${END}`;
  if (!existsSync(docPath)) {
    mkdirSync(dirname(docPath), { recursive: true });
    writeFileSync(docPath, `# Benchmarks\n\n${block}\n`);
    return;
  }
  const doc = readFileSync(docPath, 'utf8');
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  const next = start >= 0 && end > start ? `${doc.slice(0, start)}${block}${doc.slice(end + END.length)}` : `${doc.trimEnd()}\n\n## Results\n\n${block}\n`;
  writeFileSync(docPath, next);
}
