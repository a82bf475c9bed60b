import { localConfig } from '../../testkit/botHarness';
import { randomUUID } from 'node:crypto';
import { createLogger } from '../../src/observability/logger';
import { startBot } from '../../src/startBot';
import { localCosmosConfig, startLocalCosmosServer } from '../store/localCosmosServer';

async function health(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/healthz`);
  return { status: response.status, body: (await response.json()) as unknown };
}

test('/healthz answers 503 while the Cosmos endpoint is gone and 200 again once it is back', async () => {
  const server = await startLocalCosmosServer();
  let serverRunning = true;
  const config = localConfig(localCosmosConfig(server.endpoint, `health-${randomUUID()}`));
  try {
    const bot = await startBot(config, { host: '127.0.0.1', logger: createLogger('silent') });
    try {
      expect(await health(bot.server.url)).toEqual({ status: 200, body: { status: 'ok', store: 'ok' } });
      await server.stop();
      serverRunning = false;
      expect(await health(bot.server.url)).toEqual({ status: 503, body: { status: 'degraded', store: 'unavailable' } });
      await server.restart();
      serverRunning = true;
      expect(await health(bot.server.url)).toEqual({ status: 200, body: { status: 'ok', store: 'ok' } });
    } finally {
      await bot.stop();
    }
  } finally {
    if (serverRunning) await server.stop();
  }
});
