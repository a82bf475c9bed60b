import { SsoTokenCheck } from './ssoTokenCheck';
import type { TabsConfig } from './tabsConfig';
import { SignInRefused, type TabViewer } from './tabViewer';

/** The scheme of the development sign-in's Authorization header: `Dev <base64url of {"tenantId","userId","name"}>`. */
export const DEV_SCHEME = 'Dev';

/**
 * Works out who sent a tab API request from its Authorization header: a Teams SSO token
 * (`Bearer …`), checked against Entra ID; or, only when the development sign-in is on (local mode,
 * never production), the person picked on the `?dev=1` page.
 */
export class TabSignIn {
  private readonly sso?: SsoTokenCheck;

  constructor(private readonly config: TabsConfig) {
    if (config.sso) this.sso = new SsoTokenCheck(config.sso);
  }

  /** Whether the `?dev=1` sign-in is on. */
  get devSignIn(): boolean {
    return this.config.devSignIn;
  }

  /** The viewer the header proves; throws `SignInRefused` with what to do when it proves nobody. */
  async viewerOf(authorization: string | undefined, now: Date): Promise<TabViewer> {
    const [scheme = '', credential = ''] = (authorization ?? '').trim().split(/\s+/, 2);
    if (scheme.toLowerCase() === 'bearer' && credential) {
      if (!this.sso) throw new SignInRefused('Teams single sign-on is not set up on this bot (TAB_SSO_APP_ID). Ask whoever runs it to follow docs/DEPLOY.md.');
      return this.sso.viewerOf(credential, now);
    }
    if (scheme === DEV_SCHEME && credential) {
      if (!this.config.devSignIn) throw new SignInRefused('The development sign-in is only for a bot in local mode; open the tab in Teams.');
      return readDevViewer(credential);
    }
    throw new SignInRefused('Sign in first: open this page as a tab in Teams (or, for a bot in local mode, with ?dev=1).');
  }
}

function readDevViewer(credential: string): TabViewer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(credential, 'base64url').toString('utf8'));
  } catch {
    throw new SignInRefused('The development sign-in is not readable; pick the person again on the ?dev=1 page.');
  }
  const { tenantId, userId, name } = (parsed ?? {}) as Record<string, unknown>;
  if (typeof tenantId !== 'string' || typeof userId !== 'string' || !tenantId || !userId) {
    throw new SignInRefused('The development sign-in names nobody; pick the person again on the ?dev=1 page.');
  }
  return { tenantId, userId, name: typeof name === 'string' && name ? name : 'Someone' };
}
