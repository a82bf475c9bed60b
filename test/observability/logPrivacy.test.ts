import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../src/observability/logger';
import { startBot } from '../../src/startBot';
import { localConfig } from '../../testkit/botHarness';
import { FakeConnector } from '../../testkit/fakeConnector';
import { chatPerson, TeamsChat } from '../../testkit/teamsChat';

test('the log of a command names the activity, the conversation and the command word, never the text', async () => {
  const lines: string[] = [];
  const logger = createLogger('trace', { write: (line: string) => void lines.push(line) });
  const connector = await new FakeConnector().start();
  const dataDir = mkdtempSync(join(tmpdir(), 'meeting-actions-logs-'));
  const config = localConfig(dataDir, { logLevel: 'trace' });
  const bot = await startBot(config, { logger, host: '127.0.0.1' });
  const chat = new TeamsChat(connector.url);
  const sarah = chatPerson('Sarah Berry');
  const emma = chatPerson('Emma Fisher');
  connector.setMembers(chat.conversationId, [sarah, emma]);
  const activity = chat.message(sarah, '/action Secret plan for the merger EF', [sarah, emma]);
  try {
    const response = await fetch(`${bot.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(response.status).toBe(200);
    expect(connector.messagesIn(chat.conversationId)).toHaveLength(1);
  } finally {
    await bot.stop();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  expect(activity['id']).toEqual(expect.any(String));
  const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(entries).toContainEqual(
    expect.objectContaining({ activityId: activity['id'], conversation: chat.conversationId, command: 'action' }),
  );
  const everything = lines.join('\n');
  expect(everything).not.toContain('Secret plan');
  expect(everything).not.toContain('merger');
});
