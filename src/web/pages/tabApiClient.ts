import type { ChangeRequestBody, ChangeResponse, ErrorResponse } from '../tabApiTypes';
import type { PageHost } from './pageHost';

/** What a read of the tab API came to. */
export type ApiRead<T> = { kind: 'ok'; value: T } | { kind: 'unchanged' } | { kind: 'error'; status: number; message: string };

/**
 * The page's client for the tab API: every request signed in by the host (a Teams SSO token, or the
 * development sign-in), retried once with a fresh token after a 401 (an expired token).
 */
export class TabApiClient {
  private readonly etags = new Map<string, string>();

  constructor(private readonly host: PageHost) {}

  /** GETs `path`, quoting the ETag of the last answer so an unchanged log costs a 304. */
  async read<T>(path: string): Promise<ApiRead<T>> {
    const url = this.url(path);
    const etag = this.etags.get(url);
    const response = await this.send(url, { headers: etag ? { 'if-none-match': etag } : {} });
    if (response.status === 304) return { kind: 'unchanged' };
    if (!response.ok) return { kind: 'error', status: response.status, message: await messageOf(response) };
    const tag = response.headers.get('etag');
    if (tag) this.etags.set(url, tag);
    return { kind: 'ok', value: (await response.json()) as T };
  }

  /** POSTs a change; the body's `requestId` makes a retry harmless. */
  async change(body: ChangeRequestBody): Promise<{ ok: true; value: ChangeResponse } | { ok: false; message: string }> {
    const response = await this.send(this.url('/api/tabs/change'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) return { ok: false, message: await messageOf(response) };
    return { ok: true, value: (await response.json()) as ChangeResponse };
  }

  private url(path: string): string {
    const separator = path.includes('?') ? '&' : '?';
    return `${path}${separator}locale=${encodeURIComponent(this.host.context.locale)}`;
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    const attempt = async (fresh: boolean) =>
      fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: await this.host.authorization(fresh) }, cache: 'no-cache' });
    const response = await attempt(false);
    return response.status === 401 && this.host.kind === 'teams' ? attempt(true) : response;
  }
}

async function messageOf(response: Response): Promise<string> {
  try {
    return ((await response.json()) as ErrorResponse).error ?? `The server answered ${response.status}.`;
  } catch {
    return `The server answered ${response.status}.`;
  }
}

/** A new id for one change request (kept across retries of that request). */
export function newRequestId(): string {
  return crypto.randomUUID();
}
