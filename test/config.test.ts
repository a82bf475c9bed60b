import { readConfig } from '../src/config';
import { LOCAL_COSMOS_KEY } from './store/localCosmosServer';

test('COSMOS_ENDPOINT_DISCOVERY=false turns endpoint discovery off; unset leaves the SDK default; anything else is refused', () => {
  const env = { STORE: 'cosmos', COSMOS_ENDPOINT: 'http://127.0.0.1:8081', COSMOS_KEY: LOCAL_COSMOS_KEY };
  expect(readConfig({ ...env, COSMOS_ENDPOINT_DISCOVERY: 'false' }).store).toMatchObject({ connectionPolicy: { enableEndpointDiscovery: false } });
  expect(readConfig(env).store).not.toHaveProperty('connectionPolicy');
  expect(() => readConfig({ ...env, COSMOS_ENDPOINT_DISCOVERY: 'no' })).toThrow(/COSMOS_ENDPOINT_DISCOVERY must be true or false/);
});

test('the tabs accept test signing keys only on this machine and never in production; SSO needs a GUID app id', () => {
  const sso = { TAB_SSO_APP_ID: '3e1f5a7c-9b2d-4e6f-8a1c-2d3e4f5a6b7c', PUBLIC_URL: 'https://meeting-actions.example.org' };
  expect(readConfig(sso).tabs?.sso).toMatchObject({ resource: 'api://meeting-actions.example.org/3e1f5a7c-9b2d-4e6f-8a1c-2d3e4f5a6b7c', keysUrl: 'https://login.microsoftonline.com/common/discovery/v2.0/keys' });
  expect(readConfig({ ...sso, TAB_SSO_KEYS_URL: 'http://127.0.0.1:9999/keys' }).tabs?.sso?.keysUrl).toBe('http://127.0.0.1:9999/keys');
  expect(() => readConfig({ ...sso, TAB_SSO_KEYS_URL: 'https://keys.example.com/keys' })).toThrow(/for tests on this machine only/);
  const production = { ...sso, NODE_ENV: 'production', BOT_ID: '7c9d1e2f-3a4b-4c5d-8e6f-708192a3b4c5', BOT_PASSWORD: 'x', MINUTES_LINK_SECRET: 'y'.repeat(40) };
  expect(readConfig(production).tabs?.devSignIn).toBe(false);
  expect(() => readConfig({ ...production, TAB_SSO_KEYS_URL: 'http://127.0.0.1:9999/keys' })).toThrow(/refused when NODE_ENV=production/);
  expect(() => readConfig({ TAB_SSO_APP_ID: 'tabs' })).toThrow(/TAB_SSO_APP_ID must be the client id/);
  expect(readConfig({}).tabs?.devSignIn).toBe(true);
});

describe('Microsoft Graph', () => {
  it('is off unless GRAPH_AUTH says how to sign in', () => {
    expect(readConfig({}).graph).toBeUndefined();
    expect(readConfig({ GRAPH_AUTH: 'off' }).graph).toBeUndefined();
    expect(() => readConfig({ GRAPH_AUTH: 'yes' })).toThrow(/GRAPH_AUTH must be clientSecret, managedIdentity or off/);
  });

  it('signs in with a client secret, the bot\'s own by default, in each chat\'s tenant unless GRAPH_TENANT_ID pins one', () => {
    const bot = { BOT_ID: 'bot-app', BOT_PASSWORD: 'bot-secret', BOT_TENANT_ID: 'tenant-home', TEAMS_APP_CATALOG_ID: '7c5d8a2e-4f1b-4c3a-9e6d-2b8f0a1c3d4e' };
    expect(readConfig({ ...bot, GRAPH_AUTH: 'clientSecret' }).graph).toEqual({
      endpoint: 'https://graph.microsoft.com',
      auth: { kind: 'clientSecret', clientId: 'bot-app', clientSecret: 'bot-secret' },
      teamsAppCatalogId: '7c5d8a2e-4f1b-4c3a-9e6d-2b8f0a1c3d4e',
    });
    expect(readConfig({ ...bot, GRAPH_AUTH: 'clientSecret', GRAPH_CLIENT_ID: 'graph-app', GRAPH_CLIENT_SECRET: 's', GRAPH_TENANT_ID: 'tenant-b' }).graph?.auth).toEqual({
      kind: 'clientSecret', clientId: 'graph-app', clientSecret: 's', tenantId: 'tenant-b',
    });
    expect(() => readConfig({ GRAPH_AUTH: 'clientSecret' })).toThrow(/set GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET/);
  });

  it('signs in with the managed identity of the bot\'s own tenant', () => {
    const msi = { BOT_TYPE: 'UserAssignedMSI', BOT_ID: 'identity-client', BOT_TENANT_ID: 'tenant-home', GRAPH_AUTH: 'managedIdentity' };
    expect(readConfig(msi).graph?.auth).toEqual({ kind: 'managedIdentity', clientId: 'identity-client', tenantId: 'tenant-home' });
    // BOT_TYPE unset with a BOT_ID and no password is a managed identity too (as the bot itself reads it), not a system-assigned one.
    const unset = Object.fromEntries(Object.entries(msi).filter(([name]) => name !== 'BOT_TYPE'));
    expect(readConfig(unset).graph?.auth).toEqual({ kind: 'managedIdentity', clientId: 'identity-client', tenantId: 'tenant-home' });
    expect(() => readConfig({ GRAPH_AUTH: 'managedIdentity' })).toThrow(/set GRAPH_TENANT_ID \(or BOT_TENANT_ID\)/);
  });

  it('allows GRAPH_AUTH=none only against this machine and never in production', () => {
    expect(readConfig({ GRAPH_AUTH: 'none', GRAPH_ENDPOINT: 'http://127.0.0.1:4010/' }).graph).toEqual({ endpoint: 'http://127.0.0.1:4010', auth: { kind: 'none' } });
    expect(readConfig({ GRAPH_AUTH: 'none', GRAPH_ENDPOINT: 'http://[::1]:4010' }).graph?.auth).toEqual({ kind: 'none' });
    expect(() => readConfig({ GRAPH_AUTH: 'none' })).toThrow(/GRAPH_ENDPOINT must be this machine/);
    expect(() => readConfig({ GRAPH_AUTH: 'none', GRAPH_ENDPOINT: 'http://graph.example.org' })).toThrow(/GRAPH_ENDPOINT must be this machine/);
    const production = { NODE_ENV: 'production', BOT_ID: 'a', BOT_PASSWORD: 'b', MINUTES_LINK_SECRET: 'x'.repeat(40) };
    expect(() => readConfig({ ...production, GRAPH_AUTH: 'none', GRAPH_ENDPOINT: 'http://127.0.0.1:4010' })).toThrow(/GRAPH_AUTH=none is for tests only/);
  });

  it('refuses a plain-http endpoint with a real sign-in, and a catalog id that is not one', () => {
    const bot = { BOT_ID: 'bot-app', BOT_PASSWORD: 'bot-secret', GRAPH_AUTH: 'clientSecret' };
    expect(() => readConfig({ ...bot, GRAPH_ENDPOINT: 'http://127.0.0.1:4010' })).toThrow(/GRAPH_ENDPOINT must use https/);
    expect(() => readConfig({ ...bot, TEAMS_APP_CATALOG_ID: 'com.example.meeting-actions' })).toThrow(/TEAMS_APP_CATALOG_ID must be the app's id in your Teams app catalog/);
  });

  it('turns Copilot\'s suggested actions on only with COPILOT_INSIGHTS=on, and only with Graph', () => {
    const local = { GRAPH_AUTH: 'none', GRAPH_ENDPOINT: 'http://127.0.0.1:4010' };
    expect(readConfig(local).graph?.copilotInsights).toBeUndefined();
    expect(readConfig({ ...local, COPILOT_INSIGHTS: 'off' }).graph?.copilotInsights).toBeUndefined();
    expect(readConfig({ ...local, COPILOT_INSIGHTS: 'on' }).graph?.copilotInsights).toBe(true);
    expect(() => readConfig({ ...local, COPILOT_INSIGHTS: 'yes' })).toThrow(/COPILOT_INSIGHTS must be "on" .* or "off"; it is "yes"/);
    expect(() => readConfig({ COPILOT_INSIGHTS: 'on' })).toThrow(/COPILOT_INSIGHTS=on reads meeting recaps through Microsoft Graph: set GRAPH_AUTH too/);
  });
});
