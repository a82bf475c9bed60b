import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../src/config';
import { startBotProcess, type BotProcess } from './botProcess';

// In local mode nothing authenticates requests, so the bot keeps to this machine unless HOST says
// otherwise; the log says where it listens either way.

/** An address of this machine that another machine could use, if it has one. */
function outwardAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`)).ok;
  } catch {
    return false;
  }
}

describe('readConfig picks the address to listen on', () => {
  test('loopback without BOT_ID, every interface with it, and HOST wins over both', () => {
    expect(readConfig({}).host).toBe('127.0.0.1');
    expect(readConfig({ BOT_ID: 'a', BOT_PASSWORD: 'b' }).host).toBe('0.0.0.0');
    expect(readConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(readConfig({ BOT_ID: 'a', BOT_PASSWORD: 'b', HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
    expect(() => readConfig({ HOST: 'http://0.0.0.0' })).toThrow('HOST must be an address to listen on, such as 127.0.0.1, 0.0.0.0 or ::; it is "http://0.0.0.0".');
  });
});

describe('the real entry point', () => {
  let dataDir: string;
  let bot: BotProcess | undefined;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'meeting-actions-listen-'));
  });
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('in local mode listens on 127.0.0.1 only, and its log says so', async () => {
    bot = await startBotProcess({ STORE: 'sqlite', DATA_DIR: dataDir, LOG_LEVEL: 'info', SCHEDULER: 'off' });
    expect(bot.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const listening = bot.logs.find((entry) => String(entry['msg']).startsWith('meeting-actions listening on'));
    expect(listening?.['host']).toBe('127.0.0.1');
    expect(String(listening?.['msg'])).toContain('(this machine only, HOST=127.0.0.1;');
    expect(bot.logs.map((entry) => String(entry['msg']))).toContain(
      'local mode: no BOT_ID is set, so requests are not authenticated; only this machine can reach it (set HOST=0.0.0.0 to accept others). Use it for tests and the Agents Playground.',
    );
    expect(await answers(bot.url)).toBe(true);
    const outward = outwardAddress();
    if (outward) expect(await answers(bot.url.replace('127.0.0.1', outward))).toBe(false);
    // No deprecation or other warning from Node or a library, and none hidden with --disable-warning.
    expect(bot.stderr()).not.toMatch(/Warning/);
  });

  test('with HOST=0.0.0.0 listens on every interface, and its log says so', async () => {
    bot = await startBotProcess({ STORE: 'sqlite', DATA_DIR: dataDir, LOG_LEVEL: 'info', SCHEDULER: 'off', HOST: '0.0.0.0' });
    const listening = bot.logs.find((entry) => String(entry['msg']).startsWith('meeting-actions listening on'));
    expect(String(listening?.['msg'])).toContain('(every network interface, HOST=0.0.0.0;');
    expect(bot.logs.map((entry) => String(entry['msg']))).toContain(
      'local mode: no BOT_ID is set, so requests are not authenticated; HOST=0.0.0.0 lets other machines reach it. Use it for tests and the Agents Playground.',
    );
    const outward = outwardAddress();
    if (outward) expect(await answers(bot.url.replace('127.0.0.1', outward))).toBe(true);
  });
});
