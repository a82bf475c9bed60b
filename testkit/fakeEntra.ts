import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';

/** What a Teams SSO token says, as a test wants it (every claim can be spoiled to test a refusal). */
export interface TokenClaims {
  tenantId: string;
  userId: string;
  name?: string;
  audience?: string;
  scope?: string;
  /** Seconds from now until it expires (negative: already expired). */
  expiresIn?: number;
  /** Issuer; default the v2.0 issuer of `tenantId` at this fake. */
  issuer?: string;
  /** Sign with a key the published set does not hold. */
  foreignKey?: boolean;
}

/**
 * A stand-in for Microsoft Entra ID on 127.0.0.1: publishes a signing key set (JWKS) the way
 * login.microsoftonline.com does and signs tokens with it, shaped as Teams' `getAuthToken` returns
 * them. The bot is pointed at it through TAB_SSO_KEYS_URL / TAB_SSO_ISSUER, allowed only for loopback.
 */
export class FakeEntra {
  url = '';
  /** How many times the bot fetched the key set. */
  keyFetches = 0;
  private server?: http.Server;
  private key?: { privateKey: KeyLike; jwk: JWK };
  private foreign?: KeyLike;

  constructor(readonly appId: string, readonly resource: string) {}

  /** Makes the keys and starts serving them. */
  async start(): Promise<this> {
    const pair = await generateKeyPair('RS256');
    this.key = { privateKey: pair.privateKey, jwk: { ...(await exportJWK(pair.publicKey)), kid: 'test-key-1', use: 'sig', alg: 'RS256' } };
    this.foreign = (await generateKeyPair('RS256')).privateKey;
    this.server = http.createServer((req, res) => {
      if (req.url === '/common/discovery/v2.0/keys') {
        this.keyFetches += 1;
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ keys: [this.key?.jwk] }));
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Where the bot should fetch keys from. */
  get keysUrl(): string {
    return `${this.url}/common/discovery/v2.0/keys`;
  }

  /** The issuer template the bot should accept (`{tenantid}` is filled from the token). */
  get issuerTemplate(): string {
    return `${this.url}/{tenantid}/v2.0`;
  }

  /** A v2.0 access token for the app, as Teams hands a tab from `getAuthToken`. */
  async token(claims: TokenClaims): Promise<string> {
    if (!this.key || !this.foreign) throw new Error('start the fake Entra first');
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ tid: claims.tenantId, oid: claims.userId, name: claims.name ?? 'Someone', scp: claims.scope ?? 'access_as_user', ver: '2.0', azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346' })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key-1', typ: 'JWT' })
      .setIssuer(claims.issuer ?? `${this.url}/${claims.tenantId}/v2.0`)
      .setAudience(claims.audience ?? this.appId)
      .setSubject(`sub-${claims.userId}`)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + (claims.expiresIn ?? 3600))
      .sign(claims.foreignKey ? this.foreign : this.key.privateKey);
  }
}
