import { replayBoardMeeting, type Replay } from '../../scripts/demo/replay';
import meeting from '../../scripts/demo/board-meeting-2019-03-13.json';
import { cardOf } from '../../testkit/botHarness';
import { cardText } from '../../testkit/cardText';

let replay: Replay;
beforeAll(async () => {
  replay = await replayBoardMeeting();
});
afterAll(async () => {
  await replay.harness.stop();
});

test('the demo replays the board meeting with no failed turn and every command answered', () => {
  expect(replay.harness.turnErrors).toEqual([]);
  const said = replay.transcript.filter((line) => line.kind === 'said');
  const typed = meeting.meetings.flatMap((occurrence) => occurrence.steps).filter((step) => 'say' in step);
  expect(said).toHaveLength(typed.length);
  expect(replay.transcript.filter((line) => line.kind === 'event').map((line) => line.text)).toEqual(['(the Teams meeting starts)', '(the Teams meeting ends)']);
  // Every command gets exactly one visible answer (a card or a message); so do the install (a welcome)
  // and the meeting's start (matters arising); its end gets none. Card updates come on top.
  const answers = replay.transcript.filter((line) => line.kind === 'card' || line.kind === 'message');
  expect(answers).toHaveLength(said.length + 2);
});

test("the meeting's actions, decisions and action log come out as the minutes record them", () => {
  const cards = replay.transcript.filter((line) => line.kind === 'card').map((line) => line.text);
  const decisions = cards.filter((card) => card.startsWith('Decision '));
  expect(decisions.map((card) => card.split('\n')[0])).toEqual([
    'Decision 1', 'Decision 2', 'Decision 3', 'Decision 4', 'Decision 5', 'Decision 1', 'Decision 2', 'Decision 3', 'Decision 1',
  ]);
  expect(cards.find((card) => card.startsWith('Action A-3'))).toContain('Owner: Derek Benson (DB)');
  const updates = replay.transcript.filter((line) => line.kind === 'cardUpdated').map((line) => line.text);
  expect(updates).toEqual(['Action A-1 | Closed', 'Action A-2 | Overdue', 'Action A-2 | Closed']);
  const matters = cards.find((card) => card.startsWith('Matters arising'));
  expect(matters).toContain('A-1 | 2.5 Liaise with NHS England and NHS Digital on the CP-IS mitigating action (EF). Action open, due Fri 1 Mar 2019 (overdue).');
  const list = cards.find((card) => card.startsWith('Open actions'));
  expect(list).toContain('A-3 | Letter to be drafted to the National Panel seeking agreement to step down from SCR to case review | No date');
  expect(list).toContain('1 open.');
});

test('the demo ends with the minutes: a summary card, and the Markdown it prints', () => {
  const minutesCard = replay.transcript.filter((line) => line.kind === 'card').at(-1)?.text ?? '';
  expect(minutesCard.split('\n').slice(0, 10)).toEqual([
    'Minutes: Worcestershire Safeguarding Children Board',
    'Wednesday 13th March 2019, 2.00pm – 4.15pm',
    'Present: 23',
    'Apologies: 12',
    // Every member of the chat came or sent apologies.
    'Absent: 0',
    'Decisions: 9',
    'Actions: 1',
    'Action log: 2 (2 closed)',
    'Next meeting: Wednesday 12th June 2019, 2.00pm',
    'Items',
  ]);
  expect(replay.minutesMarkdown.split('\n')[0]).toBe('# Worcestershire Safeguarding Children Board');
  expect(replay.minutesMarkdown).toContain('## Action Log Updates');
});

test('every card the meeting chat received says in fallbackText and speak what it is, for clients that cannot draw it', () => {
  const cards = replay.harness.connector.sent.map(cardOf).filter((card) => card !== undefined);
  expect(cards.length).toBeGreaterThan(10);
  for (const card of cards) {
    const [heading] = cardText(card);
    expect(String(card['fallbackText']).split('\n')[0]).toBe(heading);
    // Read aloud, it starts with the same heading ("Action A-1, Open." for "Action A-1 | Open").
    expect(String(card['speak']).split(' ')[0]).toBe(String(heading).split(' ')[0]);
  }
});
