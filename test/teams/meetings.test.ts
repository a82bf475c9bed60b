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

async function meetings() {
  return board.harness.bot.storage.chats.listMeetings({ tenantId: board.chat.tenantId, conversationId: board.chat.conversationId });
}

/** December's meeting with one action for Ellen, so March has matters arising. */
async function holdDecemberMeeting() {
  board.clock.set('2018-12-05T14:00:00.000Z');
  await say('/item 2.5 CP-IS');
  await say('/action Liaise with NHS England EF by 1 March 2019');
  board.clock.set('2019-03-13T14:00:00.000Z');
}

test('Teams\' meetingStart opens the meeting with its title and start and posts the action log; meetingEnd closes it', async () => {
  await holdDecemberMeeting();
  const start = await board.harness.post(board.chat.meetingEvent(board.derek, 'start', { title: 'Safeguarding Children Board', at: '2019-03-13T14:00:00Z' }));
  expect(start.status).toBe(200);
  const [posted] = board.harness.take();
  expect(adaptiveCardProblems(cardOf(posted))).toEqual([]);
  expect(cardText(cardOf(posted))).toEqual(expect.arrayContaining([
    'Matters arising: Wednesday 13th March 2019',
    'A-1 | 2.5 Liaise with NHS England (EF). Action open, due Fri 1 Mar 2019 (overdue).',
  ]));
  // A late /meeting start finds it open and says so.
  expect(textOf((await say('/meeting start'))[0])).toBe('The meeting is already open (since 2.00pm). /matters shows the action log again.');

  await board.harness.post(board.chat.meetingEvent(board.derek, 'end', { at: '2019-03-13T17:00:00Z' }));
  const march = (await meetings()).at(-1);
  expect(march).toMatchObject({ title: 'Safeguarding Children Board', startedAt: '2019-03-13T14:00:00.000Z', status: 'closed', endedAt: '2019-03-13T17:00:00.000Z', openedBy: 'event' });
});

test('without events, the first capture of the day opens a meeting and captures are filed under it; /meeting end closes it', async () => {
  await holdDecemberMeeting();
  await say('/decision The Board approved the revised SUDIC Protocol');
  await say('/action Share the protocol with GPs EF');
  const all = await meetings();
  expect(all.map((meeting) => [meeting.date, meeting.openedBy, meeting.status])).toEqual([
    ['2018-12-05', 'capture', 'closed'],
    ['2019-03-13', 'capture', 'open'],
  ]);
  const key = { tenantId: board.chat.tenantId, conversationId: board.chat.conversationId };
  const actions = await board.harness.bot.storage.chats.listActions(key);
  expect(actions.map((action) => action.meetingId)).toEqual([all[0]?.id, all[1]?.id]);
  expect((await board.harness.bot.storage.chats.listDecisions(key)).map((decision) => decision.meetingId)).toEqual([all[1]?.id]);

  board.clock.set('2019-03-13T16:15:00.000Z');
  expect(textOf((await say('/meeting end'))[0])).toBe('Meeting closed at 4.15pm. Type /minutes for its minutes.');
  expect(textOf((await say('/meeting end'))[0])).toContain('No meeting is open.');
});

test('/meeting start opens the meeting and posts matters arising; an unknown word says what to type', async () => {
  const sent = await say('/meeting start');
  expect(textOf(sent[0])).toBe('Meeting open (since 2.00pm). Actions, decisions and notes from now on go in its minutes.');
  expect(cardText(cardOf(sent[1]))).toContain('No actions from earlier meetings are open or were closed since.');
  expect(textOf((await say('/meeting later'))[0])).toBe('Type /meeting start when the meeting begins and /meeting end when it closes.');
});

test('/present, /apologies and /deputy record attendance with initials and roles, remembered at the next meeting', async () => {
  expect(textOf((await say('/present'))[0])).toBe('Present: Sarah Berry (SB). 1 present, 0 apologies so far.');
  expect(textOf((await say('/present <at>Derek Benson</at> (WSCB Independent Chair), EF (Designated Nurse)'))[0])).toBe(
    'Present: Derek Benson (DB, WSCB Independent Chair), Ellen Footman (EF, Designated Nurse). 3 present, 0 apologies so far.',
  );
  expect(textOf((await say('/apologies Kevin Dicks (District Councils)'))[0])).toBe('Apologies: Kevin Dicks (KD, District Councils). 3 present, 1 apology so far.');
  expect(textOf((await say('/deputy NP (Independent Reviewer) for Kevin Dicks'))[0])).toBe(
    'Present: Nicki Pettitt (NP, Independent Reviewer). 4 present, 1 apology so far. Deputising for Kevin Dicks.',
  );
  expect(textOf((await say('/apologies XY'))[0])).toContain('Nobody in this chat has the initials "XY"');

  board.clock.set('2019-06-12T13:00:00.000Z');
  expect(textOf((await say('/present DB'))[0])).toBe('Present: Derek Benson (DB, WSCB Independent Chair). 1 present, 0 apologies so far.');
});

test('/note adds discussion to the current item; a redelivered note is kept once', async () => {
  await say('/item 2.2 S157/175 Safeguarding Audit');
  const note = board.chat.message(board.sarah, '/note DH presented the S157/175 Safeguarding Audit report.', board.people);
  await board.harness.post(note);
  await board.harness.post(note);
  expect(board.harness.take().map((sent) => textOf(sent))).toEqual(['Noted under 2.2 S157/175 Safeguarding Audit.']);
  const [meeting] = await meetings();
  const notes = await board.harness.bot.storage.chats.listNotes({ tenantId: board.chat.tenantId, conversationId: board.chat.conversationId }, meeting?.id ?? '');
  expect(notes.map((entry) => [entry.item?.number, entry.text])).toEqual([['2.2', 'DH presented the S157/175 Safeguarding Audit report.']]);
  expect(meeting?.items).toEqual([{ number: '2.2', title: 'S157/175 Safeguarding Audit' }]);
  expect(textOf((await say('/note'))[0])).toContain('What should the minutes say?');
});

test('/matters posts the action log; /approve minutes records approval of the previous minutes with the amendment', async () => {
  await holdDecemberMeeting();
  const [matters] = await say('/matters');
  expect(cardText(cardOf(matters))).toContain('A-1 | 2.5 Liaise with NHS England (EF). Action open, due Fri 1 Mar 2019 (overdue).');
  await say('/item 2.1 Minutes and Matters Arising');
  expect(textOf((await say('/approve minutes pending the following amendment: Six districts (not two).'))[0])).toBe(
    'Recorded: Minutes of meeting held on 5.12.2018 were approved pending the following amendment: Six districts (not two).',
  );
  expect(textOf((await say('/approve the budget'))[0])).toContain('Type /approve minutes');
});

test('people Teams reports joining the meeting are marked present, without a word in the chat; roles given before are kept', async () => {
  await board.harness.post(board.chat.meetingEvent(board.derek, 'start', { title: 'Safeguarding Children Board', at: '2019-03-13T14:00:00Z' }));
  await say('/present <at>Derek Benson</at> (WSCB Independent Chair)');
  board.harness.take();
  const joined = await board.harness.post(board.chat.participantsJoined(board.derek, [board.derek, board.ellen, board.nicki]));
  expect(joined.status).toBe(200);
  expect(board.harness.take()).toEqual([]);
  const march = (await meetings()).at(-1);
  expect(march?.present.map((attendee) => `${attendee.person.name}${attendee.role ? ` (${attendee.role})` : ''}`).sort()).toEqual([
    'Derek Benson (WSCB Independent Chair)',
    'Ellen Footman',
    'Nicki Pettitt',
  ]);
  // The same people as /present would record: their Azure AD ids, so a later /apologies moves them.
  expect(march?.present.find((attendee) => attendee.person.name === 'Ellen Footman')?.person.id).toBe(board.ellen.aadObjectId);
});
