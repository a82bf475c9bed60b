/**
 * The embedded store acknowledges a write only once it is on disk, so an acknowledged capture
 * survives a power cut: the file is migrated at synchronous=FULL (better-sqlite3 would reopen a WAL
 * file at NORMAL), and from then on every write waits for a sync of the log that started after its
 * commit, shared by the writes made meanwhile (group commit), and so does a read that may have seen
 * such a write. `soon` writes are synced within the delay without anyone waiting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteFile } from '../../src/store/sqlite/openSqliteFile';
import { openSqliteStorage } from '../../src/store/sqlite/openSqliteStorage';
import type { Storage } from '../../src/store/storage';
import { StoreUnavailableError } from '../../src/store/storeErrors';
import { aSeries, anAction } from '../builders';

const FULL = 2;
const dirs: string[] = [];
const opened: Storage[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((storage) => storage.close()));
});
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'meeting-actions-durability-'));
  dirs.push(dir);
  return dir;
}

/** A storage whose log syncs are held until the test lets them finish, one by one. */
function withHeldSyncs(options: { soonDelayMs?: number } = {}) {
  const pending: Array<() => void> = [];
  let started = 0;
  const storage = openSqliteStorage(freshDir(), {
    disk: {
      soonDelayMs: options.soonDelayMs ?? 60_000,
      onSync: () => (started += 1),
      syncLog: () => new Promise<void>((resolve) => pending.push(resolve)),
    },
  });
  opened.push(storage);
  const finishSync = async () => {
    pending.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { storage, started: () => started, finishSync, waiting: () => pending.length };
}

/** Whether a promise has settled by the next turn of the event loop. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

test('a new data file and a reopened one are migrated with synchronous=FULL', () => {
  const dir = freshDir();
  const created = openSqliteFile(dir);
  expect(created.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(created.pragma('synchronous', { simple: true })).toBe(FULL);
  created.close();

  const reopened = openSqliteFile(dir);
  expect(reopened.pragma('synchronous', { simple: true })).toBe(FULL);
  reopened.close();
});

test('a write resolves only once a sync of the log that started after its commit has finished', async () => {
  const { storage, started, finishSync } = withHeldSyncs();
  const write = storage.chats.putSeries(aSeries());
  expect(await settled(write)).toBe(false);
  expect(started()).toBe(1);
  await finishSync();
  expect(await settled(write)).toBe(true);
});

test('writes committed while a sync runs share the next one (group commit)', async () => {
  const { storage, started, finishSync } = withHeldSyncs();
  const first = storage.chats.putSeries(aSeries());
  await settled(first);
  const more = Array.from({ length: 5 }, () => storage.chats.putSeries(aSeries()));
  expect(await settled(Promise.all(more))).toBe(false);
  await finishSync();
  // The first sync started before the five were committed, so it does not cover them: one more does.
  expect(await settled(first)).toBe(true);
  expect(await settled(Promise.all(more))).toBe(false);
  expect(started()).toBe(2);
  await finishSync();
  expect(await settled(Promise.all(more))).toBe(true);
  expect(started()).toBe(2);
});

test('a read that may have seen a write not yet on disk waits for it; one that cannot does not', async () => {
  const { storage, finishSync } = withHeldSyncs();
  const series = aSeries();
  const write = storage.chats.putSeries(series);
  const read = storage.chats.getSeries(series);
  expect(await settled(read)).toBe(false);
  await finishSync();
  expect(await settled(write)).toBe(true);
  expect((await read)?.value).toEqual(series);
  expect(await settled(storage.chats.getSeries(series))).toBe(true);
});

test('a soon write is not waited for, nor is a read after it; the log is synced within the delay', async () => {
  const { storage, started, finishSync } = withHeldSyncs({ soonDelayMs: 20 });
  const series = aSeries();
  const put = storage.chats.putSeries(series);
  await finishSync();
  await put;
  const insert = storage.chats.insertAction(anAction(series));
  await settled(insert);
  await finishSync();
  const { stored } = await insert;
  const before = started();

  const soon = storage.chats.replaceAction({ ...stored.value, text: 'Redrawn' }, stored.etag, 'soon');
  expect(await settled(soon)).toBe(true);
  expect(await settled(storage.chats.getAction(series, stored.value.id))).toBe(true);
  expect(started()).toBe(before);
  await new Promise((resolve) => setTimeout(resolve, 60));
  expect(started()).toBe(before + 1);
  await finishSync();
});

test('a log that cannot be synced makes the write fail as the store being unavailable', async () => {
  const storage = openSqliteStorage(freshDir(), { disk: { syncLog: async () => Promise.reject(new Error('EIO: i/o error')) } });
  opened.push({ ...storage, close: () => storage.close().catch(() => undefined) });
  await expect(storage.chats.putSeries(aSeries())).rejects.toBeInstanceOf(StoreUnavailableError);
});
