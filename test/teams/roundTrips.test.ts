/**
 * How many store round trips each command costs, counted against the local Cosmos protocol server
 * through the real SDK and the bot's real HTTP endpoint. A request count is deterministic where time
 * is not. The SDK sends a query-plan lookup with every query; each one is a request to the account
 * too, so the count is the data requests plus one per query. In a warm chat (members read, today's
 * meeting open) none of these may grow with the chat's history.
 */
import { randomUUID } from 'node:crypto';
import { openStorage } from '../../src/store/openStorage';
import { CARD_VERBS } from '../../src/cards/verbs';
import { cardOf, type BotHarness } from '../../testkit/botHarness';
import { findSubmit } from '../../testkit/cardText';
import type { ChatPerson, TeamsChat } from '../../testkit/teamsChat';
import { localCosmosConfig, startLocalCosmosServer, type LocalCosmosServer } from '../store/localCosmosServer';
import { startBoardChat } from './chatFixture';

let cosmos: LocalCosmosServer;
let harness: BotHarness;
let chat: TeamsChat;
let derek: ChatPerson;
let ellen: ChatPerson;
let sarah: ChatPerson;
let people: ChatPerson[];

beforeAll(async () => {
  cosmos = await startLocalCosmosServer();
  const storage = await openStorage(localCosmosConfig(cosmos.endpoint, `trips-${randomUUID()}`));
  ({ harness, chat, derek, ellen, sarah, people } = await startBoardChat({ storage }));
  // Warm the chat: the bot added (members and organizer read), today's meeting opened, history to grow from.
  await say(chat.installationUpdate(derek));
  for (let index = 1; index <= 3; index += 1) {
    await say(chat.message(sarah, `/action Earlier action ${index} EF by Friday`, people));
    await say(chat.message(sarah, `/decision Earlier decision ${index}`, people));
  }
});
afterAll(async () => {
  expect(harness.turnErrors).toEqual([]);
  await harness.stop();
  await cosmos.stop();
});

async function say(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const response = await harness.post(activity);
  expect(response.status).toBe(200);
  return response;
}

/** Runs `send` and returns the store round trips it cost. */
function roundTripsOf(send: () => Promise<unknown>): Promise<number> {
  return cosmos.requests.roundTripsOf(send);
}

async function capture(text: string): Promise<{ trips: number; card: Record<string, unknown> | undefined }> {
  harness.take();
  const trips = await roundTripsOf(() => say(chat.message(sarah, text, people)));
  return { trips, card: cardOf(harness.take().find((sent) => sent.kind === 'send' || sent.kind === 'reply')) };
}

function actionDataOf(card: Record<string, unknown> | undefined): Record<string, unknown> {
  const data = JSON.stringify(card).match(/"data":(\{"actionId":[^}]*\})/)?.[1];
  if (!data) throw new Error('no action card');
  return JSON.parse(data) as Record<string, unknown>;
}

test('/action with one owner and a due date costs at most 4 store round trips, and no more as history grows', async () => {
  const first = await capture('/action Circulate the audit report EF by Friday');
  expect(first.card).toBeDefined();
  expect(first.trips).toBeLessThanOrEqual(4);
  for (let index = 0; index < 5; index += 1) await say(chat.message(sarah, `/action More history ${index} SB by Friday`, people));
  expect((await capture('/action Book the venue SB by Monday')).trips).toBe(first.trips);
});

test('Close from the card costs at most 3, /update at most 3, whatever the history', async () => {
  const { card } = await capture('/action Send the letter EF by Friday');
  const close = await roundTripsOf(() => say(chat.cardAction(derek, CARD_VERBS.close, { ...actionDataOf(card), closeNote: 'Sent.' })));
  expect(close).toBeLessThanOrEqual(3);
  const update = await roundTripsOf(() => say(chat.message(ellen, '/update A-1 Draft circulated', people)));
  expect(update).toBeLessThanOrEqual(3);
  for (let index = 0; index < 5; index += 1) await say(chat.message(sarah, `/action Yet more history ${index} SB`, people));
  expect(await roundTripsOf(() => say(chat.message(ellen, '/update A-1 Second draft circulated', people)))).toBe(update);
});

test('/decision costs at most 2 and /actions at most 2, whatever the history', async () => {
  const decision = await roundTripsOf(() => say(chat.message(sarah, '/decision The Board approved the revised SUDIC Protocol', people)));
  expect(decision).toBeLessThanOrEqual(2);
  const list = await roundTripsOf(() => say(chat.message(sarah, '/actions', people)));
  expect(list).toBeLessThanOrEqual(2);
  for (let index = 0; index < 5; index += 1) await say(chat.message(sarah, `/decision More decided ${index}`, people));
  expect(await roundTripsOf(() => say(chat.message(sarah, '/decision And one more', people)))).toBe(decision);
});

test('Create action on a message: opening costs 1 round trip, Save at most 4, whatever the history', async () => {
  const payload = chat.messagePayload(ellen, '<at>Ellen Footman</at> please send the minutes by Friday', people);
  let opened: unknown;
  const open = await roundTripsOf(async () => (opened = (await say(chat.fetchTask(sarah, { messagePayload: payload }))).body));
  expect(open).toBeLessThanOrEqual(1);
  const card = (opened as { task: { value: { card: { content: Record<string, unknown> } } } }).task.value.card.content;
  const submit = findSubmit(card);
  const save = (text: string) => roundTripsOf(() => say(chat.submitAction(sarah, { messagePayload: payload, data: { ...submit, formId: randomUUID(), text, owners: ellen.aadObjectId, due: '2019-03-15' } })));
  const first = await save('Send the minutes');
  expect(first).toBeLessThanOrEqual(4);
  for (let index = 0; index < 5; index += 1) await say(chat.message(sarah, `/action Dialog history ${index} SB`, people));
  expect(await save('Send the minutes again')).toBe(first);
});

test('a redelivered /action is recognised by its record id, not by listing', async () => {
  const message = chat.message(sarah, '/action Redelivered once EF by Friday', people);
  await say(message);
  harness.take();
  const again = await roundTripsOf(() => say(message));
  expect(harness.take().filter((sent) => sent.kind !== 'update')).toEqual([]);
  expect(cosmos.requests.data().filter((request) => request.kind === 'query')).toEqual([]);
  expect(again).toBeLessThanOrEqual(5);
});
