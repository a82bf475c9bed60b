import type Database from 'better-sqlite3';

/**
 * Tables for people and scheduled work. Created with IF NOT EXISTS so a database written before
 * they existed gains them on the next start without a migration.
 */
const CREATE = `
  CREATE TABLE IF NOT EXISTS users (
    id        TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    etag      TEXT NOT NULL,
    body      TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS jobs (
    id          TEXT PRIMARY KEY,
    tenant_id   TEXT NOT NULL,
    kind        TEXT NOT NULL,
    due_at      TEXT,
    lease_until TEXT,
    owner_id    TEXT,
    etag        TEXT NOT NULL,
    body        TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS jobs_by_due ON jobs (due_at) WHERE due_at IS NOT NULL;
  CREATE INDEX IF NOT EXISTS jobs_by_owner ON jobs (tenant_id, owner_id) WHERE owner_id IS NOT NULL;
`;

/** Creates the users and jobs tables if they are missing. */
export function applySchedulingSchema(db: Database.Database): void {
  db.transaction(() => db.exec(CREATE)).immediate();
}
