/**
 * Settings for the tabs: which Entra app's tokens the tab API accepts (Teams single sign-on), and
 * whether the development sign-in is on. Read beside the rest of the configuration; problems go in
 * the same list so start-up names them all.
 */

/** Microsoft's published signing keys for Entra ID tokens (every tenant signs with these). */
export const ENTRA_KEYS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
/** The issuers of Entra ID tokens; `{tenantid}` is the token's own `tid`. v2.0 tokens, and v1.0 ones. */
export const ENTRA_ISSUERS = ['https://login.microsoftonline.com/{tenantid}/v2.0', 'https://sts.windows.net/{tenantid}/'];

/** How the tab API checks who is asking. */
export interface TabsConfig {
  /** Teams SSO: the Entra app in the manifest's `webApplicationInfo`; absent when none is configured. */
  sso?: SsoConfig;
  /**
   * Development sign-in (`?dev=1`): pick any chat member in a plain browser, no token. Only in local
   * mode (no BOT_ID) and never in production: `readTabsConfig` refuses it there.
   */
  devSignIn: boolean;
}

/** The Entra app whose tokens the tab API accepts, and where their signing keys are published. */
export interface SsoConfig {
  /** The app's client id (`webApplicationInfo.id`): the `aud` of a v2.0 token. */
  appId: string;
  /** Its Application ID URI (`webApplicationInfo.resource`): the `aud` of a v1.0 token. */
  resource: string;
  /** JWKS address; Microsoft's unless a test points it at its own keys on this machine. */
  keysUrl: string;
  /** Accepted issuers, `{tenantid}` standing for the token's tenant. */
  issuers: string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads `TAB_SSO_APP_ID` and `TAB_SSO_RESOURCE` (default `api://<public host>/<app id>`, the form
 * Teams requires for a tab), and the test-only `TAB_SSO_KEYS_URL` / `TAB_SSO_ISSUER`, which are
 * refused in production and anywhere but this machine, so no deployment can be pointed at forged keys.
 */
export function readTabsConfig(
  value: (name: string) => string | undefined,
  context: { production: boolean; localMode: boolean; publicUrl?: string },
  problems: string[],
): TabsConfig {
  const appId = value('TAB_SSO_APP_ID');
  if (appId && !GUID.test(appId)) problems.push(`TAB_SSO_APP_ID must be the client id (a GUID) of the Entra app that Teams single sign-on uses; it is "${appId}".`);
  const host = context.publicUrl ? new URL(context.publicUrl).host : undefined;
  const resource = value('TAB_SSO_RESOURCE') ?? (appId && host ? `api://${host}/${appId}` : undefined);
  if (appId && !resource) problems.push('TAB_SSO_APP_ID is set but the tabs\' Application ID URI is unknown: set TAB_SSO_RESOURCE (api://<your domain>/<app id>) or PUBLIC_URL.');
  if (resource && !/^api:\/\/\S+$/.test(resource)) problems.push(`TAB_SSO_RESOURCE must be an Application ID URI such as api://meeting-actions.azurewebsites.net/<app id>; it is "${resource}".`);

  const keysUrl = value('TAB_SSO_KEYS_URL');
  const issuer = value('TAB_SSO_ISSUER');
  if ((keysUrl || issuer) && (context.production || !isLoopback(keysUrl))) {
    problems.push('TAB_SSO_KEYS_URL and TAB_SSO_ISSUER are for tests on this machine only: they must point at http://127.0.0.1 (or localhost) and are refused when NODE_ENV=production. Unset them; the bot checks tokens against Microsoft\'s published keys.');
  }
  const sso = appId && resource ? { appId, resource, keysUrl: keysUrl ?? ENTRA_KEYS_URL, issuers: issuer ? [issuer] : ENTRA_ISSUERS } : undefined;
  return { ...(sso ? { sso } : {}), devSignIn: context.localMode && !context.production };
}

/** Whether a URL names this machine. */
export function isLoopback(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { hostname } = new URL(url);
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
}
