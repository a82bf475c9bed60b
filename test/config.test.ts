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
