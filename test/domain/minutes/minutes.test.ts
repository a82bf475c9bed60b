import { closeMeeting } from '../../../src/domain/meetings/meetingLifecycle';
import { minutesToMarkdown } from '../../../src/domain/minutes/markdown';
import { buildMinutes, type MinutesInput } from '../../../src/domain/minutes/minutes';
import { withMembers } from '../../../src/domain/series';
import { aDecision, aPerson, aSeries, anAction } from '../../builders';
import { aMeeting, aNote } from '../../meetingBuilders';

const derek = aPerson('Derek Benson');
const ellen = aPerson('Ellen Footman');
const helen = aPerson('Helen Hey');
const sarahW = aPerson('Sarah Wilkins');
const series = { ...withMembers(aSeries(), [derek, ellen, helen, sarahW], '2019-03-13T13:00:00.000Z'), nextMeetingAt: '2019-06-12T13:00:00.000Z' };
const december = closeMeeting(aMeeting(series, { date: '2018-12-05' }), 'event', '2018-12-05T17:00:00.000Z');
const part1 = { number: 'Part 1', title: 'Strategic Planning' };
const item21 = { number: '2.1', title: 'Minutes and Matters Arising' };
const march = closeMeeting(
  aMeeting(series, {
    title: 'Safeguarding Children Board',
    present: [
      { person: helen, role: 'Early Help, CHS', deputisingFor: sarahW },
      { person: derek, role: 'WSCB Independent Chair' },
      { person: ellen },
    ],
    apologies: [{ person: sarahW, role: 'Assistant Director' }, { person: { id: 'guest:nathan travis', name: 'Nathan Travis' } }],
    items: [part1, item21],
    approval: { previousDate: '2018-12-05', amendment: 'Six districts (not two).', item: item21, by: derek, at: '2019-03-13T14:30:00.000Z' },
  }),
  'event',
  '2019-03-13T17:00:00.000Z',
);

function input(overrides: Partial<MinutesInput> = {}): MinutesInput {
  return {
    series,
    meeting: march,
    previous: december,
    actions: [
      anAction(series, { number: 2, meetingId: march.id, item: part1, owners: [derek], text: 'Letter to the National Panel', createdAt: '2019-03-13T14:10:00.000Z' }),
      anAction(series, { number: 1, meetingId: december.id, meetingDate: '2018-12-05', createdAt: '2018-12-05T14:10:00.000Z', owners: [ellen], item: { number: '2.5', title: 'CP-IS' }, text: 'Liaise with NHS England' }),
    ],
    decisions: [
      aDecision(series, { number: 2, meetingId: march.id, item: part1, text: 'Publication after the inquest.', recordedAt: '2019-03-13T14:12:00.000Z' }),
      aDecision(series, { number: 1, meetingId: march.id, item: part1, text: 'Wording amended.', recordedAt: '2019-03-13T14:11:00.000Z' }),
      aDecision(series, { number: 1, meetingId: december.id, item: part1, text: 'A December decision.', meetingDate: '2018-12-05' }),
    ],
    notes: [aNote(series, march, { item: part1, text: 'DBe opened the meeting.', at: '2019-03-13T14:01:00.000Z' })],
    now: '2019-03-14T09:00:00.000Z',
    ...overrides,
  };
}

it('heads the minutes with the title, the date and the time from start to end', () => {
  const minutes = buildMinutes(input());
  expect([minutes.title, minutes.dateText, minutes.timeText, minutes.nextMeeting]).toEqual([
    'Safeguarding Children Board', 'Wednesday 13th March 2019', '2.00pm – 5.00pm', 'Wednesday 12th June 2019, 2.00pm',
  ]);
});

it('lists those present by surname with role, initials and whom they deputise for, and apologies as given', () => {
  const minutes = buildMinutes(input());
  expect(minutes.present).toEqual([
    { name: 'Derek Benson', role: 'WSCB Independent Chair', initials: 'DB' },
    { name: 'Ellen Footman', initials: 'EF' },
    { name: 'Helen Hey', role: 'Early Help, CHS', initials: 'HH', deputisingFor: 'Sarah Wilkins' },
  ]);
  expect(minutes.apologies).toEqual([{ name: 'Sarah Wilkins', role: 'Assistant Director' }, { name: 'Nathan Travis' }]);
});

it('gives each item its discussion, numbered decisions and actions, in the order the meeting took them', () => {
  const minutes = buildMinutes(input());
  expect(minutes.items).toEqual([
    {
      number: 'Part 1',
      title: 'Strategic Planning',
      discussion: ['DBe opened the meeting.'],
      decisions: [{ number: 1, text: 'Wording amended.' }, { number: 2, text: 'Publication after the inquest.' }],
      actions: [{ ref: 'A-2', text: 'Letter to the National Panel', owners: ['DB'], due: 'Fri 15 Mar 2019' }],
    },
    {
      number: '2.1',
      title: 'Minutes and Matters Arising',
      discussion: ['Minutes of meeting held on 5.12.2018 were approved pending the following amendment: Six districts (not two).'],
      decisions: [],
      actions: [],
    },
  ]);
  expect(minutes.actionLog.map((entry) => entry.ref)).toEqual(['A-1']);
});

it('takes records without a meeting id (kept before meetings were) by their day', () => {
  const legacy = anAction(series, { number: 7, meetingDate: '2019-03-13', item: part1, text: 'Legacy action' });
  const minutes = buildMinutes(input({ actions: [legacy] }));
  expect(minutes.items[0]?.actions.map((action) => action.ref)).toEqual(['A-7']);
});

it('writes Markdown in the seed\'s order, escaping what people typed', () => {
  const markdown = minutesToMarkdown(buildMinutes(input({ notes: [aNote(series, march, { item: part1, text: 'A | pipe and *stars*' })] })));
  const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
  expect(headings).toEqual([
    '# Safeguarding Children Board', '## Present', '## Apologies', '## Absent', '## Part 1 Strategic Planning', '## 2.1 Minutes and Matters Arising', '## Action Log Updates', '## Date of next meeting',
  ]);
  expect(markdown).toContain('- Helen Hey, Early Help, CHS – *deputising for Sarah Wilkins* (HH)');
  expect(markdown).toContain('A \\| pipe and \\*stars\\*');
  expect(markdown).toContain('| A-2 Letter to the National Panel | DB | Fri 15 Mar 2019 |');
  expect(markdown).toContain('- **A-1** 2.5 Liaise with NHS England (EF). Action open, due Fri 15 Mar 2019.');
});

it('lists as Absent the members who neither came, sent apologies nor had a deputy, with the role they had last time', () => {
  const kevin = aPerson('Kevin Dicks');
  const amy = aPerson('Amy Zeller');
  const withAbsentees = withMembers(series, [derek, ellen, helen, sarahW, kevin, amy], '2019-03-13T13:00:00.000Z');
  const lastTime = { ...december, apologies: [{ person: kevin, role: 'District Councils' }] };
  const minutes = buildMinutes(input({ series: withAbsentees, previous: lastTime }));
  expect(minutes.absent).toEqual([{ name: 'Kevin Dicks', role: 'District Councils' }, { name: 'Amy Zeller' }]);
  const markdown = minutesToMarkdown(minutes);
  expect(markdown).toContain('## Absent\n\nKevin Dicks, District Councils; Amy Zeller.');
});

it('calls nobody absent while attendance was not taken', () => {
  const minutes = buildMinutes(input({ meeting: { ...march, present: [], apologies: [] } }));
  expect(minutes.absent).toBeUndefined();
  expect(minutesToMarkdown(minutes)).not.toContain('Absent');
});
