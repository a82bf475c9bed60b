/**
 * Reminders reach owners privately: where the bot has no 1:1 chat with an owner and Teams will not
 * open one (they never added the app), the bot installs its app for them through Microsoft Graph
 * (a fake Graph on 127.0.0.1, driven by the real SDK) and sends in the 1:1 chat that opens.
 */
import { textOf } from '../../testkit/botHarness';
import { headline, sayInChat, tickAt } from '../scheduler/schedulerFixture';
import { logsSaying, useGraphBoardChatPerTest, type GraphBoardChat } from './graphChatFixture';

let board: GraphBoardChat;
useGraphBoardChatPerTest(
  (started) => (board = started),
  async (started) => {
    await sayInChat(started, '/action Circulate the audit report EF by Monday');
  },
);

const ellensChat = () => `a:1${board.ellen.id.replace(/^29:/, '')}`;
const installsForEllen = () => board.graph.requestsTo(new RegExp(`^POST /v1.0/users/${board.ellen.aadObjectId}/teamwork/installedApps$`));
const refusalLogs = () => logsSaying(board, 'would not install the app');

test('an owner without the app gets it installed, and the reminder in a 1:1 chat, not in the meeting chat', async () => {
  const sent = await tickAt(board, '2019-03-14T09:00:00.000Z');
  expect(sent.map((message) => [message.conversationId, headline(message)])).toEqual([[ellensChat(), 'Reminder: due in 4 days (Mon 18 Mar 2019).']]);
  const [install] = installsForEllen();
  expect(install?.body).toEqual({ 'teamsApp@odata.bind': `${board.graph.url}/v1.0/appCatalogs/teamsApps/${board.graph.catalogAppId}` });
  expect(board.graph.isInstalledFor(board.ellen.aadObjectId)).toBe(true);

  // The 1:1 is known now: Monday's reminder and weekly digest go there, with no second installation.
  const monday = await tickAt(board, '2019-03-18T09:00:00.000Z');
  expect(monday.map((message) => message.conversationId)).toEqual([ellensChat(), ellensChat()]);
  expect(monday.map(headline).sort()).toEqual(['Reminder: due today (Mon 18 Mar 2019).', 'Your open actions']);
  expect(installsForEllen()).toHaveLength(1);
});

test('an owner who already has the app (Graph answers 409) is reached privately, and nothing is logged as refused', async () => {
  board.graph.preinstall(board.ellen.aadObjectId);
  const sent = await tickAt(board, '2019-03-14T09:00:00.000Z');
  expect(sent.map((message) => message.conversationId)).toEqual([ellensChat()]);
  expect(installsForEllen()).toHaveLength(1);
  expect(refusalLogs()).toEqual([]);
  const profile = await board.harness.bot.storage.users.getProfile(board.chat.tenantId, board.ellen.aadObjectId);
  expect(profile?.value.appInstallRefused).toBeUndefined();
});

test('where Graph refuses (403), reminders fall back to the meeting chat with an @mention, and the log says why once per person', async () => {
  board.graph.refuseInstall(board.ellen.aadObjectId);
  const [first, ...more] = await tickAt(board, '2019-03-14T09:00:00.000Z');
  expect(more).toEqual([]);
  expect(first?.conversationId).toBe(board.chat.conversationId);
  expect(textOf(first)).toBe('<at>Ellen Footman</at>: Reminder: due in 4 days (Mon 18 Mar 2019). A-1: Circulate the audit report');
  expect(refusalLogs()).toEqual([expect.objectContaining({ level: 40, userId: board.ellen.aadObjectId, status: 403 })]);

  // The next reminder does not ask Graph again, and says nothing new in the log.
  const monday = await tickAt(board, '2019-03-18T09:00:00.000Z');
  expect(monday.map((message) => message.conversationId)).toEqual([board.chat.conversationId, board.chat.conversationId]);
  expect(installsForEllen()).toHaveLength(1);

  // A week on, the bot asks again (an admin may have allowed it), still logging the refusal only once.
  const overdue = await tickAt(board, '2019-03-25T09:00:00.000Z');
  expect(overdue.map((message) => message.conversationId)).toContain(board.chat.conversationId);
  expect(installsForEllen()).toHaveLength(2);
  expect(refusalLogs()).toHaveLength(1);
});

test('an admin allowing the app after a refusal brings the reminders back to the 1:1 chat', async () => {
  board.graph.refuseInstall(board.ellen.aadObjectId, 403);
  expect((await tickAt(board, '2019-03-14T09:00:00.000Z'))[0]?.conversationId).toBe(board.chat.conversationId);
  board.graph.refuseInstall(board.ellen.aadObjectId, 0);
  const overdue = await tickAt(board, '2019-03-25T09:00:00.000Z');
  expect(overdue.map((message) => message.conversationId)).toEqual([ellensChat(), ellensChat()]);
  const profile = await board.harness.bot.storage.users.getProfile(board.chat.tenantId, board.ellen.aadObjectId);
  expect(profile?.value.appInstallRefused).toBeUndefined();
});

test('Graph throttling (429, honouring Retry-After) and 503 are retried: the app is installed once and the reminder sent once', async () => {
  board.graph.failNext(/^POST \/v1.0\/users\/[^/]+\/teamwork\/installedApps$/, 429, 2, { 'Retry-After': '0' });
  board.graph.failNext(/^POST \/v1.0\/users\/[^/]+\/teamwork\/installedApps$/, 503, 1);
  const sent = await tickAt(board, '2019-03-14T09:00:00.000Z');
  expect(sent.map((message) => message.conversationId)).toEqual([ellensChat()]);
  expect(installsForEllen()).toHaveLength(4);
  expect(board.graph.isInstalledFor(board.ellen.aadObjectId)).toBe(true);
});

test('throttling that asks for longer than the bot may wait gives up at once and the reminder goes the old way', async () => {
  board.graph.failNext(/^POST \/v1.0\/users\/[^/]+\/teamwork\/installedApps$/, 429, 1, { 'Retry-After': '3600' });
  const sent = await tickAt(board, '2019-03-14T09:00:00.000Z');
  expect(sent.map((message) => message.conversationId)).toEqual([board.chat.conversationId]);
  expect(installsForEllen()).toHaveLength(1);
  expect(refusalLogs()).toEqual([]);
});

test('with Graph down, reminders still go out the old way, once each, and go private when Graph is back', async () => {
  board.graph.setDown(true);
  const sent = await tickAt(board, '2019-03-14T09:00:00.000Z');
  expect(sent.map((message) => [message.conversationId, headline(message)])).toEqual([[board.chat.conversationId, 'Reminder: due in 4 days (Mon 18 Mar 2019).']]);
  expect(refusalLogs()).toEqual([]);
  // The same pass again sends nothing more: the reminder was delivered, not left to repeat.
  expect(await tickAt(board, '2019-03-14T09:30:00.000Z')).toEqual([]);

  board.graph.setDown(false);
  const monday = await tickAt(board, '2019-03-18T09:00:00.000Z');
  expect(monday.map((message) => message.conversationId)).toEqual([ellensChat(), ellensChat()]);
});
