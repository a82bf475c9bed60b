import type { HostContext, HostTheme, PageFrame, PageHost } from './pageHost';

/** Who the development sign-in signed in as, kept for the browser tab's session. */
export interface DevIdentity {
  tenantId: string;
  userId: string;
  name: string;
  chatId: string;
}

const KEY = 'meeting-actions.dev-sign-in';

/** The identity picked on the `?dev=1` page, if any. */
export function savedDevIdentity(): DevIdentity | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as DevIdentity | null;
    return saved?.tenantId && saved.userId && saved.chatId ? saved : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the picked identity for this browser tab. */
export function saveDevIdentity(identity: DevIdentity): void {
  sessionStorage.setItem(KEY, JSON.stringify(identity));
}

/** Forgets the picked identity ("Sign in as someone else"). */
export function forgetDevIdentity(): void {
  sessionStorage.removeItem(KEY);
}

/**
 * The development sign-in for a bot in local mode: no Teams, no token. The URL chooses what Teams
 * would (`frame=sidePanel|meetingStage|content`, `theme=default|dark|contrast`); the server accepts
 * the `Dev` header only in local mode, never in production.
 */
export function devHost(identity: DevIdentity, query: URLSearchParams): PageHost {
  const frame = (['sidePanel', 'meetingStage', 'content'] as const).find((candidate) => candidate === query.get('frame')) ?? 'content';
  const theme = (['dark', 'contrast'] as const).find((candidate) => candidate === query.get('theme')) ?? 'default';
  const context: HostContext = { chatId: identity.chatId, locale: query.get('locale') ?? 'en-GB', frame: frame as PageFrame, theme: theme as HostTheme };
  const header = `Dev ${base64url(JSON.stringify({ tenantId: identity.tenantId, userId: identity.userId, name: identity.name }))}`;
  return {
    kind: 'dev',
    context,
    authorization: async () => header,
    onThemeChange: () => undefined,
    canShareToStage: async () => frame === 'sidePanel',
    shareToStage: async (url) => {
      window.open(url, '_blank', 'noopener');
    },
  };
}

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
