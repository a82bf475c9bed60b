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
  const bot = await startTarget('bot');
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
  if (config.cpuProfileDir) {
    log(`CPU profiles of every measured /action and Close round, bot and echo bot, in ${config.cpuProfileDir}; summarise them per request with:`);
    log(`  node dist/bench/profileSummary.js ${config.cpuProfileDir}/bot-action-c1-*.cpuprofile   (or echo-…, close-…)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
