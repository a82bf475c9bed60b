import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../src/config';
import type { Storage, StorageConfig } from '../src/store/storage';
import type { Clock } from '../src/domain/clock';
import { createLogger } from '../src/observability/logger';
import { startBot, type RunningBot } from '../src/startBot';
import { FakeConnector, type SentActivity } from './fakeConnector';

/** A bot answering on a real HTTP port, a fake Teams connector, and what went wrong in turns. */
export interface BotHarness {
  bot: RunningBot;
  connector: FakeConnector;
  /** Errors that reached the bot's turn error handler; a passing test expects none. */
  turnErrors: unknown[];
  /**
   * POSTs an activity to /api/messages as Teams would, and returns the HTTP answer once the work the
   * turn left running after it (redrawing card copies) is done too, so tests see its effects.
   */
  post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  /** POSTs an activity and returns the HTTP answer as soon as it arrives, work left running or not. */
  postAndAnswer(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  /** Everything the connector recorded since the last call to `take`. */
  take(): SentActivity[];
  stop(): Promise<void>;
}

/** Options for `startHarness`. */
export interface HarnessOptions {
  clock?: Clock;
  /** Reuse an existing data directory (to test restarts); default a fresh temp dir. */
  dataDir?: string;
  /** Use this storage instead of opening the embedded one. */
  storage?: Storage;
  /** Share a connector between bots (two instances talking to one Teams). */
  connector?: FakeConnector;
  /** Names the instance in scheduler claims. */
  instanceId?: string;
  /** How long a scheduler claim holds. */
  leaseMs?: number;
  /** How long one Bot Connector call may take (default 3 s). */
  connectorTimeoutMs?: number;
}

/**
 * The configuration of a bot on this machine: local mode (no credentials), the embedded store in a
 * folder (or the store given), any free port, no in-process scheduler (tests drive `tick`).
 * `overrides` changes the rest.
 */
export function localConfig(store: string | StorageConfig, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    credentials: { appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '' },
    localMode: true,
    store: typeof store === 'string' ? { kind: 'sqlite', dataDir: store } : store,
    logLevel: 'silent',
    defaultTimeZone: 'Europe/London',
    production: false,
    ...overrides,
  };
}

/** Starts the real bot (local mode, embedded store in a temp dir) and a fake connector. */
export async function startHarness(options: HarnessOptions = {}): Promise<BotHarness> {
  const ownConnector = !options.connector;
  const connector = options.connector ?? (await new FakeConnector().start());
  const ownDir = !options.dataDir && !options.storage;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'meeting-actions-'));
  const config = localConfig(dataDir);
  const turnErrors: unknown[] = [];
  const bot = await startBot(config, {
    logger: createLogger(process.env['TEST_LOG_LEVEL'] ?? 'silent'),
    host: '127.0.0.1',
    onTurnError: (error) => turnErrors.push(error),
    // Retries as in production, but milliseconds apart, so a test of 429 handling stays quick.
    teamsRetry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 50, retryUnreachable: true },
    // A connector that does not answer is given up on sooner than in production.
    connectorTimeoutMs: options.connectorTimeoutMs ?? 3000,
    ...(options.instanceId ? { instanceId: options.instanceId } : {}),
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.storage ? { storage: options.storage } : {}),
  });
  let seen = connector.sent.length;
  const postAndAnswer = async (activity: Record<string, unknown>) => {
    const response = await fetch(`${bot.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return {
    bot,
    connector,
    turnErrors,
    postAndAnswer,
    post: async (activity) => {
      const answer = await postAndAnswer(activity);
      await bot.idle();
      return answer;
    },
    take: () => {
      const fresh = connector.sent.slice(seen);
      seen = connector.sent.length;
      return fresh;
    },
    stop: async () => {
      await bot.stop();
      if (ownConnector) await connector.stop();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The Adaptive Card in a sent activity, if it carries one. */
export function cardOf(activity: SentActivity | undefined): Record<string, unknown> | undefined {
  const attachments = (activity?.body['attachments'] as Array<{ contentType: string; content: Record<string, unknown> }> | undefined) ?? [];
  return attachments.find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/** The card an invoke answered with (the HTTP body of an `adaptiveCard/action`). */
export function invokeCard(body: unknown): Record<string, unknown> | undefined {
  const response = body as { type?: string; value?: Record<string, unknown> } | undefined;
  return response?.type === 'application/vnd.microsoft.card.adaptive' ? response.value : undefined;
}

/** The plain text of a sent message. */
export function textOf(activity: SentActivity | undefined): string {
  return String(activity?.body['text'] ?? '');
}
