/**
 * How many SQLite commits each command costs on the embedded store, and how many times it waits for
 * the disk (a sync of the log, the largest part of a capture's latency); counts are deterministic
 * where time is not. A commit is a `COMMIT` of a transaction, or a write run outside one (SQLite
 * commits it on its own). `soon` writes are synced later, by the next sync or a timer (set far off
 * here, so it never fires during a command).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CARD_VERBS } from '../../src/cards/verbs';
import { openSqliteStorage } from '../../src/store/sqlite/openSqliteStorage';
import { cardOf, type BotHarness } from '../../testkit/botHarness';
import type { ChatPerson, TeamsChat } from '../../testkit/teamsChat';
import { startBoardChat } from './chatFixture';

const dataDir = mkdtempSync(join(tmpdir(), 'meeting-actions-commits-'));
const statements: string[] = [];
let syncs = 0;
let harness: BotHarness;
let chat: TeamsChat;
let derek: ChatPerson;
let sarah: ChatPerson;
let people: ChatPerson[];

beforeAll(async () => {
  const disk = { soonDelayMs: 10 * 60 * 1000, onSync: () => (syncs += 1) };
  const storage = openSqliteStorage(dataDir, { trace: (sql) => statements.push(sql), disk });
  ({ harness, chat, derek, sarah, people } = await startBoardChat({ storage }));
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

/** Runs `send` and returns the commits it cost, and how many syncs of the log it waited for. */
async function commitsOf(send: () => Promise<unknown>): Promise<{ commits: number; syncs: number }> {
  statements.length = 0;
  const syncsBefore = syncs;
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
  return { commits, syncs: syncs - syncsBefore };
}

function actionDataOf(card: Record<string, unknown> | undefined): Record<string, unknown> {
  const data = JSON.stringify(card).match(/"data":(\{"actionId":[^}]*\})/)?.[1];
  if (!data) throw new Error('no action card');
  return JSON.parse(data) as Record<string, unknown>;
}

test('a warm /action waits for the disk once: the action with its number and reminders before its card goes out; where the card went follows without waiting', async () => {
  harness.take();
  expect(await commitsOf(() => say(chat.message(sarah, '/action Circulate the audit report EF by Friday', people)))).toEqual({ commits: 2, syncs: 1 });
  expect(statements.some((sql) => /^BEGIN IMMEDIATE/i.test(sql))).toBe(true);
  expect(cardOf(harness.take().find((sent) => sent.kind === 'send' || sent.kind === 'reply'))).toBeDefined();
});

test('a capture naming two owners still waits for the disk once', async () => {
  expect(await commitsOf(() => say(chat.message(sarah, '/action Book the venue EF SB by Monday', people)))).toEqual({ commits: 2, syncs: 1 });
});

test('Close from the card waits for the disk once: the change; the owner\'s reminder job goes without waiting', async () => {
  harness.take();
  await say(chat.message(sarah, '/action Send the letter EF by Friday', people));
  const card = cardOf(harness.take().find((sent) => sent.kind === 'send' || sent.kind === 'reply'));
  const close = await commitsOf(() => say(chat.cardAction(derek, CARD_VERBS.close, { ...actionDataOf(card), closeNote: 'Sent.' })));
  expect(close).toEqual({ commits: 2, syncs: 1 });
});
