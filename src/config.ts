import type { StorageConfig } from './store/storage';
import { isValidTimeZone } from './domain/dateFormat';
import { COSMOS_DATABASE_DEFAULT } from './store/cosmos/containers';
import { readMinutesConfig, type MinutesConfig } from './minutes/minutesConfig';
import { readTabsConfig, type TabsConfig } from './web/tabsConfig';
import { readGraphConfig, type GraphConfig } from './graph/graphConfig';

/** Bot Framework credentials; all empty means local mode (no authentication, for tests and the Playground). */
export interface BotCredentials {
  appId: string;
  appPassword: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId: string;
  /** Client id of the managed identity the bot's Entra app trusts (a federated credential), instead of a password. */
  federatedClientId?: string;
}

/** Everything the bot reads from its environment, parsed and checked. */
export interface AppConfig {
  port: number;
  /** Address to listen on (`HOST`): loopback in local mode, since nothing authenticates requests; every interface otherwise. */
  host?: string;
  /** Bot credentials; `localMode` when none are set. */
  credentials: BotCredentials;
  localMode: boolean;
  store: StorageConfig;
  logLevel: string;
  defaultTimeZone: string;
  production: boolean;
  /** Minutes links: signing secret and public address (absent: a per-process secret, the server's own address). */
  minutes?: MinutesConfig;
  /** Application Insights connection string; telemetry is exported only when it is set. */
  telemetryConnectionString?: string;
  /** The in-process scheduler; absent means off (tests and tools drive `tick` themselves). */
  scheduler?: SchedulerConfig;
  /** The tabs' sign-in (Teams SSO, or the development sign-in in local mode); absent: no SSO, dev sign-in in local mode. */
  tabs?: TabsConfig;
  /** Microsoft Graph (proactive installation, attendance reports); absent means off. */
  graph?: GraphConfig;
}

/** When the in-process scheduler runs and how it times the chair's digest. */
export interface SchedulerConfig {
  /** Run `tick` on a timer inside the bot process. */
  enabled: boolean;
  intervalSeconds: number;
  /** Hours before the next meeting that the chair gets the action log. */
  chairDigestLeadHours: number;
}

/** A setting is missing or wrong; the message says which variable to set and how. */
export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`The bot cannot start:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const BOT_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Reads the configuration from environment variables (see the README's table). Every problem is
 * collected so one start-up attempt names them all.
 */
export function readConfig(env: NodeJS.ProcessEnv): AppConfig {
  const problems: string[] = [];
  const value = (name: string): string | undefined => (env[name]?.trim() ? env[name]?.trim() : undefined);

  const portText = value('PORT') ?? '3978';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a port number (0-65535); it is "${portText}".`);

  const production = value('NODE_ENV') === 'production';
  const appId = value('BOT_ID') ?? value('MicrosoftAppId') ?? '';
  const appPassword = value('BOT_PASSWORD') ?? value('MicrosoftAppPassword') ?? '';
  const federatedClientId = value('BOT_FEDERATED_CLIENT_ID');
  const defaultType = appPassword || !appId ? 'MultiTenant' : federatedClientId ? 'SingleTenant' : 'UserAssignedMSI';
  const appType = (value('BOT_TYPE') ?? defaultType) as BotCredentials['appType'];
  const tenantId = value('BOT_TENANT_ID') ?? value('MicrosoftAppTenantId') ?? '';
  if (!BOT_TYPES.includes(appType)) problems.push(`BOT_TYPE must be one of ${BOT_TYPES.join(', ')}; it is "${appType}".`);
  if (production && !appId) {
    problems.push('BOT_ID is not set. In production (NODE_ENV=production) the bot needs its Azure Bot credentials: set BOT_ID (and BOT_PASSWORD, or BOT_TYPE=UserAssignedMSI with BOT_TENANT_ID).');
  }
  if (appId && appType !== 'UserAssignedMSI' && !appPassword && !federatedClientId) {
    problems.push('BOT_ID is set but BOT_PASSWORD is not. Set BOT_PASSWORD, or BOT_FEDERATED_CLIENT_ID (the managed identity the Entra app trusts), or BOT_TYPE=UserAssignedMSI for a managed identity.');
  }
  if (federatedClientId && appPassword) problems.push('Set BOT_PASSWORD or BOT_FEDERATED_CLIENT_ID, not both: the bot signs in one way.');
  if (federatedClientId && appType === 'UserAssignedMSI') problems.push('BOT_FEDERATED_CLIENT_ID is for an Entra app (BOT_TYPE=SingleTenant or MultiTenant) that trusts a managed identity; with BOT_TYPE=UserAssignedMSI, BOT_ID is the identity itself.');
  if (appId && appType !== 'MultiTenant' && !tenantId) problems.push(`BOT_TYPE=${appType} needs BOT_TENANT_ID (your Azure AD tenant id).`);

  const host = value('HOST') ?? (appId ? '0.0.0.0' : '127.0.0.1');
  if (!/^[\w.:%-]+$/.test(host)) problems.push(`HOST must be an address to listen on, such as 127.0.0.1, 0.0.0.0 or ::; it is "${host}".`);

  const store = readStoreConfig(value, problems);
  const logLevel = value('LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; it is "${logLevel}".`);
  const defaultTimeZone = value('DEFAULT_TIME_ZONE') ?? 'Europe/London';
  if (!isValidTimeZone(defaultTimeZone)) problems.push(`DEFAULT_TIME_ZONE must be an IANA time zone such as Europe/London; it is "${defaultTimeZone}".`);
  const telemetryConnectionString = value('APPLICATIONINSIGHTS_CONNECTION_STRING');
  // The exporter would throw at start-up with a less helpful message; the value itself is not echoed.
  if (telemetryConnectionString && !/(^|;)\s*InstrumentationKey=[^;]+/i.test(telemetryConnectionString)) {
    problems.push('APPLICATIONINSIGHTS_CONNECTION_STRING must be an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…), as shown on the resource\'s Overview page; unset it to run without telemetry.');
  }

  const scheduler = readSchedulerConfig(value, problems);

  const minutes = readMinutesConfig(value, production, problems);
  const tabs = readTabsConfig(value, { production, localMode: !appId, ...(minutes.publicUrl ? { publicUrl: minutes.publicUrl } : {}) }, problems);
  const graph = readGraphConfig(value, production, problems, { type: appType, id: appId });

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    credentials: { appId, appPassword, appType, tenantId, ...(federatedClientId ? { federatedClientId } : {}) },
    localMode: !appId,
    store: store as StorageConfig,
    logLevel,
    defaultTimeZone,
    production,
    minutes,
    ...(telemetryConnectionString ? { telemetryConnectionString } : {}),
    scheduler,
    tabs,
    ...(graph ? { graph } : {}),
  };
}

function readSchedulerConfig(value: (name: string) => string | undefined, problems: string[]): SchedulerConfig {
  const mode = value('SCHEDULER') ?? 'on';
  if (!['on', 'off'].includes(mode)) problems.push(`SCHEDULER must be "on" (reminders and digests sent from this process) or "off"; it is "${mode}".`);
  const number = (name: string, fallback: number, min: number, max: number): number => {
    const text = value(name);
    const parsed = text === undefined ? fallback : Number(text);
    if (!Number.isFinite(parsed) || parsed < min || parsed > max) problems.push(`${name} must be a number from ${min} to ${max}; it is "${text}".`);
    return parsed;
  };
  return {
    enabled: mode === 'on',
    intervalSeconds: number('SCHEDULER_INTERVAL_SECONDS', 60, 5, 3600),
    chairDigestLeadHours: number('CHAIR_DIGEST_LEAD_HOURS', 24, 0, 24 * 14),
  };
}

function readStoreConfig(value: (name: string) => string | undefined, problems: string[]): StorageConfig | undefined {
  const kind = value('STORE') ?? 'sqlite';
  if (kind === 'sqlite') return { kind: 'sqlite', dataDir: value('DATA_DIR') ?? './data' };
  if (kind !== 'cosmos') {
    problems.push(`STORE must be "sqlite" (embedded, the default) or "cosmos"; it is "${kind}".`);
    return undefined;
  }
  const endpoint = value('COSMOS_ENDPOINT');
  if (!endpoint) {
    problems.push('STORE=cosmos needs COSMOS_ENDPOINT, e.g. https://<account>.documents.azure.com:443/.');
    return undefined;
  }
  if (!/^https?:\/\//.test(endpoint)) problems.push(`COSMOS_ENDPOINT must be a URL such as https://<account>.documents.azure.com:443/; it is "${endpoint}".`);
  const key = value('COSMOS_KEY');
  const createText = value('COSMOS_CREATE_IF_MISSING');
  if (createText && !['true', 'false'].includes(createText)) problems.push(`COSMOS_CREATE_IF_MISSING must be true or false; it is "${createText}".`);
  const clientId = value('AZURE_CLIENT_ID');
  const discoveryText = value('COSMOS_ENDPOINT_DISCOVERY');
  if (discoveryText && !['true', 'false'].includes(discoveryText)) problems.push(`COSMOS_ENDPOINT_DISCOVERY must be true or false; it is "${discoveryText}".`);
  return {
    kind: 'cosmos',
    endpoint,
    database: value('COSMOS_DATABASE') ?? COSMOS_DATABASE_DEFAULT,
    // With a key (development) creating is harmless; a managed identity's data-plane role cannot
    // create databases anyway, so there Bicep creates them and the default is not to try.
    createIfMissing: createText ? createText === 'true' : Boolean(key),
    ...(key ? { key } : {}),
    ...(clientId ? { managedIdentityClientId: clientId } : {}),
    // The SDK asks the account for its regional endpoints; an emulator or local protocol server has
    // none to give, so there the bot must talk to COSMOS_ENDPOINT as written.
    ...(discoveryText === 'false' ? { connectionPolicy: { enableEndpointDiscovery: false } } : {}),
  };
}
