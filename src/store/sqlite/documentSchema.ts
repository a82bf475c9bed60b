/**
 * The embedded database's layout: one table per Cosmos container (`chats`, `users`, `schedule`),
 * each holding partition key, id, etag and the document as JSON, so both backends store the same
 * documents. Every query the stores run is served by an index: the primary key for point
 * operations, and an expression index (json_extract) for each listing and the due-jobs range.
 * The planner matches these expressions against `sqlOfQuery.ts`'s, so they are written
 * the same way; a test checks every store query's plan.
 */

/** The schema version this build writes (`PRAGMA user_version`); `migrations.ts` brings older files here. */
export const SCHEMA_VERSION = 2;

/** The tables, named as the Cosmos containers. */
export const DOCUMENT_TABLES = ['chats', 'users', 'schedule'] as const;

/** A document table's name. */
export type DocumentTable = (typeof DOCUMENT_TABLES)[number];

/** Creates the current schema's tables and indexes on a fresh file; a migration step runs its own frozen copy of the SQL it needs. */
export const CREATE_DOCUMENT_TABLES = `
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
