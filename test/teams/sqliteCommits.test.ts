/**
 * How many SQLite commits each command costs on the embedded store. At `synchronous=FULL` every
 * commit is an fsync, the largest part of a capture's latency; a count of commits is deterministic
 * where time is not. A commit is a `COMMIT` of a transaction, or a write run outside one (SQLite
 * commits it on its own).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock } from '../../src/domain/clock';
import { openSqliteStorage } from '../../src/store/sqlite/openSqliteStorage';
import { cardOf, startHarness, type BotHarness } from '../../testkit/botHarness';
import { chatPerson, TeamsChat } from '../../testkit/teamsChat';

const dataDir = mkdtempSync(join(tmpdir(), 'meeting-actions-commits-'));
const statements: string[] = [];
let harness: BotHarness;
let chat: TeamsChat;
const clock = new FixedClock('2019-03-13T14:00:00.000Z');
const derek = chatPerson('Derek Benson');
const ellen = chatPerson('Ellen Footman');
const sarah = chatPerson('Sarah Berry');
const people = [derek, ellen, sarah];

beforeAll(async () => {
  harness = await startHarness({ clock, storage: openSqliteStorage(dataDir, { trace: (sql) => statements.push(sql) }) });
  chat = new TeamsChat(harness.connector.url);
  harness.connector.setMembers(chat.conversationId, people);
  harness.connector.setMeeting(chat.meetingId, { organizer: derek, title: 'Safeguarding Children Board', start: '2019-03-13T14:00:00Z', end: '2019-03-13T17:00:00Z' });
  // Warm the chat: the bot added (members and organizer read), today's meeting opened.
  await say(chat.installationUpdate(derek));
  await say(chat.message(sarah, '/action Earlier action EF by Friday', people));
});
afterAll(async () => {
  expect(harness.turnErrors).toEqual([]);
  await harness.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function say(activity: Record<string, unknown>): Promise<void> {
  expect((await harness.post(activity)).status).toBe(200);
}

/** Runs `send` and returns the commits it cost. */
async function commitsOf(send: () => Promise<unknown>): Promise<number> {
  statements.length = 0;
  await send();
  let commits = 0;
  let inTransaction = false;
  for (const sql of statements) {
    if (/^BEGIN\b/i.test(sql)) inTransaction = true;
    else if (/^(COMMIT|END)\b/i.test(sql)) {
      inTransaction = false;
      commits += 1;
    } else if (/^ROLLBACK\b/i.test(sql)) inTransaction = false;
    else if (!inTransaction && /^(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql)) commits += 1;
  }
  return commits;
}

test('a warm /action commits twice: the action with its number and reminders before its card goes out, where the card went after', async () => {
  harness.take();
  expect(await commitsOf(() => say(chat.message(sarah, '/action Circulate the audit report EF by Friday', people)))).toBe(2);
  expect(statements.some((sql) => /^BEGIN IMMEDIATE/i.test(sql))).toBe(true);
  expect(cardOf(harness.take().find((sent) => sent.kind === 'send' || sent.kind === 'reply'))).toBeDefined();
});

test('a capture naming two owners still commits twice', async () => {
  expect(await commitsOf(() => say(chat.message(sarah, '/action Book the venue EF SB by Monday', people)))).toBe(2);
});
