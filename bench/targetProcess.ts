import { localConfig } from '../testkit/botHarness';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../src/observability/logger';
import { startBot } from '../src/startBot';
import { startEchoBot } from './echoBot';
import { RoundProfiler } from './roundProfiler';

/** Messages the bench sends a target process over IPC. */
export type TargetRequest = { type: 'memory' } | { type: 'cpu' } | { type: 'profileStart' } | { type: 'profileStop'; file: string } | { type: 'stop' };

/** Messages a target process sends back. */
export type TargetReply =
  | { type: 'ready'; url: string }
  | { type: 'memory'; maxRssKb: number; rssKb: number }
  | { type: 'cpu'; micros: number }
  | { type: 'profileStarted' }
  | { type: 'profileStopped' };

/**
 * Entry of a target child process (`bot` or `echo`): each runs alone so its peak memory is its own
 * and its event loop shares nothing with the load generator.
 */
async function main(kind: string | undefined): Promise<void> {
  let stop: () => Promise<void>;
  let url: string;
  if (kind === 'bot') {
    const dataDir = mkdtempSync(join(tmpdir(), 'meeting-actions-bench-'));
    const config = localConfig(dataDir, { logLevel: process.env['BENCH_BOT_LOG_LEVEL'] ?? 'info' });
    const bot = await startBot(config, { logger: createLogger(config.logLevel), host: '127.0.0.1' });
    url = bot.server.url;
    stop = async () => {
      await bot.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  } else if (kind === 'echo') {
    const echo = await startEchoBot();
    url = echo.url;
    stop = () => echo.close();
  } else {
    throw new Error(`usage: targetProcess.js bot|echo (got ${kind ?? 'nothing'})`);
  }
  const reply = (message: TargetReply) => process.send?.(message);
  const profiler = new RoundProfiler();
  process.on('message', (message: TargetRequest) => {
    if (message.type === 'memory') {
      const rssKb = Math.round(process.memoryUsage().rss / 1024);
      reply({ type: 'memory', maxRssKb: process.resourceUsage().maxRSS, rssKb });
    } else if (message.type === 'cpu') {
      // User plus system time of the whole process (every thread: the garbage collector's, libuv's pool) since it started.
      const { user, system } = process.cpuUsage();
      reply({ type: 'cpu', micros: user + system });
    } else if (message.type === 'profileStart') {
      void profiler.start().then(() => reply({ type: 'profileStarted' }));
    } else if (message.type === 'profileStop') {
      void profiler.stop(message.file).then(() => reply({ type: 'profileStopped' }));
    } else if (message.type === 'stop') {
      void stop().then(() => process.exit(0));
    }
  });
  reply({ type: 'ready', url });
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
