import { closeMeeting } from '../../../src/domain/meetings/meetingLifecycle';
import { absentMembers, attendeesFromRecords, markAttendedFromTeams, sessionsOfMeeting } from '../../../src/domain/meetings/teamsAttendance';
import { withMembers } from '../../../src/domain/series';
import { aPerson, aSeries } from '../../builders';
import { aMeeting } from '../../meetingBuilders';

const derek = aPerson('Derek Benson');
const ellen = aPerson('Ellen Footman');
const helen = aPerson('Helen Hey');
const sarahW = aPerson('Sarah Wilkins');
const kevin = aPerson('Kevin Dicks');
const series = withMembers(aSeries(), [derek, ellen, helen, sarahW, kevin], '2019-03-13T13:00:00.000Z');

const december = { id: 'december', start: '2018-12-05T14:00:00.000Z', end: '2018-12-05T17:00:00.000Z' };
const march = { id: 'march', start: '2019-03-13T13:58:00.000Z', end: '2019-03-13T16:55:00.000Z' };
const marchRejoin = { id: 'march-2', start: '2019-03-13T17:05:00.000Z', end: '2019-03-13T17:20:00.000Z' };

describe('sessionsOfMeeting', () => {
  it('takes the sessions whose call overlaps the meeting, a dropped and restarted call included', () => {
    const meeting = closeMeeting(aMeeting(series), 'event', '2019-03-13T17:30:00.000Z');
    expect(sessionsOfMeeting([december, march, marchRejoin], meeting, 'Europe/London', '2019-03-13T18:00:00.000Z').map((session) => session.id)).toEqual(['march', 'march-2']);
  });

  it('looks up to now while the meeting is open, and not at a call held before it that day', () => {
    const meeting = aMeeting(series);
    const lunch = { id: 'lunch', start: '2019-03-13T12:00:00.000Z', end: '2019-03-13T12:30:00.000Z' };
    expect(sessionsOfMeeting([lunch, march], meeting, 'Europe/London', '2019-03-13T17:30:00.000Z').map((session) => session.id)).toEqual(['march']);
  });

  it('gives a meeting the minute-taker opened after the call the sessions held earlier that day, not other days', () => {
    const meeting = closeMeeting(aMeeting(series, { openedBy: 'capture', startedAt: '2019-03-13T17:40:00.000Z' }), 'command', '2019-03-13T18:00:00.000Z');
    expect(sessionsOfMeeting([december, march], meeting, 'Europe/London', '2019-03-13T18:00:00.000Z').map((session) => session.id)).toEqual(['march']);
  });
});

describe('attendeesFromRecords', () => {
  it('names members as the chat knows them, others as Teams does, anonymous guests by name, each once', () => {
    const people = attendeesFromRecords(
      [
        { userId: derek.id, name: 'Derek B (Teams)' },
        { userId: 'aad-outsider', name: 'Paul Yeomans' },
        { name: ' Nathan Travis (Guest) ' },
        { userId: derek.id, name: 'Derek B (Teams)' },
      ],
      series.members,
    );
    expect(people.map((entry) => [entry.person.id, entry.person.name])).toEqual([
      [derek.id, 'Derek Benson'],
      ['aad-outsider', 'Paul Yeomans'],
      ['guest:nathan travis (guest)', 'Nathan Travis (Guest)'],
    ]);
    expect(people[0]?.person.teamsId).toBe(derek.teamsId);
  });
});

describe('markAttendedFromTeams', () => {
  it('adds those not recorded, and keeps apologies, deputies and typed roles as they were', () => {
    const typed = aMeeting(series, {
      present: [{ person: helen, role: 'Early Help, CHS', deputisingFor: sarahW }, { person: derek, role: 'WSCB Independent Chair' }],
      apologies: [{ person: kevin, role: 'District Councils' }],
    });
    const seen = [derek, ellen, sarahW, kevin].map((person) => ({ person }));
    const marked = markAttendedFromTeams(typed, [...seen, { person: aPerson('Paul Yeomans'), role: 'Observer' }], '2019-03-13T17:10:00.000Z');
    expect(marked.present.map((attendee) => [attendee.person.name, attendee.role, attendee.deputisingFor?.name])).toEqual([
      ['Helen Hey', 'Early Help, CHS', 'Sarah Wilkins'],
      ['Derek Benson', 'WSCB Independent Chair', undefined],
      ['Ellen Footman', undefined, undefined],
      ['Paul Yeomans', 'Observer', undefined],
    ]);
    expect(marked.apologies).toEqual(typed.apologies);
    expect(marked.teamsAttendance).toEqual({ takenAt: '2019-03-13T17:10:00.000Z', attendees: 5 });
    // Taking it again adds nobody.
    expect(markAttendedFromTeams(marked, seen, '2019-03-13T17:20:00.000Z').present).toEqual(marked.present);
  });
});

describe('absentMembers', () => {
  it('is every member not present, not apologising and not stood in for; nobody before attendance is taken', () => {
    const meeting = aMeeting(series, { present: [{ person: helen, deputisingFor: sarahW }], apologies: [{ person: kevin }] });
    expect(absentMembers(meeting, series.members).map((member) => member.name).sort()).toEqual(['Derek Benson', 'Ellen Footman']);
    expect(absentMembers(aMeeting(series), series.members)).toEqual([]);
  });
});
