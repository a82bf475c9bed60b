import { CARD_BUDGET_BYTES } from '../../src/cards/listPage';
import { CARD_VERBS } from '../../src/cards/verbs';
import { createLogger } from '../../src/observability/logger';
import { createUseCases } from '../../src/services/useCases';
import { cardOf, invokeCard, textOf } from '../../testkit/botHarness';
import { cardText, findExecute } from '../../testkit/cardText';
import type { SentActivity } from '../../testkit/fakeConnector';
import { chatPerson, personalChatWith, TeamsChat, type ChatPerson } from '../../testkit/teamsChat';
import { adaptiveCardProblems } from '../../testkit/validateCard';
import { installBot, useBoardChatPerTest, type BoardChat } from './chatFixture';

// A real board's scale: 500 open actions, 200 decisions, a 600-member chat. Every list the bot
// sends is paged so each card stays well under Teams' limit, measured as Teams would receive it,
// and "Show more" walks the whole list without losing or repeating a row.

const ACTIONS = 500;
const DECISIONS = 200;
const YESTERDAY = '2019-03-12T14:00:00.000Z';

let board: BoardChat;
useBoardChatPerTest(
  (started) => (board = started),
  async (started) => {
    await installBot(started);
    await seedYesterdaysMeeting(started);
  },
);

/**
 * Yesterday's meeting: 500 actions for Ellen (texts at the 2,000-character limit, with accents and
 * emoji, so bytes outnumber characters) and 200 decisions, captured through the real use-cases and
 * store (500 messages through the endpoint would take minutes at Teams' pace of 60 per 30 s).
 */
async function seedYesterdaysMeeting({ harness, chat, ellen, sarah }: BoardChat): Promise<void> {
  const useCases = createUseCases({ storage: harness.bot.storage, logger: createLogger('silent'), defaultTimeZone: 'Europe/London', chairDigestLeadHours: 24 });
  const key = { tenantId: chat.tenantId, conversationId: chat.conversationId };
  const owner = { id: ellen.aadObjectId, name: ellen.name, teamsId: ellen.id };
  const by = { id: sarah.aadObjectId, name: sarah.name, teamsId: sarah.id };
  for (let index = 1; index <= ACTIONS; index += 1) {
    const text = `Action ${index}: review the café’s safeguarding référence file 🎉 `.repeat(40).slice(0, 2000);
    const series = await useCases.chats.load({ key, now: YESTERDAY, serviceUrl: chat.serviceUrl });
    // Due from April on, so no reminder is due this week and the scheduler's passes stay small.
    const due = `2019-04-${String((index % 28) + 1).padStart(2, '0')}`;
    await useCases.capture.captureAction(series, { key, sourceId: `seed-action-${index}`, by, at: YESTERDAY }, { text, owners: [owner], due }, async () => undefined);
  }
  for (let index = 1; index <= DECISIONS; index += 1) {
    const series = await useCases.chats.load({ key, now: YESTERDAY, serviceUrl: chat.serviceUrl });
    const text = `Decision ${index}: the Board approved the revised protocol, with the amendments tabled. `.repeat(20).slice(0, 1500);
    await useCases.capture.recordDecision(series, { key, sourceId: `seed-decision-${index}`, by, at: YESTERDAY }, text, async () => undefined);
  }
}

/** The size of a card as Teams receives it, and that it is one Teams can render. */
function expectFits(card: Record<string, unknown> | undefined): void {
  expect(card).toBeDefined();
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
}

/**
 * Follows "Show more" from `first` to the end as `who` would in `where`, checking every page fits,
 * and returns every page's lines.
 */
async function walkPages(first: Record<string, unknown> | undefined, who: ChatPerson, where: TeamsChat, messageId: string): Promise<string[][]> {
  const pages: string[][] = [];
  let card = first;
  for (let guard = 0; card && guard < 100; guard += 1) {
    expectFits(card);
    pages.push(cardText(card));
    const more = findExecute(card, CARD_VERBS.showMore);
    if (!more) return pages;
    const response = await board.harness.post(where.cardAction(who, CARD_VERBS.showMore, more.data, messageId));
    expect(response.status).toBe(200);
    card = invokeCard(response.body);
  }
  throw new Error('the list never ended');
}

/** The action references listed on a set of pages, in order. */
function refsIn(pages: string[][]): string[] {
  return pages.flat().flatMap((line) => /^(A-\d+) \|/.exec(line)?.[1] ?? []);
}

const allRefs = Array.from({ length: ACTIONS }, (_, index) => `A-${index + 1}`);

async function say(text: string, from: ChatPerson = board.sarah, where: TeamsChat = board.chat): Promise<SentActivity> {
  await board.harness.post(where.message(from, text, board.people));
  const [reply] = board.harness.take().filter((sent) => sent.kind === 'send' || sent.kind === 'reply');
  if (!reply?.newId) throw new Error(`no answer to ${text}`);
  return reply;
}

test('/actions in the meeting chat: 500 open actions in pages that each fit, every one listed once', async () => {
  const reply = await say('/actions');
  const pages = await walkPages(cardOf(reply), board.derek, board.chat, reply.newId ?? '');
  expect(pages.length).toBeGreaterThan(1);
  expect(pages[0]?.[1]).toMatch(/^500 open\. Close one with \/close A-\d+, or from its card\.$/);
  expect(pages[0]?.[2]).toMatch(/^Showing 1–\d+ of 500\.$/);
  // Ordered by due date within the owner, so by reference only once sorted.
  expect(refsIn(pages).sort()).toEqual([...allRefs].sort());
});

test('/actions in an owner\'s 1:1 chat: 500 actions across pages, each with its Close, every one listed once', async () => {
  const personal = personalChatWith(board.ellen, board.harness.connector.url, board.chat.tenantId);
  const reply = await say('/actions', board.ellen, personal);
  const pages = await walkPages(cardOf(reply), board.ellen, personal, reply.newId ?? '');
  expect(pages[0]?.[1]).toBe('500 open across your meetings. Close one here, or add an update from its card in the meeting chat.');
  expect(refsIn(pages).sort()).toEqual([...allRefs].sort());

  // Closing from the second page answers with the second page, one shorter, not the first.
  const first = cardOf(reply);
  const more = findExecute(first, CARD_VERBS.showMore);
  const second = invokeCard((await board.harness.post(personal.cardAction(board.ellen, CARD_VERBS.showMore, more?.data ?? {}, reply.newId))).body);
  const close = findExecute(second, CARD_VERBS.digestClose);
  const closed = await board.harness.post(personal.cardAction(board.ellen, CARD_VERBS.digestClose, close?.data ?? {}, reply.newId));
  const after = cardText(invokeCard(closed.body));
  expect(after[0]).toMatch(/^Closed Action \d+: review the café/);
  // The page after the one closed from: its first item follows on, however many fit in its bytes.
  expect(after.find((line) => line.startsWith('Showing'))).toMatch(/^Showing 16–\d+ of 499\.$/);
});

test('/digest with 500 actions and the last meeting\'s 200 decisions: pages that fit, ending with every decision', async () => {
  const reply = await say('/digest');
  const pages = await walkPages(cardOf(reply), board.derek, board.chat, reply.newId ?? '');
  expect(refsIn(pages)).toEqual(allRefs);
  const decisions = pages.flat().filter((line) => /^No item — \d+\. Decision \d+:/.test(line));
  expect(decisions.map((line) => Number(/^No item — (\d+)\./.exec(line)?.[1]))).toEqual(Array.from({ length: DECISIONS }, (_, index) => index + 1));
});

test('/matters with 500 actions from the last meeting: pages that fit, every action listed once', async () => {
  const reply = (await board.harness.post(board.chat.message(board.sarah, '/matters', board.people)), board.harness.take().at(-1));
  const pages = await walkPages(cardOf(reply), board.sarah, board.chat, reply?.newId ?? '');
  expect(pages[0]?.[0]).toBe('Matters arising: Wednesday 13th March 2019');
  expect(refsIn(pages)).toEqual(allRefs);
});

test('the weekly digest of an owner with 500 open actions fits, and its Show more pages through all of them', async () => {
  board.clock.set('2019-03-18T09:00:00.000Z');
  const report = await board.harness.bot.tick('2019-03-18T09:00:00.000Z');
  expect(report.failed).toBe(0);
  const [digest, ...others] = board.harness.take().filter((sent) => sent.kind !== 'update' && cardText(cardOf(sent))[0] === 'Your open actions');
  expect(others).toEqual([]);
  const personal = personalChatWith(board.ellen, board.harness.connector.url, board.chat.tenantId);
  expect(digest?.conversationId).toBe(personal.conversationId);
  const pages = await walkPages(cardOf(digest), board.ellen, personal, digest?.newId ?? '');
  expect(refsIn(pages).sort()).toEqual([...allRefs].sort());
});

test('the chair\'s pre-meeting digest with 500 actions and 200 decisions fits, and the chair can page through it in their 1:1 chat', async () => {
  await say('/next 14 March 2019 2pm');
  const report = await board.harness.bot.tick('2019-03-13T14:00:00.000Z');
  expect(report.failed).toBe(0);
  const digest = board.harness.take().find((sent) => sent.kind !== 'update' && (cardText(cardOf(sent))[0] ?? '').startsWith('Before your meeting'));
  const personal = personalChatWith(board.derek, board.harness.connector.url, board.chat.tenantId);
  expect(digest?.conversationId).toBe(personal.conversationId);
  const pages = await walkPages(cardOf(digest), board.derek, personal, digest?.newId ?? '');
  expect(refsIn(pages)).toEqual(allRefs);
  expect(pages.flat().filter((line) => / — \d+\. Decision \d+:/.test(line))).toHaveLength(DECISIONS);

  // Someone outside that meeting chat cannot page through its digest from their own 1:1 chat.
  const stranger = chatPerson('Mallory Other');
  const theirs = personalChatWith(stranger, board.harness.connector.url, board.chat.tenantId);
  const more = findExecute(cardOf(digest), CARD_VERBS.showMore);
  const refused = await board.harness.post(theirs.cardAction(stranger, CARD_VERBS.showMore, more?.data ?? {}, digest?.newId));
  expect(cardText(invokeCard(refused.body))).toEqual(['Nothing was changed', 'Only members of that meeting chat can change its actions.']);
});

test('a list button from an older card, or one forged, is answered with what to do', async () => {
  const reply = await say('/actions');
  for (const data of [{ list: 'nonsense', from: 3 }, { from: 'x' }, {}]) {
    const response = await board.harness.post(board.chat.cardAction(board.sarah, CARD_VERBS.showMore, data, reply.newId));
    expect(cardText(invokeCard(response.body))).toEqual([
      'Nothing was changed',
      'This list is from an older card. Type the command again (/actions, /matters or /digest) for a fresh one.',
    ]);
  }
});

describe('a 600-member meeting chat', () => {
  test('an action card stays small whatever the chat\'s size, and Teams refreshes at most 60 members\' views', async () => {
    const chat = new TeamsChat(board.harness.connector.url, board.chat.tenantId);
    const members = Array.from({ length: 600 }, (_, index) => chatPerson(`Member ${String(index + 1).padStart(3, '0')} Surname${index}`));
    board.harness.connector.setMembers(chat.conversationId, members);
    const [chair, owner] = members;
    if (!chair || !owner) throw new Error('no members');
    board.harness.connector.setMeeting(chat.meetingId, { organizer: chair, title: 'Annual General Meeting', start: '2019-03-13T14:00:00Z', end: '2019-03-13T17:00:00Z' });
    await board.harness.post(chat.message(chair, `/action Circulate the annual report <at>${owner.name}</at> by Friday`, members));
    const [posted] = board.harness.take().filter((sent) => sent.kind !== 'update');
    const card = cardOf(posted);
    expectFits(card);
    expect(cardText(card)).toContain('Action A-1 | Open');
    const refresh = (card?.['refresh'] as { userIds?: string[] } | undefined)?.userIds ?? [];
    expect(refresh.length).toBeGreaterThan(0);
    expect(refresh.length).toBeLessThanOrEqual(60);
    expect(textOf(posted)).toBe('');
  });

  test('Reassign answers with a picker that fits: a short list (owners first), and Teams\' people picker searching the rest', async () => {
    const chat = new TeamsChat(board.harness.connector.url, board.chat.tenantId);
    const members = Array.from({ length: 600 }, (_, index) => chatPerson(`Member ${String(index + 1).padStart(3, '0')} Surname${index}`));
    board.harness.connector.setMembers(chat.conversationId, members);
    const chair = members[0];
    const owner = members[599];
    if (!chair || !owner) throw new Error('no members');
    board.harness.connector.setMeeting(chat.meetingId, { organizer: chair, title: 'Annual General Meeting', start: '2019-03-13T14:00:00Z', end: '2019-03-13T17:00:00Z' });
    await board.harness.post(chat.message(chair, `/action Circulate the annual report <at>${owner.name}</at>`, members));
    const [posted] = board.harness.take().filter((sent) => sent.kind !== 'update');
    const pick = findExecute(cardOf(posted), CARD_VERBS.reassignPick);
    const answer = await board.harness.post(chat.cardAction(chair, CARD_VERBS.reassignPick, pick?.data ?? {}, posted?.newId));
    const picker = invokeCard(answer.body);
    expectFits(picker);
    const input = JSON.stringify(picker).match(/"choices":(\[[^\]]*\])/)?.[1];
    const choices = JSON.parse(input ?? '[]') as Array<{ title: string; value: string }>;
    expect(choices.length).toBeLessThanOrEqual(12);
    expect(choices[0]?.value).toBe(owner.aadObjectId);
    expect(JSON.stringify(picker)).toContain('"choices.data":{"type":"Data.Query","dataset":"graph.microsoft.com/users?scope=currentContext"}');
    // Someone the list leaves out, found with the people picker, can be chosen.
    const reassign = findExecute(picker, CARD_VERBS.reassign);
    const someone = members[300];
    const done = await board.harness.post(chat.cardAction(chair, CARD_VERBS.reassign, { ...reassign?.data, owners: someone?.aadObjectId }, posted?.newId));
    expect(cardText(invokeCard(done.body))).toContain(`Reassigned to ${someone?.name}.`);
  });
});

test('/minutes of a meeting that took 300 agenda items answers a summary that fits, pointing to the documents for the rest', async () => {
  const key = { tenantId: board.chat.tenantId, conversationId: board.chat.conversationId };
  const [yesterday] = await board.harness.bot.storage.chats.listMeetings(key);
  if (!yesterday) throw new Error('no meeting yesterday');
  const current = await board.harness.bot.storage.chats.getMeeting(key, yesterday.id);
  const items = Array.from({ length: 300 }, (_, index) => ({ number: `${index + 1}`, title: `Report of the working group on the review of arrangements ${index + 1}`.padEnd(190, '.') }));
  await board.harness.bot.storage.chats.putMeeting({ ...yesterday, items }, current?.etag);
  const reply = await say('/minutes');
  const card = cardOf(reply);
  expectFits(card);
  const lines = cardText(card);
  // 300 items, and the items-less captures of the meeting under "no item": 40 shown.
  expect(lines).toContain('… and 261 more items: the documents below have them all.');
});

test('an action card with the longest text and eight of the longest updates, all in a script of three bytes a character, still fits', async () => {
  const long = (seed: string) => `${seed} ${'議事録の更新'.repeat(400)}`.slice(0, 2000);
  await say(`/action ${long('行動')} EF`);
  for (let index = 1; index <= 8; index += 1) {
    await board.harness.post(board.chat.message(board.ellen, `/update A-501 ${long(`更新${index}`)}`, board.people));
  }
  const updates = board.harness.take().filter((sent) => sent.kind === 'update');
  expect(updates.length).toBeGreaterThanOrEqual(8);
  for (const update of updates) expectFits(cardOf(update));
  expect(cardText(cardOf(updates.at(-1))).filter((line) => line.includes('更新8'))).toHaveLength(1);
});
