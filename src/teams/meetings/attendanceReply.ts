import type { Meeting } from '../../domain/meetings/meetingTypes';
import { initialsOf } from '../../domain/series';
import type { Person, Series } from '../../domain/types';

/** "Present: Derek Benson (DB, WSCB Independent Chair). 3 present, 2 apologies so far." */
export function attendanceReply(series: Series, meeting: Meeting, heading: string, people: ReadonlyArray<{ person: Person; role?: string }>): string {
  const listed = people.map(({ person, role }) => `${person.name} (${[initialsOf(series, person), role].filter(Boolean).join(', ')})`).join(', ');
  const apologies = meeting.apologies.length === 1 ? '1 apology' : `${meeting.apologies.length} apologies`;
  return `${heading}: ${listed}. ${meeting.present.length} present, ${apologies} so far.`;
}
