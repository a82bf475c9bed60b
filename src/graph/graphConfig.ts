/**
 * Microsoft Graph settings, read from the environment with the rest of the configuration
 * (src/config.ts). Graph is off unless `GRAPH_AUTH` says how the bot signs in to it; off, the bot
 * does everything it did before Graph (reminders fall back to the meeting chat, attendance is typed).
 */

/** How the bot signs in to Graph as itself (application permissions, scope `https://graph.microsoft.com/.default`). */
export type GraphAuth =
  /** An Entra app's client secret; tokens are asked for in each chat's own tenant unless `tenantId` pins one. */
  | { kind: 'clientSecret'; clientId: string; clientSecret: string; tenantId?: string }
  /** The App Service's managed identity: tokens for its own tenant only. */
  | { kind: 'managedIdentity'; clientId?: string; tenantId: string }
  /** No token at all: for tests against a fake Graph on this machine, refused anywhere else. */
  | { kind: 'none' };

/** Everything the Graph adapter needs. */
export interface GraphConfig {
  /** Graph's base address, without a trailing slash (`https://graph.microsoft.com`). */
  endpoint: string;
  auth: GraphAuth;
  /**
   * The app's id in the organisation's Teams app catalog (not the manifest id): installing the app
   * for people needs it. Without it the bot still takes attendance but installs nothing.
   */
  teamsAppCatalogId?: string;
  /**
   * `COPILOT_INSIGHTS=on`: after each meeting, offer the action items of Copilot's recap as
   * suggested actions (needs `OnlineMeetingAiInsight.Read.All` and Copilot licences).
   */
  copilotInsights?: boolean;
}

/** The Graph scope for application permissions. */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

const AUTH_KINDS = ['off', 'clientSecret', 'managedIdentity', 'none'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads `GRAPH_AUTH`, `GRAPH_ENDPOINT`, `GRAPH_CLIENT_ID`, `GRAPH_CLIENT_SECRET`, `GRAPH_TENANT_ID`,
 * `TEAMS_APP_CATALOG_ID` (the bot's own credentials stand in for the client id, secret and tenant)
 * and `COPILOT_INSIGHTS`. Undefined when Graph is off. Problems are added to `problems`, worded as
 * what to set.
 */
export function readGraphConfig(
  value: (name: string) => string | undefined,
  production: boolean,
  problems: string[],
  /** The bot's own identity as config.ts resolved it (its type defaulted as there), for Graph to sign in as by default. */
  bot: { type: string; id: string } = { type: '', id: '' },
): GraphConfig | undefined {
  const kind = value('GRAPH_AUTH') ?? 'off';
  const copilot = value('COPILOT_INSIGHTS') ?? 'off';
  if (!['on', 'off'].includes(copilot)) problems.push(`COPILOT_INSIGHTS must be "on" (suggested actions from Copilot's meeting recaps) or "off"; it is "${copilot}".`);
  if (!AUTH_KINDS.includes(kind)) {
    problems.push(`GRAPH_AUTH must be clientSecret, managedIdentity or off (none only for tests against a local fake Graph); it is "${kind}".`);
    return undefined;
  }
  if (kind === 'off') {
    if (copilot === 'on') problems.push('COPILOT_INSIGHTS=on reads meeting recaps through Microsoft Graph: set GRAPH_AUTH too (docs/DEPLOY.md § Microsoft Graph).');
    return undefined;
  }
  const endpoint = (value('GRAPH_ENDPOINT') ?? 'https://graph.microsoft.com').replace(/\/+$/, '');
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    problems.push(`GRAPH_ENDPOINT must be a URL such as https://graph.microsoft.com; it is "${endpoint}".`);
  }
  const loopback = url !== undefined && isLoopback(url.hostname);
  if (url && url.protocol !== 'https:' && !(kind === 'none' && loopback)) problems.push(`GRAPH_ENDPOINT must use https (it is "${endpoint}"); only a local fake Graph with GRAPH_AUTH=none may use http.`);
  const catalogId = value('TEAMS_APP_CATALOG_ID');
  if (catalogId && !GUID.test(catalogId)) problems.push(`TEAMS_APP_CATALOG_ID must be the app's id in your Teams app catalog (a GUID, as \`atk publish\` writes to TEAMS_APP_PUBLISHED_APP_ID); it is "${catalogId}".`);
  const auth = readAuth(kind, value, { production, loopback, endpoint, bot }, problems);
  return auth ? { endpoint, auth, ...(catalogId ? { teamsAppCatalogId: catalogId } : {}), ...(copilot === 'on' ? { copilotInsights: true } : {}) } : undefined;
}

function readAuth(
  kind: string,
  value: (name: string) => string | undefined,
  where: { production: boolean; loopback: boolean; endpoint: string; bot: { type: string; id: string } },
  problems: string[],
): GraphAuth | undefined {
  if (kind === 'none') {
    if (where.production) problems.push('GRAPH_AUTH=none is for tests only and is refused when NODE_ENV=production. Set GRAPH_AUTH=managedIdentity or clientSecret.');
    if (!where.loopback) problems.push(`GRAPH_AUTH=none sends requests without a token, so GRAPH_ENDPOINT must be this machine (127.0.0.1, localhost or ::1); it is "${where.endpoint}".`);
    return { kind: 'none' };
  }
  const tenantId = value('GRAPH_TENANT_ID') ?? value('BOT_TENANT_ID') ?? value('MicrosoftAppTenantId');
  if (kind === 'clientSecret') {
    const clientId = value('GRAPH_CLIENT_ID') ?? value('BOT_ID') ?? value('MicrosoftAppId');
    const clientSecret = value('GRAPH_CLIENT_SECRET') ?? value('BOT_PASSWORD') ?? value('MicrosoftAppPassword');
    if (!clientId || !clientSecret) {
      problems.push('GRAPH_AUTH=clientSecret needs an Entra app: set GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET (or BOT_ID and BOT_PASSWORD, which they default to).');
      return undefined;
    }
    // A tenant is pinned only when named for Graph; the bot's own BOT_TENANT_ID would stop a multi-tenant bot reaching other tenants.
    const pinned = value('GRAPH_TENANT_ID');
    return { kind: 'clientSecret', clientId, clientSecret, ...(pinned ? { tenantId: pinned } : {}) };
  }
  const clientId = value('GRAPH_CLIENT_ID') ?? value('AZURE_CLIENT_ID') ?? (where.bot.type === 'UserAssignedMSI' && where.bot.id ? where.bot.id : undefined);
  if (!tenantId) {
    problems.push('GRAPH_AUTH=managedIdentity needs the identity\'s tenant: set GRAPH_TENANT_ID (or BOT_TENANT_ID).');
    return undefined;
  }
  return { kind: 'managedIdentity', tenantId, ...(clientId ? { clientId } : {}) };
}

/** Whether a host name is this machine. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
