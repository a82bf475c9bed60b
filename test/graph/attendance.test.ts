/**
 * Attendance from Teams: when the meeting ends (or, with no end event, on a pass after it should
 * have), the bot reads the meeting's attendance report from a fake Microsoft Graph through the real
 * SDK and marks attendees present; the minutes then list who was Absent.
 */
import JSZip from 'jszip';
import { cardOf, textOf } from '../../testkit/botHarness';
import { cardText } from '../../testkit/cardText';
import type { FakeAttendanceReport } from '../../testkit/fakeGraph';
import { adaptiveCardProblems } from '../../testkit/validateCard';
import { startBoardChat } from '../teams/chatFixture';
import { sayInChat } from '../scheduler/schedulerFixture';
import { logsSaying, useGraphBoardChatPerTest, type GraphBoardChat } from './graphChatFixture';

let board: GraphBoardChat;
useGraphBoardChatPerTest((started) => (board = started));

const key = () => ({ tenantId: board.chat.tenantId, conversationId: board.chat.conversationId });
const onlineMeetingId = () => board.harness.connector.onlineMeetingIdOf(board.chat.meetingId);
const reportsPath = () => new RegExp(`^GET /v1.0/users/${board.derek.aadObjectId}/onlineMeetings/[^/]+/attendanceReports`);

async function march() {
  return (await board.harness.bot.storage.chats.listMeetings(key())).at(-1);
}

/** December's session and March's: Derek, Ellen and Nicki (who sent apologies, and looked in) joined, and a guest by phone. */
function reports(): FakeAttendanceReport[] {
  return [
    { id: 'report-december', start: '2018-12-05T14:00:00Z', end: '2018-12-05T17:00:00Z', attendees: [{ id: board.sarah.aadObjectId, displayName: 'Sarah Berry' }] },
    {
      id: 'report-march',
      start: '2019-03-13T13:58:00Z',
      end: '2019-03-13T16:57:00Z',
      attendees: [
        { id: board.derek.aadObjectId, displayName: 'Derek Benson' },
        { id: board.ellen.aadObjectId, displayName: 'Ellen Footman' },
        { id: board.nicki.aadObjectId, displayName: 'Nicki Pettitt' },
        { displayName: 'Paul Yeomans (Guest)' },
        { id: board.derek.aadObjectId, displayName: 'Derek Benson' },
      ],
    },
    { id: 'report-lunch', start: '2019-03-13T12:00:00Z', end: '2019-03-13T12:20:00Z', attendees: [{ id: board.sarah.aadObjectId, displayName: 'Sarah Berry' }] },
  ];
}

async function startMeeting() {
  const started = await board.harness.post(board.chat.meetingEvent(board.derek, 'start', { title: 'Safeguarding Children Board', at: '2019-03-13T14:00:00Z' }));
  expect(started.status).toBe(200);
  board.harness.take();
}

async function tick(at: string) {
  board.clock.set(at);
  const report = await board.harness.bot.tick(at);
  expect(report.failed).toBe(0);
  return report;
}

test('when Teams ends the meeting, the next pass reads its paged attendance report and the minutes show who came and who was absent', async () => {
  board.graph.setAttendanceReports(board.derek.aadObjectId, onlineMeetingId(), reports());
  await startMeeting();
  await sayInChat(board, '/present <at>Derek Benson</at> (WSCB Independent Chair)');
  await sayInChat(board, '/apologies NP (Independent Reviewer)');
  await board.harness.post(board.chat.meetingEvent(board.derek, 'end', { at: '2019-03-13T17:00:00Z' }));

  await tick('2019-03-13T17:01:00.000Z');
  const meeting = await march();
  expect(meeting?.present.map((attendee) => `${attendee.person.name}${attendee.role ? ` (${attendee.role})` : ''}`)).toEqual([
    'Derek Benson (WSCB Independent Chair)',
    'Ellen Footman',
    'Paul Yeomans (Guest)',
  ]);
  expect(meeting?.apologies.map((apology) => apology.person.name)).toEqual(['Nicki Pettitt']);
  // Reports and records came in pages of two, each followed by its @odata.nextLink.
  expect(board.graph.requestsTo(/attendanceReports$/).map((request) => request.url.includes('skiptoken'))).toEqual([false, true]);
  expect(board.graph.requestsTo(/report-march\/attendanceRecords$/)).toHaveLength(3);
  expect(board.graph.requestsTo(/report-(december|lunch)\/attendanceRecords$/)).toEqual([]);

  board.clock.set('2019-03-13T17:05:00.000Z');
  const [reply] = await sayInChat(board, '/minutes');
  const card = cardOf(reply);
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(cardText(card)).toEqual(expect.arrayContaining(['Present: 3', 'Apologies: 1', 'Absent: 1']));
  const [docxUrl, markdownUrl] = ((card?.['actions'] as Array<{ url: string }> | undefined) ?? []).map((action) => action.url);
  const markdown = await (await fetch(markdownUrl ?? '')).text();
  expect(markdown).toContain('## Apologies\n\nNicki Pettitt, Independent Reviewer.\n\n## Absent\n\nSarah Berry.');
  const word = Buffer.from(await (await fetch(docxUrl ?? '')).arrayBuffer());
  const xml = (await (await JSZip.loadAsync(word)).file('word/document.xml')?.async('string')) ?? '';
  expect(xml.replace(/<[^>]+>/g, '')).toContain('Absent:Sarah Berry.');
  expect(logsSaying(board, 'attendance taken from Teams')).toEqual([expect.objectContaining({ listed: 4, added: 2 })]);
});

test('when the end never comes, a pass after the meeting should have ended takes attendance, waiting while Teams has no report yet', async () => {
  board.graph.setAttendanceReports(board.derek.aadObjectId, onlineMeetingId(), []);
  await startMeeting();
  expect((await tick('2019-03-13T16:59:00.000Z')).ran).toBe(0);
  expect(board.graph.requestsTo(reportsPath())).toEqual([]);

  // Three hours after the start the bot looks; Teams has made no report yet, so it looks again later.
  await tick('2019-03-13T17:00:00.000Z');
  expect(board.graph.requestsTo(reportsPath())).toHaveLength(1);
  expect((await march())?.present).toEqual([]);

  board.graph.setAttendanceReports(board.derek.aadObjectId, onlineMeetingId(), reports());
  await tick('2019-03-13T17:05:00.000Z');
  expect(board.graph.requestsTo(reportsPath())).toHaveLength(1);
  await tick('2019-03-13T17:10:00.000Z');
  expect((await march())?.present.map((attendee) => attendee.person.name)).toEqual(['Derek Benson', 'Ellen Footman', 'Nicki Pettitt', 'Paul Yeomans (Guest)']);

  // Done once: later passes ask Graph nothing more.
  const asked = board.graph.requests.length;
  await tick('2019-03-14T09:00:00.000Z');
  expect(board.graph.requests.length).toBe(asked);
});

test('Graph throttling (429) and a failing gateway (503) on the report are retried within the pass', async () => {
  board.graph.setAttendanceReports(board.derek.aadObjectId, onlineMeetingId(), reports());
  board.graph.failNext(/attendanceReports$/, 429, 1, { 'Retry-After': '0' });
  board.graph.failNext(/attendanceRecords$/, 503, 2);
  await startMeeting();
  await board.harness.post(board.chat.meetingEvent(board.derek, 'end', { at: '2019-03-13T17:00:00Z' }));
  await tick('2019-03-13T17:01:00.000Z');
  expect((await march())?.present).toHaveLength(4);
});

test('where Graph refuses the report (no application access policy), attendance stays as typed and the log says what to grant, once', async () => {
  board.graph.setAttendanceReports(board.derek.aadObjectId, onlineMeetingId(), reports());
  board.graph.refuseMeetingArtifacts(403);
  await startMeeting();
  await sayInChat(board, '/present');
  await board.harness.post(board.chat.meetingEvent(board.derek, 'end', { at: '2019-03-13T17:00:00Z' }));
  await tick('2019-03-13T17:01:00.000Z');
  await tick('2019-03-13T18:00:00.000Z');
  expect((await march())?.present.map((attendee) => attendee.person.name)).toEqual(['Sarah Berry']);
  expect(board.graph.requestsTo(reportsPath())).toHaveLength(1);
  expect(logsSaying(board, 'OnlineMeetingArtifact.Read.All')).toEqual([expect.objectContaining({ level: 40, status: 403 })]);
});

test('with Graph down at the end of the meeting, attendance is taken once it is back', async () => {
  board.graph.setAttendanceReports(board.derek.aadObjectId, onlineMeetingId(), reports());
  await startMeeting();
  await board.harness.post(board.chat.meetingEvent(board.derek, 'end', { at: '2019-03-13T17:00:00Z' }));
  board.graph.setDown(true);
  await tick('2019-03-13T17:01:00.000Z');
  expect((await march())?.present).toEqual([]);
  board.graph.setDown(false);
  await tick('2019-03-13T17:11:00.000Z');
  expect((await march())?.present).toHaveLength(4);
});

test('/meeting end takes attendance too; /present afterwards still adds people in the room', async () => {
  board.graph.setAttendanceReports(board.derek.aadObjectId, onlineMeetingId(), reports());
  await startMeeting();
  board.clock.set('2019-03-13T17:00:00.000Z');
  expect(textOf((await sayInChat(board, '/meeting end'))[0])).toContain('Meeting closed at 5.00pm.');
  await tick('2019-03-13T17:01:00.000Z');
  expect((await march())?.present).toHaveLength(4);
  expect(textOf((await sayInChat(board, '/present SB (Minutes)'))[0])).toBe('Present: Sarah Berry (SB, Minutes). 5 present, 0 apologies so far.');
});

test('without Graph configured, meetings start and end as before and nothing is booked to read a report', async () => {
  const plain = await startBoardChat();
  try {
    await plain.harness.post(plain.chat.installationUpdate(plain.sarah));
    await plain.harness.post(plain.chat.meetingEvent(plain.derek, 'start', { at: '2019-03-13T14:00:00Z' }));
    await plain.harness.post(plain.chat.meetingEvent(plain.derek, 'end', { at: '2019-03-13T17:00:00Z' }));
    const due = await plain.harness.bot.storage.jobs.listDueJobs('2019-03-20T00:00:00.000Z', 100);
    expect(due.map((job) => job.value.kind)).not.toContain('meetingAttendance');
    const [meeting] = await plain.harness.bot.storage.chats.listMeetings({ tenantId: plain.chat.tenantId, conversationId: plain.chat.conversationId });
    expect(meeting).toMatchObject({ status: 'closed', present: [] });
    expect(plain.harness.turnErrors).toEqual([]);
  } finally {
    await plain.harness.stop();
  }
});
