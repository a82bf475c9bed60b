/**
 * Signed, expiring links to a meeting's minutes. The bot hands a link only to a member of the
 * meeting's chat; the link names the chat, meeting, format and requester, and an HMAC over all of
 * them (with a secret only the bot knows) means none can be changed to reach another chat's minutes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The two documents a link can fetch. */
export type MinutesFormat = 'docx' | 'md';

/** What a link grants: one format of one meeting's minutes, to one requester, until it expires. */
export interface MinutesLinkClaims {
  tenantId: string;
  conversationId: string;
  meetingId: string;
  format: MinutesFormat;
  /** Person id of the member the link was issued to; they must still be a member when it is used. */
  requesterId: string;
  /** Expiry, in milliseconds since the epoch. */
  expiresAt: number;
}

/** How long a link works: long enough to click during the meeting, short enough that a forwarded link soon dies. */
export const MINUTES_LINK_LIFETIME_MS = 60 * 60 * 1000;

/** The outcome of checking a token. */
export type LinkCheck = { kind: 'valid'; claims: MinutesLinkClaims } | { kind: 'expired' } | { kind: 'invalid' };

/** Signs claims into a URL-safe token: base64url(JSON) + "." + base64url(HMAC-SHA256). */
export function signMinutesLink(claims: MinutesLinkClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify([claims.tenantId, claims.conversationId, claims.meetingId, claims.format, claims.requesterId, claims.expiresAt])).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

/** Checks a token's signature first (so nothing unsigned is even parsed), then its expiry. */
export function verifyMinutesLink(token: string, secret: string, nowMs: number): LinkCheck {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { kind: 'invalid' };
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { kind: 'invalid' };
  const claims = readClaims(payload);
  if (!claims) return { kind: 'invalid' };
  return claims.expiresAt <= nowMs ? { kind: 'expired' } : { kind: 'valid', claims };
}

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`minutes-link\n${payload}`).digest('base64url');
}

function readClaims(payload: string): MinutesLinkClaims | undefined {
  try {
    const [tenantId, conversationId, meetingId, format, requesterId, expiresAt] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown[];
    const strings = [tenantId, conversationId, meetingId, requesterId].every((value) => typeof value === 'string');
    if (!strings || (format !== 'docx' && format !== 'md') || typeof expiresAt !== 'number') return undefined;
    return { tenantId, conversationId, meetingId, format, requesterId, expiresAt } as MinutesLinkClaims;
  } catch {
    return undefined;
  }
}
