import type Database from 'better-sqlite3';
import { CREATE_DOCUMENT_TABLES, SCHEMA_VERSION } from './documentSchema';

/** One step from a schema version to the next, run inside the migration's transaction. */
interface Migration {
  from: number;
  to: number;
  apply(db: Database.Database): void;
}

/**
 * Every step from an older file to the current schema, in order. A fresh file skips them all and
 * gets `CREATE_DOCUMENT_TABLES`; a step's SQL never changes once released (a later change is a new step),
 * so a step runs its own copy of the SQL, never the current schema's.
 */
const MIGRATIONS: readonly Migration[] = [
  // Version 1 (up to the first store core): one table per record kind, spread over three schema files.
  { from: 1, to: 2, apply: documentsFromRecordTables },
];

/**
 * Brings an opened file to `SCHEMA_VERSION`: a fresh file straight to it, an older one through
 * every migration, all in one IMMEDIATE transaction so that processes starting together on one
 * file migrate it once (the second waits for the lock, then finds it current). A newer file is
 * refused: this build cannot know what the newer one changed.
 */
export function migrateToCurrent(db: Database.Database): void {
  assertNotNewer(db);
  if (versionOf(db) === SCHEMA_VERSION) return;
  db.transaction(() => {
    const version = versionOf(db);
    assertNotNewer(db);
    if (version === SCHEMA_VERSION) return;
    if (version === 0) db.exec(CREATE_DOCUMENT_TABLES);
    for (let at = version; at !== 0 && at < SCHEMA_VERSION; ) {
      const step = MIGRATIONS.find((migration) => migration.from === at);
      if (!step) throw new Error(`${db.name} has schema ${at}, which no migration of this build starts from`);
      step.apply(db);
      at = step.to;
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

function versionOf(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function assertNotNewer(db: Database.Database): void {
  const version = versionOf(db);
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `${db.name} was written by a newer version of meeting-actions (schema ${version}, this build knows ${SCHEMA_VERSION}); ` +
        'upgrade the bot or point DATA_DIR at another folder',
    );
  }
}

/**
 * Schema 2's tables and indexes as released, frozen for the step from 1: `CREATE_DOCUMENT_TABLES`
 * changes with a later schema, and a version-1 file must arrive at exactly 2 for the steps from 2 to apply.
 */
export const SCHEMA_2_TABLES = `
  CREATE TABLE chats (
    pk   TEXT NOT NULL,
    id   TEXT NOT NULL,
    etag TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (pk, id)
  );
  CREATE INDEX chats_by_number ON chats (pk, json_extract(body, '$.type'), json_extract(body, '$.number'), id);
  CREATE INDEX chats_by_status ON chats (pk, json_extract(body, '$.type'), json_extract(body, '$.status'), json_extract(body, '$.number'), id);
  CREATE INDEX chats_by_recorded ON chats (pk, json_extract(body, '$.type'), json_extract(body, '$.recordedAt'), json_extract(body, '$.number'), id);
  CREATE INDEX chats_by_start ON chats (pk, json_extract(body, '$.type'), json_extract(body, '$.startedAt'), id);
  CREATE INDEX chats_by_meeting ON chats (pk, json_extract(body, '$.type'), json_extract(body, '$.meetingId'), json_extract(body, '$.at'), id);

  CREATE TABLE users (
    pk   TEXT NOT NULL,
    id   TEXT NOT NULL,
    etag TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (pk, id)
  );

  CREATE TABLE schedule (
    pk   TEXT NOT NULL,
    id   TEXT NOT NULL,
    etag TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (pk, id)
  );
  -- The lease is in the index so the due range is filtered without reading claimed jobs' rows.
  CREATE INDEX schedule_due ON schedule (json_extract(body, '$.dueAt'), json_extract(body, '$.leaseUntil'));
  CREATE INDEX schedule_by_owner ON schedule (pk, json_extract(body, '$.ownerId'));
`;

/**
 * Version 1 → 2: the record tables (series, actions, decisions, meetings, meeting_notes, users,
 * jobs) become the document tables. Every record keeps its body and etag; documents gain what the
 * Cosmos documents have (chats: `type`, and a series' `seriesId`; jobs: `ownerId` at the top
 * level). Notes had no etag, so each gets a fresh one. Tables a version-1 file may lack (meetings
 * and the rest were added with IF NOT EXISTS) are skipped.
 */
function documentsFromRecordTables(db: Database.Database): void {
  const has = (table: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  // The old `users` table has the new one's name; move it aside first.
  if (has('users')) db.exec('ALTER TABLE users RENAME TO users_v1');
  db.exec(SCHEMA_2_TABLES);
  const copies: Array<[table: string, sql: string]> = [
    ['series', `INSERT INTO chats (pk, id, etag, body) SELECT id, id, etag, json_set(body, '$.seriesId', id, '$.type', 'series') FROM series`],
    ['actions', `INSERT INTO chats (pk, id, etag, body) SELECT series_id, id, etag, json_set(body, '$.type', 'action') FROM actions`],
    ['decisions', `INSERT INTO chats (pk, id, etag, body) SELECT series_id, id, etag, json_set(body, '$.type', 'decision') FROM decisions`],
    ['meetings', `INSERT INTO chats (pk, id, etag, body) SELECT series_id, id, etag, json_set(body, '$.type', 'meeting') FROM meetings`],
    [
      'meeting_notes',
      `INSERT INTO chats (pk, id, etag, body)
       SELECT series_id, id, lower(hex(randomblob(16))), json_set(body, '$.type', 'note') FROM meeting_notes`,
    ],
    ['users_v1', 'INSERT INTO users (pk, id, etag, body) SELECT tenant_id, id, etag, json(body) FROM users_v1'],
    ['jobs', `INSERT INTO schedule (pk, id, etag, body) SELECT tenant_id, id, etag, json_set(body, '$.ownerId', owner_id) FROM jobs`],
  ];
  for (const [table, copy] of copies) {
    if (!has(table)) continue;
    db.exec(copy);
    db.exec(`DROP TABLE ${table}`);
  }
}
