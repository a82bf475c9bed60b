import { markApologies, markDeputy, markPresent, withRememberedRoles } from '../../../src/domain/meetings/attendance';
import { parseAttendees, parseDeputy, type AttendanceContext } from '../../../src/domain/meetings/attendanceCommand';
import { withMembers } from '../../../src/domain/series';
import { aPerson, aSeries } from '../../builders';
import { aMeeting } from '../../meetingBuilders';

const derek = aPerson('Derek Benson');
const helen = aPerson('Helen Hey');
const sarahW = aPerson('Sarah Wilkins');
const jackie = aPerson('Jackie Stevenson');
const jane = aPerson('Jane Stanley');
const series = withMembers(aSeries(), [derek, helen, sarahW, jackie, jane], '2019-03-13T13:00:00.000Z');
const context: AttendanceContext = { mentions: [{ markup: '<at>Helen Hey</at>', person: helen }], members: series.members };
const meeting = aMeeting(series);

function names(people: Array<{ person: { name: string }; role?: string }>): string[] {
  return people.map((entry) => (entry.role ? `${entry.person.name} (${entry.role})` : entry.person.name));
}

describe('parseAttendees', () => {
  it('reads mentions, initials and plain names, each with an optional role in brackets', () => {
    const parsed = parseAttendees('<at>Helen Hey</at> (Early Help, CHS), JSte (National Probation Service); Nathan Travis (H&amp;W Fire and Rescue Service), DB', context);
    expect(parsed.kind === 'ok' && names(parsed.people)).toEqual([
      'Helen Hey (Early Help, CHS)', 'Jackie Stevenson (National Probation Service)', 'Nathan Travis (H&W Fire and Rescue Service)', 'Derek Benson',
    ]);
  });

  it('knows a typed name of a member as that member, and a stranger as a guest', () => {
    const parsed = parseAttendees('jane stanley, Paul Yeomans', context);
    expect(parsed.kind === 'ok' && parsed.people.map((entry) => entry.person.id)).toEqual([jane.id, 'guest:paul yeomans']);
  });

  it('stops at initials nobody has, or that fit two people, and says what to type', () => {
    expect(parseAttendees('XY', context)).toEqual({ kind: 'invalid', message: expect.stringContaining('Nobody in this chat has the initials "XY"') });
    expect(parseAttendees('JS', context)).toEqual({ kind: 'invalid', message: expect.stringContaining('"JS" could be JSta (Jane Stanley), JSte (Jackie Stevenson)') });
  });

  it('refuses a role that follows no one', () => {
    expect(parseAttendees('(Chair) DB', context).kind).toBe('invalid');
  });
});

describe('parseDeputy', () => {
  it('reads "<deputy> for <absent member>"', () => {
    const parsed = parseDeputy('<at>Helen Hey</at> (Early Help, CHS) for SW', context);
    expect(parsed).toEqual({ kind: 'ok', deputy: { person: helen, role: 'Early Help, CHS' }, absent: { person: sarahW } });
  });

  it('needs exactly one person each side of "for", and two different people', () => {
    expect(parseDeputy('HH SW', context).kind).toBe('invalid');
    expect(parseDeputy('HH, DB for SW', context).kind).toBe('invalid');
    expect(parseDeputy('HH for HH', context).kind).toBe('invalid');
  });
});

describe('attendance rules', () => {
  it('lists a person once: apologies then arriving makes them present, and the other way round', () => {
    const sent = markApologies(meeting, [{ person: derek, role: 'Chair' }]);
    const arrived = markPresent(sent, [{ person: derek }]);
    expect(names(arrived.present)).toEqual(['Derek Benson (Chair)']);
    expect(arrived.apologies).toEqual([]);
    expect(names(markApologies(arrived, [{ person: derek }]).apologies)).toEqual(['Derek Benson (Chair)']);
  });

  it('marks a deputy present deputising for the absent member, who leaves the present list', () => {
    const both = markPresent(meeting, [{ person: sarahW }]);
    const deputised = markDeputy(both, { person: helen, role: 'Early Help, CHS' }, { person: sarahW });
    expect(deputised.present).toEqual([{ person: helen, role: 'Early Help, CHS', deputisingFor: sarahW }]);
  });

  it('remembers roles from the last meeting that recorded one', () => {
    const december = aMeeting(series, { date: '2018-12-05', present: [{ person: derek, role: 'WSCB Independent Chair' }], apologies: [{ person: jane, role: 'Healthwatch' }] });
    const september = aMeeting(series, { date: '2018-09-05', present: [{ person: derek, role: 'Chair' }] });
    expect(names(withRememberedRoles([{ person: derek }, { person: jane }, { person: helen }, { person: jackie, role: 'NPS' }], [september, december]).map((entry) => entry))).toEqual([
      'Derek Benson (WSCB Independent Chair)', 'Jane Stanley (Healthwatch)', 'Helen Hey', 'Jackie Stevenson (NPS)',
    ]);
  });
});

describe('roles with brackets inside', () => {
  it('keeps one level of brackets within a role', () => {
    const parsed = parseAttendees('SW (Assistant Director (Early Help and Commissioning), WCC); JSta (Healthwatch, Worcs (participant observer))', context);
    expect(parsed.kind === 'ok' && names(parsed.people)).toEqual([
      'Sarah Wilkins (Assistant Director (Early Help and Commissioning), WCC)', 'Jane Stanley (Healthwatch, Worcs (participant observer))',
    ]);
  });
});
