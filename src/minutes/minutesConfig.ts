/**
 * Settings for minutes links: the signing secret and the public address links point at.
 * Read beside the rest of the configuration; problems go in the same list so start-up names them all.
 */
import { randomBytes } from 'node:crypto';

/** How the bot signs and addresses minutes links. */
export interface MinutesConfig {
  /** HMAC key for links (`MINUTES_LINK_SECRET`). */
  linkSecret: string;
  /** True when no secret was configured and one was made up for this process (links die on restart). */
  secretGenerated: boolean;
  /** Public base URL of the bot (`PUBLIC_URL`, else App Service's `WEBSITE_HOSTNAME`); absent means the server's own address. */
  publicUrl?: string;
}

const MIN_SECRET_LENGTH = 32;

/** Reads `MINUTES_LINK_SECRET` and `PUBLIC_URL`; production needs a configured secret, so links survive restarts and instances agree. */
export function readMinutesConfig(value: (name: string) => string | undefined, production: boolean, problems: string[]): MinutesConfig {
  const secret = value('MINUTES_LINK_SECRET');
  if (secret && secret.length < MIN_SECRET_LENGTH) problems.push(`MINUTES_LINK_SECRET must be at least ${MIN_SECRET_LENGTH} characters (e.g. openssl rand -base64 48).`);
  if (!secret && production) problems.push('MINUTES_LINK_SECRET is not set. In production the bot signs minutes links with it: set it to a random string of 32+ characters (e.g. openssl rand -base64 48), the same on every instance.');
  const hostname = value('WEBSITE_HOSTNAME');
  const publicUrl = value('PUBLIC_URL') ?? (hostname ? `https://${hostname}` : undefined);
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl)) problems.push(`PUBLIC_URL must be the bot's public address, such as https://meeting-actions.azurewebsites.net; it is "${publicUrl}".`);
  return {
    linkSecret: secret ?? randomBytes(48).toString('base64url'),
    secretGenerated: !secret,
    ...(publicUrl ? { publicUrl: publicUrl.replace(/\/+$/, '') } : {}),
  };
}
