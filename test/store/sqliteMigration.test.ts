/**
 * Opening a data/ file written by an older release migrates it to the current schema and keeps
 * every record and its etag.
 *
 * `fixtures/schema-v1.db` is such a file, written by the release before the store core (commit
 * 2b9cb97, schema version 1): a throwaway script (not committed) ran that commit's
 * `createStores({ kind: 'sqlite' })` and wrote, for two tenants that share one chat id, through the
 * old stores' own methods: a series (replaced once), two meetings (one closed; the open one
 * replaced), three actions (one closed with `replaceAction`), two decisions, two notes, two user
 * profiles (one replaced) and five jobs (a claimed reminder, a dormant one, a sent one, a weekly and
 * a chair digest). The tests copy it into a temporary directory and never change the fixture.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Meeting, MeetingNote } from '../../src/domain/meetings/meetingTypes';
import type { ScheduledJob, UserProfile } from '../../src/domain/scheduling/schedulingTypes';
import type { Action, Decision, Series } from '../../src/domain/types';
import { openStorage } from '../../src/store/openStorage';
import { CREATE_DOCUMENT_TABLES, SCHEMA_VERSION } from '../../src/store/sqlite/documentSchema';
import { SCHEMA_2_TABLES } from '../../src/store/sqlite/migrations';
import type { Storage } from '../../src/store/storage';
import { anAction } from '../builders';

const FIXTURE = join(__dirname, 'fixtures', 'schema-v1.db');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A data directory holding a copy of the fixture, optionally changed first with raw SQL. */
function dataDirWithFixture(change?: (db: Database.Database) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'meeting-actions-migration-'));
  dirs.push(dir);
  copyFileSync(FIXTURE, join(dir, 'meeting-actions.db'));
  if (change) {
    const db = new Database(join(dir, 'meeting-actions.db'));
    change(db);
    db.close();
  }
  return dir;
}

function raw(dir: string): Database.Database {
  return new Database(join(dir, 'meeting-actions.db'));
}

/** Every record of the version-1 file as the old tables hold it: body and etag. */
function recordsOfVersion1(dir: string) {
  const db = raw(dir);
  const rows = <T>(table: string) =>
    db.prepare<[], { body: string; etag?: string }>(`SELECT * FROM ${table}`).all().map((row) => ({ value: JSON.parse(row.body) as T, etag: row.etag }));
  const records = {
    series: rows<Series>('series'),
    actions: rows<Action>('actions'),
    decisions: rows<Decision>('decisions'),
    meetings: rows<Meeting>('meetings'),
    notes: rows<MeetingNote>('meeting_notes'),
    users: rows<UserProfile>('users'),
    jobs: rows<ScheduledJob>('jobs'),
  };
  db.close();
  return records;
}

function tablesOf(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name);
}

/** The schema as SQLite keeps it, to compare a migrated file with a fresh one. */
function schemaOf(db: Database.Database): Array<{ type: string; name: string; sql: string | null }> {
  return db.prepare<[], { type: string; name: string; sql: string | null }>('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
}

describe('a data file written by the release before the store core (schema 1)', () => {
  let dir: string;
  let before: ReturnType<typeof recordsOfVersion1>;
  let storage: Storage;

  beforeAll(async () => {
    dir = dataDirWithFixture();
    before = recordsOfVersion1(dir);
    storage = await openStorage({ kind: 'sqlite', dataDir: dir });
  });
  afterAll(async () => {
    await storage.close();
  });

  it('holds every kind of record, so the migration of each is tested', () => {
    const counts = Object.fromEntries(Object.entries(before).map(([table, records]) => [table, records.length]));
    expect(counts).toEqual({ series: 2, actions: 6, decisions: 4, meetings: 4, notes: 4, users: 4, jobs: 10 });
  });

  it('is migrated to schema 2: the document tables only, the old ones gone', () => {
    const db = raw(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(tablesOf(db)).toEqual(['chats', 'schedule', 'users']);
    db.close();
  });

  it('has the same schema as a fresh file', async () => {
    const freshDir = mkdtempSync(join(tmpdir(), 'meeting-actions-fresh-'));
    dirs.push(freshDir);
    await (await openStorage({ kind: 'sqlite', dataDir: freshDir })).close();
    const fresh = raw(freshDir);
    const migrated = raw(dir);

    expect(schemaOf(migrated)).toEqual(schemaOf(fresh));
    expect(migrated.pragma('user_version', { simple: true })).toBe(fresh.pragma('user_version', { simple: true }));
    fresh.close();
    migrated.close();
  });

  it('reads every series, action, decision and meeting back with its etag', async () => {
    for (const series of before.series) expect(await storage.chats.getSeries(series.value)).toEqual(series);
    for (const action of before.actions) {
      expect(await storage.chats.getAction(action.value, action.value.id)).toEqual(action);
      expect(await storage.chats.getActionByNumber(action.value, action.value.number)).toEqual(action);
    }
    for (const decision of before.decisions) expect(await storage.chats.getDecision(decision.value, decision.value.id)).toEqual(decision);
    for (const meeting of before.meetings) expect(await storage.chats.getMeeting(meeting.value, meeting.value.id)).toEqual(meeting);
  });

  it('lists each chat as the old stores did', async () => {
    for (const { value: series } of before.series) {
      const mine = <T extends { seriesId: string }>(records: Array<{ value: T }>) => records.map(({ value }) => value).filter((record) => record.seriesId === series.id);
      const actions = mine(before.actions);
      expect(await storage.chats.listActions(series)).toEqual([...actions].sort((a, b) => a.number - b.number));
      expect(await storage.chats.listActions(series, { status: 'closed' })).toEqual(actions.filter((action) => action.status === 'closed'));
      expect(await storage.chats.listDecisions(series)).toEqual([...mine(before.decisions)].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)));
      const meetings = [...mine(before.meetings)].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
      expect(await storage.chats.listMeetings(series)).toEqual(meetings);
      const open = before.meetings.find(({ value }) => value.seriesId === series.id && value.status === 'open');
      expect(await storage.chats.getOpenMeeting(series)).toEqual(open);
      for (const meeting of meetings) {
        expect(await storage.chats.listNotes(series, meeting.id)).toEqual(
          mine(before.notes)
            .filter((note) => note.meetingId === meeting.id)
            .sort((a, b) => a.at.localeCompare(b.at)),
        );
      }
      const [first] = actions;
      expect(await storage.chats.getSeriesAndAction(series, { number: first?.number ?? 0 })).toEqual({
        series: before.series.find(({ value }) => value.id === series.id),
        action: before.actions.find(({ value }) => value.id === first?.id),
      });
    }
  });

  it('reads every profile and job back with its etag, and finds jobs by owner and due time', async () => {
    for (const profile of before.users) expect(await storage.users.getProfile(profile.value.tenantId, profile.value.userId)).toEqual(profile);
    for (const job of before.jobs) expect(await storage.jobs.getJob(job.value.tenantId, job.value.id)).toEqual(job);
    for (const { value: job } of before.jobs.filter(({ value }) => value.kind === 'actionReminder')) {
      if (job.kind !== 'actionReminder') continue;
      const owners = before.jobs.map(({ value }) => value).filter((other) => other.kind === 'actionReminder' && other.tenantId === job.tenantId && other.ownerId === job.ownerId);
      expect((await storage.jobs.listReminderJobsOfOwner(job.tenantId, job.ownerId)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        owners.sort((a, b) => a.id.localeCompare(b.id)),
      );
    }
    const now = '2019-03-21T00:00:00.000Z';
    const due = before.jobs
      .filter(({ value }) => value.dueAt !== undefined && value.dueAt <= now && (value.leaseUntil === undefined || value.leaseUntil <= now))
      .sort((a, b) => (a.value.dueAt ?? '').localeCompare(b.value.dueAt ?? ''));
    const listed = await storage.jobs.listDueJobs(now, 100);
    expect(listed.map(({ value }) => value.id).sort()).toEqual(due.map(({ value }) => value.id).sort());
    expect(listed.map(({ value }) => value.dueAt)).toEqual(due.map(({ value }) => value.dueAt));
  });

  it('accepts writes that quote the etags the old release handed out', async () => {
    const [action] = before.actions;
    if (!action?.etag) throw new Error('the fixture has no action');
    const replaced = await storage.chats.replaceAction({ ...action.value, text: 'edited after the upgrade' }, action.etag);
    expect(await storage.chats.getAction(action.value, action.value.id)).toEqual(replaced);
    const [series] = before.series;
    if (!series?.etag) throw new Error('the fixture has no series');
    const next = anAction(series.value, { number: 4 });
    await storage.chats.writeTogether(series.value, [
      { record: { kind: 'series', value: { ...series.value, lastActionNumber: 4 } }, etag: series.etag },
      { record: { kind: 'action', value: next } },
    ]);
    expect((await storage.chats.getActionByNumber(series.value, 4))?.value).toEqual(next);
  });

  it('is not migrated again when opened again', async () => {
    const again = await openStorage({ kind: 'sqlite', dataDir: dir });
    const [series] = before.series;
    const current = series && (await storage.chats.getSeries(series.value));
    expect(series && (await again.chats.getSeries(series.value))).toEqual(current);
    await again.close();
  });
});

describe('schema migrations', () => {
  it('migrates a schema-1 file that never had meetings, users or jobs tables', async () => {
    const dir = dataDirWithFixture((db) => db.exec('DROP TABLE meetings; DROP TABLE meeting_notes; DROP TABLE users; DROP TABLE jobs;'));
    const before = recordsOfVersion1Partial(dir);

    const storage = await openStorage({ kind: 'sqlite', dataDir: dir });

    for (const action of before) expect(await storage.chats.getAction(action.value, action.value.id)).toEqual(action);
    expect(await storage.jobs.listDueJobs('2100-01-01T00:00:00.000Z', 10)).toEqual([]);
    await storage.close();
  });

  it('leaves a file it cannot migrate exactly as it was, in one transaction', async () => {
    const dir = dataDirWithFixture((db) => db.prepare("UPDATE decisions SET body = 'not json' WHERE rowid = (SELECT min(rowid) FROM decisions)").run());

    // Matched by message: the native SQLite module may throw its error class from another Jest module registry.
    await expect(openStorage({ kind: 'sqlite', dataDir: dir })).rejects.toMatchObject({ message: expect.stringMatching(/malformed JSON/) });

    const db = raw(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tablesOf(db)).toEqual(['actions', 'decisions', 'jobs', 'meeting_notes', 'meetings', 'series', 'users']);
    expect(db.prepare<[], { n: number }>('SELECT count(*) AS n FROM actions').get()?.n).toBe(6);
    db.close();
  });

  // A migrated file and a fresh one must be made by the same SQL. If this fails, CREATE_DOCUMENT_TABLES
  // was edited: that is schema 3, with SCHEMA_VERSION raised and a step from 2 to it, and this test then
  // compares that step's result instead; step 1 → 2 keeps the SQL schema 2 was released with, or
  // schema-1 files stop opening.
  it('brings a schema-1 file to schema 2 with the SQL schema 2 was released with, which a fresh file gets today', () => {
    expect(SCHEMA_VERSION).toBe(2);
    expect(SCHEMA_2_TABLES).toBe(CREATE_DOCUMENT_TABLES);
  });

  it('refuses a file written by a newer version, saying what to do, and leaves it alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meeting-actions-newer-'));
    dirs.push(dir);
    const db = raw(dir);
    db.exec('CREATE TABLE future (id TEXT)');
    db.pragma('user_version = 3');
    db.close();

    await expect(openStorage({ kind: 'sqlite', dataDir: dir })).rejects.toThrow(
      /written by a newer version of meeting-actions \(schema 3, this build knows 2\); upgrade the bot or point DATA_DIR at another folder/,
    );

    const after = raw(dir);
    expect(after.pragma('user_version', { simple: true })).toBe(3);
    expect(tablesOf(after)).toEqual(['future']);
    after.close();
  });
});

function recordsOfVersion1Partial(dir: string): Array<{ value: Action; etag: string }> {
  const db = raw(dir);
  const actions = db
    .prepare<[], { body: string; etag: string }>('SELECT body, etag FROM actions')
    .all()
    .map((row) => ({ value: JSON.parse(row.body) as Action, etag: row.etag }));
  db.close();
  return actions;
}
