import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createStore } from '../../src/store/createStore';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore';
import { aSeries, anAction } from '../builders';
import { describeStoreContract } from './storeContract';

const dataDir = mkdtempSync(join(tmpdir(), 'meeting-actions-sqlite-'));

describeStoreContract(
  'sqlite',
  () => createStore({ kind: 'sqlite', dataDir }),
  async () => rmSync(dataDir, { recursive: true, force: true }),
);

describe('SqliteStore on disk', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function freshDir(): string {
    const dir = join(mkdtempSync(join(tmpdir(), 'meeting-actions-sqlite-')), 'nested', 'data');
    dirs.push(dir);
    return dir;
  }

  it('creates a missing data directory and keeps records across a restart', async () => {
    const dir = freshDir();
    const series = aSeries();
    const action = anAction(series);
    const before = SqliteStore.open(dir);
    const written = await before.putSeries(series);
    const inserted = await before.insertAction(action);
    await before.close();

    const after = SqliteStore.open(dir);

    expect(await after.getSeries(series)).toEqual(written);
    expect(await after.getAction(series, action.id)).toEqual(inserted.stored);
    expect(await after.listActions(series, { status: 'open' })).toEqual([action]);
    await after.close();
  });

  it('waits for another process that holds the write lock instead of failing', async () => {
    const dir = freshDir();
    const store = SqliteStore.open(dir);
    const series = aSeries();
    const other = await holdWriteLockInAnotherProcess(join(dir, 'meeting-actions.db'), 300);

    const written = await store.putSeries(series);

    expect(await store.getSeries(series)).toEqual(written);
    expect(await other.exited).toBe(0);
    await store.close();
  });

  it('runs in WAL mode, so readers in other processes are not blocked by a writer', async () => {
    const dir = freshDir();
    const store = SqliteStore.open(dir);
    await store.close();
    const raw = new Database(join(dir, 'meeting-actions.db'));

    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });
});

/**
 * Starts a Node process that takes SQLite's write lock on `file`, says so, holds it for `holdMs`
 * and commits. The store's next write must wait for it (busy_timeout) rather than fail.
 */
async function holdWriteLockInAnotherProcess(file: string, holdMs: number): Promise<{ exited: Promise<number | null> }> {
  const script = `
    const db = new (require('better-sqlite3'))(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));
  `;
  const child = spawn(process.execPath, ['-e', script, file, String(holdMs)], { cwd: process.cwd() });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`lock holder exited early with ${code}`)));
  });
  return { exited };
}
