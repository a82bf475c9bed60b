import type { AppConfig } from './config';
import { systemClock, type Clock } from './domain/clock';
import { startServer, type RunningServer } from './http/server';
import { MinutesLinks } from './minutes/minutesLinks';
import { readMinutesConfig } from './minutes/minutesConfig';
import { createLogger, type Logger } from './observability/logger';
import { createStores } from './store/createStores';
import type { Store } from './store/store';
import type { Stores } from './store/stores';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { runTick, type TickReport } from './scheduler/tick';
import { startSchedulerTimer } from './scheduler/schedulerTimer';
import type { SchedulerDeps } from './scheduler/schedulerDeps';
import { createBotApp } from './teams/createBotApp';
import { TeamsNotifier } from './teams/teamsNotifier';
import type { TeamsRetryPolicy } from './teams/teamsRetry';

/** A running bot: its server, store and logger, and how to stop them in order. */
export interface RunningBot {
  server: RunningServer;
  /** The chats store (series, actions, decisions). */
  store: Store;
  /** Every store, for callers that look at users and scheduled work too. */
  stores: Stores;
  logger: Logger;
  /** Runs one scheduler pass as if it were `now` (default: the clock's now). */
  tick(now?: string): Promise<TickReport>;
  stop(): Promise<void>;
}

/** Parts a caller may supply instead of the defaults: tests inject a clock and watch turn errors. */
export interface BotOverrides {
  clock?: Clock;
  logger?: Logger;
  stores?: Stores;
  onTurnError?: (error: unknown) => void;
  host?: string;
  /** Retry policy for proactive sends (tests use short delays). */
  teamsRetry?: TeamsRetryPolicy;
  /** Names this instance in scheduler claims. */
  instanceId?: string;
  /** How long a scheduler claim holds before another instance may take the job. */
  leaseMs?: number;
}

/** Hours before a meeting that the chair's digest goes out when the config does not say. */
const DEFAULT_CHAIR_DIGEST_LEAD_HOURS = 24;

/** Wires the configured store, the Teams app and the HTTP server together and starts listening. */
export async function startBot(config: AppConfig, overrides: BotOverrides = {}): Promise<RunningBot> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const stores = overrides.stores ?? (await createStores(config.store));
  const store = stores.chats;
  // Without configuration (tests, tools) links are signed with a secret made up for this process.
  const minutes = config.minutes ?? readMinutesConfig(() => undefined, false, []);
  if (minutes.secretGenerated) logger.warn('MINUTES_LINK_SECRET is not set: minutes links are signed with a per-process secret and stop working on restart.');
  let serverUrl = '';
  const minutesLinks = new MinutesLinks(minutes.linkSecret, () => minutes.publicUrl ?? serverUrl);
  const clock = overrides.clock ?? systemClock;
  const chairDigestLeadHours = config.scheduler?.chairDigestLeadHours ?? DEFAULT_CHAIR_DIGEST_LEAD_HOURS;
  const { adapter, handleMessages } = createBotApp(
    {
      store,
      users: stores.users,
      schedule: stores.schedule,
      meetings: stores.meetings,
      minutesLinks,
      clock,
      logger,
      defaultTimeZone: config.defaultTimeZone,
      botAppId: config.credentials.appId,
      chairDigestLeadHours,
    },
    config.credentials,
    overrides.onTurnError,
  );
  const notifier = new TeamsNotifier(adapter, { botAppId: config.credentials.appId, users: stores.users, logger, ...(overrides.teamsRetry ? { retry: overrides.teamsRetry } : {}) });
  const schedulerDeps: SchedulerDeps = {
    chats: store,
    meetings: stores.meetings,
    users: stores.users,
    schedule: stores.schedule,
    notifier,
    logger,
    instanceId: overrides.instanceId ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    leaseMs: overrides.leaseMs ?? 5 * 60 * 1000,
    chairDigestLeadHours,
    defaultLocale: 'en-GB',
  };
  const tick = (now?: string) => runTick(schedulerDeps, now ?? clock.now());
  const timer = config.scheduler?.enabled ? startSchedulerTimer(() => tick(), config.scheduler.intervalSeconds * 1000, logger) : undefined;
  const server = await startServer({ handleMessages, store: stores, logger, port: config.port, ...(overrides.host ? { host: overrides.host } : {}), minutes: { secret: minutes.linkSecret, clock, chats: store, meetings: stores.meetings, logger } });
  serverUrl = server.url;
  return {
    server,
    store,
    stores,
    logger,
    tick,
    stop: async () => {
      await timer?.stop();
      await server.close();
      await stores.close();
    },
  };
}
