import { replayBoardMeeting, type Replay } from '../../scripts/demo/replay';

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
  expect(said).toHaveLength(23);
  // Every command gets exactly one visible answer (a card or a message), plus card updates.
  const answers = replay.transcript.filter((line) => line.kind === 'card' || line.kind === 'message');
  expect(answers).toHaveLength(said.length + 1);
});

test("the meeting's actions, decisions and action log come out as the minutes record them", () => {
  const cards = replay.transcript.filter((line) => line.kind === 'card').map((line) => line.text);
  const decisions = cards.filter((card) => card.startsWith('Decision '));
  expect(decisions).toHaveLength(10);
  expect(decisions.map((card) => card.split('\n')[0])).toEqual([
    'Decision 1', 'Decision 2', 'Decision 3', 'Decision 4', 'Decision 5', 'Decision 1', 'Decision 1', 'Decision 2', 'Decision 3', 'Decision 1',
  ]);
  expect(cards.find((card) => card.startsWith('Action A-3'))).toContain('Owner: Derek Benson (DB)');
  const updates = replay.transcript.filter((line) => line.kind === 'cardUpdated').map((line) => line.text);
  expect(updates).toEqual(['Action A-1 | Closed', 'Action A-2 | Overdue', 'Action A-2 | Closed']);
  expect(cards.at(-1)).toContain('A-3 | Letter to be drafted to the National Panel seeking agreement to step down from SCR to case review | No date');
  expect(cards.at(-1)).toContain('1 open.');
});
