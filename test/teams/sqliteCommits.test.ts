/**
 * How many SQLite commits each command costs on the embedded store. At `synchronous=FULL` every
 * commit is an fsync, the largest part of a capture's latency; a count of commits is deterministic
 * where time is not. A commit is a `COMMIT` of a transaction, or a write run outside one (SQLite
 * commits it on its own).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CARD_VERBS } from '../../src/cards/verbs';
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

/** Runs `send` and returns the commits it cost, and how many of them waited for the disk (synchronous=FULL). */
async function commitsOf(send: () => Promise<unknown>): Promise<{ commits: number; synced: number }> {
  statements.length = 0;
  await send();
  let commits = 0;
  let synced = 0;
  let inTransaction = false;
  let full = true;
  const commit = () => {
    commits += 1;
    if (full) synced += 1;
  };
  for (const sql of statements) {
    if (/^PRAGMA synchronous = (\w+)/i.test(sql)) full = /FULL/i.test(sql);
    else if (/^BEGIN\b/i.test(sql)) inTransaction = true;
    else if (/^(COMMIT|END)\b/i.test(sql)) {
      inTransaction = false;
      commit();
    } else if (/^ROLLBACK\b/i.test(sql)) inTransaction = false;
    else if (!inTransaction && /^(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql)) commit();
  }
  return { commits, synced };
}

function actionDataOf(card: Record<string, unknown> | undefined): Record<string, unknown> {
  const data = JSON.stringify(card).match(/"data":(\{"actionId":[^}]*\})/)?.[1];
  if (!data) throw new Error('no action card');
  return JSON.parse(data) as Record<string, unknown>;
}

test('a warm /action waits for the disk once: the action with its number and reminders before its card goes out; where the card went follows without waiting', async () => {
  harness.take();
  expect(await commitsOf(() => say(chat.message(sarah, '/action Circulate the audit report EF by Friday', people)))).toEqual({ commits: 2, synced: 1 });
  expect(statements.some((sql) => /^BEGIN IMMEDIATE/i.test(sql))).toBe(true);
  expect(cardOf(harness.take().find((sent) => sent.kind === 'send' || sent.kind === 'reply'))).toBeDefined();
});

test('a capture naming two owners still waits for the disk once', async () => {
  expect(await commitsOf(() => say(chat.message(sarah, '/action Book the venue EF SB by Monday', people)))).toEqual({ commits: 2, synced: 1 });
});

test('Close from the card waits for the disk once: the change; the owner\'s reminder job goes without waiting', async () => {
  harness.take();
  await say(chat.message(sarah, '/action Send the letter EF by Friday', people));
  const card = cardOf(harness.take().find((sent) => sent.kind === 'send' || sent.kind === 'reply'));
  const close = await commitsOf(() => say(chat.cardAction(derek, CARD_VERBS.close, { ...actionDataOf(card), closeNote: 'Sent.' })));
  expect(close).toEqual({ commits: 2, synced: 1 });
});
