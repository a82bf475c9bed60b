import { ConfigError, readConfig } from './config';
import { startTelemetry } from './observability/telemetry';

/** Composition root: read the environment, start telemetry and the bot, stop cleanly on a signal. */
async function main(): Promise<void> {
  const config = readConfig(process.env);
  // Telemetry instruments modules as they load, so it starts before the bot's modules are imported.
  const telemetry = config.telemetryConnectionString ? await startTelemetry(config.telemetryConnectionString) : undefined;
  const { startBot } = await import('./startBot');
  const bot = await startBot(config);
  const where = config.store.kind === 'sqlite' ? `embedded store in ${config.store.dataDir}` : `Cosmos DB at ${config.store.endpoint}`;
  bot.logger.info({ port: bot.server.port, store: config.store.kind, telemetry: Boolean(telemetry), graph: config.graph?.auth.kind ?? 'off', copilotInsights: config.graph?.copilotInsights === true }, `meeting-actions listening on ${bot.server.url}/api/messages (${where})`);
  if (config.localMode) {
    bot.logger.warn('local mode: no BOT_ID is set, so requests are not authenticated. Use this only on your own machine (tests, Agents Playground).');
  }
  const stop = async (signal: string) => {
    bot.logger.info({ signal }, 'stopping');
    await bot.stop();
    await telemetry?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
