import { CARD_VERBS } from '../../src/cards/verbs';
import { cardOf } from '../../testkit/botHarness';
import { cardText } from '../../testkit/cardText';
import { startBoardChat, type BoardChat } from './chatFixture';

// Activities no Teams client would send, posted to the real endpoint: each is refused with a 400
// (or 415) that names the field, never a 5xx that echoes the SDK's internals, and nothing is saved.

let board: BoardChat;
beforeEach(async () => {
  board = await startBoardChat();
});
afterEach(async () => {
  expect(board.harness.turnErrors).toEqual([]);
  await board.harness.stop();
});

/** A well-formed `/action` message with `spoil` applied. */
function spoiledMessage(spoil: (activity: Record<string, unknown>) => void): Record<string, unknown> {
  const activity = board.chat.message(board.sarah, '/action Draft the letter EF', board.people);
  spoil(activity);
  return activity;
}

/** A well-formed click on a card with `spoil` applied. */
function spoiledClick(spoil: (activity: Record<string, unknown>) => void): Record<string, unknown> {
  const activity = board.chat.cardAction(board.ellen, CARD_VERBS.refresh, { actionId: 'x', seriesId: 'y' });
  spoil(activity);
  return activity;
}

async function listedActions(): Promise<string[]> {
  await board.harness.post(board.chat.message(board.sarah, '/actions', board.people));
  return cardText(cardOf(board.harness.take().at(-1))).filter((line) => /^A-\d+ \|/.test(line));
}

const field = (name: string) => (activity: Record<string, unknown>) => activity[name] as Record<string, unknown>;

describe.each<[string, (spoil: (activity: Record<string, unknown>) => void) => Record<string, unknown>]>([
  ['a message', spoiledMessage],
  ['a card click', spoiledClick],
])('%s with a mistyped field', (_kind, spoiled) => {
  test.each<[string, (activity: Record<string, unknown>) => void, string]>([
    ['a numeric id', (activity) => (activity['id'] = 42), 'id is not a string'],
    ['isGroup as text', (activity) => (field('conversation')(activity)['isGroup'] = 'true'), 'conversation.isGroup is not true or false'],
    ['a numeric tenantId', (activity) => (field('conversation')(activity)['tenantId'] = 5), 'conversation.tenantId is not a string'],
    ['a numeric sender name', (activity) => (field('from')(activity)['name'] = 5), 'from.name is not a string'],
    ['a numeric locale', (activity) => (activity['locale'] = 5), 'locale is not a string'],
    ['a numeric channelId', (activity) => (activity['channelId'] = 5), 'channelId is not a string'],
    ['a serviceUrl that is not a URL', (activity) => (activity['serviceUrl'] = 'not a url'), 'serviceUrl is not an http(s) URL'],
    ['a tenant id that is an object', (activity) => (activity['channelData'] = { tenant: { id: { x: 1 } } }), 'channelData.tenant.id is not a string'],
    ['a mention entity that is a string', (activity) => (activity['entities'] = ['mention']), 'entities must be objects with a type'],
  ])('%s is answered 400 with what is wrong, and no internals', async (_case, spoil, problem) => {
    const response = await board.harness.post(spoiled(spoil));
    expect(response).toEqual({ status: 400, body: { error: problem } });
    expect(board.harness.take()).toEqual([]);
    expect(await listedActions()).toEqual([]);
  });
});

test('an activity posted as a form is refused with 415, whatever it holds, and nothing is saved', async () => {
  const activity = board.chat.message(board.sarah, '/action Draft the letter EF', board.people);
  const form = new URLSearchParams({ type: 'message', text: String(activity['text']), serviceUrl: String(activity['serviceUrl']) });
  for (const [contentType, body] of [
    ['application/x-www-form-urlencoded', form.toString()],
    ['text/plain', JSON.stringify(activity)],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="type"\r\n\r\nmessage\r\n--x--\r\n'],
  ] as const) {
    const response = await fetch(`${board.harness.bot.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ error: 'Send the activity as application/json.' });
  }
  expect(board.harness.take()).toEqual([]);
  expect(await listedActions()).toEqual([]);
});

test('JSON with a charset is an activity like any other', async () => {
  const activity = board.chat.message(board.sarah, '/action Draft the letter EF', board.people);
  const response = await fetch(`${board.harness.bot.server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(activity),
  });
  expect(response.status).toBe(200);
  await board.harness.bot.idle();
  expect(await listedActions()).toEqual(['A-1 | Draft the letter | No date']);
});
