import { startServer } from '../../src/http/server';
import { createLogger } from '../../src/observability/logger';
import { TeamsChat, chatPerson } from '../../testkit/teamsChat';

test('when the adapter answers an activity with a server error, the body says so in a sentence and carries none of its internals', async () => {
  const server = await startServer({
    // What botbuilder's CloudAdapter does with an error it did not handle: the status, then the error's message.
    handleMessages: async (_req, res) => {
      res.status(500);
      res.send('RestError: connect ECONNREFUSED 10.1.2.3:443 at TeamsAdapter.<anonymous> (node_modules/botbuilder/src/cloudAdapter.ts:163:21)');
      res.end();
    },
    store: { ping: async () => undefined },
    logger: createLogger('silent'),
    port: 0,
    host: '127.0.0.1',
  });
  try {
    const chat = new TeamsChat('http://127.0.0.1:9/');
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(chat.message(chatPerson('Sarah Berry'), '/actions')),
    });
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ error: 'The bot could not handle this activity.' });
    expect(body).not.toMatch(/ECONNREFUSED|10\.1\.2\.3|node_modules/);
  } finally {
    await server.close();
  }
});
