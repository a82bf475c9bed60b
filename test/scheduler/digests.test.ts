import { CARD_VERBS } from '../../src/cards/verbs';
import { cardOf, invokeCard, textOf } from '../../testkit/botHarness';
import { cardText, findExecute } from '../../testkit/cardText';
import { chatPerson, personalChatWith, TeamsChat } from '../../testkit/teamsChat';
import { adaptiveCardProblems } from '../../testkit/validateCard';
import type { BoardChat } from '../teams/chatFixture';
import { linesOf, sayInChat, useSchedulerChatPerTest, tickAt } from './schedulerFixture';

let board: BoardChat;
useSchedulerChatPerTest((started) => (board = started));

test('the weekly digest lists an owner\'s open actions across chats, overdue first, each closable', async () => {
  // A second chat where Ellen also owns an action.
  const other = new TeamsChat(board.harness.connector.url, board.chat.tenantId);
  board.harness.connector.setMembers(other.conversationId, [board.ellen, board.sarah]);
  board.harness.connector.setMeeting(other.meetingId, { organizer: board.sarah, title: 'Quality Assurance Group', start: '2019-03-01T10:00:00Z', end: '2019-03-01T11:00:00Z' });
  // Captured in February, when 1 March was ahead (a date already past asks to be confirmed first).
  board.clock.set('2019-02-20T10:00:00.000Z');
  await board.harness.post(other.message(board.sarah, '/action Audit the case files EF by 1 March 2019', [board.ellen, board.sarah]));
  board.clock.set('2019-03-13T14:00:00.000Z');
  await sayInChat(board, '/action Circulate the audit report EF by Friday');
  await sayInChat(board, '/action Draft the newsletter EF');
  await sayInChat(board, '/action Book the venue NP by Friday');
  board.harness.take();

  const sent = await tickAt(board, '2019-03-18T09:00:00.000Z');
  const digest = sent.find((entry) => linesOf(entry)[0] === 'Your open actions');
  expect(digest?.conversationId).toBe(`a:1${board.ellen.id.replace(/^29:/, '')}`);
  expect(adaptiveCardProblems(cardOf(digest))).toEqual([]);
  expect(linesOf(digest)).toEqual([
    'Your open actions',
    '3 open across your meetings, 2 overdue. Close one here, or add an update from its card in the meeting chat.',
    'Overdue (2)',
    'A-1 | Audit the case files Quality Assurance Group | Fri 1 Mar 2019',
    'A-1 | Circulate the audit report Safeguarding Children Board | Fri 15 Mar 2019',
    'Later (1)',
    'A-2 | Draft the newsletter Safeguarding Children Board | No date',
  ]);
  // Nicki gets her own digest with only her action.
  const nickis = sent.filter((entry) => linesOf(entry)[0] === 'Your open actions' && entry !== digest);
  expect(nickis.map((entry) => linesOf(entry)[1])).toEqual(['1 open across your meetings, 1 overdue. Close one here, or add an update from its card in the meeting chat.']);

  // Close one from the digest: the digest redraws without it, and the meeting chat's card shows it closed.
  const close = findExecute(cardOf(digest), CARD_VERBS.digestClose);
  if (!close || !digest?.newId) throw new Error('no Close in the digest');
  const personal = personalChatWith(board.ellen, board.harness.connector.url, board.chat.tenantId);
  const response = await board.harness.post(personal.cardAction(board.ellen, CARD_VERBS.digestClose, { ...close.data, [String(close.data['noteField'])]: 'Done.' }, digest.newId));
  const redrawn = cardText(invokeCard(response.body));
  expect(redrawn[0]).toBe('Closed Audit the case files.');
  expect(redrawn).toContain('2 open across your meetings, 1 overdue. Close one here, or add an update from its card in the meeting chat.');
  const update = board.harness.take().find((entry) => entry.kind === 'update' && entry.conversationId === other.conversationId);
  expect(cardText(cardOf(update))).toContain('Action A-1 | Closed');
  // The next digest is a week later.
  expect((await tickAt(board, '2019-03-24T09:00:00.000Z')).filter((entry) => linesOf(entry)[0] === 'Your open actions')).toEqual([]);
  expect((await tickAt(board, '2019-03-25T09:00:00.000Z')).filter((entry) => linesOf(entry)[0] === 'Your open actions')).toHaveLength(2);
});

test('/settings in the 1:1 chat moves the digest to another day and hour, or turns it off', async () => {
  await sayInChat(board, '/action Draft the newsletter EF');
  const personal = personalChatWith(board.ellen, board.harness.connector.url, board.chat.tenantId);
  await board.harness.post(personal.message(board.ellen, '/settings'));
  const settings = cardOf(board.harness.take()[0]);
  expect(adaptiveCardProblems(settings)).toEqual([]);
  expect(cardText(settings)).toContain('Digest every Monday at 09:00; reminders at 09:00, Europe/London time.');

  const save = async (inputs: Record<string, string>) => {
    const response = await board.harness.post(personal.cardAction(board.ellen, CARD_VERBS.saveSettings, inputs));
    return cardText(invokeCard(response.body));
  };
  const refused = await board.harness.post(personal.cardAction(board.ellen, CARD_VERBS.saveSettings, { digestEnabled: 'true', digestDay: '3', hour: '7', timeZone: 'Mars/Olympus' }));
  const refusedCard = invokeCard(refused.body);
  expect(cardText(refusedCard)).toEqual([
    '"Mars/Olympus" is not a time zone I know. Type an IANA name such as Europe/London or America/New_York. Nothing was changed.',
    'Reminders and weekly digest',
    // What is in force, not what was typed: nothing was changed.
    'Digest every Monday at 09:00; reminders at 09:00, Europe/London time.',
  ]);
  // The fields keep what was typed, to be corrected.
  expect(JSON.stringify(refusedCard)).toContain('"id":"timeZone","label":"Time zone (IANA name, e.g. Europe/London)","value":"Mars/Olympus"');
  expect(await save({ digestEnabled: 'true', digestDay: '3', hour: '7', timeZone: 'Europe/Paris' })).toEqual(
    expect.arrayContaining(['Saved.', 'Digest every Wednesday at 07:00; reminders at 07:00, Europe/Paris time.']),
  );
  expect(await tickAt(board, '2019-03-18T09:00:00.000Z')).toEqual([]);
  // Wednesday 20 March 07:00 Paris = 06:00Z.
  expect((await tickAt(board, '2019-03-20T06:00:00.000Z')).map((entry) => linesOf(entry)[0])).toEqual(['Your open actions']);

  expect(await save({ digestEnabled: 'false', digestDay: '3', hour: '7', timeZone: 'Europe/Paris' })).toContain('Saved.');
  expect(await tickAt(board, '2019-03-27T06:00:00.000Z')).toEqual([]);
});

test("the chair gets the action log the day before the meeting Teams has scheduled", async () => {
  board.harness.connector.setMeeting(board.chat.meetingId, { organizer: board.derek, title: 'Safeguarding Children Board', start: '2019-06-12T13:00:00Z', end: '2019-06-12T16:00:00Z' });
  // A fresh chat reads the meeting details on its first capture.
  const chat = new TeamsChat(board.harness.connector.url, board.chat.tenantId, { meetingId: board.chat.meetingId });
  board.harness.connector.setMembers(chat.conversationId, board.people);
  await board.harness.post(chat.message(board.sarah, '/action Draft letter to the National Panel DB by 1 April 2019', board.people));
  await board.harness.post(chat.message(board.sarah, '/decision The Board approved the revised SUDIC Protocol', board.people));
  await board.harness.post(chat.message(board.sarah, '/action Circulate the audit report EF', board.people));
  board.clock.set('2019-04-02T10:00:00.000Z');
  await board.harness.post(chat.message(board.ellen, '/close A-2 Circulated to all partners', board.people));
  board.harness.take();

  const chairDigests = (sent: Awaited<ReturnType<typeof tickAt>>) => sent.filter((entry) => linesOf(entry)[0]?.startsWith('Before your meeting'));
  // (Weekly digests that fell due since March go out on the first pass; only the chair's digest is timed here.)
  expect(chairDigests(await tickAt(board, '2019-06-11T12:59:00.000Z'))).toEqual([]);
  const sent = chairDigests(await tickAt(board, '2019-06-11T13:00:00.000Z'));
  expect(sent).toHaveLength(1);
  expect(sent[0]?.conversationId).toBe(`a:1${board.derek.id.replace(/^29:/, '')}`);
  expect(adaptiveCardProblems(cardOf(sent[0]))).toEqual([]);
  expect(linesOf(sent[0])).toEqual([
    'Before your meeting on Wed 12 Jun 2019',
    'Safeguarding Children Board: the action log for "Matters arising", since the meeting of Wed 13 Mar 2019.',
    'Action log',
    'A-1 | Draft letter to the National Panel (DB). Action open, due Mon 1 Apr 2019 (overdue).',
    'A-2 | Circulate the audit report (EF). Update: Circulated to all partners. Action closed.',
    'Decisions of the last meeting',
    'No item — 1. The Board approved the revised SUDIC Protocol',
  ]);
  expect(chairDigests(await tickAt(board, '2019-06-11T14:00:00.000Z'))).toEqual([]);
});

test('/next sets the next meeting and times the chair\'s digest; /digest shows the log now', async () => {
  const [reply] = await sayInChat(board, '/next 12 June 2pm');
  expect(textOf(reply)).toBe('Next meeting: Wed 12 Jun 2019 at 14:00. Derek Benson gets the action log on Tue 11 Jun 2019 at 14:00. Type /digest to see it now.');
  expect(textOf((await sayInChat(board, '/next someday'))[0])).toContain("I couldn't read \"someday\" as a date and time");
  expect(textOf((await sayInChat(board, '/next 12 June'))[0])).toBe('Add the time the meeting starts, e.g. /next 12 June 2pm or /next Wednesday 14:00.');
  await sayInChat(board, '/action Draft the newsletter EF by Friday');
  const [log] = await sayInChat(board, '/digest');
  expect(adaptiveCardProblems(cardOf(log))).toEqual([]);
  // Today's captures are the last meeting before 12 June, so the log runs from today.
  expect(linesOf(log)).toEqual([
    'Action log',
    'Every action open, or closed since the meeting of Wed 13 Mar 2019, overdue first.',
    'Action log',
    'A-1 | Draft the newsletter (EF). Action open, due Fri 15 Mar 2019.',
  ]);
  const chairs = (await tickAt(board, '2019-06-11T13:00:00.000Z')).filter((entry) => linesOf(entry)[0]?.startsWith('Before your meeting'));
  expect(chairs.map((entry) => entry.conversationId)).toEqual([`a:1${board.derek.id.replace(/^29:/, '')}`]);
});

test('a person in another tenant never sees this tenant\'s actions in their digest', async () => {
  const stranger = chatPerson('Ellen Footman');
  const elsewhere = new TeamsChat(board.harness.connector.url, 'tenant-b');
  board.harness.connector.setMembers(elsewhere.conversationId, [stranger]);
  await board.harness.post(elsewhere.message(stranger, '/action Something in tenant B EF', [stranger]));
  await sayInChat(board, '/action Circulate the audit report EF');
  const digests = (await tickAt(board, '2019-03-18T09:00:00.000Z')).filter((entry) => linesOf(entry)[0] === 'Your open actions');
  expect(digests).toHaveLength(2);
  for (const digest of digests) expect(linesOf(digest).filter((line) => line.startsWith('A-'))).toHaveLength(1);
});
