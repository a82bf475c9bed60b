import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stageWebApp, type StagedWebApp } from '../../scripts/webapp/stage-webapp';
import { cardOf } from '../../testkit/botHarness';
import { FakeConnector } from '../../testkit/fakeConnector';
import { chatPerson, TeamsChat } from '../../testkit/teamsChat';

// What `atk deploy` uploads (m365agents.yml → npm run stage:webapp → build/webapp): the compiled bot
// and production dependencies only. Built, staged and started here the way App Service starts it.

jest.setTimeout(300_000);

const ROOT = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
let work: string;
let staged: StagedWebApp;
let bot: ChildProcess | undefined;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'meeting-actions-webapp-'));
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(work, 'dist')], { cwd: ROOT, stdio: 'inherit' });
  staged = stageWebApp({ root: ROOT, dist: join(work, 'dist'), folder: join(work, 'webapp') });
});

afterAll(async () => {
  if (bot && bot.exitCode === null) {
    const exited = new Promise((done) => bot?.once('exit', done));
    bot.kill('SIGTERM');
    await exited;
  }
  rmSync(work, { recursive: true, force: true });
});

test('holds the compiled bot, package.json and production dependencies, and no devDependency', () => {
  for (const file of ['dist/src/index.js', 'dist/scripts/tick.js', 'package.json', 'package-lock.json']) expect(existsSync(join(staged.folder, file))).toBe(true);
  for (const name of Object.keys(manifest.dependencies)) expect(existsSync(join(staged.folder, 'node_modules', name, 'package.json'))).toBe(true);
  // Development-only tools (each is only a devDependency, and nothing in production needs it).
  for (const name of ['jest', 'typescript', 'eslint', '@microsoft/teams-app-test-tool', '@vercel/cosmosdb-server', '@swc/core', 'adaptivecards', 'jszip']) {
    expect(name in manifest.devDependencies).toBe(true);
    expect(existsSync(join(staged.folder, 'node_modules', name))).toBe(false);
  }
  for (const folder of ['src', 'test', 'testkit', 'scripts', 'bench', 'docs', 'infra', 'dist/testkit', 'dist/bench']) expect(existsSync(join(staged.folder, folder))).toBe(false);
  // docs/DEPLOY.md states the size; a dev dependency slipping in would show here first.
  expect(staged.nodeModulesBytes).toBeLessThan(500 * 1024 * 1024);
});

test('starts from the staged folder alone, as App Service runs it, and answers Teams', async () => {
  const connector = await new FakeConnector().start();
  try {
    bot = spawn(process.execPath, ['dist/src/index.js'], {
      cwd: staged.folder,
      env: { PATH: process.env['PATH'] ?? '', PORT: '0', STORE: 'sqlite', DATA_DIR: join(work, 'data'), LOG_LEVEL: 'info', SCHEDULER: 'off', NODE_PATH: '' },
    });
    const url = await new Promise<string>((done, fail) => {
      let output = '';
      bot?.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const listening = /listening on (http:\/\/[^/]+)\/api\/messages/.exec(output);
        if (listening?.[1]) done(listening[1]);
      });
      bot?.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      bot?.once('exit', (code) => fail(new Error(`the staged bot exited with ${String(code)}:\n${output}`)));
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const chat = new TeamsChat(connector.url);
    const ellen = chatPerson('Ellen Footman');
    connector.setMembers(chat.conversationId, [ellen]);
    const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chat.message(ellen, '/action Circulate the audit report EF')) });
    expect(response.status).toBe(200);
    expect(cardOf(connector.sent.at(-1))).toBeDefined();
  } finally {
    await connector.stop();
  }
});
