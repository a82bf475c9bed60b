import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import WebSocket from 'ws';

/** The repository root: the Playground reads its mock Teams (.m365agentsplayground.yml) from there. */
const REPO = resolve(__dirname, '..');
const START_TIMEOUT_MS = 30_000;
const ANSWER_TIMEOUT_MS = 15_000;

/** A message the bot posted in a Playground conversation, as the Playground's page receives it. */
export interface PlaygroundMessage {
  conversationId: string;
  messageId: string;
  text?: string;
  card?: Record<string, unknown>;
}

/** The mock Teams the Playground serves: its people, chats and the bot's name. */
export interface PlaygroundConfig {
  bot: { id: string; name: string };
  currentUser: { id: string; name: string };
  personalChat: { id: string };
  groupChats: Array<{ id: string; name: string }>;
}

/**
 * The Microsoft 365 Agents Playground (@microsoft/teams-app-test-tool) running as its own process
 * against a bot, driven the way its page drives it: messages and clicks go to its HTTP API, and
 * what the bot posts comes back over the page's WebSocket. Nothing here knows the bot's code.
 */
export class AgentsPlayground {
  private constructor(
    readonly url: string,
    readonly config: PlaygroundConfig,
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly socket: WebSocket,
    private readonly received: PlaygroundMessage[],
    private readonly waiters: Array<() => void>,
  ) {}

  /** Starts the Playground on a free port, pointed at the bot's /api/messages, and opens its page's stream. */
  static async start(appEndpoint: string, logFile: string): Promise<AgentsPlayground> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [require.resolve('@microsoft/teams-app-test-tool/cli.js'), 'start', '--app-endpoint', appEndpoint, '--port', String(port), '--disable-telemetry'],
      { cwd: REPO, env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', TEAMSAPPTESTER_LOGFILE: logFile } },
    );
    await new Promise<void>((resolvePromise, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`the Playground did not start:\n${output}`)), START_TIMEOUT_MS);
      const read = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes(`Listening on ${port}`)) {
          clearTimeout(timer);
          resolvePromise();
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('exit', (code) => reject(new Error(`the Playground exited with ${String(code)}:\n${output}`)));
    });
    const url = `http://127.0.0.1:${port}`;
    const config = ((await (await fetch(`${url}/_internal/v1/config`)).json()) as { config: PlaygroundConfig }).config;
    const received: PlaygroundMessage[] = [];
    const waiters: Array<() => void> = [];
    const socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
    socket.on('message', (data: WebSocket.RawData) => {
      const event = JSON.parse(data.toString()) as { action?: string; actionConversationId?: string; message?: { messageId: string; from?: { id: string }; text?: string; attachments?: Array<{ content: Record<string, unknown> }> } };
      const message = event.message;
      if (event.action !== 'createMessage' || !message || message.from?.id !== config.bot.id) return;
      received.push({
        conversationId: event.actionConversationId ?? '',
        messageId: message.messageId,
        ...(message.text ? { text: message.text } : {}),
        ...(message.attachments?.[0] ? { card: message.attachments[0].content } : {}),
      });
      waiters.splice(0).forEach((wake) => wake());
    });
    await new Promise<void>((resolvePromise, reject) => {
      socket.once('open', () => resolvePromise());
      socket.once('error', reject);
    });
    return new AgentsPlayground(url, config, child, socket, received, waiters);
  }

  /** The group chat of the mock Teams. */
  get groupChatId(): string {
    const chat = this.config.groupChats[0];
    if (!chat) throw new Error('the Playground has no group chat');
    return chat.id;
  }

  /** Types a message as the current user; `mentionBot` picks the bot from the @ menu first, as the page does. */
  async type(conversationId: string, text: string, mentionBot = false): Promise<void> {
    const tag = `<at>${this.config.bot.name}</at>`;
    const body = {
      from: { id: this.config.currentUser.id },
      text: mentionBot ? `${tag} ${text}` : text,
      textFormat: 'plain',
      mentions: mentionBot ? [{ mentioned: { id: this.config.bot.id }, text: tag }] : [],
    };
    await this.request(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, body);
  }

  /** Adds the bot to a chat, as the page does when the chat is opened with the app. */
  async install(conversationId: string): Promise<void> {
    await this.request(`/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
  }

  /** Clicks an Action.Execute on a posted card; returns the card the bot answered with. */
  async click(message: PlaygroundMessage, action: { verb: string; data: Record<string, unknown> }): Promise<Record<string, unknown> | undefined> {
    const body = {
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data } },
      from: { id: this.config.currentUser.id },
      conversation: { id: message.conversationId },
      replyToId: message.messageId,
    };
    const answer = (await this.request('/_conversation/v1/invoke', body)) as { type?: string; value?: Record<string, unknown> } | undefined;
    return answer?.type === 'application/vnd.microsoft.card.adaptive' ? answer.value : undefined;
  }

  /** Waits until the bot has posted `count` messages in all, and returns them in order. */
  async messages(count: number): Promise<PlaygroundMessage[]> {
    const deadline = Date.now() + ANSWER_TIMEOUT_MS;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`the bot posted ${this.received.length} message(s) in the Playground, not ${count}`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
    return this.received.slice(0, count);
  }

  /** Every message the bot has posted so far. */
  get posted(): readonly PlaygroundMessage[] {
    return this.received;
  }

  /** Closes the page's stream and stops the Playground. */
  async stop(): Promise<void> {
    this.socket.close();
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolvePromise) => this.child.once('exit', () => resolvePromise()));
    this.child.kill('SIGTERM');
    await exited;
  }

  private async request(path: string, body: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`the Playground answered ${response.status} to ${path}: ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }
}

/** A TCP port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePromise(address.port) : reject(new Error('no free port'))));
    });
  });
}
