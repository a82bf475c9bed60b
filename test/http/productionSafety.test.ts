import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../src/config';
import { createLogger } from '../../src/observability/logger';
import { startBot, type RunningBot } from '../../src/startBot';
import { localConfig } from '../../testkit/botHarness';
import { FakeConnector } from '../../testkit/fakeConnector';
import { chatPerson, TeamsChat } from '../../testkit/teamsChat';
import { REPO, refusedBy, runEntryPoint } from './entryPoint';
import { guardNetwork, type NetworkGuard } from './networkGuard';

describe('production refuses to start without bot credentials', () => {
  test('readConfig names BOT_ID', () => {
    expect(() => readConfig({ NODE_ENV: 'production' })).toThrow(/BOT_ID is not set/);
  });

  test('the real entry point exits with code 1 and says what to set', () => {
    const run = runEntryPoint({ NODE_ENV: 'production' });
    expect(run.stderr).toContain('The bot cannot start');
    expect(run.stderr).toContain('BOT_ID is not set');
    expect(run.stdout).not.toContain('listening');
    expect(refusedBy(run.stderr)).toEqual([]);
    expect(run.status).toBe(1);
  });
});

describe('with credentials, /api/messages only accepts requests the Bot Framework signed', () => {
  let connector: FakeConnector;
  let bot: RunningBot;
  let network: NetworkGuard;
  let dataDir: string;

  beforeAll(async () => {
    // botbuilder prints each refused request with console.error; the status code is what is tested.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    network = guardNetwork();
    connector = await new FakeConnector().start();
    dataDir = mkdtempSync(join(tmpdir(), 'meeting-actions-auth-'));
    const config = localConfig(dataDir, {
      // A made-up app id and password: nothing here is ever sent anywhere.
      credentials: { appId: '11111111-2222-3333-4444-555555555555', appPassword: 'not-a-real-password', appType: 'MultiTenant', tenantId: '' },
      localMode: false,
      production: true,
    });
    bot = await startBot(config, { host: '127.0.0.1', logger: createLogger('silent') });
  });

  afterAll(async () => {
    await bot.stop();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
    network.restore();
    jest.restoreAllMocks();
  });

  async function postMessage(authorization?: string): Promise<number> {
    const chat = new TeamsChat(connector.url);
    const activity = chat.message(chatPerson('Sarah Berry'), '/action Draft letter to the panel by Friday');
    const response = await fetch(`${bot.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity),
    });
    await response.text();
    return response.status;
  }

  // Only requests botbuilder rejects before it looks for signing keys are tested here. A token that
  // decodes as a JWT from a Bot Framework issuer makes it fetch the OpenID metadata from
  // login.botframework.com, which a test must not do; these three are refused on their shape alone.
  test('a request without an Authorization header gets 401', async () => {
    expect(await postMessage()).toBe(401);
  });

  test('a Bearer token that is not a JWT gets 401', async () => {
    expect(await postMessage('Bearer not-a-jwt')).toBe(401);
  });

  test('a JWT from an issuer the Bot Framework does not trust gets 401', async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const forged = `${part({ alg: 'none', typ: 'JWT' })}.${part({ iss: 'https://attacker.example', aud: '11111111-2222-3333-4444-555555555555' })}.`;
    expect(await postMessage(`Bearer ${forged}`)).toBe(401);
  });

  test('nothing was sent to Teams and no connection left the machine', () => {
    expect(connector.sent).toEqual([]);
    expect(network.refused).toEqual([]);
  });
});

describe('secrets stay out of git', () => {
  test('.gitignore covers the Toolkit secret files and the generated local settings', () => {
    const ignored = ['.env.local.user', 'env/.env.dev.user', 'env/.env.local.user', '.localConfigs', '.localConfigs.playground'];
    // git itself decides: exit status 0 and every path echoed means every path is ignored.
    const out = execFileSync('git', ['check-ignore', '--no-index', ...ignored], { cwd: REPO, encoding: 'utf8' });
    expect(out.trim().split('\n')).toEqual(ignored);
  });

  test('no tracked file holds something that looks like a secret', () => {
    const patterns: Array<[string, RegExp]> = [
      ['a storage or Cosmos account key', /AccountKey=[A-Za-z0-9+/]{20,}/],
      ['a bot password assignment', /^\s*(export\s+)?(SECRET_)?(BOT_PASSWORD|MicrosoftAppPassword|COSMOS_KEY)[ \t]*=[ \t]*\S/m],
      ['an Entra client secret', /[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}/],
      ['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
      ['an Application Insights key that is not all zeros', /InstrumentationKey=(?!0{8}-0{4}-0{4}-0{4}-0{12})[0-9a-f]{8}-/i],
    ];
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8' }).split('\0').filter(Boolean);
    expect(files.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const file of files.filter((name) => !/\.(png|zip|ico)$/.test(name))) {
      let text: string;
      try {
        text = readFileSync(join(REPO, file), 'utf8');
      } catch {
        continue; // Deleted in the work tree but not yet in a commit.
      }
      for (const [what, pattern] of patterns) if (pattern.test(text)) found.push(`${file}: ${what}`);
    }
    expect(found).toEqual([]);
  });
});
