import { readConfig } from '../../src/config';
import { readMinutesConfig } from '../../src/minutes/minutesConfig';
import { signMinutesLink, verifyMinutesLink, type MinutesLinkClaims } from '../../src/minutes/minutesLink';

const SECRET = 'a-test-secret-that-is-long-enough-to-use';
const claims: MinutesLinkClaims = { tenantId: 't', conversationId: '19:meeting_x@thread.v2', meetingId: 'meeting-1', format: 'docx', requesterId: 'aad-1', expiresAt: 2_000 };

describe('minutes link tokens', () => {
  it('round-trips the claims until they expire', () => {
    const token = signMinutesLink(claims, SECRET);
    expect(verifyMinutesLink(token, SECRET, 1_999)).toEqual({ kind: 'valid', claims });
    expect(verifyMinutesLink(token, SECRET, 2_000)).toEqual({ kind: 'expired' });
  });

  it('refuses another secret, a changed claim, and shapes that are not tokens', () => {
    const token = signMinutesLink(claims, SECRET);
    expect(verifyMinutesLink(token, `${SECRET}x`, 0)).toEqual({ kind: 'invalid' });
    const otherFormat = signMinutesLink({ ...claims, format: 'md' }, SECRET).split('.')[0];
    expect(verifyMinutesLink(`${otherFormat}.${token.split('.')[1]}`, SECRET, 0)).toEqual({ kind: 'invalid' });
    for (const bad of ['', '.', 'a.b.c', token.replace('.', '')]) expect(verifyMinutesLink(bad, SECRET, 0)).toEqual({ kind: 'invalid' });
  });
});

describe('minutes configuration', () => {
  it('makes up a secret outside production and says so', () => {
    const config = readMinutesConfig(() => undefined, false, []);
    expect(config.secretGenerated).toBe(true);
    expect(config.linkSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('requires MINUTES_LINK_SECRET in production, of a useful length', () => {
    const credentials = { NODE_ENV: 'production', BOT_ID: '11111111-2222-3333-4444-555555555555', BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: 'tenant' };
    expect(() => readConfig(credentials)).toThrow(/MINUTES_LINK_SECRET is not set/);
    expect(() => readConfig({ ...credentials, MINUTES_LINK_SECRET: 'short' })).toThrow(/at least 32 characters/);
    expect(readConfig({ ...credentials, MINUTES_LINK_SECRET: SECRET }).minutes).toEqual({ linkSecret: SECRET, secretGenerated: false });
  });

  it('points links at PUBLIC_URL, else App Service\'s host name', () => {
    const env = (values: Record<string, string>) => (name: string) => values[name];
    expect(readMinutesConfig(env({ PUBLIC_URL: 'https://bot.example.org/' }), false, []).publicUrl).toBe('https://bot.example.org');
    expect(readMinutesConfig(env({ WEBSITE_HOSTNAME: 'meetact.azurewebsites.net' }), false, []).publicUrl).toBe('https://meetact.azurewebsites.net');
    const problems: string[] = [];
    readMinutesConfig(env({ PUBLIC_URL: 'bot.example.org' }), false, problems);
    expect(problems).toEqual([expect.stringContaining('PUBLIC_URL must be')]);
  });
});
