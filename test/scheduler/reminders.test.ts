import { CARD_VERBS } from '../../src/cards/verbs';
import { cardOf, invokeCard } from '../../testkit/botHarness';
import { cardButtons, cardText, findExecute } from '../../testkit/cardText';
import { personalChatWith } from '../../testkit/teamsChat';
import { adaptiveCardProblems } from '../../testkit/validateCard';
import type { BoardChat } from '../teams/chatFixture';
import { headline, linesOf, sayInChat, useSchedulerChatPerTest, tickAt } from './schedulerFixture';

let board: BoardChat;
useSchedulerChatPerTest((started) => (board = started));

/** Reminders only: a Monday 09:00 pass also brings the weekly digest, tested on its own. */
const reminders = (sent: Awaited<ReturnType<typeof tickAt>>) => sent.map(headline).filter((line) => line.startsWith('Reminder'));

const ellensChat = () => `a:1${board.ellen.id.replace(/^29:/, '')}`;

test('an owner is reminded in a 1:1 chat two working days before, on the day, and weekly while overdue, once each', async () => {
  // Captured Wednesday 13 March at 14:00 London, due Monday 18 March.
  await sayInChat(board, '/action Circulate the audit report EF by Monday');

  expect(await tickAt(board, '2019-03-14T08:59:00.000Z')).toEqual([]);
  const [early, ...extra] = await tickAt(board, '2019-03-14T09:00:00.000Z');
  expect(extra).toEqual([]);
  expect(early?.conversationId).toBe(ellensChat());
  expect(adaptiveCardProblems(cardOf(early))).toEqual([]);
  expect(headline(early)).toBe('Reminder: due in 4 days (Mon 18 Mar 2019).');
  expect(linesOf(early)).toEqual(expect.arrayContaining(['Action A-1 | Open', 'Circulate the audit report', 'Due: Mon 18 Mar 2019']));
  expect(cardButtons(cardOf(early))).toEqual(['Close', 'Add update', 'Reassign', 'Snooze', 'Change due date']);
  expect(board.harness.connector.created.map((chat) => chat.memberId)).toEqual([board.ellen.id]);

  // The same pass again, or a later one the same day, sends nothing more.
  expect(await tickAt(board, '2019-03-14T09:00:00.000Z')).toEqual([]);
  expect(await tickAt(board, '2019-03-14T15:00:00.000Z')).toEqual([]);

  expect(reminders(await tickAt(board, '2019-03-18T09:00:00.000Z'))).toEqual(['Reminder: due today (Mon 18 Mar 2019).']);
  expect(reminders(await tickAt(board, '2019-03-25T09:00:00.000Z'))).toEqual(['Reminder: overdue by 7 days (was due Mon 18 Mar 2019).']);
  // The 1:1 chat was opened once and reused.
  expect(board.harness.connector.created).toHaveLength(1);
});

test('after downtime, one reminder says how things stand, not one per missed slot', async () => {
  await sayInChat(board, '/action Circulate the audit report EF by Monday');
  const sent = await tickAt(board, '2019-04-15T10:00:00.000Z');
  // One reminder and one (overdue) weekly digest, however many slots were missed.
  expect(sent.map(headline).sort()).toEqual(['Reminder: overdue by 28 days (was due Mon 18 Mar 2019).', 'Your open actions']);
  expect(await tickAt(board, '2019-04-15T11:00:00.000Z')).toEqual([]);
  // The next is a week after the due date's weekday, after now: Monday 22 April.
  expect(await tickAt(board, '2019-04-22T07:59:00.000Z')).toEqual([]);
  expect(reminders(await tickAt(board, '2019-04-22T08:00:00.000Z'))).toEqual(['Reminder: overdue by 35 days (was due Mon 18 Mar 2019).']);
});

test('reminders keep to 09:00 local time across the change to summer time', async () => {
  await sayInChat(board, '/action Circulate the audit report EF by 22 March');
  await tickAt(board, '2019-03-20T09:00:00.000Z');
  await tickAt(board, '2019-03-22T09:00:00.000Z');
  // Overdue weekly on Fridays: 29 March is GMT (09:00Z), 5 April is BST (08:00Z).
  expect(reminders(await tickAt(board, '2019-03-29T09:00:00.000Z'))).toEqual(['Reminder: overdue by 7 days (was due Fri 22 Mar 2019).']);
  expect(reminders(await tickAt(board, '2019-04-05T07:59:00.000Z'))).toEqual([]);
  expect(reminders(await tickAt(board, '2019-04-05T08:00:00.000Z'))).toEqual(['Reminder: overdue by 14 days (was due Fri 22 Mar 2019).']);
});

test("an owner in another time zone is reminded at 09:00 their time", async () => {
  // Ellen opens her 1:1 chat from New York, so her profile learns her zone.
  const personal = personalChatWith({ ...board.ellen, timeZone: 'America/New_York' }, board.harness.connector.url);
  await board.harness.post(personal.message({ ...board.ellen, timeZone: 'America/New_York' }, '/help'));
  board.harness.take();
  await sayInChat(board, '/action Circulate the audit report EF by 20 March');
  // 2 working days before Wed 20 March is Mon 18 March, 09:00 in New York = 13:00Z (US summer time began on 10 March).
  expect(await tickAt(board, '2019-03-18T12:59:00.000Z')).toEqual([]);
  const [sent] = await tickAt(board, '2019-03-18T13:00:00.000Z');
  expect(headline(sent)).toBe('Reminder: due in 2 days (Wed 20 Mar 2019).');
  expect(sent?.conversationId).toBe(personal.conversationId);
});

test('closing an action cancels its reminders; closing from the reminder updates the card in the meeting chat', async () => {
  await sayInChat(board, '/action Circulate the audit report EF by Monday');
  const chatCard = board.harness.connector.messagesIn(board.chat.conversationId).at(-1);
  const [reminder] = await tickAt(board, '2019-03-14T09:00:00.000Z');
  const card = cardOf(reminder);
  const close = findExecute(card, CARD_VERBS.close);
  if (!close || !reminder?.newId) throw new Error('no Close on the reminder');
  const personal = personalChatWith(board.ellen, board.harness.connector.url);
  const response = await board.harness.post(personal.cardAction(board.ellen, CARD_VERBS.close, { ...close.data, closeNote: 'Circulated on Thursday.' }, reminder.newId));
  expect(cardText(invokeCard(response.body))).toEqual(expect.arrayContaining(['Closed. Everyone in the chat now sees it closed.', 'Action A-1 | Closed']));
  const updates = board.harness.take().filter((sent) => sent.kind === 'update');
  expect(updates.map((update) => update.activityId).sort()).toEqual([chatCard?.newId, reminder.newId].sort());
  const inChat = updates.find((update) => update.conversationId === board.chat.conversationId);
  expect(cardText(cardOf(inChat))).toEqual(expect.arrayContaining(['Action A-1 | Closed', 'Thu 14 Mar 2019 · Ellen Footman: Circulated on Thursday. Action closed.']));
  expect(reminders(await tickAt(board, '2019-03-18T09:00:00.000Z'))).toEqual([]);
});

test('Snooze puts the next reminder off by a day', async () => {
  await sayInChat(board, '/action Circulate the audit report EF by Monday');
  const [reminder] = await tickAt(board, '2019-03-14T09:00:00.000Z');
  const snooze = findExecute(cardOf(reminder), CARD_VERBS.snooze);
  if (!snooze || !reminder?.newId) throw new Error('no Snooze on the reminder');
  board.clock.set('2019-03-14T09:05:00.000Z');
  const personal = personalChatWith(board.ellen, board.harness.connector.url);
  const response = await board.harness.post(personal.cardAction(board.ellen, CARD_VERBS.snooze, { ...snooze.data, days: 1 }, reminder.newId));
  expect(cardText(invokeCard(response.body))).toContain("Snoozed: I'll remind you again on Fri 15 Mar 2019.");
  expect(await tickAt(board, '2019-03-15T09:04:00.000Z')).toEqual([]);
  expect((await tickAt(board, '2019-03-15T09:05:00.000Z')).map(headline)).toEqual(['Reminder: due in 3 days (Mon 18 Mar 2019).']);
});
