import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../src/config';
import type { Storage, StorageConfig } from '../src/store/storage';
import type { Clock } from '../src/domain/clock';
import { createLogger } from '../src/observability/logger';
import { startBot, type RunningBot } from '../src/startBot';
import { FakeConnector, type SentActivity } from './fakeConnector';
import type { FakeGraph } from './fakeGraph';

/** A bot answering on a real HTTP port, a fake Teams connector, and what went wrong in turns. */
export interface BotHarness {
  bot: RunningBot;
  connector: FakeConnector;
  /** Errors that reached the bot's turn error handler; a passing test expects none. */
  turnErrors: unknown[];
  /** The bot's log lines (info and above), when the harness was asked to keep them. */
  logs: Array<Record<string, unknown>>;
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
  /** Configuration to use instead of local mode's defaults (e.g. the tabs' sign-in). */
  config?: Partial<AppConfig>;
  /** Folder of built tab pages (see testkit/pages.ts). */
  pagesDir?: string;
  /** Talk to this fake Microsoft Graph (GRAPH_AUTH=none, its catalog app id). */
  graph?: FakeGraph;
  /** With `graph`: COPILOT_INSIGHTS=on (suggested actions from Copilot's recaps). */
  copilotInsights?: boolean;
  /** Keep the bot's log lines in `logs`. */
  keepLogs?: boolean;
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
  const config = localConfig(dataDir, {
    ...(options.graph
      ? { graph: { endpoint: options.graph.url, auth: { kind: 'none' as const }, teamsAppCatalogId: options.graph.catalogAppId, ...(options.copilotInsights ? { copilotInsights: true } : {}) } }
      : {}),
    ...options.config,
  });
  const turnErrors: unknown[] = [];
  const logs: Array<Record<string, unknown>> = [];
  const logger = options.keepLogs
    ? createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) })
    : createLogger(process.env['TEST_LOG_LEVEL'] ?? 'silent');
  const bot = await startBot(config, {
    logger,
    host: '127.0.0.1',
    onTurnError: (error) => turnErrors.push(error),
    // Retries as in production, but milliseconds apart, so a test of 429 handling stays quick.
    teamsRetry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 50, retryUnreachable: true },
    // A connector that does not answer is given up on sooner than in production.
    connectorTimeoutMs: options.connectorTimeoutMs ?? 3000,
    graphRetry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 50, maxTotalWaitMs: 1000, timeoutMs: 5000 },
    ...(options.instanceId ? { instanceId: options.instanceId } : {}),
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.storage ? { storage: options.storage } : {}),
    ...(options.pagesDir ? { pagesDir: options.pagesDir } : {}),
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
    logs,
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

/** What a message-extension invoke was answered with (the HTTP body of `composeExtension/fetchTask` or `/submitAction`). */
export type DialogReply =
  | { kind: 'dialog'; title: string; card: Record<string, unknown> }
  | { kind: 'message'; text: string }
  | { kind: 'preview'; card: Record<string, unknown> }
  | { kind: 'close' }
  | { kind: 'other'; body: unknown };

/** Reads a message-extension invoke's answer as Teams would act on it. */
export function dialogReply(body: unknown): DialogReply {
  const response = (body ?? {}) as {
    task?: { type?: string; value?: unknown };
    composeExtension?: { type?: string; activityPreview?: { attachments?: Array<{ contentType?: string; content?: Record<string, unknown> }> } };
  };
  const task = response.task;
  if (task?.type === 'continue') {
    const value = task.value as { title?: string; card?: { contentType?: string; content?: Record<string, unknown> } };
    if (value.card?.contentType === 'application/vnd.microsoft.card.adaptive' && value.card.content) return { kind: 'dialog', title: value.title ?? '', card: value.card.content };
  }
  if (task?.type === 'message' && typeof task.value === 'string') return { kind: 'message', text: task.value };
  const preview = response.composeExtension?.activityPreview?.attachments ?? [];
  if (response.composeExtension?.type === 'botMessagePreview' && preview.length === 1 && preview[0]?.contentType === 'application/vnd.microsoft.card.adaptive' && preview[0].content) {
    return { kind: 'preview', card: preview[0].content };
  }
  if (typeof body === 'object' && body !== null && Object.keys(body).length === 0) return { kind: 'close' };
  return { kind: 'other', body };
}

/** The plain text of a sent message. */
export function textOf(activity: SentActivity | undefined): string {
  return String(activity?.body['text'] ?? '');
}
