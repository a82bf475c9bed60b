import { ConfigError, readConfig } from './config';
import { startBot } from './startBot';

/** Composition root: read the environment, start the bot, stop cleanly on a signal. */
async function main(): Promise<void> {
  const config = readConfig(process.env);
  const bot = await startBot(config);
  const where = config.store.kind === 'sqlite' ? `embedded store in ${config.store.dataDir}` : `Cosmos DB at ${config.store.endpoint}`;
  bot.logger.info({ port: bot.server.port, store: config.store.kind }, `meeting-actions listening on ${bot.server.url}/api/messages (${where})`);
  if (config.localMode) {
    bot.logger.warn('local mode: no BOT_ID is set, so requests are not authenticated. Use this only on your own machine (tests, Agents Playground).');
  }
  const stop = async (signal: string) => {
    bot.logger.info({ signal }, 'stopping');
    await bot.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
