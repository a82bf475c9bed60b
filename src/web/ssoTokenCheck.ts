import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { SsoConfig } from './tabsConfig';
import { SignInRefused, type TabViewer } from './tabViewer';

/** The delegated scope Teams asks for on the tab's behalf (exposed by the Entra app). */
export const SSO_SCOPE = 'access_as_user';

/**
 * Checks a Teams SSO token (`authentication.getAuthToken`) as Microsoft documents for a web API:
 * the signature against the published keys (fetched and cached by jose, refreshed when a new key
 * id appears), the audience (the app's client id for a v2.0 token, its Application ID URI for a
 * v1.0 one), the issuer of the token's own tenant, its lifetime, and the `access_as_user` scope.
 */
export class SsoTokenCheck {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly config: SsoConfig) {
    this.keys = createRemoteJWKSet(new URL(config.keysUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
  }

  /** The viewer a valid token names; throws `SignInRefused` saying what is wrong otherwise. */
  async viewerOf(token: string, now: Date): Promise<TabViewer> {
    const unverified = safeDecode(token);
    const tenantId = typeof unverified?.['tid'] === 'string' ? unverified['tid'] : undefined;
    if (!tenantId || !/^[0-9a-f-]{36}$/i.test(tenantId)) throw new SignInRefused('The sign-in token names no tenant.');
    const issuers = this.config.issuers.map((issuer) => issuer.replace('{tenantid}', tenantId));
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        audience: [this.config.appId, this.config.resource],
        issuer: issuers,
        algorithms: ['RS256'],
        currentDate: now,
        clockTolerance: 60,
        requiredClaims: ['exp', 'iat', 'oid'],
      }));
    } catch (error) {
      throw new SignInRefused(reasonOf(error));
    }
    // The issuer was chosen from the unverified `tid`; the verified one must be the same tenant.
    if (payload['tid'] !== tenantId) throw new SignInRefused('The sign-in token names another tenant than it was issued by.');
    const scopes = typeof payload['scp'] === 'string' ? payload['scp'].split(' ') : [];
    if (!scopes.includes(SSO_SCOPE)) throw new SignInRefused(`The sign-in token does not grant ${SSO_SCOPE}.`);
    const userId = String(payload['oid']);
    const name = typeof payload['name'] === 'string' && payload['name'].trim() ? payload['name'].trim() : 'Someone';
    return { tenantId, userId, name };
  }
}

function safeDecode(token: string): JWTPayload | undefined {
  try {
    return decodeJwt(token);
  } catch {
    return undefined;
  }
}

function reasonOf(error: unknown): string {
  // Microsoft's keys could not be fetched: not the token's fault, so not a 401.
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) throw error;
  if (error instanceof errors.JWTExpired) return 'The sign-in token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) return `The sign-in token is not for this app (${error.claim} does not match).`;
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWSSignatureVerificationFailed) return 'The sign-in token is not signed by Microsoft Entra ID.';
  if (error instanceof errors.JOSEError) return 'The sign-in token is not valid.';
  throw error;
}
