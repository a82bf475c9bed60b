/**
 * Linking a chat to Planner costs its commands nothing in the store: a warm `/action` still costs at
 * most 4 round trips and Close at most 4 (3 plus the task's sync), counted against the local Cosmos
 * protocol server through the real SDK, and Planner is not asked anything until the scheduler runs.
 */
import { randomUUID } from 'node:crypto';
import { CARD_VERBS } from '../../src/cards/verbs';
import { openStorage } from '../../src/store/openStorage';
import { cardOf, textOf, type BotHarness } from '../../testkit/botHarness';
import { findExecute } from '../../testkit/cardText';
import { FakeGraph } from '../../testkit/fakeGraph';
import type { ChatPerson, TeamsChat } from '../../testkit/teamsChat';
import { localCosmosConfig, startLocalCosmosServer, type LocalCosmosServer } from '../store/localCosmosServer';
import { startBoardChat } from '../teams/chatFixture';

let cosmos: LocalCosmosServer;
let graph: FakeGraph;
let harness: BotHarness;
let chat: TeamsChat;
let planId: string;
let derek: ChatPerson;
let ellen: ChatPerson;
let sarah: ChatPerson;
let people: ChatPerson[];

beforeAll(async () => {
  cosmos = await startLocalCosmosServer();
  graph = await new FakeGraph().start();
  const storage = await openStorage(localCosmosConfig(cosmos.endpoint, `planner-trips-${randomUUID()}`));
  ({ harness, chat, derek, ellen, sarah, people } = await startBoardChat({ storage, graph }));
  await say(chat.installationUpdate(derek));
  planId = graph.planner.addPlan('Board actions');
  await say(chat.message(derek, `/planner ${planId}`, people));
  expect(textOf(harness.take().at(-1))).toContain('Linked to the Planner plan "Board actions"');
  for (let index = 1; index <= 3; index += 1) await say(chat.message(sarah, `/action Earlier action ${index} EF by Friday`, people));
});
afterAll(async () => {
  expect(harness.turnErrors).toEqual([]);
  await harness.stop();
  await graph.stop();
  await cosmos.stop();
});

async function say(activity: Record<string, unknown>): Promise<void> {
  expect((await harness.post(activity)).status).toBe(200);
}

function roundTripsOf(send: () => Promise<unknown>): Promise<number> {
  return cosmos.requests.roundTripsOf(send);
}

test('in a chat linked to Planner, /action costs at most 4 round trips and Close at most 4, and neither waits for Planner', async () => {
  harness.take();
  const capture = await roundTripsOf(() => say(chat.message(sarah, '/action Circulate the audit report EF by Friday', people)));
  expect(capture).toBeLessThanOrEqual(4);
  const card = cardOf(harness.take().find((sent) => sent.kind === 'send' || sent.kind === 'reply'));
  const close = findExecute(card, CARD_VERBS.close);
  const closing = await roundTripsOf(() => say(chat.cardAction(ellen, CARD_VERBS.close, { ...close?.data, closeNote: 'Sent.' })));
  expect(closing).toBeLessThanOrEqual(4);
  expect(graph.requestsTo(/planner\/tasks/)).toEqual([]);

  // The scheduler makes the tasks, and completes the closed one's.
  expect((await harness.bot.tick('2019-03-13T14:01:00.000Z')).failed).toBe(0);
  const tasks = graph.planner.tasksOf(planId).map((task) => [task.title, task.percentComplete]);
  expect(tasks.sort()).toEqual([
    ['A-1 Earlier action 1', 0],
    ['A-2 Earlier action 2', 0],
    ['A-3 Earlier action 3', 0],
    ['A-4 Circulate the audit report', 100],
  ]);
});
