import type { Meeting, MeetingNote } from '../../domain/meetings/meetingTypes';
import { seriesIdOf } from '../../domain/seriesId';
import type { SeriesKey, Versioned } from '../../domain/types';
import type { MeetingStore } from '../meetingStore';
import { assertSeriesIdMatches } from '../seriesKeyCheck';
import { ConcurrencyError } from '../storeErrors';
import { type EtagDocuments, withoutSystemFields, type WithEtag } from './etagDocuments';

type MeetingDocument = Meeting & { type: 'meeting' };
type NoteDocument = MeetingNote & { type: 'note' };

/**
 * Meetings and notes in the `chats` container, in their series' partition beside its actions, told
 * apart by `type`. Queries carry the partition filter in WHERE as well as the option: the local
 * protocol server ignores the option. A series has a few dozen meetings a year, so sorting here is cheap.
 */
export class CosmosMeetingStore implements MeetingStore {
  constructor(private readonly chats: EtagDocuments) {}

  async getMeeting(key: SeriesKey, meetingId: string): Promise<Versioned<Meeting> | undefined> {
    const document = await this.chats.read<MeetingDocument>('read a meeting', meetingId, seriesIdOf(key));
    return document?.type === 'meeting' ? { value: meetingFrom(document), etag: document._etag } : undefined;
  }

  async putMeeting(meeting: Meeting, etag?: string): Promise<Versioned<Meeting>> {
    assertSeriesIdMatches(meeting, meeting.seriesId, `meeting ${meeting.id}`);
    const document: MeetingDocument = { ...meeting, type: 'meeting' };
    const next = await this.chats.write(`meeting ${meeting.id}`, document, meeting.seriesId, etag);
    return { value: meeting, etag: next };
  }

  async getOpenMeeting(key: SeriesKey): Promise<Versioned<Meeting> | undefined> {
    const open = await this.meetingDocuments(key, "AND c.status = 'open'");
    const latest = open.at(-1);
    return latest && { value: meetingFrom(latest), etag: latest._etag };
  }

  async listMeetings(key: SeriesKey): Promise<Meeting[]> {
    return (await this.meetingDocuments(key, '')).map(meetingFrom);
  }

  async insertNote(note: MeetingNote): Promise<{ created: boolean; stored: MeetingNote }> {
    assertSeriesIdMatches(note, note.seriesId, `note ${note.id}`);
    try {
      await this.chats.write(`note ${note.id}`, { ...note, type: 'note' } satisfies NoteDocument, note.seriesId);
      return { created: true, stored: note };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      const existing = await this.chats.read<NoteDocument>('read a note', note.id, note.seriesId);
      if (existing?.type !== 'note') throw error;
      return { created: false, stored: noteFrom(existing) };
    }
  }

  async listNotes(key: SeriesKey, meetingId: string): Promise<MeetingNote[]> {
    const seriesId = seriesIdOf(key);
    const documents = await this.chats.query<NoteDocument>(
      'list notes',
      "SELECT * FROM c WHERE c.seriesId = @seriesId AND c.type = 'note' AND c.meetingId = @meetingId",
      [{ name: '@seriesId', value: seriesId }, { name: '@meetingId', value: meetingId }],
      seriesId,
    );
    return documents.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)).map(noteFrom);
  }

  private async meetingDocuments(key: SeriesKey, andWhere: string): Promise<Array<WithEtag<MeetingDocument>>> {
    const seriesId = seriesIdOf(key);
    const documents = await this.chats.query<MeetingDocument>(
      'list meetings',
      `SELECT * FROM c WHERE c.seriesId = @seriesId AND c.type = 'meeting' ${andWhere}`,
      [{ name: '@seriesId', value: seriesId }],
      seriesId,
    );
    return documents.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  }
}

function meetingFrom(document: WithEtag<MeetingDocument>): Meeting {
  return withoutType<Meeting>(withoutSystemFields<MeetingDocument>(document as never));
}

function noteFrom(document: WithEtag<NoteDocument>): MeetingNote {
  return withoutType<MeetingNote>(withoutSystemFields<NoteDocument>(document as never));
}

/** Drops the discriminator this store added, so the domain record comes back as it went in. */
function withoutType<T>(document: object): T {
  return Object.fromEntries(Object.entries(document).filter(([name]) => name !== 'type')) as T;
}
