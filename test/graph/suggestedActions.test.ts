/**
 * Suggested actions from Copilot's meeting recap: after the meeting the bot reads its AI insights
 * (the fake Graph's, through the real SDK), posts one Suggested actions card in the meeting chat,
 * and records nothing until someone accepts; an accepted suggestion is an ordinary action of that
 * meeting, made once however often or by however many it is accepted.
 */
import { CARD_VERBS } from '../../src/cards/verbs';
import { cardOf, invokeCard, textOf } from '../../testkit/botHarness';
import { cardText, findInput } from '../../testkit/cardText';
import type { FakeRecap } from '../../testkit/fakeCopilot';
import type { SentActivity } from '../../testkit/fakeConnector';
import type { ChatPerson } from '../../testkit/teamsChat';
import { adaptiveCardProblems } from '../../testkit/validateCard';
import { sayInChat, tickAt } from '../scheduler/schedulerFixture';
import { logsSaying, useGraphBoardChatPerTest, type GraphBoardChat } from './graphChatFixture';

let board: GraphBoardChat;
useGraphBoardChatPerTest((started) => (board = started), undefined, undefined, { copilotInsights: true });

const key = () => ({ tenantId: board.chat.tenantId, conversationId: board.chat.conversationId });
const onlineMeetingId = () => board.harness.connector.onlineMeetingIdOf(board.chat.meetingId);
const insightsPath = /^GET \/v1.0\/copilot\/users\/[^/]+\/onlineMeetings\/[^/]+\/aiInsights$/;

/** March's recap (and December's, of an earlier occurrence, which must be left alone). */
function recaps(): FakeRecap[] {
  return [
    { id: 'recap-december', start: '2018-12-05T14:00:00Z', end: '2018-12-05T17:00:00Z', actionItems: [{ text: 'Write the annual report', ownerDisplayName: 'Sarah Berry' }] },
    {
      id: 'recap-march',
      start: '2019-03-13T14:02:00Z',
      end: '2019-03-13T16:58:00Z',
      actionItems: [
        { text: 'Ellen will circulate the audit report to all board members', ownerDisplayName: 'Ellen Footman' },
        { text: 'Draft a letter to the National Panel about the SUDIC protocol', ownerDisplayName: 'Derek Benson' },
        { text: 'Book the venue for the June meeting', ownerDisplayName: 'Sarah' },
        { text: 'Update the risk register', ownerDisplayName: 'Paul Yeomans' },
      ],
    },
  ];
}

/** The March meeting: started and ended by Teams, with one action captured in it. */
async function holdMeeting(): Promise<void> {
  expect((await board.harness.post(board.chat.meetingEvent(board.derek, 'start', { title: 'Safeguarding Children Board', at: '2019-03-13T14:00:00Z' }))).status).toBe(200);
  await sayInChat(board, '/action Circulate the audit report EF by Friday');
  board.clock.set('2019-03-13T17:00:00.000Z');
  expect((await board.harness.post(board.chat.meetingEvent(board.derek, 'end', { at: '2019-03-13T17:00:00Z' }))).status).toBe(200);
  board.harness.take();
}

/** Holds the meeting and lets the bot post its suggestions; returns the posted card. */
async function suggestionsPosted(): Promise<SentActivity> {
  board.graph.copilot.setRecaps(board.derek.aadObjectId, onlineMeetingId(), recaps());
  await holdMeeting();
  const [posted, ...more] = await tickAt(board, '2019-03-13T17:01:00.000Z');
  expect(more).toEqual([]);
  if (!posted) throw new Error('no card posted');
  return posted;
}

/** Clicks Accept or Dismiss on one suggestion of a card, with these inputs; returns the card the clicker gets back. */
async function click(card: SentActivity, verb: string, suggestionId: string, by: ChatPerson, inputs: Record<string, string> = {}): Promise<string[]> {
  const target = { meetingId: meetingIdOf(card), seriesId: seriesIdOf(card), suggestionId };
  const response = await board.harness.post(board.chat.cardAction(by, verb, { ...target, ...inputs }, card.newId));
  expect(response.status).toBe(200);
  return cardText(invokeCard(response.body));
}

function meetingIdOf(card: SentActivity): string {
  return String(JSON.stringify(cardOf(card)).match(/"meetingId":"([^"]+)"/)?.[1]);
}

function seriesIdOf(card: SentActivity): string {
  return String(JSON.stringify(cardOf(card)).match(/"seriesId":"([^"]+)"/)?.[1]);
}

test('after the meeting, one card offers the recap\'s action items: owners matched by name, the one already captured marked, nothing recorded', async () => {
  const posted = await suggestionsPosted();
  expect(posted.conversationId).toBe(board.chat.conversationId);
  const card = cardOf(posted);
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(card?.['fallbackText']).toBe("Suggested actions from Copilot's recap of the meeting on Wed 13 Mar 2019: 3 to accept or dismiss.");
  const lines = cardText(card);
  expect(lines.slice(0, 2)).toEqual([
    'Suggested actions',
    "From Copilot's recap of the meeting on Wed 13 Mar 2019. Nothing is recorded until someone accepts a suggestion; check the owner and add a due date first.",
  ]);
  expect(lines).toEqual(
    expect.arrayContaining([
      'Draft a letter to the National Panel about the SUDIC protocol',
      'The recap says Derek Benson.',
      'Book the venue for the June meeting',
      'The recap says Sarah.',
      'Update the risk register',
      'The recap says Paul Yeomans, who is not a member of this chat: choose who will do it.',
      'Already captured as A-1: Ellen will circulate the audit report to all board members',
    ]),
  );
  expect(lines.join('\n')).not.toContain('annual report');
  // The owner the recap names is chosen already where one member matches, and left to choose where none does.
  expect(findInput(card, 'owners-s2')?.['value']).toBe(board.derek.aadObjectId);
  expect(findInput(card, 'owners-s3')?.['value']).toBe(board.sarah.aadObjectId);
  expect(findInput(card, 'owners-s4')?.['value']).toBe('');
  expect(findInput(card, 'due-s2')).toMatchObject({ type: 'Input.Date' });
  const actions = await board.harness.bot.storage.chats.listActions(key());
  expect(actions.map((action) => action.number)).toEqual([1]);
  // One card, however many passes follow.
  expect(await tickAt(board, '2019-03-13T17:30:00.000Z')).toEqual([]);
  expect(await tickAt(board, '2019-03-14T09:30:00.000Z')).toEqual([]);
  expect(board.graph.requestsTo(/aiInsights\/recap-december$/)).toEqual([]);
});

test('Accept makes an ordinary action of that meeting (numbered, reminded, in the minutes, saying where it came from), once however often it is pressed', async () => {
  const posted = await suggestionsPosted();
  board.clock.set('2019-03-14T10:00:00.000Z');
  const answer = await click(posted, CARD_VERBS.acceptSuggestion, 's2', board.nicki, { 'owners-s2': board.derek.aadObjectId, 'due-s2': '2019-03-29' });
  expect(answer).toContain('Accepted as A-2: its card is posted in the chat and its owners will be reminded.');
  expect(answer).toContain('Accepted as A-2 by Nicki Pettitt: Draft a letter to the National Panel about the SUDIC protocol');
  const sent = board.harness.take();
  const actionCard = sent.find((activity) => activity.kind === 'send' || activity.kind === 'reply');
  expect(cardText(cardOf(actionCard))).toEqual(
    expect.arrayContaining([
      'Action A-2 | Open',
      'Owner: Derek Benson (DB)',
      'Due: Fri 29 Mar 2019',
      "Captured: Nicki Pettitt · Wed 13 Mar 2019 · from Copilot's meeting recap",
    ]),
  );
  // Everyone's copy of the suggestions card shows it accepted.
  const redrawn = sent.filter((activity) => activity.kind === 'update' && activity.activityId === posted.newId);
  expect(redrawn.map((activity) => cardText(cardOf(activity)).includes('Accepted as A-2 by Nicki Pettitt: Draft a letter to the National Panel about the SUDIC protocol'))).toEqual([true]);

  const meetings = await board.harness.bot.storage.chats.listMeetings(key());
  const accepted = await board.harness.bot.storage.chats.getActionByNumber(key(), 2);
  expect(accepted?.value).toMatchObject({ meetingId: meetings[0]?.id, meetingDate: '2019-03-13', due: '2019-03-29', createdBy: { name: 'Nicki Pettitt' } });
  expect(accepted?.value.history[0]).toMatchObject({ kind: 'created', note: "from Copilot's meeting recap" });
  expect(meetings).toHaveLength(1);
  const reminders = await board.harness.bot.storage.jobs.listReminderJobsOfOwner(board.chat.tenantId, board.derek.aadObjectId);
  expect(reminders.map((job) => job.kind === 'actionReminder' && job.actionId)).toEqual([accepted?.value.id]);

  // Pressed again, and by someone else: still one action.
  expect(await click(posted, CARD_VERBS.acceptSuggestion, 's2', board.nicki, { 'owners-s2': board.derek.aadObjectId })).toContain('Already accepted as A-2.');
  expect(await click(posted, CARD_VERBS.acceptSuggestion, 's2', board.ellen, { 'owners-s2': board.ellen.aadObjectId })).toContain('Already accepted as A-2.');
  expect((await board.harness.bot.storage.chats.listActions(key())).map((action) => action.number)).toEqual([1, 2]);
  expect(board.harness.take().filter((activity) => activity.kind === 'send' || activity.kind === 'reply')).toEqual([]);

  // The minutes of the meeting list it under Derek's initials.
  const [minutesReply] = await sayInChat(board, '/minutes');
  const [, markdownUrl] = ((cardOf(minutesReply)?.['actions'] as Array<{ url: string }> | undefined) ?? []).map((action) => action.url);
  const markdown = await (await fetch(markdownUrl ?? '')).text();
  expect(markdown).toContain('Draft a letter to the National Panel about the SUDIC protocol');
  expect(markdown).toMatch(/Draft a letter to the National Panel about the SUDIC protocol.*\bDB\b/);
});

test('two people accepting one suggestion at the same moment make one action', async () => {
  const posted = await suggestionsPosted();
  const target = { meetingId: meetingIdOf(posted), seriesId: seriesIdOf(posted), suggestionId: 's3', 'owners-s3': board.sarah.aadObjectId };
  const [first, second] = await Promise.all([
    board.harness.post(board.chat.cardAction(board.nicki, CARD_VERBS.acceptSuggestion, target, posted.newId)),
    board.harness.post(board.chat.cardAction(board.ellen, CARD_VERBS.acceptSuggestion, target, posted.newId)),
  ]);
  expect([first?.status, second?.status]).toEqual([200, 200]);
  const actions = await board.harness.bot.storage.chats.listActions(key());
  expect(actions.map((action) => [action.number, action.text])).toEqual([
    [1, 'Circulate the audit report'],
    [2, 'Book the venue for the June meeting'],
  ]);
});

test('Accept without an owner, or with someone not in the chat, records nothing and says what to do; Dismiss sets a suggestion aside for good', async () => {
  const posted = await suggestionsPosted();
  const noOwner = await click(posted, CARD_VERBS.acceptSuggestion, 's4', board.nicki);
  expect(noOwner).toContain('Nothing was added. Choose who will do it in its Owner(s) box, then press Accept.');
  const stranger = await click(posted, CARD_VERBS.acceptSuggestion, 's4', board.nicki, { 'owners-s4': '00000000-0000-0000-0000-00000000dead' });
  expect(stranger).toContain("Nothing was added. Choose owners from the list of this chat's members.");
  const badDate = await click(posted, CARD_VERBS.acceptSuggestion, 's4', board.nicki, { 'owners-s4': board.ellen.aadObjectId, 'due-s4': 'next week' });
  expect(badDate).toContain('Nothing was added. Pick the due date with the date picker (or leave it empty).');
  expect((await board.harness.bot.storage.chats.listActions(key())).map((action) => action.number)).toEqual([1]);

  const dismissed = await click(posted, CARD_VERBS.dismissSuggestion, 's4', board.ellen);
  expect(dismissed).toContain('Dismissed: nothing was recorded.');
  expect(dismissed).toContain('Dismissed by Ellen Footman: Update the risk register');
  expect(dismissed).not.toContain('The recap says Paul Yeomans, who is not a member of this chat: choose who will do it.');
  expect(await click(posted, CARD_VERBS.dismissSuggestion, 's4', board.nicki)).toContain('Ellen Footman dismissed this suggestion.');
  expect(await click(posted, CARD_VERBS.acceptSuggestion, 's4', board.nicki, { 'owners-s4': board.ellen.aadObjectId })).toContain('Ellen Footman dismissed this suggestion: nothing was added.');
  expect(await click(posted, CARD_VERBS.acceptSuggestion, 's1', board.nicki, { 'owners-s1': board.ellen.aadObjectId })).toContain('A-1 already says this: nothing was added.');
  expect((await board.harness.bot.storage.chats.listActions(key())).map((action) => action.number)).toEqual([1]);
});

test('while Copilot has no recap yet the bot looks again, posts once when it comes', async () => {
  await holdMeeting();
  expect(await tickAt(board, '2019-03-13T17:01:00.000Z')).toEqual([]);
  expect(board.graph.requestsTo(insightsPath)).toHaveLength(1);
  // Not asked again before the quarter of an hour is up.
  expect(await tickAt(board, '2019-03-13T17:10:00.000Z')).toEqual([]);
  expect(board.graph.requestsTo(insightsPath)).toHaveLength(1);
  board.graph.copilot.setRecaps(board.derek.aadObjectId, onlineMeetingId(), recaps());
  const [posted, ...more] = await tickAt(board, '2019-03-13T17:16:00.000Z');
  expect(more).toEqual([]);
  expect(cardText(cardOf(posted))[0]).toBe('Suggested actions');
  expect(await tickAt(board, '2019-03-13T17:31:00.000Z')).toEqual([]);
  expect(board.graph.requestsTo(insightsPath)).toHaveLength(2);
});

test('no recap within four hours of the end: the bot stops looking and posts nothing', async () => {
  await holdMeeting();
  for (const at of ['2019-03-13T17:01:00.000Z', '2019-03-13T19:00:00.000Z', '2019-03-13T21:01:00.000Z']) expect(await tickAt(board, at)).toEqual([]);
  const asked = board.graph.requestsTo(insightsPath).length;
  board.graph.copilot.setRecaps(board.derek.aadObjectId, onlineMeetingId(), recaps());
  expect(await tickAt(board, '2019-03-13T23:00:00.000Z')).toEqual([]);
  expect(board.graph.requestsTo(insightsPath)).toHaveLength(asked);
  expect(logsSaying(board, 'no recap from Copilot for this meeting')).toHaveLength(1);
});

test('throttling (429) and a failing gateway (503) are retried within the pass', async () => {
  board.graph.copilot.setRecaps(board.derek.aadObjectId, onlineMeetingId(), recaps());
  board.graph.failNext(/aiInsights$/, 429, 1, { 'Retry-After': '0' });
  board.graph.failNext(/aiInsights\/recap-march$/, 503, 1);
  await holdMeeting();
  const sent = await tickAt(board, '2019-03-13T17:01:00.000Z');
  expect(sent.map((activity) => cardText(cardOf(activity))[0])).toEqual(['Suggested actions']);
});

test('without Copilot in the tenant (403) nothing is posted, the log says what is missing once, and /help says why', async () => {
  board.graph.copilot.refuse(403);
  await holdMeeting();
  expect(await tickAt(board, '2019-03-13T17:01:00.000Z')).toEqual([]);
  expect(logsSaying(board, "Microsoft Graph refused the meeting's AI insights")).toEqual([expect.objectContaining({ level: 40, status: 403 })]);
  const [help] = await sayInChat(board, '/help');
  expect(cardText(cardOf(help))).toContain(
    "Suggested actions from Copilot are off in this chat: Microsoft Graph refused this meeting's AI insights on Wed 13 Mar 2019 (403). The meeting's organizer needs a Microsoft 365 Copilot licence, and an admin must grant the app OnlineMeetingAiInsight.Read.All with an application access policy. I will ask again after a meeting a week from then.",
  );

  // The next meeting, two days on, does not ask Graph again.
  board.clock.set('2019-03-15T14:00:00.000Z');
  await board.harness.post(board.chat.meetingEvent(board.derek, 'start', { at: '2019-03-15T14:00:00Z' }));
  board.clock.set('2019-03-15T17:00:00.000Z');
  await board.harness.post(board.chat.meetingEvent(board.derek, 'end', { at: '2019-03-15T17:00:00Z' }));
  const later = await tickAt(board, '2019-03-15T17:01:00.000Z');
  expect(later.filter((activity) => cardText(cardOf(activity))[0] === 'Suggested actions')).toEqual([]);
  expect(board.graph.requestsTo(insightsPath)).toHaveLength(1);
});

test('/help tells a chat with Copilot what suggested actions do; a card a recap of many long items makes stays within Teams\' limit in a chat of 600', async () => {
  const [help] = await sayInChat(board, '/help');
  expect(cardText(cardOf(help))).toContain(
    "Suggested actions: after each meeting I read Copilot's recap and offer its action items here, to accept (checking the owner and adding a due date) or dismiss. Nothing is recorded until someone accepts.",
  );

  const crowd = Array.from({ length: 600 }, (_, index) => ({ id: `29:crowd${index}`, name: `Member Number${index}`, aadObjectId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}` }));
  board.harness.connector.setMembers(board.chat.conversationId, [...board.people, ...crowd]);
  // Forty distinct items of 700 characters each, for an owner name that fits 600 members.
  const itemText = (index: number) => Array.from({ length: 70 }, (_, word) => `w${index}x${word}`).join(' ');
  board.graph.copilot.setRecaps(board.derek.aadObjectId, onlineMeetingId(), [
    { id: 'recap-march', start: '2019-03-13T14:02:00Z', end: '2019-03-13T16:58:00Z', actionItems: Array.from({ length: 40 }, (_, index) => ({ text: itemText(index), ownerDisplayName: 'Member' })) },
  ]);
  // An hour and a half in, the chat's members are read again (with the crowd) when the action is captured.
  board.clock.set('2019-03-13T15:30:00.000Z');
  await holdMeeting();
  const [posted] = await tickAt(board, '2019-03-13T17:01:00.000Z');
  const card = cardOf(posted);
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(JSON.stringify(card).length).toBeLessThan(28 * 1024);
  const lines = cardText(card);
  expect(lines).toContain('24 more suggestions appear here as these are answered.');
  expect(lines).toContain('The recap says Member, who could be one of several people here: choose who.');
  const [meeting] = await board.harness.bot.storage.chats.listMeetings(key());
  expect(meeting?.suggestions?.items).toHaveLength(30);
  expect(JSON.stringify(meeting).length).toBeLessThan(64 * 1024);
  expect(textOf(posted)).toBe('');
});
