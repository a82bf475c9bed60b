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

  it('runs in WAL mode, so readers in other processes are not blocked by a writer', async () => {
    const dir = freshDir();
    const store = SqliteStore.open(dir);
    await store.close();
    const raw = new Database(join(dir, 'meeting-actions.db'));

    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });
});
