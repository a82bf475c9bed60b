import { readConfig } from '../src/config';
import { LOCAL_COSMOS_KEY } from './store/localCosmosServer';

test('COSMOS_ENDPOINT_DISCOVERY=false turns endpoint discovery off; unset leaves the SDK default; anything else is refused', () => {
  const env = { STORE: 'cosmos', COSMOS_ENDPOINT: 'http://127.0.0.1:8081', COSMOS_KEY: LOCAL_COSMOS_KEY };
  expect(readConfig({ ...env, COSMOS_ENDPOINT_DISCOVERY: 'false' }).store).toMatchObject({ connectionPolicy: { enableEndpointDiscovery: false } });
  expect(readConfig(env).store).not.toHaveProperty('connectionPolicy');
  expect(() => readConfig({ ...env, COSMOS_ENDPOINT_DISCOVERY: 'no' })).toThrow(/COSMOS_ENDPOINT_DISCOVERY must be true or false/);
});
