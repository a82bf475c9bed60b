import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** The parts of a V8 `.cpuprofile` the summary reads. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function and per package, and total (inclusive) time of our own functions, heaviest first. */
export interface ProfileSummary {
  totalMs: number;
  /** Sampled time the thread was idle (waiting for I/O): the rest is what it spent working. */
  idleMs: number;
  functions: Array<{ name: string; where: string; ms: number }>;
  packages: Array<{ name: string; ms: number }>;
  /** Functions in this repository's `src/`, with the time of everything they called. */
  ownInclusive: Array<{ name: string; where: string; ms: number }>;
}

/**
 * Adds up self time (the samples whose top frame is the function) from `--cpu-prof` profiles (or
 * the bench's per-round ones), by function and by the package (or Node built-in, or our own
 * folder) it lives in. Several profiles of the same process are summed.
 */
export function summariseProfile(...profiles: CpuProfile[]): ProfileSummary {
  const inclusive = new Map<string, { name: string; where: string; ms: number }>();
  const byFunction = new Map<string, { name: string; where: string; ms: number }>();
  const byPackage = new Map<string, number>();
  let totalMs = 0;
  for (const profile of profiles) {
    const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    const parents = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
    profile.samples.forEach((nodeId, index) => {
      const ms = (profile.timeDeltas[index] ?? 0) / 1000;
      const frame = frames.get(nodeId);
      if (!frame) return;
      totalMs += ms;
      const where = frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : '';
      const key = `${frame.functionName}|${where}`;
      const entry = byFunction.get(key) ?? { name: frame.functionName || '(anonymous)', where, ms: 0 };
      entry.ms += ms;
      byFunction.set(key, entry);
      const owner = packageOf(frame.url, frame.functionName);
      byPackage.set(owner, (byPackage.get(owner) ?? 0) + ms);
      // Each of our functions on the sampled stack gets the sample once, however deep the recursion.
      const counted = new Set<string>();
      for (let id: number | undefined = nodeId; id !== undefined; id = parents.get(id)) {
        const caller = frames.get(id);
        if (!caller?.url.includes('/dist/src/')) continue;
        const at = `${shortUrl(caller.url)}:${caller.lineNumber + 1}`;
        const callerKey = `${caller.functionName}|${at}`;
        if (counted.has(callerKey)) continue;
        counted.add(callerKey);
        const total = inclusive.get(callerKey) ?? { name: caller.functionName || '(anonymous)', where: at, ms: 0 };
        total.ms += ms;
        inclusive.set(callerKey, total);
      }
    });
  }
  return {
    totalMs,
    idleMs: byPackage.get('(idle)') ?? 0,
    functions: [...byFunction.values()].sort((a, b) => b.ms - a.ms),
    packages: [...byPackage.entries()].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms),
    ownInclusive: [...inclusive.values()].sort((a, b) => b.ms - a.ms),
  };
}

/**
 * The requests a set of the bench's profiles covers, read from their names (`…-500req.cpuprofile`);
 * undefined if any name does not say (a `--cpu-prof` profile of a whole process).
 */
export function requestsOf(files: readonly string[]): number | undefined {
  let requests = 0;
  for (const file of files) {
    const match = /-(\d+)req\.cpuprofile$/u.exec(basename(file));
    if (!match?.[1]) return undefined;
    requests += Number(match[1]);
  }
  return requests;
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? url.slice(dist + '/dist/'.length) : url.replace(/^file:\/\//, '');
}

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node built-ins';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? url);
  }
  const dist = url.indexOf('/dist/');
  if (dist >= 0) return url.slice(dist + '/dist/'.length).split('/').slice(0, 2).join('/');
  return url;
}

/** What the command line asked for: the profiles, the ones to compare against, how many rows. */
interface SummaryArgs {
  files: string[];
  against: string[];
  top: number;
}

function readArgs(args: readonly string[]): SummaryArgs {
  const parsed: SummaryArgs = { files: [], against: [], top: 25 };
  let into = parsed.files;
  for (const arg of args) {
    if (arg === '--against') into = parsed.against;
    else if (/^\d+$/u.test(arg)) parsed.top = Number(arg);
    else into.push(arg);
  }
  if (parsed.files.length === 0) throw new Error('usage: node dist/bench/profileSummary.js <file.cpuprofile>… [--against <file.cpuprofile>…] [top]');
  return parsed;
}

/**
 * `node dist/bench/profileSummary.js <profiles…> [--against <profiles…>] [top]`: prints the
 * heaviest functions and packages as markdown, per request when the bench named the profiles
 * (µs of sampled main-thread time), and with `--against`, where the first set spends more than the
 * second (the bot against the echo bot), per request.
 */
function main(args: SummaryArgs): void {
  const load = (files: readonly string[]) => summariseProfile(...files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as CpuProfile));
  const summary = load(args.files);
  const requests = requestsOf(args.files);
  const busyMs = summary.totalMs - summary.idleMs;
  const amount = (ms: number) => (requests ? `${((ms * 1000) / requests).toFixed(0)} µs/req` : `${ms.toFixed(0)} ms`);
  const share = (ms: number) => `${((ms / busyMs) * 100).toFixed(1)}%`;
  console.log(`Sampled ${(summary.totalMs / 1000).toFixed(1)} s, of it busy ${(busyMs / 1000).toFixed(1)} s${requests ? ` over ${requests} requests: ${amount(busyMs)}` : ''}; shares are of the busy time.\n`);
  console.log('| Self time | Share | Function | Where |\n|---:|---:|---|---|');
  for (const entry of summary.functions.filter((f) => f.name !== '(idle)').slice(0, args.top)) console.log(`| ${amount(entry.ms)} | ${share(entry.ms)} | ${entry.name} | ${entry.where} |`);
  console.log('\n| Self time | Share | Package |\n|---:|---:|---|');
  for (const entry of summary.packages.filter((p) => p.name !== '(idle)').slice(0, args.top)) console.log(`| ${amount(entry.ms)} | ${share(entry.ms)} | ${entry.name} |`);
  console.log('\n| Total time | Share | Our function (src/) | Where |\n|---:|---:|---|---|');
  for (const entry of summary.ownInclusive.slice(0, args.top)) console.log(`| ${amount(entry.ms)} | ${share(entry.ms)} | ${entry.name} | ${entry.where} |`);
  if (args.against.length === 0) return;
  const base = load(args.against);
  const baseRequests = requestsOf(args.against);
  if (!requests || !baseRequests) throw new Error('--against compares per request: both sets must be the bench\'s profiles (…-<n>req.cpuprofile)');
  const perRequest = (ms: number, count: number) => (ms * 1000) / count;
  console.log(`\nBusy per request: ${perRequest(busyMs, requests).toFixed(0)} µs against ${perRequest(base.totalMs - base.idleMs, baseRequests).toFixed(0)} µs.\n`);
  for (const [title, mine, theirs] of [
    ['Package', summary.packages, base.packages],
    ['Function', summary.functions.map((f) => ({ name: `${f.name} ${f.where}`, ms: f.ms })), base.functions.map((f) => ({ name: `${f.name} ${f.where}`, ms: f.ms }))],
  ] as const) {
    const rows = new Map<string, { mine: number; theirs: number }>();
    for (const entry of mine) rows.set(entry.name, { mine: perRequest(entry.ms, requests), theirs: 0 });
    for (const entry of theirs) rows.set(entry.name, { mine: rows.get(entry.name)?.mine ?? 0, theirs: perRequest(entry.ms, baseRequests) });
    const sorted = [...rows.entries()].filter(([name]) => name !== '(idle)').sort((a, b) => b[1].mine - b[1].theirs - (a[1].mine - a[1].theirs));
    console.log(`| ${title} | µs/req | against | more |\n|---|---:|---:|---:|`);
    for (const [name, row] of sorted.slice(0, args.top)) console.log(`| ${name} | ${row.mine.toFixed(0)} | ${row.theirs.toFixed(0)} | ${(row.mine - row.theirs).toFixed(0)} |`);
    console.log('');
  }
}

if (require.main === module) main(readArgs(process.argv.slice(2)));
