import { ConfigError, readConfig } from '../src/config';
import { startBot } from '../src/startBot';

/**
 * `npm run tick -- --at <ISO instant>`: one scheduler pass as if it were that instant, then exit.
 * What a cron job, an Azure Functions timer, an operator or a test uses instead of the in-process
 * timer. Without --at it runs as of now.
 */
async function main(): Promise<void> {
  const at = readAt(process.argv.slice(2));
  const config = readConfig(process.env);
  // The HTTP listener is only the shared wiring; it binds to loopback on a free port for the pass.
  const bot = await startBot({ ...config, port: 0, scheduler: { ...(config.scheduler ?? { intervalSeconds: 60, chairDigestLeadHours: 24 }), enabled: false } }, { host: '127.0.0.1' });
  try {
    const report = await bot.tick(at);
    bot.logger.info({ at: at ?? 'now', ...report }, 'scheduler pass done');
    console.log(`tick${at ? ` at ${at}` : ''}: ${report.ran} ran, ${report.lost} taken by another instance, ${report.failed} failed${report.retimed ? `, ${report.retimed} re-timed` : ''}`);
    if (report.failed > 0) process.exitCode = 1;
  } finally {
    await bot.stop();
  }
}

function readAt(args: string[]): string | undefined {
  const index = args.indexOf('--at');
  if (index === -1) return undefined;
  const value = args[index + 1];
  const time = value ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw new ConfigError([`--at needs an ISO instant, e.g. --at 2019-03-13T09:00:00Z; got "${value ?? ''}".`]);
  return new Date(time).toISOString();
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
