import { readFileSync } from 'node:fs';

/** The parts of a V8 `.cpuprofile` the summary reads. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function and per package, and total (inclusive) time of our own functions, heaviest first. */
export interface ProfileSummary {
  totalMs: number;
  functions: Array<{ name: string; where: string; ms: number }>;
  packages: Array<{ name: string; ms: number }>;
  /** Functions in this repository's `src/`, with the time of everything they called. */
  ownInclusive: Array<{ name: string; where: string; ms: number }>;
}

/**
 * Adds up self time (the samples whose top frame is the function) from a `--cpu-prof` profile,
 * by function and by the package (or Node built-in, or our own folder) it lives in.
 */
export function summariseProfile(profile: CpuProfile): ProfileSummary {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const inclusive = new Map<string, { name: string; where: string; ms: number }>();
  const byFunction = new Map<string, { name: string; where: string; ms: number }>();
  const byPackage = new Map<string, number>();
  let totalMs = 0;
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
  return {
    totalMs,
    functions: [...byFunction.values()].sort((a, b) => b.ms - a.ms),
    packages: [...byPackage.entries()].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms),
    ownInclusive: [...inclusive.values()].sort((a, b) => b.ms - a.ms),
  };
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

/** `node dist/bench/profileSummary.js <file.cpuprofile> [top]`: prints the heaviest functions and packages as markdown. */
function main(file: string | undefined, top: number): void {
  if (!file) throw new Error('usage: node dist/bench/profileSummary.js <file.cpuprofile> [top]');
  const summary = summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  const share = (ms: number) => `${((ms / summary.totalMs) * 100).toFixed(1)}%`;
  console.log(`Total sampled: ${(summary.totalMs / 1000).toFixed(1)} s\n`);
  console.log('| Self time | Share | Function | Where |\n|---:|---:|---|---|');
  for (const entry of summary.functions.slice(0, top)) console.log(`| ${entry.ms.toFixed(0)} ms | ${share(entry.ms)} | ${entry.name} | ${entry.where} |`);
  console.log('\n| Self time | Share | Package |\n|---:|---:|---|');
  for (const entry of summary.packages.slice(0, top)) console.log(`| ${entry.ms.toFixed(0)} ms | ${share(entry.ms)} | ${entry.name} |`);
  console.log('\n| Total time | Share | Our function (src/) | Where |\n|---:|---:|---|---|');
  for (const entry of summary.ownInclusive.slice(0, top)) console.log(`| ${entry.ms.toFixed(0)} ms | ${share(entry.ms)} | ${entry.name} | ${entry.where} |`);
}

if (require.main === module) main(process.argv[2], Number(process.argv[3] ?? 25));
