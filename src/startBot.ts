import type { AppConfig } from './config';
import { systemClock, type Clock } from './domain/clock';
import { startServer, type RunningServer } from './http/server';
import { createLogger, type Logger } from './observability/logger';
import { createStores } from './store/createStores';
import type { Store } from './store/store';
import type { Stores } from './store/stores';
import { createBotApp } from './teams/createBotApp';

/** A running bot: its server, store and logger, and how to stop them in order. */
export interface RunningBot {
  server: RunningServer;
  /** The chats store (series, actions, decisions). */
  store: Store;
  /** Every store, for callers that look at users and scheduled work too. */
  stores: Stores;
  logger: Logger;
  stop(): Promise<void>;
}

/** Parts a caller may supply instead of the defaults: tests inject a clock and watch turn errors. */
export interface BotOverrides {
  clock?: Clock;
  logger?: Logger;
  stores?: Stores;
  onTurnError?: (error: unknown) => void;
  host?: string;
}

/** Wires the configured store, the Teams app and the HTTP server together and starts listening. */
export async function startBot(config: AppConfig, overrides: BotOverrides = {}): Promise<RunningBot> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const stores = overrides.stores ?? (await createStores(config.store));
  const store = stores.chats;
  const { adapter, app } = createBotApp(
    { store, users: stores.users, schedule: stores.schedule, meetings: stores.meetings, clock: overrides.clock ?? systemClock, logger, defaultTimeZone: config.defaultTimeZone, botAppId: config.credentials.appId },
    config.credentials,
    overrides.onTurnError,
  );
  const server = await startServer({ adapter, app, store: stores, logger, port: config.port, ...(overrides.host ? { host: overrides.host } : {}) });
  return {
    server,
    store,
    stores,
    logger,
    stop: async () => {
      await server.close();
      await stores.close();
    },
  };
}
