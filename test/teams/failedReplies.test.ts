import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock } from '../../src/domain/clock';
import { cardOf, startHarness, textOf } from '../../testkit/botHarness';
import { cardText } from '../../testkit/cardText';
import { FakeConnector } from '../../testkit/fakeConnector';
import { SilentConnector } from '../../testkit/silentConnector';
import { chatPerson, TeamsChat } from '../../testkit/teamsChat';
import { installBot, startBoardChat, type BoardChat } from './chatFixture';

// Teams failing to take the bot's reply after the action is saved: the chat is told the truth (saved,
// where to see it), retyping is never invited, and no failure makes a second action or a second card.

let board: BoardChat;
beforeEach(async () => {
  board = await startBoardChat();
  await installBot(board);
});
afterEach(async () => {
  expect(board.harness.turnErrors).toEqual([]);
  await board.harness.stop();
});

/** New messages posted in the meeting chat, since the last look. */
const posted = () => board.harness.take().filter((sent) => sent.kind === 'send' || sent.kind === 'reply');
const chatPosts = () => new RegExp(`^POST /v3/conversations/${board.chat.conversationId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/activities`);

async function listedActions(): Promise<string[]> {
  await board.harness.post(board.chat.message(board.sarah, '/actions', board.people));
  return cardText(cardOf(posted().at(-1))).filter((line) => /^A-\d+ \|/.test(line));
}

const SAVED =
  'Saved as A-1 (Draft the letter to the National Panel), but Teams did not confirm its card. If the card does not appear, type /actions to see it; there is no need to type it again.';

test.each<[string, number, number]>([
  ['throttled four times (429)', 429, 4],
  ['failing at its gateway four times (502)', 502, 4],
  ['refusing it (403)', 403, 1],
])('when Teams keeps %s the card, the chat is told the action is saved as A-1, and the HTTP answer is 200', async (_case, status, times) => {
  board.harness.connector.failNext(chatPosts(), status, times);
  const response = await board.harness.post(board.chat.message(board.sarah, '/action Draft the letter to the National Panel EF by Friday', board.people));
  expect(response.status).toBe(200);
  expect(posted().map(textOf)).toEqual([SAVED]);
  expect(await listedActions()).toEqual(['A-1 | Draft the letter to the National Panel | Fri 15 Mar 2019']);
});

test('with Teams failing everything (500 ten times) the turn still ends at once with a 200, the action is saved once, and the message, delivered again later, posts its card', async () => {
  board.harness.connector.failNext(chatPosts(), 500, 10);
  const message = board.chat.message(board.sarah, '/action Draft the letter to the National Panel EF by Friday', board.people);
  const response = await board.harness.post(message);
  expect(response.status).toBe(200);
  // Three tries of the card and three of the line saying it was saved: no more, and no apology inviting a retry.
  expect(board.harness.connector.failed).toHaveLength(6);
  expect(posted()).toEqual([]);
  board.harness.connector.stopFailing();
  // Teams gives a message up after 15 s and may deliver it again: the card is owed, and posted once.
  board.clock.set('2019-03-13T14:00:20.000Z');
  await board.harness.post(message);
  const [card, ...more] = posted();
  expect(more).toEqual([]);
  expect(cardText(cardOf(card))).toEqual(expect.arrayContaining(['Action A-1 | Open', 'Draft the letter to the National Panel']));
  expect(await listedActions()).toEqual(['A-1 | Draft the letter to the National Panel | Fri 15 Mar 2019']);
});

test('a decision whose card Teams refuses is still recorded, and the chat is told so', async () => {
  board.harness.connector.failNext(chatPosts(), 502, 3);
  await board.harness.post(board.chat.message(board.sarah, '/decision The Board approved the revised SUDIC Protocol', board.people));
  expect(posted().map(textOf)).toEqual([
    'Recorded decision 1 under No item (The Board approved the revised SUDIC Protocol), but Teams did not confirm its card. It is in the minutes (/minutes); there is no need to type it again.',
  ]);
});

test('replies in one chat are paced like proactive sends: no more than 7 in any second, however fast the captures come', async () => {
  const messages = Array.from({ length: 12 }, (_, index) => board.chat.message(board.sarah, `/action Follow up point ${index + 1} EF`, board.people));
  const answers = await Promise.all(messages.map((message) => board.harness.post(message)));
  expect(answers.map((answer) => answer.status)).toEqual(messages.map(() => 200));
  const sent = posted();
  const times = sent.map((entry) => entry.at);
  expect(times).toHaveLength(12);
  const mostInOneSecond = Math.max(...times.map((start) => times.filter((at) => at >= start && at < start + 1000).length));
  expect(mostInOneSecond).toBeLessThanOrEqual(7);
});

test('an activity whose serviceUrl never answers does not hold the request: it waits out one timeout, then tries nothing more', async () => {
  const silent = await new SilentConnector().start();
  try {
    const activity = board.chat.message(board.sarah, '/action Draft the letter to the National Panel EF', board.people);
    activity['serviceUrl'] = silent.url;
    const response = await board.harness.post(activity);
    expect(response.status).toBe(200);
    // The card was tried and timed out; after that the turn knew the connector was unreachable and
    // did not wait again on a line saying the card was missing.
    expect(silent.received).toHaveLength(1);
  } finally {
    await silent.stop();
  }
  expect(await listedActions()).toEqual(['A-1 | Draft the letter to the National Panel | No date']);
});

describe('one message delivered twice at the same moment', () => {
  test('posts one card, and saves one action', async () => {
    const message = board.chat.message(board.sarah, '/action Draft the letter to the National Panel EF by Friday', board.people);
    // Teams is slow to take the card, so the twin arrives while the first is still posting it.
    board.harness.connector.delayNext(chatPosts(), 300, 2);
    await Promise.all([board.harness.post(message), board.harness.post(message)]);
    const cards = posted().filter((sent) => cardOf(sent));
    expect(cards).toHaveLength(1);
    expect(await listedActions()).toEqual(['A-1 | Draft the letter to the National Panel | Fri 15 Mar 2019']);
  });

  test('posts one card when the twins reach two bot instances on one database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'meeting-actions-twins-'));
    const connector = await new FakeConnector().start();
    const clock = new FixedClock('2019-03-13T14:00:00.000Z');
    const chat = new TeamsChat(connector.url);
    const ellen = chatPerson('Ellen Footman');
    connector.setMembers(chat.conversationId, [ellen]);
    const first = await startHarness({ dataDir, connector, clock, instanceId: 'instance-a' });
    const second = await startHarness({ dataDir, connector, clock, instanceId: 'instance-b' });
    try {
      const message = chat.message(ellen, '/action Book the venue EF', [ellen]);
      connector.delayNext(/activities/, 300, 2);
      await Promise.all([first.post(message), second.post(message)]);
      expect(connector.messagesIn(chat.conversationId).filter((sent) => cardOf(sent))).toHaveLength(1);
      expect([...first.turnErrors, ...second.turnErrors]).toEqual([]);
    } finally {
      await first.bot.stop();
      await second.bot.stop();
      await connector.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

test('a turn that fails for a reason of its own never just says "try again": it points to /actions first, since part of it may be saved', async () => {
  const failure = new Error('an unexpected failure');
  // A fault injected where the store answers: not an outage (that says "Not saved"), a bug.
  jest.spyOn(board.harness.bot.storage.chats, 'getSeriesAndActions').mockRejectedValueOnce(failure);
  await board.harness.post(board.chat.message(board.sarah, '/actions', board.people));
  expect(board.harness.turnErrors).toEqual([failure]);
  board.harness.turnErrors.length = 0;
  jest.restoreAllMocks();
  expect(posted().map(textOf)).toEqual(['Something went wrong on my side and I could not finish that. Type /actions to see what was saved before you try again.']);
});
