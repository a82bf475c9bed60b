/**
 * `npm run dev:playground`: starts the bot (built dist/src/index.js) in local mode on the embedded store,
 * and the Microsoft 365 Agents Playground pointed at it; Ctrl+C stops both, and if one exits so does the other.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const port = process.env.PORT ?? '3978';
const playgroundPort = process.env.TEAMSAPPTESTER_PORT ?? '56150';

// The playground sends no Bot Framework token, so the bot must run without credentials (local mode).
const botEnv: NodeJS.ProcessEnv = { STORE: 'sqlite', DATA_DIR: './data/playground', LOG_LEVEL: 'debug', ...process.env, PORT: port };
for (const name of ['BOT_ID', 'BOT_PASSWORD', 'MicrosoftAppId', 'MicrosoftAppPassword', 'NODE_ENV']) delete botEnv[name];

const bot = spawn(process.execPath, ['dist/src/index.js'], { env: botEnv, stdio: 'inherit' });
const playground = spawn(
  process.execPath,
  [
    require.resolve('@microsoft/teams-app-test-tool/cli.js'),
    'start',
    '--app-endpoint', `http://localhost:${port}/api/messages`,
    '--port', playgroundPort,
    '--disable-telemetry',
  ],
  // No browser by default, so this also works over SSH and in containers; the URL is printed below.
  { env: { TEAMSAPPTESTER_BROWSER: 'none', ...process.env }, stdio: 'inherit' },
);
console.log(`Agents Playground: http://localhost:${playgroundPort} (bot on port ${port}); Ctrl+C stops both.`);

const children: ChildProcess[] = [bot, playground];
let stopping = false;

function stopAll(signal: NodeJS.Signals): void {
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(signal));

for (const child of children) {
  child.on('exit', (code, signal) => {
    if (!stopping) {
      const name = child === bot ? 'The bot' : 'The Agents Playground';
      console.error(`${name} exited (${signal ?? `code ${code}`}); stopping the other.`);
      process.exitCode = code ?? 1;
      stopAll('SIGTERM');
    }
  });
}
