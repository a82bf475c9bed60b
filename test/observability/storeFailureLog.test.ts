import { localConfig } from '../../testkit/botHarness';
import { randomUUID } from 'node:crypto';
import { createLogger } from '../../src/observability/logger';
import { startBot } from '../../src/startBot';
import { openStorage } from '../../src/store/openStorage';
import { FakeConnector } from '../../testkit/fakeConnector';
import { chatPerson, TeamsChat } from '../../testkit/teamsChat';
import { isDocumentCreate, startFaultyCosmosProxy } from '../store/faultyCosmosProxy';
import { localCosmosConfig, startLocalCosmosServer } from '../store/localCosmosServer';

test('a capture Cosmos keeps refusing gets "Not saved", stores nothing, and the log names the activity and the Cosmos activity id', async () => {
  const lines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
  const server = await startLocalCosmosServer();
  const database = `failure-log-${randomUUID()}`;
  let failing = false;
  const proxy = await startFaultyCosmosProxy(server.endpoint, (req) => (failing && isDocumentCreate(req) ? 503 : undefined));
  const connector = await new FakeConnector().start();
  const chat = new TeamsChat(connector.url);
  const sarah = chatPerson('Sarah Berry');
  const ellen = chatPerson('Ellen Footman');
  connector.setMembers(chat.conversationId, [sarah, ellen]);
  const config = localConfig(localCosmosConfig(proxy.endpoint, database), { logLevel: 'info' });
  const direct = await openStorage(localCosmosConfig(server.endpoint, database));
  try {
    const bot = await startBot(config, { host: '127.0.0.1', logger });
    try {
      const post = async (activity: Record<string, unknown>) =>
        (await fetch(`${bot.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) })).status;
      // The chat is known before the outage, so the write that fails is the action's own create.
      expect(await post(chat.message(sarah, '/actions', [sarah, ellen]))).toBe(200);
      failing = true;
      const capture = chat.message(sarah, '/action Confidential restructuring memo EF', [sarah, ellen]);
      expect(await post(capture)).toBe(200);

      const answers = connector.messagesIn(chat.conversationId).map((sent) => String(sent.body['text'] ?? ''));
      expect(answers.at(-1)).toBe('Not saved: the meeting record is unavailable right now. Nothing was changed; please try again in a minute.');
      expect(await direct.chats.listActions(chat)).toEqual([]);

      const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const failure = entries.find((entry) => entry['msg'] === 'store unavailable');
      expect(failure).toMatchObject({
        level: 50,
        activityId: capture['id'],
        conversation: chat.conversationId,
        store: { statusCode: 503, activityId: proxy.failedActivityIds.at(-1) },
      });
      expect(proxy.failedActivityIds.length).toBeGreaterThan(0);
      expect(lines.join('\n')).not.toContain('restructuring');
    } finally {
      await bot.stop();
    }
  } finally {
    await direct.close();
    await connector.stop();
    await proxy.stop();
    await server.stop();
  }
});
