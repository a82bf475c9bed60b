import { cardOf, textOf } from '../../testkit/botHarness';
import type { BoardChat } from '../teams/chatFixture';
import { headline, sayInChat, useSchedulerChatPerTest, tickAt } from './schedulerFixture';

let board: BoardChat;
useSchedulerChatPerTest(
  (started) => (board = started),
  async (started) => {
    await sayInChat(started, '/action Circulate the audit report EF by Monday');
  },
);

const ellensChat = () => `a:1${board.ellen.id.replace(/^29:/, '')}`;

test('when Teams will not open a 1:1 chat, the reminder goes to the meeting chat with an @mention, and the 1:1 is not tried again', async () => {
  board.harness.connector.failNext(/^POST \/v3\/conversations$/, 403, 5);
  const [sent, ...more] = await tickAt(board, '2019-03-14T09:00:00.000Z');
  expect(more).toEqual([]);
  expect(sent?.conversationId).toBe(board.chat.conversationId);
  expect(textOf(sent)).toBe('<at>Ellen Footman</at>: Reminder: due in 4 days (Mon 18 Mar 2019). A-1: Circulate the audit report');
  expect(sent?.body['entities']).toEqual([{ type: 'mention', text: '<at>Ellen Footman</at>', mentioned: { id: board.ellen.id, name: 'Ellen Footman' } }]);
  expect(headline(sent)).toBe('Reminder: due in 4 days (Mon 18 Mar 2019).');
  expect(cardOf(sent)).toBeDefined();
  const creations = board.harness.connector.created.length;
  const [next] = await tickAt(board, '2019-03-18T09:00:00.000Z');
  expect(next?.conversationId).toBe(board.chat.conversationId);
  expect(board.harness.connector.created.length).toBe(creations);
});

test('a 403 from a known 1:1 chat (app removed) marks it dead and falls back to the meeting chat', async () => {
  expect((await tickAt(board, '2019-03-14T09:00:00.000Z'))[0]?.conversationId).toBe(ellensChat());
  const path = new RegExp(`^POST /v3/conversations/${ellensChat().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/activities(/[^/]+)?$`);
  board.harness.connector.failNext(path, 403, 1);
  const sent = await tickAt(board, '2019-03-18T09:00:00.000Z');
  expect(sent.map((entry) => entry.conversationId)).toEqual([board.chat.conversationId, board.chat.conversationId]);
  // No third attempt at the dead chat: the connector would have recorded a send to it.
  expect(board.harness.connector.messagesIn(ellensChat())).toHaveLength(1);
});

test('429 (honouring Retry-After) and 412 from Teams are retried and the reminder is delivered once', async () => {
  board.harness.connector.failNext(/^POST \/v3\/conversations\/a:1/, 429, 2, { 'Retry-After': '0' });
  board.harness.connector.failNext(/^POST \/v3\/conversations\/a:1/, 412, 1);
  const sent = await tickAt(board, '2019-03-14T09:00:00.000Z');
  expect(sent.map(headline)).toEqual(['Reminder: due in 4 days (Mon 18 Mar 2019).']);
  expect(sent[0]?.conversationId).toBe(ellensChat());
});

test('when Teams fails in a way retrying cannot fix, the reminder is kept and sent by a later pass', async () => {
  board.harness.connector.failNext(/^POST \/v3\/conversations\/a:1/, 400, 1);
  board.clock.set('2019-03-14T09:00:00.000Z');
  const report = await board.harness.bot.tick('2019-03-14T09:00:00.000Z');
  expect(report).toEqual({ ran: 0, lost: 0, failed: 1 });
  expect(board.harness.take().filter((entry) => entry.kind === 'send')).toEqual([]);
  // Put back for five minutes, then sent once.
  expect(await tickAt(board, '2019-03-14T09:04:00.000Z')).toEqual([]);
  expect((await tickAt(board, '2019-03-14T09:05:00.000Z')).map(headline)).toEqual(['Reminder: due in 4 days (Mon 18 Mar 2019).']);
});
