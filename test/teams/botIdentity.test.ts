import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../src/config';
import { systemClock } from '../../src/domain/clock';
import { MinutesLinks } from '../../src/minutes/minutesLinks';
import { createLogger } from '../../src/observability/logger';
import { createUseCases } from '../../src/services/useCases';
import { openStorage } from '../../src/store/openStorage';
import type { Storage } from '../../src/store/storage';
import { createTeamsAdapter } from '../../src/teams/botframework/createTeamsAdapter';
import { guardNetwork, type NetworkGuard } from '../http/networkGuard';

// The single-tenant Entra app option (botIdentity=SingleTenantApp in infra/azure.bicep): the bot signs in
// as its app registration with no secret, presenting a token of the managed identity the app trusts.
// Azure is not here, so App Service's managed-identity endpoint is a fake on 127.0.0.1, and the test
// follows the real SDKs up to the point where they would leave the machine for Entra ID.

const APP_ID = '6b1a3c2e-0000-4000-8000-00000000b07a';
const TENANT_ID = '7c2b4d3f-0000-4000-8000-0000000e4a7c';
const MANAGED_IDENTITY = '8d3c5e40-0000-4000-8000-0000000001d0';

describe('readConfig: an Entra app that trusts a managed identity', () => {
  test('BOT_FEDERATED_CLIENT_ID signs in without a password, as SingleTenant unless BOT_TYPE says otherwise', () => {
    const config = readConfig({ BOT_ID: APP_ID, BOT_TENANT_ID: TENANT_ID, BOT_FEDERATED_CLIENT_ID: MANAGED_IDENTITY });
    expect(config.credentials).toEqual({ appId: APP_ID, appPassword: '', appType: 'SingleTenant', tenantId: TENANT_ID, federatedClientId: MANAGED_IDENTITY });
    expect(config.localMode).toBe(false);
  });

  test('says what to set when the app has neither a password nor a federated credential, or both', () => {
    expect(() => readConfig({ BOT_ID: APP_ID, BOT_TYPE: 'SingleTenant', BOT_TENANT_ID: TENANT_ID })).toThrow(
      'BOT_ID is set but BOT_PASSWORD is not. Set BOT_PASSWORD, or BOT_FEDERATED_CLIENT_ID (the managed identity the Entra app trusts), or BOT_TYPE=UserAssignedMSI for a managed identity.',
    );
    expect(() => readConfig({ BOT_ID: APP_ID, BOT_TENANT_ID: TENANT_ID, BOT_PASSWORD: 'x', BOT_FEDERATED_CLIENT_ID: MANAGED_IDENTITY })).toThrow('Set BOT_PASSWORD or BOT_FEDERATED_CLIENT_ID, not both');
    expect(() => readConfig({ BOT_ID: APP_ID, BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: TENANT_ID, BOT_FEDERATED_CLIENT_ID: MANAGED_IDENTITY })).toThrow('BOT_FEDERATED_CLIENT_ID is for an Entra app');
  });
});

describe('sending as the Entra app', () => {
  let identityEndpoint: Server;
  const identityRequests: Array<{ url: string; header: string | undefined }> = [];
  let network: NetworkGuard;
  let storage: Storage;
  let dataDir: string;
  const saved = { endpoint: process.env['IDENTITY_ENDPOINT'], header: process.env['IDENTITY_HEADER'] };

  beforeAll(async () => {
    // App Service's managed-identity endpoint, as MSAL finds it: IDENTITY_ENDPOINT and IDENTITY_HEADER.
    identityEndpoint = createServer((req, res) => {
      identityRequests.push({ url: req.url ?? '', header: req.headers['x-identity-header'] as string | undefined });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ access_token: 'managed-identity-assertion', expires_on: String(Math.floor(Date.now() / 1000) + 3600), resource: 'api://AzureADTokenExchange', token_type: 'Bearer', client_id: MANAGED_IDENTITY }));
    });
    await new Promise<void>((resolve) => identityEndpoint.listen(0, '127.0.0.1', resolve));
    process.env['IDENTITY_ENDPOINT'] = `http://127.0.0.1:${(identityEndpoint.address() as AddressInfo).port}/msi/token`;
    process.env['IDENTITY_HEADER'] = 'app-service-identity-header';
    dataDir = mkdtempSync(join(tmpdir(), 'meeting-actions-identity-'));
    storage = await openStorage({ kind: 'sqlite', dataDir });
    network = guardNetwork();
  });

  afterAll(async () => {
    network.restore();
    await storage.close();
    rmSync(dataDir, { recursive: true, force: true });
    await new Promise<void>((resolve) => identityEndpoint.close(() => resolve()));
    for (const [name, value] of [['IDENTITY_ENDPOINT', saved.endpoint], ['IDENTITY_HEADER', saved.header]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  test('asks the managed identity for a token to present to Entra ID as the app, and then asks Entra ID, not for a secret', async () => {
    const logger = createLogger('silent');
    const room = {
      useCases: createUseCases({ storage, logger, defaultTimeZone: 'Europe/London', chairDigestLeadHours: 24 }),
      minutesLinks: new MinutesLinks('a-secret-of-at-least-thirty-two-characters', () => 'http://127.0.0.1'),
      logger,
      defaultTimeZone: 'Europe/London',
    };
    const credentials = readConfig({ BOT_ID: APP_ID, BOT_TENANT_ID: TENANT_ID, BOT_FEDERATED_CLIENT_ID: MANAGED_IDENTITY }).credentials;
    const teams = createTeamsAdapter(room, credentials, { clock: systemClock, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });

    await expect(teams.messenger.post({ serviceUrl: 'https://smba.trafficmanager.net/emea/', conversationId: '19:meeting@thread.v2', isGroup: true }, { card: {}, text: 'Hello' })).rejects.toThrow();

    expect(identityRequests).toHaveLength(1);
    const request = new URL(identityRequests[0]?.url ?? '', 'http://127.0.0.1');
    expect(request.searchParams.get('resource')).toBe('api://AzureADTokenExchange');
    expect(request.searchParams.get('client_id')).toBe(MANAGED_IDENTITY);
    expect(identityRequests[0]?.header).toBe('app-service-identity-header');
    // Next the SDK goes to Entra ID for the app's own token (the guard refuses it: no Azure here), and
    // never reached the Bot Connector without one.
    expect(network.refused).toEqual(['login.microsoftonline.com:443']);
  });
});
