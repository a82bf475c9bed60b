import { CARD_VERBS } from '../../src/cards/verbs';
import { cardOf, invokeCard, textOf } from '../../testkit/botHarness';
import { cardText, findExecute } from '../../testkit/cardText';
import type { SentActivity } from '../../testkit/fakeConnector';
import { chatPerson, TeamsChat, type ChatPerson } from '../../testkit/teamsChat';
import { adaptiveCardProblems } from '../../testkit/validateCard';
import { installBot, useBoardChatPerTest, type BoardChat } from './chatFixture';

// What the bot reads from a message: what it understood is kept, what it did not is said, and
// nothing is saved as something the speaker did not mean.

let board: BoardChat;
let priya: ChatPerson;
useBoardChatPerTest(
  (started) => (board = started),
  async (started) => {
    priya = chatPerson('Priya Shah');
    started.people.push(priya);
    started.harness.connector.setMembers(started.chat.conversationId, started.people);
    await installBot(started);
  },
);

async function say(text: string, activity?: Record<string, unknown>): Promise<SentActivity[]> {
  const response = await board.harness.post(activity ?? board.chat.message(board.sarah, text, board.people));
  expect(response.status).toBe(200);
  return board.harness.take().filter((sent) => sent.kind === 'send' || sent.kind === 'reply');
}

async function listedActions(): Promise<string[]> {
  const [list] = await say('/actions');
  return cardText(cardOf(list)).filter((line) => /^A-\d+ \|/.test(line));
}

/** What the new-action form is prefilled with: its notice, text, owners and due date. */
function formOf(sent: SentActivity | undefined) {
  const card = cardOf(sent);
  expect(adaptiveCardProblems(card)).toEqual([]);
  const inputs: Record<string, unknown> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record['type'] === 'string' && record['type'].startsWith('Input.') && typeof record['id'] === 'string') inputs[record['id']] = record['value'];
    Object.values(record).forEach(visit);
  };
  visit(card);
  return { lines: cardText(card), text: inputs['text'], owners: inputs['owners'], due: inputs['due'], card };
}

describe('a due date that is not a date', () => {
  test.each(['by 31 February', 'by Friday 13th', 'in -3 days', 'by 1900'])(
    '"/action Order the banners @Priya Shah %s" keeps the owner and the text, says the date was not understood, and saves nothing',
    async (phrase) => {
      const [reply, ...more] = await say('', board.chat.message(board.sarah, `/action Order the banners <at>Priya Shah</at> ${phrase}`, board.people));
      expect(more).toEqual([]);
      const form = formOf(reply);
      expect(form.lines).toContain(`I could not read "${phrase}" as a date, so nothing is saved yet. Pick the due date below (or leave it empty), then save.`);
      expect(form.text).toBe('Order the banners');
      expect(form.owners).toBe(priya.aadObjectId);
      expect(form.due).toBe('');
      expect(await listedActions()).toEqual([]);
    },
  );
});

describe('a due date that has passed', () => {
  test('"due last Friday" is not moved to next Friday: the form asks to confirm 8 March, and saving it keeps 8 March', async () => {
    const [reply] = await say('/action Order the banners EF due last Friday');
    const form = formOf(reply);
    expect(form.lines).toContain('"due last Friday" is Fri 8 Mar 2019, which has passed, so nothing is saved yet. Save to keep that date, or pick another.');
    expect(form).toMatchObject({ text: 'Order the banners', owners: board.ellen.aadObjectId, due: '2019-03-08' });
    expect(await listedActions()).toEqual([]);

    const save = findExecute(form.card, CARD_VERBS.create);
    const answer = await board.harness.post(
      board.chat.cardAction(board.sarah, CARD_VERBS.create, { ...save?.data, text: form.text, owners: form.owners, due: form.due }, reply?.newId),
    );
    expect(cardText(invokeCard(answer.body))).toEqual(expect.arrayContaining(['Action A-1 | Overdue', 'Due: Fri 8 Mar 2019 (overdue)']));
    board.harness.take();
    expect(await listedActions()).toEqual(['A-1 | Order the banners | Overdue · Fri 8 Mar 2019']);
  });

  test.each([
    ['by 12 March', 'Tue 12 Mar 2019'],
    ['by 1 March 2019', 'Fri 1 Mar 2019'],
    ['due yesterday', 'Tue 12 Mar 2019'],
  ])('"%s" is confirmed before it is saved, as %s', async (phrase, date) => {
    const [reply] = await say(`/action Order the banners EF ${phrase}`);
    expect(formOf(reply).lines).toContain(`"${phrase}" is ${date}, which has passed, so nothing is saved yet. Save to keep that date, or pick another.`);
    expect(await listedActions()).toEqual([]);
  });

  test('a date ahead is saved as before, at once', async () => {
    const [reply] = await say('/action Order the banners EF by Friday');
    expect(cardText(cardOf(reply))).toContain('Due: Fri 15 Mar 2019');
  });
});

describe('mentions', () => {
  test('a mention entity whose text is not a mention tag in the message is ignored: no owner made, no text rewritten', async () => {
    const activity = board.chat.message(board.sarah, '/action Prepare a plan for the away day', board.people);
    (activity['entities'] as unknown[]).push({ type: 'mention', text: 'a', mentioned: { id: priya.id, name: priya.name } });
    const [reply] = await say('', activity);
    const form = formOf(reply);
    expect(form.lines).toContain('Who will do it? Choose the owner(s), then save.');
    expect(form.text).toBe('Prepare a plan for the away day');
    expect(form.owners).toBe('');
  });

  test('a mention tag that is not in the message names nobody', async () => {
    const activity = board.chat.message(board.sarah, '/action Prepare the plan EF', board.people);
    (activity['entities'] as unknown[]).push({ type: 'mention', text: '<at>Priya Shah</at>', mentioned: { id: priya.id, name: priya.name } });
    const [reply] = await say('', activity);
    expect(cardText(cardOf(reply))).toContain('Owner: Ellen Footman (EF)');
  });
});

describe('an organizer Teams gives no name', () => {
  let chat: TeamsChat;
  beforeEach(async () => {
    chat = new TeamsChat(board.harness.connector.url, board.chat.tenantId);
    board.harness.connector.setMembers(chat.conversationId, board.people);
    // What GET /v1/meetings/{id} returns in real tenants: the organizer's ids, no name.
    board.harness.connector.setMeeting(chat.meetingId, {
      organizer: { id: board.derek.id, aadObjectId: board.derek.aadObjectId },
      title: 'Safeguarding Children Board',
      start: '2019-03-13T14:00:00Z',
      end: '2019-03-13T17:00:00Z',
    });
    await board.harness.post(chat.installationUpdate(board.sarah));
    board.harness.take();
  });

  const sayHere = (text: string) => say('', chat.message(board.sarah, text, board.people));

  test('/next names the chair as the roster does', async () => {
    const [reply] = await sayHere('/next 14 March 2019 2pm');
    expect(textOf(reply)).toBe('Next meeting: Thu 14 Mar 2019 at 14:00. Derek Benson gets the action log on Wed 13 Mar 2019 at 14:00. Type /digest to see it now.');
  });

  test('the chair\'s digest @mentions the chair by name when it has to go to the meeting chat', async () => {
    await sayHere('/action Circulate the audit report EF by Friday');
    await sayHere('/next 14 March 2019 2pm');
    board.harness.connector.failNext(/^POST \/v3\/conversations$/, 403, 5);
    expect((await board.harness.bot.tick('2019-03-13T14:00:00.000Z')).failed).toBe(0);
    const digest = board.harness.take().find((sent) => sent.kind !== 'update' && (cardText(cardOf(sent))[0] ?? '').startsWith('Before your meeting'));
    expect(digest?.conversationId).toBe(chat.conversationId);
    expect(textOf(digest)).toBe('<at>Derek Benson</at>: the action log for your next meeting.');
  });
});
