import { randomUUID } from 'node:crypto';
import { CARD_VERBS } from '../../src/cards/verbs';
import type { Action } from '../../src/domain/types';
import { openStorage } from '../../src/store/openStorage';
import type { Storage, StorageConfig } from '../../src/store/storage';
import { cardOf } from '../../testkit/botHarness';
import { cardText, findExecute } from '../../testkit/cardText';
import { FakeConnector } from '../../testkit/fakeConnector';
import { chatPerson, TeamsChat } from '../../testkit/teamsChat';
import { LOCAL_COSMOS_KEY, localCosmosConfig, type LocalCosmosServer, startLocalCosmosServer } from '../store/localCosmosServer';
import { type BotProcess, startBotProcess } from './botProcess';

// Two real bot processes on one Cosmos database, as two App Service instances behind one Azure Bot:
// Teams may deliver any activity to either, and redeliver it to the other.

const database = `two-processes-${randomUUID()}`;
let server: LocalCosmosServer | undefined;
let connector: FakeConnector | undefined;
let stores: Storage | undefined;
const bots: BotProcess[] = [];
/** Every HTTP status either process answered, to show none failed. */
const statuses: number[] = [];

const sarah = chatPerson('Sarah Berry');
const ellen = chatPerson('Ellen Footman');
const derek = chatPerson('Derek Benson');
const people = [sarah, ellen, derek];

beforeAll(async () => {
  server = await startLocalCosmosServer();
  connector = await new FakeConnector().start();
  const env = {
    STORE: 'cosmos',
    COSMOS_ENDPOINT: server.endpoint,
    COSMOS_KEY: LOCAL_COSMOS_KEY,
    COSMOS_DATABASE: database,
    COSMOS_CREATE_IF_MISSING: 'true',
    COSMOS_ENDPOINT_DISCOVERY: 'false',
    SCHEDULER: 'off',
    LOG_LEVEL: 'info',
  };
  // One after the other: the first creates the database, the second finds it, as a deployment does.
  bots.push(await startBotProcess(env));
  bots.push(await startBotProcess(env));
}, 120_000);

afterAll(async () => {
  await Promise.all(bots.map((bot) => bot.stop()));
  await stores?.close();
  await connector?.stop();
  await server?.stop();
});

function bot(index: number): BotProcess {
  const chosen = bots[index % bots.length];
  if (!chosen) throw new Error('the bot processes did not start');
  return chosen;
}

/** Sends an activity to process `index` (0 = A, 1 = B) and records the status. */
async function send(index: number, activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const answer = await bot(index).post(activity);
  statuses.push(answer.status);
  return answer;
}

/** The action card each action was first posted with, by action id. */
function postedCards(chat: TeamsChat): Map<string, { card: Record<string, unknown>; messageId: string }> {
  const cards = new Map<string, { card: Record<string, unknown>; messageId: string }>();
  for (const sent of connector?.messagesIn(chat.conversationId) ?? []) {
    const card = cardOf(sent);
    const actionId = card && findExecute(card, CARD_VERBS.close)?.data['actionId'];
    if (typeof actionId === 'string' && sent.newId && !cards.has(actionId)) cards.set(actionId, { card: card ?? {}, messageId: sent.newId });
  }
  return cards;
}

function clickOn(chat: TeamsChat, posted: { card: Record<string, unknown>; messageId: string }, verb: string, inputs: Record<string, unknown>) {
  const execute = findExecute(posted.card, verb);
  if (!execute) throw new Error(`the card has no ${verb} button`);
  return chat.cardAction(ellen, verb, { ...execute.data, ...inputs }, posted.messageId);
}

test('interleaved captures, redeliveries and closes from both processes end with exactly what was sent', async () => {
  if (!connector || !server) throw new Error('the connector or the Cosmos server did not start');
  const chats = [0, 1, 2].map(() => new TeamsChat(connector?.url ?? ''));
  for (const chat of chats) connector.setMembers(chat.conversationId, people);
  const texts = new Map<TeamsChat, string[]>(chats.map((chat) => [chat, []]));
  const capture = (chat: TeamsChat, label: string) => {
    texts.get(chat)?.push(`Circulate the ${label} report`);
    return chat.message(sarah, `/action Circulate the ${label} report EF`, people);
  };

  // Round 1: in every chat, two captures at once, one to each process, so they race for numbers.
  const first = chats.map((chat, c) => [capture(chat, `audit ${c}`), capture(chat, `budget ${c}`)] as const);
  await Promise.all(first.flatMap(([toA, toB]) => [send(0, toA), send(1, toB)]));
  // Round 2: two more each, while Teams redelivers round 1 to the other process, and one new
  // capture arrives at both processes at the same moment.
  const second = chats.map((chat, c) => [capture(chat, `training ${c}`), capture(chat, `inspection ${c}`)] as const);
  await Promise.all([
    ...second.flatMap(([toA, toB]) => [send(0, toA), send(1, toB)]),
    ...first.flatMap(([sentToA, sentToB]) => [send(1, sentToA), send(0, sentToB)]),
    ...second.map(([, sentToB]) => send(0, sentToB)),
  ]);

  // Close: the same click reaches both processes at once in chat 0; in chat 1 Ellen clicks twice
  // (two activities) and each lands on a different process; chat 2 gets updates from both sides.
  const [chat0, chat1, chat2] = chats as [TeamsChat, TeamsChat, TeamsChat];
  const cards0 = [...postedCards(chat0).values()];
  const cards1 = [...postedCards(chat1).values()];
  const cards2 = [...postedCards(chat2).values()];
  expect([cards0.length, cards1.length, cards2.length]).toEqual([4, 4, 4]);
  const [toClose0, toUpdate0] = cards0 as [typeof cards0[number], typeof cards0[number]];
  const [toClose1] = cards1 as [typeof cards1[number]];
  const [toUpdate2, toCloseAndUpdate2] = cards2 as [typeof cards2[number], typeof cards2[number]];
  const sameClick = clickOn(chat0, toClose0, CARD_VERBS.close, { closeNote: 'Sent to the panel.' });
  const update0 = clickOn(chat0, toUpdate0, CARD_VERBS.update, { updateNote: 'Draft with the chair.' });
  const update2a = clickOn(chat2, toUpdate2, CARD_VERBS.update, { updateNote: 'Dates agreed.' });
  const update2b = clickOn(chat2, toUpdate2, CARD_VERBS.update, { updateNote: 'Venue booked.' });
  await Promise.all([
    send(0, sameClick),
    send(1, sameClick),
    send(0, clickOn(chat1, toClose1, CARD_VERBS.close, {})),
    send(1, clickOn(chat1, toClose1, CARD_VERBS.close, {})),
    send(1, update0),
    send(0, update2a),
    send(1, update2b),
    send(0, clickOn(chat2, toCloseAndUpdate2, CARD_VERBS.close, { closeNote: 'Done at the meeting.' })),
  ]);
  // Redelivered updates, each to the process that did not take it first.
  await Promise.all([send(0, update0), send(1, update2a), send(0, update2b)]);

  stores = await openStorage(storeConfig(server.endpoint));
  const stored = await Promise.all(chats.map((chat) => stores?.chats.listActions(chat) ?? Promise.resolve([])));
  const [stored0, stored1, stored2] = stored as [Action[], Action[], Action[]];
  chats.forEach((chat, c) => {
    const actions = stored[c] ?? [];
    expect(actions.map((action) => action.text).sort()).toEqual([...(texts.get(chat) ?? [])].sort());
    const numbers = actions.map((action) => action.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.every((number) => Number.isInteger(number) && number >= 1)).toBe(true);
  });

  const byId = (actions: Action[], id: unknown) => actions.find((action) => action.id === findExecute(id, CARD_VERBS.close)?.data['actionId']);
  const events = (action: Action | undefined, kind: string) => (action?.history ?? []).filter((event) => event.kind === kind);
  const closed = [byId(stored0, toClose0.card), byId(stored1, toClose1.card), byId(stored2, toCloseAndUpdate2.card)];
  for (const action of closed) {
    expect(action?.status).toBe('closed');
    expect(events(action, 'closed')).toHaveLength(1);
  }
  expect(events(closed[0], 'closed')[0]?.note).toBe('Sent to the panel.');
  expect(events(closed[2], 'closed')[0]?.note).toBe('Done at the meeting.');
  const closedIds = new Set(closed.map((action) => action?.id));
  const updates = new Map([
    [byId(stored0, toUpdate0.card)?.id, ['Draft with the chair.']],
    [byId(stored2, toUpdate2.card)?.id, ['Dates agreed.', 'Venue booked.']],
  ]);
  for (const action of stored.flat()) {
    expect(action.status).toBe(closedIds.has(action.id) ? 'closed' : 'open');
    expect(events(action, 'update').map((event) => event.note).sort()).toEqual(updates.get(action.id) ?? []);
    expect(events(action, 'created')).toHaveLength(1);
  }

  // Either process lists the same open actions for a chat.
  for (const [index, chat] of [[0, chat1], [1, chat1], [0, chat2], [1, chat0]] as const) {
    const before = connector.messagesIn(chat.conversationId).length;
    await send(index, chat.message(sarah, '/actions', people));
    const list = cardText(cardOf(connector.messagesIn(chat.conversationId)[before])).join('\n');
    const actions = stored[chats.indexOf(chat)] ?? [];
    for (const action of actions) {
      if (action.status === 'open') expect(list).toContain(action.text);
      else expect(list).not.toContain(action.text);
    }
  }

  // 12 captures, 6 redelivered, 3 twin deliveries, 8 clicks, 3 redelivered updates, 4 lists.
  expect(statuses.length).toBe(12 + 6 + 3 + 8 + 3 + 4);
  expect(statuses.filter((status) => status !== 200)).toEqual([]);
  const failures = bots.flatMap((running) => running.logs).filter((entry) => Number(entry['level']) >= 50);
  expect(failures).toEqual([]);
}, 60_000);

function storeConfig(endpoint: string): StorageConfig {
  return localCosmosConfig(endpoint, database, { createIfMissing: false });
}
