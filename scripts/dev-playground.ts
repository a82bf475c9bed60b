/**
 * `npm run dev:playground`: starts the bot (built dist/src/index.js) in local mode on the embedded store,
 * and the Microsoft 365 Agents Playground pointed at it; Ctrl+C stops both, and if one exits so does the other.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const port = process.env.PORT ?? '3978';
const playgroundPort = process.env.TEAMSAPPTESTER_PORT ?? '56150';

/**
 * What to do first, printed once the Playground listens so the bot's log does not bury it. The
 * Playground does not read the app's resource-specific permission (ChatMessage.Read.Chat), so in its
 * group chat, as in a Teams chat that refused it, only messages that @mention the bot reach it.
 */
const PLAYGROUND_GUIDE = (playground: string, bot: string) => `
Agents Playground: http://localhost:${playground}  (the bot: http://127.0.0.1:${bot}/api/messages). Ctrl+C stops both.
  Group chat:    only messages that @mention the bot reach it. Type @, pick Meeting Actions, then /help
                 (or @Meeting Actions /action PF Send the audit report by Friday).
  Personal chat: every message reaches the bot; try /actions and /settings.
`;

// The playground sends no Bot Framework token, so the bot must run without credentials (local mode).
const botEnv: NodeJS.ProcessEnv = { STORE: 'sqlite', DATA_DIR: './data/playground', LOG_LEVEL: 'debug', ...process.env, PORT: port };
for (const name of ['BOT_ID', 'BOT_PASSWORD', 'MicrosoftAppId', 'MicrosoftAppPassword', 'NODE_ENV']) delete botEnv[name];

// VS Code's "Debug in Microsoft 365 Agents Playground" (.vscode/) attaches to the bot on this port.
const inspect = process.env.BOT_INSPECT_PORT ? [`--inspect=127.0.0.1:${process.env.BOT_INSPECT_PORT}`] : [];
const bot = spawn(process.execPath, [...inspect, 'dist/src/index.js'], { env: botEnv, stdio: 'inherit' });
const playground = spawn(
  process.execPath,
  [
    require.resolve('@microsoft/teams-app-test-tool/cli.js'),
    'start',
    // The bot listens on 127.0.0.1 in local mode; "localhost" may resolve to ::1 first.
    '--app-endpoint', `http://127.0.0.1:${port}/api/messages`,
    '--port', playgroundPort,
    '--disable-telemetry',
  ],
  // No browser by default, so this also works over SSH and in containers; the URL is printed below.
  { env: { TEAMSAPPTESTER_BROWSER: 'none', ...process.env }, stdio: ['ignore', 'pipe', 'inherit'] },
);
let guided = false;
playground.stdout?.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!guided && chunk.toString('utf8').includes('Listening on')) {
    guided = true;
    console.log(PLAYGROUND_GUIDE(playgroundPort, port));
  }
});

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
