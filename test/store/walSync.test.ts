import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqliteFile } from '../../src/store/sqlite/openSqliteFile';
import { SOON_SYNC_DELAY_MS, WalSync } from '../../src/store/sqlite/walSync';

const FULL = 2;
let dir: string;
let db: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'meeting-actions-walsync-'));
  db = openSqliteFile(dir);
  db.exec('CREATE TABLE notes (text TEXT)');
});
afterEach(() => {
  jest.useRealTimers();
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a soon write is committed at NORMAL and the connection is back at FULL after it, even when it fails', () => {
  const sync = new WalSync(db, async () => undefined);
  const seen = sync.soon(() => {
    db.prepare('INSERT INTO notes VALUES (?)').run('kept');
    return db.pragma('synchronous', { simple: true });
  });
  expect(seen).toBe(1);
  expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
  expect(() =>
    sync.soon(() => {
      throw new Error('refused');
    }),
  ).toThrow('refused');
  expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
  expect(db.prepare('SELECT text FROM notes').all()).toEqual([{ text: 'kept' }]);
});

test('the log is synced once within the delay after soon writes, however many there were', async () => {
  jest.useFakeTimers();
  const syncLog = jest.fn(async () => undefined);
  const sync = new WalSync(db, syncLog);
  for (const text of ['one', 'two', 'three']) sync.soon(() => db.prepare('INSERT INTO notes VALUES (?)').run(text));
  expect(syncLog).not.toHaveBeenCalled();
  jest.advanceTimersByTime(SOON_SYNC_DELAY_MS);
  expect(syncLog).toHaveBeenCalledTimes(1);
  await sync.close();
  expect(syncLog).toHaveBeenCalledTimes(1);
});

test('closing syncs a soon write still waiting, and the real sync of the WAL file succeeds', async () => {
  const sync = new WalSync(db);
  sync.soon(() => db.prepare('INSERT INTO notes VALUES (?)').run('waiting'));
  await expect(sync.close()).resolves.toBeUndefined();
});
