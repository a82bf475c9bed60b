import type { BenchSection } from './section';

/**
 * Issue 7, part 5: peak resident memory (the kernel's high-water mark, `maxRSS`) of the bot and
 * echo processes after all the load the earlier sections put on them.
 */
export const memorySection: BenchSection = {
  id: 'memory',
  run: async (context) => {
    const rows: string[] = [];
    for (const target of [context.bot, context.echo]) {
      const { maxRssKb, rssKb } = await target.memory();
      rows.push(`| ${target.kind === 'bot' ? 'Bot (embedded store)' : 'Echo bot'} | ${(maxRssKb / 1024).toFixed(0)} | ${(rssKb / 1024).toFixed(0)} |`);
    }
    const markdown = [
      'Read from each process (`process.resourceUsage().maxRSS`) once the sections before this one have run; each bot runs in its own child process, so the figure is its own.',
      '',
      '| Process | Peak RSS MiB | RSS at the end MiB |',
      '|---|---:|---:|',
      ...rows,
    ].join('\n');
    return { title: 'Peak memory', markdown, checks: [] };
  },
};
