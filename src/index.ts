import { ConfigError, readConfig } from './config';
import { listenScope } from './http/listenScope';
import { startTelemetry } from './observability/telemetry';

/** Composition root: read the environment, start telemetry and the bot, stop cleanly on a signal. */
async function main(): Promise<void> {
  const config = readConfig(process.env);
  // Telemetry instruments modules as they load, so it starts before the bot's modules are imported.
  const telemetry = config.telemetryConnectionString ? await startTelemetry(config.telemetryConnectionString) : undefined;
  const { startBot } = await import('./startBot');
  const bot = await startBot(config);
  const where = config.store.kind === 'sqlite' ? `embedded store in ${config.store.dataDir}` : `Cosmos DB at ${config.store.endpoint}`;
  const { host } = bot.server;
  const scope = listenScope(host);
  const reach = { loopback: 'this machine only', interface: `the interface ${host} only`, everywhere: 'every network interface' }[scope];
  bot.logger.info(
    { host, port: bot.server.port, store: config.store.kind, telemetry: Boolean(telemetry), graph: config.graph?.auth.kind ?? 'off', copilotInsights: config.graph?.copilotInsights === true },
    `meeting-actions listening on ${bot.server.url}/api/messages (${reach}, HOST=${host}; ${where})`,
  );
  if (config.localMode) {
    const exposure = scope === 'loopback' ? 'only this machine can reach it (set HOST=0.0.0.0 to accept others)' : `HOST=${host} lets other machines reach it`;
    bot.logger.warn(`local mode: no BOT_ID is set, so requests are not authenticated; ${exposure}. Use it for tests and the Agents Playground.`);
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
