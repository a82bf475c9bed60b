/**
 * Actions kept in step with a Planner plan: the chair links the chat with `/planner`, each new
 * action becomes a task (made by the scheduler through the real Graph SDK against the fake Graph's
 * Planner, with its etags), closing here completes the task and completing it in Planner closes the
 * action here. Retries, lost answers, throttling and refusals make no twin and close nothing twice.
 */
import { CARD_VERBS } from '../../src/cards/verbs';
import { cardOf, textOf } from '../../testkit/botHarness';
import { cardText, findExecute } from '../../testkit/cardText';
import { startBoardChat } from '../teams/chatFixture';
import { sayInChat, tickAt } from '../scheduler/schedulerFixture';
import { logsSaying, useGraphBoardChatPerTest, type GraphBoardChat } from './graphChatFixture';

let board: GraphBoardChat;
let planId: string;
useGraphBoardChatPerTest((started) => {
  board = started;
  planId = board.graph.planner.addPlan('Safeguarding Board actions');
});

const key = () => ({ tenantId: board.chat.tenantId, conversationId: board.chat.conversationId });
const planLink = () => `https://planner.cloud.microsoft/webui/plan/${planId}/view/board?tid=${board.chat.tenantId}`;
const tasks = () => board.graph.planner.tasksOf(planId);
const creates = () => board.graph.requestsTo(/^POST \/v1.0\/planner\/tasks$/);
const completions = () => board.graph.requestsTo(/^PATCH \/v1.0\/planner\/tasks\/[^/]+$/);
const action = async (number: number) => (await board.harness.bot.storage.chats.getActionByNumber(key(), number))?.value;

async function link(): Promise<void> {
  const [reply] = await sayInChat(board, `/planner ${planLink()}`, board.derek);
  expect(textOf(reply)).toContain('Linked to the Planner plan "Safeguarding Board actions"');
}

test('only the chair links the chat; a new action then becomes a task with its title, assignee, due date and a link back to its card', async () => {
  const [refused] = await sayInChat(board, `/planner ${planLink()}`, board.sarah);
  expect(textOf(refused)).toBe('Only the chair (Derek Benson) can link this chat to a Planner plan.');
  await link();
  expect(textOf((await sayInChat(board, '/planner'))[0])).toBe(`This chat's actions are kept in step with the Planner plan "Safeguarding Board actions" (linked by Derek Benson on Wed 13 Mar 2019). /planner off stops it.`);

  const [card] = await sayInChat(board, '/action Circulate the audit report EF by Friday');
  expect(cardText(cardOf(card))[0]).toBe('Action A-1 | Open');
  // The reply does not wait for Planner: nothing is asked of it until the scheduler's pass.
  expect(creates()).toEqual([]);
  await tickAt(board, '2019-03-13T14:00:30.000Z');

  const [task, ...others] = tasks();
  expect(others).toEqual([]);
  expect(task).toMatchObject({ title: 'A-1 Circulate the audit report', dueDateTime: '2019-03-15T12:00:00.000Z', percentComplete: 0 });
  expect(Object.keys(task?.assignments ?? {})).toEqual([board.ellen.aadObjectId]);
  const cardLink = `https://teams.microsoft.com/l/message/${board.chat.conversationId}/${card?.newId ?? ''}?context=${encodeURIComponent('{"contextType":"chat"}')}`;
  const references = task?.details.references ?? {};
  expect(Object.values(references)).toEqual([expect.objectContaining({ alias: 'Open in Teams', type: 'Other' })]);
  expect(Object.keys(references).map((encoded) => decodeURIComponent(encoded))).toEqual([cardLink]);
  expect(task?.details.description).toContain('A-1 Circulate the audit report');
  expect((await action(1))?.planner).toEqual({ planId, taskId: task?.id, createSentAt: '2019-03-13T14:00:30.000Z', linked: true });

  // Another pass makes nothing more.
  await tickAt(board, '2019-03-13T14:20:00.000Z');
  expect(creates()).toHaveLength(1);
  expect(tasks()).toHaveLength(1);
});

test('closing the action here completes its task in Planner, once', async () => {
  await link();
  const [card] = await sayInChat(board, '/action Circulate the audit report EF by Friday');
  await tickAt(board, '2019-03-13T14:01:00.000Z');
  const close = findExecute(cardOf(card), CARD_VERBS.close);
  const clicked = await board.harness.post(board.chat.cardAction(board.ellen, CARD_VERBS.close, { ...close?.data, closeNote: 'Sent to all members.' }, card?.newId));
  expect(clicked.status).toBe(200);
  expect((await action(1))?.status).toBe('closed');
  await tickAt(board, '2019-03-13T14:02:00.000Z');
  expect(tasks()[0]).toMatchObject({ percentComplete: 100 });
  expect(completions()).toHaveLength(1);
  expect((await action(1))?.planner?.completed).toBe(true);
  // The watch does not close it again, nor complete it again.
  await tickAt(board, '2019-03-13T14:10:00.000Z');
  expect(completions()).toHaveLength(1);
  expect((await action(1))?.history.filter((event) => event.kind === 'closed')).toHaveLength(1);
});

test('completing the task in Planner closes the action here, redraws its card, and is not done twice', async () => {
  await link();
  await sayInChat(board, '/action Circulate the audit report EF by Friday');
  await tickAt(board, '2019-03-13T14:01:00.000Z');
  const taskId = tasks()[0]?.id ?? '';
  board.graph.planner.completeAsUser(taskId, board.ellen.aadObjectId);
  board.clock.set('2019-03-13T14:06:00.000Z');
  await board.harness.bot.tick('2019-03-13T14:06:00.000Z');
  const redrawn = board.harness.take().filter((sent) => sent.kind === 'update');
  expect(redrawn.map((sent) => cardText(cardOf(sent)).find((line) => line.startsWith('Action A-1')))).toEqual(['Action A-1 | Closed']);
  const closed = await action(1);
  expect(closed).toMatchObject({ status: 'closed', closedBy: { id: board.ellen.aadObjectId, name: 'Ellen Footman' } });
  expect(closed?.history.at(-1)).toMatchObject({ kind: 'closed', note: 'Completed in Planner.' });
  // Nothing is sent back to Planner, and later passes change nothing.
  await tickAt(board, '2019-03-13T14:12:00.000Z');
  await tickAt(board, '2019-03-13T14:18:00.000Z');
  expect(completions()).toEqual([]);
  expect((await action(1))?.history.filter((event) => event.kind === 'closed')).toHaveLength(1);
  // The owner's reminder went with the close.
  expect(await tickAt(board, '2019-03-15T09:00:00.000Z')).toEqual([]);
});

test('a create whose answer was lost is found by its title on the next try: no twin', async () => {
  await link();
  await sayInChat(board, '/action Circulate the audit report EF by Friday');
  board.graph.loseNextAnswer(/^POST \/v1.0\/planner\/tasks$/);
  await tickAt(board, '2019-03-13T14:01:00.000Z');
  // Planner made the task, but the bot never heard: it did not send the create again.
  expect(tasks()).toHaveLength(1);
  expect(creates()).toHaveLength(1);
  expect((await action(1))?.planner?.taskId).toBeUndefined();
  await tickAt(board, '2019-03-13T14:11:00.000Z');
  expect(tasks()).toHaveLength(1);
  expect(creates()).toHaveLength(1);
  expect((await action(1))?.planner).toMatchObject({ taskId: tasks()[0]?.id, linked: true });
  expect(logsSaying(board, 'Microsoft Graph is unavailable; will bring the Planner task in step later')).toHaveLength(1);
});

test('throttling (429 with Retry-After) is waited out; a stale etag (412) is read again; Graph down is tried later', async () => {
  await link();
  await sayInChat(board, '/action Circulate the audit report EF by Friday');
  board.graph.failNext(/^POST \/v1.0\/planner\/tasks$/, 429, 1, { 'Retry-After': '0' });
  await tickAt(board, '2019-03-13T14:01:00.000Z');
  expect(creates()).toHaveLength(2);
  expect(tasks()).toHaveLength(1);

  await sayInChat(board, '/close A-1 Done', board.ellen);
  board.graph.failNext(/^PATCH \/v1.0\/planner\/tasks\/[^/]+$/, 412, 1);
  await tickAt(board, '2019-03-13T14:02:00.000Z');
  expect(tasks()[0]?.percentComplete).toBe(100);
  expect(completions()).toHaveLength(2);

  await sayInChat(board, '/action Book the venue SB by Monday');
  board.graph.setDown(true);
  await tickAt(board, '2019-03-13T14:03:00.000Z');
  expect(tasks()).toHaveLength(1);
  board.graph.setDown(false);
  await tickAt(board, '2019-03-13T14:13:00.000Z');
  expect(tasks().map((task) => task.title).sort()).toEqual(['A-1 Circulate the audit report', 'A-2 Book the venue']);
});

test('where Graph refuses Planner (403), /planner says what to grant and changes nothing; a refused task is logged once and the action stands', async () => {
  board.graph.planner.refuse(403);
  const [reply] = await sayInChat(board, `/planner ${planLink()}`, board.derek);
  expect(textOf(reply)).toBe('Microsoft Graph would not let me read that plan (403): an admin needs to grant the app Tasks.ReadWrite.All (docs/DEPLOY.md § Microsoft Graph). Nothing was changed.');
  expect((await board.harness.bot.storage.chats.getSeries(key()))?.value.planner).toBeUndefined();

  board.graph.planner.refuse(0);
  await link();
  board.graph.planner.refuse(403);
  await sayInChat(board, '/action Circulate the audit report EF by Friday');
  await tickAt(board, '2019-03-13T14:01:00.000Z');
  await tickAt(board, '2019-03-13T14:30:00.000Z');
  expect(creates()).toHaveLength(1);
  expect(logsSaying(board, 'Microsoft Graph refused a Planner task change')).toEqual([expect.objectContaining({ level: 40, status: 403 })]);
  expect(await action(1)).toMatchObject({ status: 'open', planner: { planId } });
});

test('/planner off stops both ways and deletes nothing; a link or id that names no plan is explained', async () => {
  expect(textOf((await sayInChat(board, '/planner https://example.org/not-a-plan', board.derek))[0])).toContain(`I can't find a plan in "https://example.org/not-a-plan"`);
  expect(textOf((await sayInChat(board, '/planner AAAAAAAAAAAAAAAAAAAAAAAAAAAA', board.derek))[0])).toBe(
    'Planner has no plan with that id that I can see. Check the link, and that the plan is a basic plan of a group in your organisation. Nothing was changed.',
  );
  await link();
  await sayInChat(board, '/action Circulate the audit report EF by Friday');
  await tickAt(board, '2019-03-13T14:01:00.000Z');
  expect(textOf((await sayInChat(board, '/planner off', board.sarah))[0])).toBe('Only the chair (Derek Benson) can stop keeping this chat in step with Planner.');
  const [off] = await sayInChat(board, '/planner off', board.derek);
  expect(textOf(off)).toBe('Planner sync is off: new actions no longer become tasks in "Safeguarding Board actions", and completing tasks there no longer closes actions here. Nothing was deleted, there or here.');

  await sayInChat(board, '/action Book the venue SB by Monday');
  board.graph.planner.completeAsUser(tasks()[0]?.id ?? '', board.ellen.aadObjectId);
  await tickAt(board, '2019-03-13T14:10:00.000Z');
  await sayInChat(board, '/close A-2', board.sarah);
  await tickAt(board, '2019-03-13T14:20:00.000Z');
  expect(tasks().map((task) => task.title)).toEqual(['A-1 Circulate the audit report']);
  expect((await action(1))?.status).toBe('open');
  expect((await action(2))?.planner).toBeUndefined();
  expect(textOf((await sayInChat(board, '/planner'))[0])).toBe('This chat is not linked to a Planner plan. The chair can link one: /planner and the link to the plan.');
});

test('with Graph down, /planner says so and changes nothing; /help lists /planner and, with COPILOT_INSIGHTS off, says nothing of suggested actions', async () => {
  board.graph.setDown(true);
  expect(textOf((await sayInChat(board, `/planner ${planLink()}`, board.derek))[0])).toBe('Planner is not answering right now. Nothing was changed; please try again in a few minutes.');
  expect((await board.harness.bot.storage.chats.getSeries(key()))?.value.planner).toBeUndefined();
  board.graph.setDown(false);

  const help = cardText(cardOf((await sayInChat(board, '/help'))[0]));
  expect(help).toContain('/planner {plan link} | off');
  expect(help.join('\n')).not.toMatch(/Suggested actions|Copilot/);
});

test('without Microsoft Graph, /planner says an admin must set it up, and a capture books nothing for Planner', async () => {
  const plain = await startBoardChat();
  try {
    await plain.harness.post(plain.chat.installationUpdate(plain.derek));
    plain.harness.take();
    expect(textOf((await sayInChat(plain, '/planner xqQg5FS2LkCp935s-FIFm2QAFkHM', plain.derek))[0])).toBe(
      'Linking a Planner plan needs Microsoft Graph, which is not set up for this bot. An admin can turn it on (docs/DEPLOY.md § Microsoft Graph).',
    );
    await sayInChat(plain, '/action Circulate the audit report EF by Friday');
    const due = await plain.harness.bot.storage.jobs.listDueJobs('2019-03-20T00:00:00.000Z', 100);
    expect(due.map((job) => job.value.kind)).not.toContain('plannerTask');
    expect(plain.harness.turnErrors).toEqual([]);
  } finally {
    await plain.harness.stop();
  }
});
