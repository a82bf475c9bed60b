import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Meeting, MeetingNote } from '../../domain/meetings/meetingTypes';
import { seriesIdOf } from '../../domain/seriesId';
import type { SeriesKey, Versioned } from '../../domain/types';
import type { MeetingStore } from '../meetingStore';
import { assertSeriesIdMatches } from '../seriesKeyCheck';
import { ConcurrencyError } from '../storeErrors';
import { guardSqlite } from './unavailable';

interface Row {
  etag: string;
  body: string;
}

/** Meetings and notes in the embedded database; replaces are `UPDATE … WHERE etag = ?`, as in `SqliteStore`. */
export class SqliteMeetingStore implements MeetingStore {
  constructor(private readonly db: Database.Database) {}

  async getMeeting(key: SeriesKey, meetingId: string): Promise<Versioned<Meeting> | undefined> {
    const row = guardSqlite('read a meeting', () =>
      this.db.prepare<[string, string], Row>('SELECT etag, body FROM meetings WHERE series_id = ? AND id = ?').get(seriesIdOf(key), meetingId),
    );
    return row && { value: JSON.parse(row.body) as Meeting, etag: row.etag };
  }

  async putMeeting(meeting: Meeting, etag?: string): Promise<Versioned<Meeting>> {
    assertSeriesIdMatches(meeting, meeting.seriesId, `meeting ${meeting.id}`);
    const next = randomUUID();
    const body = JSON.stringify(meeting);
    const changes = guardSqlite('write a meeting', () =>
      etag === undefined
        ? this.db
            .prepare(
              `INSERT INTO meetings (series_id, id, started_at, status, etag, body) VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (series_id, id) DO NOTHING`,
            )
            .run(meeting.seriesId, meeting.id, meeting.startedAt, meeting.status, next, body).changes
        : this.db
            .prepare('UPDATE meetings SET started_at = ?, status = ?, etag = ?, body = ? WHERE series_id = ? AND id = ? AND etag = ?')
            .run(meeting.startedAt, meeting.status, next, body, meeting.seriesId, meeting.id, etag).changes,
    );
    if (changes === 0) throw new ConcurrencyError(`meeting ${meeting.id}`);
    return { value: meeting, etag: next };
  }

  async getOpenMeeting(key: SeriesKey): Promise<Versioned<Meeting> | undefined> {
    const row = guardSqlite('read the open meeting', () =>
      this.db
        .prepare<[string], Row>("SELECT etag, body FROM meetings WHERE series_id = ? AND status = 'open' ORDER BY started_at DESC, id LIMIT 1")
        .get(seriesIdOf(key)),
    );
    return row && { value: JSON.parse(row.body) as Meeting, etag: row.etag };
  }

  async listMeetings(key: SeriesKey): Promise<Meeting[]> {
    const rows = guardSqlite('list meetings', () =>
      this.db.prepare<[string], Row>('SELECT etag, body FROM meetings WHERE series_id = ? ORDER BY started_at, id').all(seriesIdOf(key)),
    );
    return rows.map((row) => JSON.parse(row.body) as Meeting);
  }

  async insertNote(note: MeetingNote): Promise<{ created: boolean; stored: MeetingNote }> {
    assertSeriesIdMatches(note, note.seriesId, `note ${note.id}`);
    return guardSqlite('insert a note', () =>
      this.db.transaction(() => {
        const { changes } = this.db
          .prepare('INSERT INTO meeting_notes (series_id, id, meeting_id, at, body) VALUES (?, ?, ?, ?, ?) ON CONFLICT (series_id, id) DO NOTHING')
          .run(note.seriesId, note.id, note.meetingId, note.at, JSON.stringify(note));
        if (changes === 1) return { created: true, stored: note };
        const existing = this.db
          .prepare<[string, string], { body: string }>('SELECT body FROM meeting_notes WHERE series_id = ? AND id = ?')
          .get(note.seriesId, note.id);
        if (!existing) throw new Error(`note ${note.id} conflicted on insert but cannot be read back`);
        return { created: false, stored: JSON.parse(existing.body) as MeetingNote };
      })(),
    );
  }

  async listNotes(key: SeriesKey, meetingId: string): Promise<MeetingNote[]> {
    const rows = guardSqlite('list notes', () =>
      this.db
        .prepare<[string, string], { body: string }>('SELECT body FROM meeting_notes WHERE series_id = ? AND meeting_id = ? ORDER BY at, id')
        .all(seriesIdOf(key), meetingId),
    );
    return rows.map((row) => JSON.parse(row.body) as MeetingNote);
  }
}
