import type { Meeting, MeetingNote } from '../domain/meetings/meetingTypes';
import type { SeriesKey, Versioned } from '../domain/types';

/**
 * Meetings (occurrences of a series, with their attendance) and the notes of their discussion.
 * They live beside the series' actions and decisions: same partition in Cosmos, same file in SQLite.
 * Writes of an existing meeting quote the etag they read, as in `Store`.
 */
export interface MeetingStore {
  /** Reads one meeting of a series. */
  getMeeting(key: SeriesKey, meetingId: string): Promise<Versioned<Meeting> | undefined>;
  /**
   * Creates a meeting (no etag: `ConcurrencyError` if one with its id exists, which is how two
   * instances opening the same meeting at once end up with one) or replaces it (etag must be current).
   */
  putMeeting(meeting: Meeting, etag?: string): Promise<Versioned<Meeting>>;
  /** The series' open meeting, if any (the most recently started one, should there be two). */
  getOpenMeeting(key: SeriesKey): Promise<Versioned<Meeting> | undefined>;
  /** A series' meetings, oldest start first. */
  listMeetings(key: SeriesKey): Promise<Meeting[]>;
  /** Saves a note unless one with its id exists (a redelivered `/note`); returns the stored one. */
  insertNote(note: MeetingNote): Promise<{ created: boolean; stored: MeetingNote }>;
  /** A meeting's notes in the order they were made. */
  listNotes(key: SeriesKey, meetingId: string): Promise<MeetingNote[]>;
}
