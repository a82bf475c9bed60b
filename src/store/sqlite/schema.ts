import type Database from 'better-sqlite3';

/**
 * Tables hold the columns the store filters or sorts on, plus the whole record as JSON in `body`,
 * so a new field in a domain type needs no migration. `PRAGMA user_version` records the schema
 * version so a later change can migrate an existing file instead of guessing.
 */
const SCHEMA_VERSION = 1;

const CREATE_V1 = `
  CREATE TABLE IF NOT EXISTS series (
    id              TEXT PRIMARY KEY,
    tenant_id       TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    etag            TEXT NOT NULL,
    body            TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS actions (
    series_id TEXT    NOT NULL,
    id        TEXT    NOT NULL,
    number    INTEGER NOT NULL,
    status    TEXT    NOT NULL,
    etag      TEXT    NOT NULL,
    body      TEXT    NOT NULL,
    PRIMARY KEY (series_id, id)
  );
  CREATE INDEX IF NOT EXISTS actions_by_number ON actions (series_id, number);
  CREATE INDEX IF NOT EXISTS actions_by_status ON actions (series_id, status, number);
  CREATE TABLE IF NOT EXISTS decisions (
    series_id   TEXT    NOT NULL,
    id          TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    number      INTEGER NOT NULL,
    etag        TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    PRIMARY KEY (series_id, id)
  );
  CREATE INDEX IF NOT EXISTS decisions_by_time ON decisions (series_id, recorded_at, number);
`;

/** Brings a freshly opened database up to the current schema; safe to run on every start. */
export function applySchema(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `${db.name} was written by a newer version of meeting-actions (schema ${current}, this build knows ${SCHEMA_VERSION}); ` +
        'upgrade the bot or point DATA_DIR at another folder',
    );
  }
  // One transaction, so two processes starting together cannot interleave half-created tables.
  db.transaction(() => {
    db.exec(CREATE_V1);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
