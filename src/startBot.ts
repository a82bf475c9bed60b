import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from './config';
import { systemClock, type Clock } from './domain/clock';
import { openGraph } from './graph/openGraph';
import type { GraphRetryPolicy } from './graph/graphRetry';
import { startServer, type RunningServer } from './http/server';
import { MinutesLinks } from './minutes/minutesLinks';
import { readMinutesConfig } from './minutes/minutesConfig';
import { createLogger, type Logger } from './observability/logger';
import { runTick, type TickReport } from './scheduler/tick';
import { startSchedulerTimer } from './scheduler/schedulerTimer';
import { PersonalDelivery } from './services/personalDelivery';
import { createUseCases } from './services/useCases';
import { openStorage } from './store/openStorage';
import type { Storage } from './store/storage';
import { createTeamsAdapter } from './teams/botframework/createTeamsAdapter';
import type { TeamsRetryPolicy } from './teams/teamsRetry';
import { startTabs } from './web/startTabs';

/** A running bot: its server, storage and logger, and how to stop them in order. */
export interface RunningBot {
  server: RunningServer;
  /** Everything the bot keeps (tests look at it directly). */
  storage: Storage;
  logger: Logger;
  /** Runs one scheduler pass as if it were `now` (default: the clock's now). */
  tick(now?: string): Promise<TickReport>;
  /** Resolves once work that turns left running after answering (redrawing card copies) is done. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Parts a caller may supply instead of the defaults: tests inject a clock and watch turn errors. */
export interface BotOverrides {
  clock?: Clock;
  logger?: Logger;
  storage?: Storage;
  onTurnError?: (error: unknown) => void;
  host?: string;
  /** Retry policy for proactive sends (tests use short delays). */
  teamsRetry?: TeamsRetryPolicy;
  /** How long one Bot Connector call may take (tests use a short one). */
  connectorTimeoutMs?: number;
  /** Retry policy for Microsoft Graph requests (tests use short delays). */
  graphRetry?: GraphRetryPolicy;
  /** Names this instance in scheduler claims. */
  instanceId?: string;
  /** How long a scheduler claim holds before another instance may take the job. */
  leaseMs?: number;
  /** Folder of the built tab pages (default: dist/pages; tests build their own). */
  pagesDir?: string;
}

/** Hours before a meeting that the chair's digest goes out when the config does not say. */
const DEFAULT_CHAIR_DIGEST_LEAD_HOURS = 24;

/**
 * The composition root: opens the storage, builds the use-cases over it, the Teams adapter that
 * routes turns to them, the scheduler and the HTTP server, and starts listening. No logic of its own.
 */
export async function startBot(config: AppConfig, overrides: BotOverrides = {}): Promise<RunningBot> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const storage = overrides.storage ?? (await openStorage(config.store));
  // Without configuration (tests, tools) links are signed with a secret made up for this process.
  const minutes = config.minutes ?? readMinutesConfig(() => undefined, false, []);
  if (minutes.secretGenerated) logger.warn('MINUTES_LINK_SECRET is not set: minutes links are signed with a per-process secret and stop working on restart.');
  let serverUrl = '';
  const minutesLinks = new MinutesLinks(minutes.linkSecret, () => minutes.publicUrl ?? serverUrl);
  const clock = overrides.clock ?? systemClock;
  const chairDigestLeadHours = config.scheduler?.chairDigestLeadHours ?? DEFAULT_CHAIR_DIGEST_LEAD_HOURS;
  const graph = openGraph(config.graph, overrides.graphRetry);
  const useCases = createUseCases({
    storage,
    logger,
    defaultTimeZone: config.defaultTimeZone,
    chairDigestLeadHours,
    ...(graph ? { attendanceReports: graph.attendance, plannerBoard: graph.planner } : {}),
    ...(graph?.insights ? { meetingInsights: graph.insights } : {}),
  });
  const teams = createTeamsAdapter({ useCases, minutesLinks, logger, defaultTimeZone: config.defaultTimeZone }, config.credentials, {
    clock,
    ...(overrides.onTurnError ? { onTurnError: overrides.onTurnError } : {}),
    ...(overrides.teamsRetry ? { retry: overrides.teamsRetry } : {}),
    ...(overrides.connectorTimeoutMs ? { connectorTimeoutMs: overrides.connectorTimeoutMs } : {}),
  });
  const scheduler = {
    storage,
    notifier: new PersonalDelivery(teams.messenger, storage.users, logger, { clock, ...(graph?.installer ? { installer: graph.installer } : {}) }),
    logger,
    instanceId: overrides.instanceId ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    leaseMs: overrides.leaseMs ?? 5 * 60 * 1000,
    chairDigestLeadHours,
    defaultLocale: 'en-GB',
    clock,
    ...(useCases.attendance ? { attendance: useCases.attendance } : {}),
    ...(useCases.suggestions ? { suggestions: useCases.suggestions } : {}),
    ...(useCases.planner ? { planner: useCases.planner } : {}),
  };
  const tick = (now?: string) => runTick(scheduler, now ?? clock.now());
  const timer = config.scheduler?.enabled ? startSchedulerTimer(() => tick(), config.scheduler.intervalSeconds * 1000, logger) : undefined;
  const host = overrides.host ?? config.host;
  const server = await startServer({
    handleMessages: teams.handleMessages,
    store: storage,
    logger,
    port: config.port,
    ...(host ? { host } : {}),
    minutes: { secret: minutes.linkSecret, clock, minutes: useCases.minutes, logger },
    tabs: startTabs({ config, storage, useCases, teams, clock, logger, ...(overrides.pagesDir ? { pagesDir: overrides.pagesDir } : {}) }),
  });
  serverUrl = server.url;
  return {
    server,
    storage,
    logger,
    tick,
    idle: () => teams.idle(),
    stop: async () => {
      await timer?.stop();
      await server.close();
      await teams.idle();
      await storage.close();
    },
  };
}
