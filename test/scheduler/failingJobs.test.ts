import { digestJobId, reminderJobId } from '../../src/domain/scheduling/jobIds';
import { recordIdFromSource } from '../../src/domain/seriesId';
import { cardOf } from '../../testkit/botHarness';
import { cardText } from '../../testkit/cardText';
import type { BoardChat } from '../teams/chatFixture';
import { headline, useSchedulerChatPerTest } from './schedulerFixture';

// Jobs that cannot be delivered (the chat was deleted: 404; the message can never fit: 413) are
// tried again less and less often, give up after a few tries, say why on the job, and tell the
// person they were for where Teams lets the bot; passes in between are clean.

let board: BoardChat;
let activityId: string;
useSchedulerChatPerTest(
  (started) => (board = started),
  async (started) => {
    const message = started.chat.message(started.sarah, '/action Circulate the audit report EF by Monday', started.people);
    activityId = String(message['id']);
    await started.harness.post(message);
    started.harness.take();
  },
);

const key = () => ({ tenantId: board.chat.tenantId, conversationId: board.chat.conversationId });
const ellensChat = () => `a:1${board.ellen.id.replace(/^29:/, '')}`;
const postsTo = (conversationId: string) => new RegExp(`^POST /v3/conversations/${conversationId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/activities`);

/** A scheduler pass at `at` (the clock moved there too), and the new messages it sent. */
async function pass(at: string) {
  board.clock.set(at);
  const report = await board.harness.bot.tick(at);
  return { report, sent: board.harness.take().filter((sent) => sent.kind !== 'update') };
}

test('a reminder Teams refuses as too big (413) is retried after 5, 10, 20 and 40 minutes, then given up with the reason recorded, and its owner told', async () => {
  board.harness.connector.failNext(postsTo(ellensChat()), 413, 5);
  const tries: Array<{ at: string; failed: number; gaveUp?: number }> = [];
  for (const at of ['2019-03-14T09:00:00.000Z', '2019-03-14T09:04:00.000Z', '2019-03-14T09:05:00.000Z', '2019-03-14T09:14:00.000Z', '2019-03-14T09:15:00.000Z', '2019-03-14T09:35:00.000Z', '2019-03-14T10:14:00.000Z', '2019-03-14T10:15:00.000Z']) {
    const { report } = await pass(at);
    tries.push({ at: at.slice(11, 16), failed: report.failed, ...(report.gaveUp ? { gaveUp: report.gaveUp } : {}) });
  }
  expect(tries).toEqual([
    { at: '09:00', failed: 1 },
    { at: '09:04', failed: 0 },
    { at: '09:05', failed: 1 },
    { at: '09:14', failed: 0 },
    { at: '09:15', failed: 1 },
    { at: '09:35', failed: 1 },
    { at: '10:14', failed: 0 },
    { at: '10:15', failed: 1, gaveUp: 1 },
  ]);
  expect(board.harness.connector.failed).toHaveLength(5);

  // Ellen is told, in her 1:1 chat, that her reminder could not be delivered and where to look.
  const told = board.harness.connector.messagesIn(ellensChat());
  expect(told.map((sent) => cardText(cardOf(sent)))).toEqual([
    ['A message I could not deliver', 'Your reminder of A-1 could not be delivered: Teams answered 413 (the message is too big for Teams). Type /actions here to see your open actions.'],
  ]);
  const job = await board.harness.bot.storage.jobs.getJob(board.chat.tenantId, reminderJobId(recordIdFromSource('action', key(), activityId), board.ellen.aadObjectId));
  expect(job?.value.lastFailure).toEqual({ at: '2019-03-14T10:15:00.000Z', attempts: 5, reason: 'Teams answered 413 (the message is too big for Teams)' });
  expect(job?.value.failures).toBeUndefined();

  // Given up on, not lost: the next reminder (on the due date) goes out as usual.
  expect((await pass('2019-03-14T11:00:00.000Z')).sent).toEqual([]);
  const { report, sent } = await pass('2019-03-18T09:00:00.000Z');
  expect(report.failed).toBe(0);
  expect(sent.filter((entry) => entry.conversationId === ellensChat()).map(headline)).toEqual(['Reminder: due today (Mon 18 Mar 2019).', 'Your open actions']);
});

test('a weekly digest whose chat was deleted (404) and whose person cannot be reached privately gives up after five tries and waits for next week', async () => {
  // No 1:1 chat can be opened with Ellen, and the meeting chat is gone.
  board.harness.connector.failNext(/^POST \/v3\/conversations$/, 403, 100);
  board.harness.connector.failNext(postsTo(board.chat.conversationId), 404, 100);
  const digestJob = () => board.harness.bot.storage.jobs.getJob(board.chat.tenantId, digestJobId(board.chat.tenantId, board.ellen.aadObjectId));
  // The reminder pass books the weekly digest (and fails to deliver its own reminder the same way).
  await pass('2019-03-14T09:00:00.000Z');
  const failedBefore = board.harness.connector.failed.length;
  let gaveUp = 0;
  let failedPasses = 0;
  for (let minutes = 0; minutes <= 120; minutes += 1) {
    const at = new Date(Date.parse('2019-03-18T09:00:00.000Z') + minutes * 60_000).toISOString();
    const { report } = await pass(at);
    if (report.failed > 0) failedPasses += 1;
    gaveUp += report.gaveUp ?? 0;
  }
  expect((await digestJob())?.value.lastFailure).toEqual({ at: '2019-03-18T10:15:00.000Z', attempts: 5, reason: 'Teams answered 404 (the chat no longer exists)' });
  // Of 121 passes in those two hours, only the five that tried it (or the reminder's own retries) failed.
  expect(failedPasses).toBeLessThanOrEqual(10);
  expect(gaveUp).toBeGreaterThanOrEqual(1);
  // The next week's digest is booked, not this one retried: nothing more is tried until then.
  expect((await digestJob())?.value.dueAt).toBe('2019-03-25T09:00:00.000Z');
  const failedAfter = board.harness.connector.failed.length;
  await pass('2019-03-24T09:00:00.000Z');
  expect(board.harness.connector.failed.length - failedAfter).toBeLessThanOrEqual(1);
  expect(failedAfter).toBeGreaterThan(failedBefore);
});
