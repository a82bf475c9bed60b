import { cardOf, textOf } from '../../testkit/botHarness';
import { cardText } from '../../testkit/cardText';
import { adaptiveCardProblems } from '../../testkit/validateCard';
import { useBoardChatPerTest, type BoardChat } from './chatFixture';

let board: BoardChat;
useBoardChatPerTest((started) => (board = started));

async function say(text: string, from = board.sarah) {
  await board.harness.post(board.chat.message(from, text, board.people));
  return board.harness.take().filter((sent) => sent.kind === 'send' || sent.kind === 'reply');
}

test('/item files the following decisions and actions under it, and decisions are numbered within their item', async () => {
  expect(textOf((await say('/item 2.2 S157/175 Safeguarding Audit'))[0])).toBe(
    'Now on item 2.2 S157/175 Safeguarding Audit. Actions and decisions from here on are filed under it.',
  );
  const [first] = await say('/decision The Board accepted the audit report');
  const [second] = await say('/decision The next audit will be undertaken in June 2020');
  expect(adaptiveCardProblems(cardOf(first))).toEqual([]);
  expect(cardText(cardOf(first))).toEqual(['Decision 1', 'The Board accepted the audit report', 'Item: 2.2 S157/175 Safeguarding Audit', 'Recorded: Sarah Berry · Wed 13 Mar 2019']);
  expect(cardText(cardOf(second))[0]).toBe('Decision 2');

  await say('/item Part 6 Improving Frontline Practice Group');
  const [third] = await say('/decision The Board approved implementation of the revised WM SUDIC Protocol');
  expect(cardText(cardOf(third))).toEqual(expect.arrayContaining(['Decision 1', 'Item: Part 6 Improving Frontline Practice Group']));

  const [action] = await say('/action Share the protocol with GPs EF');
  expect(cardText(cardOf(action))).toContain('Item: Part 6 Improving Frontline Practice Group');
});

test('a redelivered /decision records it once', async () => {
  const activity = board.chat.message(board.sarah, '/decision Minutes of 5.12.2018 approved', board.people);
  await board.harness.post(activity);
  await board.harness.post(activity);
  expect(board.harness.take().filter((sent) => sent.kind !== 'update')).toHaveLength(1);
  const [next] = await say('/decision Report accepted');
  expect(cardText(cardOf(next))[0]).toBe('Decision 2');
});

test('/actions lists open actions by owner with overdue ones first', async () => {
  // Captured in February, when 1 March was ahead (a date already past asks to be confirmed first).
  board.clock.set('2019-02-20T10:00:00.000Z');
  await say('/action Book the venue SB by 1 March 2019');
  board.clock.set('2019-03-13T14:00:00.000Z');
  await say('/action Send the agenda SB by Friday');
  await say('/action Draft the letter DB');
  board.clock.set('2019-03-14T10:00:00.000Z');
  const [list] = await say('/actions');
  expect(adaptiveCardProblems(cardOf(list))).toEqual([]);
  expect(cardText(cardOf(list))).toEqual([
    'Open actions',
    '3 open, 1 overdue. Close one with /close A-1, or from its card.',
    'Sarah Berry (SB) · 1 overdue',
    'A-1 | Book the venue | Overdue · Fri 1 Mar 2019',
    'A-2 | Send the agenda | Fri 15 Mar 2019',
    'Derek Benson (DB)',
    'A-3 | Draft the letter | No date',
  ]);
});

test('adding the bot to a meeting chat welcomes the chat once, and the organizer becomes the chair', async () => {
  await board.harness.post(board.chat.installationUpdate(board.sarah));
  const sent = board.harness.take();
  expect(sent).toHaveLength(1);
  expect(textOf(sent[0])).toContain('I keep this meeting\'s decisions and actions');
  await say('/action Draft the letter EF');
  const card = cardOf(board.harness.connector.messagesIn(board.chat.conversationId).at(-1));
  // Derek organised the meeting, so he is chair and gets the full view: not among the refreshed users.
  expect((card?.['refresh'] as { userIds: string[] }).userIds).not.toContain(board.derek.id);
  expect((card?.['refresh'] as { userIds: string[] }).userIds).toContain(board.sarah.id);
});

test('someone who joins later can be named by initials once Teams reports them', async () => {
  await say('/action Draft the letter EF');
  const jackie = { id: '29:jackie', name: 'Jackie Stevenson', aadObjectId: 'aad-jackie' };
  board.harness.connector.setMembers(board.chat.conversationId, [...board.people, jackie]);
  await board.harness.post(board.chat.membersAdded(board.derek, [jackie]));
  expect(board.harness.take()).toEqual([]);
  const [reply] = await say('/action Probation data for the SIP JS');
  expect(cardText(cardOf(reply))).toContain('Owner: Jackie Stevenson (JS)');
});

test('decisions are numbered within their meeting: a second meeting on the same day starts again at 1', async () => {
  await say('/item 1 Opening');
  expect(cardText(cardOf((await say('/decision Apologies were noted'))[0]))[0]).toBe('Decision 1');
  expect(cardText(cardOf((await say('/decision The agenda was agreed'))[0]))[0]).toBe('Decision 2');
  await say('/meeting end');
  board.clock.set('2019-03-13T18:00:00.000Z');
  await say('/meeting start');
  expect(cardText(cardOf((await say('/decision The extraordinary meeting was quorate'))[0]))[0]).toBe('Decision 1');
});
