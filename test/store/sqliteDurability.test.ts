/**
 * The embedded store waits for the disk at every commit (synchronous=FULL), so an acknowledged
 * capture survives a power cut. better-sqlite3 builds SQLite so that a connection to a file already
 * in WAL mode starts at NORMAL (synced only at checkpoints); the store must not inherit that.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteFile } from '../../src/store/sqlite/openSqliteFile';

const FULL = 2;
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'meeting-actions-durability-'));
  dirs.push(dir);
  return dir;
}

test('a new data file and a reopened one are both written with synchronous=FULL', () => {
  const dir = freshDir();
  const created = openSqliteFile(dir);
  expect(created.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(created.pragma('synchronous', { simple: true })).toBe(FULL);
  created.close();

  const reopened = openSqliteFile(dir);
  expect(reopened.pragma('synchronous', { simple: true })).toBe(FULL);
  reopened.close();
});
