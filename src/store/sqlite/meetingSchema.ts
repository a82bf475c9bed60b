import type Database from 'better-sqlite3';

/**
 * Tables for meetings and their notes, created with IF NOT EXISTS so a database from before
 * meetings were kept gains them on the next start. Like the other tables, the record is JSON in
 * `body`; the columns are what queries filter and sort on.
 */
const CREATE = `
  CREATE TABLE IF NOT EXISTS meetings (
    series_id  TEXT NOT NULL,
    id         TEXT NOT NULL,
    started_at TEXT NOT NULL,
    status     TEXT NOT NULL,
    etag       TEXT NOT NULL,
    body       TEXT NOT NULL,
    PRIMARY KEY (series_id, id)
  );
  CREATE INDEX IF NOT EXISTS meetings_by_start ON meetings (series_id, started_at);
  CREATE INDEX IF NOT EXISTS meetings_open ON meetings (series_id, started_at) WHERE status = 'open';
  CREATE TABLE IF NOT EXISTS meeting_notes (
    series_id  TEXT NOT NULL,
    id         TEXT NOT NULL,
    meeting_id TEXT NOT NULL,
    at         TEXT NOT NULL,
    body       TEXT NOT NULL,
    PRIMARY KEY (series_id, id)
  );
  CREATE INDEX IF NOT EXISTS meeting_notes_by_meeting ON meeting_notes (series_id, meeting_id, at);
`;

/** Creates the meetings and meeting_notes tables if they are missing. */
export function applyMeetingSchema(db: Database.Database): void {
  db.transaction(() => db.exec(CREATE)).immediate();
}
