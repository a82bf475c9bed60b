import { ConfigError, readConfig } from '../src/config';
import { systemClock } from '../src/domain/clock';
import { parseTickInstant } from '../src/scheduler/tickInstant';
import { startBot } from '../src/startBot';

/**
 * `npm run tick -- --at <ISO instant> [--force]`: one scheduler pass as if it were that instant,
 * then exit. What a cron job, an Azure Functions timer, an operator or a test uses instead of the
 * in-process timer. Without --at it runs as of now. An instant more than a week from the real clock
 * is refused unless --force; a forced pass still claims and re-times jobs by the real clock.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = readAt(args);
  const config = readConfig(process.env);
  // The HTTP listener is only the shared wiring; it binds to loopback on a free port for the pass.
  const bot = await startBot({ ...config, port: 0, scheduler: { ...(config.scheduler ?? { intervalSeconds: 60, chairDigestLeadHours: 24 }), enabled: false } }, { host: '127.0.0.1' });
  try {
    const report = await bot.tick(at);
    bot.logger.info({ at: at ?? 'now', ...report }, 'scheduler pass done');
    const gaveUp = report.gaveUp ? ` (${report.gaveUp} gave up after repeated failures; the log says why)` : '';
    console.log(`tick${at ? ` at ${at}` : ''}: ${report.ran} ran, ${report.lost} taken by another instance, ${report.failed} failed${gaveUp}${report.retimed ? `, ${report.retimed} re-timed` : ''}`);
    if (report.failed > 0) process.exitCode = 1;
  } finally {
    await bot.stop();
  }
}

function readAt(args: string[]): string | undefined {
  const index = args.indexOf('--at');
  if (index === -1) return undefined;
  const parsed = parseTickInstant(args[index + 1], systemClock.now(), args.includes('--force'));
  if (!parsed.ok) throw new ConfigError([parsed.message]);
  return parsed.at;
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

