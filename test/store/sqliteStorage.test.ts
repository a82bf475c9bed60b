import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database, { SqliteError } from 'better-sqlite3';
import { closeMeeting } from '../../src/domain/meetings/meetingLifecycle';
import { openStorage } from '../../src/store/openStorage';
import { openSqliteStorage } from '../../src/store/sqlite/openSqliteStorage';
import { guardSqliteCall } from '../../src/store/sqlite/sqliteGuard';
import { ConcurrencyError, StoreUnavailableError } from '../../src/store/storeErrors';
import { aDecision, aSeries, anAction } from '../builders';
import { aMeeting, aNote } from '../meetingBuilders';
import { describeChatRecordsContract } from './chatRecordsContract';
import { describeProfilesAndJobsContract } from './profilesAndJobsContract';

const dataDir = mkdtempSync(join(tmpdir(), 'meeting-actions-storage-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describeChatRecordsContract('sqlite', () => openStorage({ kind: 'sqlite', dataDir }), { atomicBatches: true });
describeProfilesAndJobsContract('sqlite', () => openStorage({ kind: 'sqlite', dataDir }));

describe('SQLite storage on disk', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function freshDir(): string {
    const dir = join(mkdtempSync(join(tmpdir(), 'meeting-actions-storage-')), 'nested', 'data');
    dirs.push(dir);
    return dir;
  }

  it('creates a missing data directory and keeps records across a restart', async () => {
    const dir = freshDir();
    const series = aSeries();
    const action = anAction(series);
    const before = await openStorage({ kind: 'sqlite', dataDir: dir });
    const written = await before.chats.putSeries(series);
    const inserted = await before.chats.insertAction(action);
    await before.close();

    const after = await openStorage({ kind: 'sqlite', dataDir: dir });

    expect(await after.chats.getSeries(series)).toEqual(written);
    expect(await after.chats.getAction(series, action.id)).toEqual(inserted.stored);
    expect(await after.chats.listActions(series, { status: 'open' })).toEqual([action]);
    await after.close();
  });

  it('waits for another process that holds the write lock instead of failing', async () => {
    const dir = freshDir();
    const storage = await openStorage({ kind: 'sqlite', dataDir: dir });
    const series = aSeries();
    const other = await holdWriteLockInAnotherProcess(join(dir, 'meeting-actions.db'), 300);

    const written = await storage.chats.putSeries(series);

    expect(await storage.chats.getSeries(series)).toEqual(written);
    expect(await other.exited).toBe(0);
    await storage.close();
  });

  it('runs in WAL mode, so readers in other processes are not blocked by a writer (durability: sqliteDurability.test.ts)', async () => {
    const dir = freshDir();
    const storage = await openStorage({ kind: 'sqlite', dataDir: dir });
    await storage.close();
    const raw = new Database(join(dir, 'meeting-actions.db'));

    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('keeps etag concurrency between two connections on one file (two processes\' worth)', async () => {
    const dir = freshDir();
    const first = await openStorage({ kind: 'sqlite', dataDir: dir });
    const second = await openStorage({ kind: 'sqlite', dataDir: dir });
    const series = aSeries();
    const seriesRead = await first.chats.putSeries(series);
    const { stored } = await first.chats.insertAction(anAction(series));

    const seenBySecond = await second.chats.getSeriesAndAction(series, { id: stored.value.id });
    await second.chats.replaceAction({ ...stored.value, text: 'second connection' }, stored.etag);
    await second.chats.putSeries({ ...series, lastActionNumber: 5 }, seriesRead.etag);

    expect(seenBySecond).toEqual({ series: seriesRead, action: stored });
    await expect(first.chats.replaceAction({ ...stored.value, text: 'first connection' }, stored.etag)).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(
      first.chats.writeTogether(series, [{ record: { kind: 'series', value: { ...series, lastActionNumber: 9 } }, etag: seriesRead.etag }]),
    ).rejects.toMatchObject({ index: 0, reason: 'changed' });
    expect((await first.chats.getAction(series, stored.value.id))?.value.text).toBe('second connection');
    expect((await first.chats.getSeries(series))?.value.lastActionNumber).toBe(5);
    await Promise.all([first.close(), second.close()]);
  });

  it('does not open where the data directory cannot be made', async () => {
    const dir = freshDir();
    await (await openStorage({ kind: 'sqlite', dataDir: dir })).close();
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a directory');

    await expect(openStorage({ kind: 'sqlite', dataDir: join(blocker, 'data') })).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});

describe('SQLite storage query plans', () => {
  it('serves every store query from the index made for it, never by scanning or sorting a table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meeting-actions-plans-'));
    const statements: string[] = [];
    const storage = openSqliteStorage(dir, { trace: (sql) => statements.push(sql) });
    const series = aSeries();
    await storage.chats.putSeries(series);
    const meeting = aMeeting(series);
    await storage.chats.putMeeting(meeting);
    await storage.chats.putMeeting(closeMeeting(aMeeting(series, { date: '2019-01-09' }), 'event', undefined));
    for (const number of [1, 2, 3]) await storage.chats.insertAction(anAction(series, { number }));
    await storage.chats.insertDecision(aDecision(series));
    await storage.chats.insertNote(aNote(series, meeting));
    statements.length = 0;

    const action = await storage.chats.getActionByNumber(series, 2);
    await storage.chats.getSeriesAndAction(series, { id: action?.value.id ?? '' });
    await storage.chats.getSeriesAndAction(series, { number: 2 });
    await storage.chats.listActions(series);
    await storage.chats.listActions(series, { status: 'open' });
    await storage.chats.listActionHistory(series);
    await storage.chats.listDecisions(series);
    await storage.chats.getOpenMeeting(series);
    await storage.chats.listMeetings(series);
    await storage.chats.listNotes(series, meeting.id);
    await storage.jobs.listDueJobs('2019-03-14T09:00:00.000Z', 50);
    await storage.jobs.listReminderJobsOfOwner(series.tenantId, 'aad-derek-benson');
    await storage.close();

    const raw = new Database(join(dir, 'meeting-actions.db'), { readonly: true });
    const queries = statements.filter((sql) => /^SELECT etag, body\b/.test(sql) && !/^SELECT etag, body FROM \w+ WHERE pk = \S+ AND id = \S+$/.test(sql));
    const plans = queries.map((sql) => ({ sql, plan: raw.prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all().map((row) => row.detail) }));
    raw.close();
    rmSync(dir, { recursive: true, force: true });

    // In the order the calls above ran them: each query on the index made for it, in index order (no sort step).
    expect(plans.map(({ plan }) => plan.join(' | '))).toEqual([
      'SEARCH chats USING INDEX chats_by_number (pk=? AND <expr>=? AND <expr>=?)',
      'SEARCH chats USING INDEX sqlite_autoindex_chats_1 (pk=? AND id=?)',
      expect.stringMatching(
        /^MERGE \(UNION\) \| LEFT \| SEARCH chats USING INDEX sqlite_autoindex_chats_1 \(pk=\? AND id=\?\) \| RIGHT \| SEARCH chats USING INDEX chats_by_number \(pk=\? AND <expr>=\? AND <expr>=\?\)/,
      ),
      'SEARCH chats USING INDEX chats_by_number (pk=? AND <expr>=?)',
      'SEARCH chats USING INDEX chats_by_status (pk=? AND <expr>=? AND <expr>=?)',
      'SEARCH chats USING INDEX chats_by_number (pk=? AND <expr>=?)',
      'SEARCH chats USING INDEX chats_by_recorded (pk=? AND <expr>=?)',
      'SEARCH chats USING INDEX chats_by_start (pk=? AND <expr>=?)',
      'SEARCH chats USING INDEX chats_by_start (pk=? AND <expr>=?)',
      'SEARCH chats USING INDEX chats_by_meeting (pk=? AND <expr>=? AND <expr>=?)',
      'SEARCH schedule USING INDEX schedule_due (<expr><?)',
      'SEARCH schedule USING INDEX schedule_by_owner (pk=? AND <expr>=?)',
    ]);
  });
});

describe('SQLite failures', () => {
  it('turns a lock or I/O failure into StoreUnavailableError with its code, and lets other failures through', () => {
    const busy = new SqliteError('database is locked', 'SQLITE_BUSY');
    const full = new SqliteError('database or disk is full', 'SQLITE_FULL');
    const constraint = new SqliteError('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_PRIMARYKEY');

    for (const transient of [busy, full]) {
      const failure = captured(() => guardSqliteCall('write a document', () => { throw transient; }));
      expect(failure).toBeInstanceOf(StoreUnavailableError);
      expect(failure).toMatchObject({ cause: transient, diagnostics: { code: transient.code } });
    }
    expect(captured(() => guardSqliteCall('write a document', () => { throw constraint; }))).toBe(constraint);
  });
});

function captured(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  return undefined;
}

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
