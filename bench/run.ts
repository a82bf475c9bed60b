import { FakeConnector } from '../testkit/fakeConnector';
import { BenchChats } from './benchChats';
import { readBenchConfig } from './config';
import { describeMachine, describeRevision } from './machine';
import { renderResults, writeResults } from './report';
import { PENDING, SECTIONS } from './sections';
import type { BenchContext, SectionResult } from './sections/section';
import { startTarget } from './targets';

/**
 * `npm run bench`: starts the fake connector here and the bot and the echo bot in their own
 * processes, runs each section in turn, and prints the results (and writes them to the doc).
 */
async function main(): Promise<void> {
  const config = readBenchConfig(process.env);
  const startedAt = new Date();
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const connector = await new FakeConnector().start();
  const bot = await startTarget('bot', config.cpuProfileDir ? { cpuProfileDir: config.cpuProfileDir } : {});
  const echo = await startTarget('echo');
  log(`bot pid ${bot.pid} at ${bot.url}, echo pid ${echo.pid} at ${echo.url}, connector at ${connector.url}`);
  const context: BenchContext = { config, connector, chats: new BenchChats(connector, config.chats, config.membersPerChat), bot, echo, log };
  const results: SectionResult[] = [];
  try {
    for (const section of SECTIONS) {
      if (config.sections.length > 0 && !config.sections.includes(section.id)) continue;
      log(`section ${section.id}`);
      results.push(await section.run(context));
    }
  } finally {
    await Promise.all([bot.stop(), echo.stop()]);
    await connector.stop();
  }
  const markdown = renderResults({ machine: describeMachine(), revision: describeRevision(), config, startedAt, seconds: (Date.now() - startedAt.getTime()) / 1000, results, pending: PENDING });
  process.stdout.write(`${markdown}\n`);
  if (config.docPath) {
    writeResults(config.docPath, markdown);
    log(`results written to ${config.docPath}`);
  }
  if (config.cpuProfileDir) log(`bot CPU profile in ${config.cpuProfileDir}; summarise it with: node dist/bench/profileSummary.js ${config.cpuProfileDir}/<file>.cpuprofile`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
