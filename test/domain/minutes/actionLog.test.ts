import { buildActionLog } from '../../../src/domain/minutes/actionLog';
import { closeMeeting } from '../../../src/domain/meetings/meetingLifecycle';
import { withMembers } from '../../../src/domain/series';
import type { Action, ActionEvent } from '../../../src/domain/types';
import { aPerson, aSeries, anAction } from '../../builders';
import { aMeeting } from '../../meetingBuilders';

const ellen = aPerson('Ellen Footman');
const derek = aPerson('Derek Benson');
const series = withMembers(aSeries(), [ellen, derek], '2018-12-05T13:00:00.000Z');
const december = closeMeeting(aMeeting(series, { date: '2018-12-05' }), 'event', '2018-12-05T17:00:00.000Z');
const march = aMeeting(series, { date: '2019-03-13' });
const DURING_MARCH = '2019-03-13T15:00:00.000Z';

function fromDecember(number: number, overrides: Partial<Action> = {}, events: Array<Partial<ActionEvent>> = []): Action {
  const action = anAction(series, {
    number,
    meetingId: december.id,
    meetingDate: '2018-12-05',
    createdAt: '2018-12-05T14:30:00.000Z',
    due: '2019-03-01',
    owners: [ellen],
    item: { number: '2.5', title: 'CP-IS' },
    ...overrides,
  });
  const history = [...action.history, ...events.map((event, index) => ({ id: `e${number}-${index}`, kind: 'update' as const, by: derek, at: DURING_MARCH, ...event }))];
  const closed = history.filter((event) => event.kind === 'closed').at(-1);
  return { ...action, history, ...(closed ? { status: 'closed' as const, closedAt: closed.at, closedBy: derek } : {}) };
}

function log(actions: Action[], asOf = DURING_MARCH) {
  return buildActionLog({ series, actions, meeting: march, previous: december, asOf });
}

it('writes each entry the seed\'s way: item, text, owners, updates, and whether it closed', () => {
  const closedOne = fromDecember(1, { text: 'Liaise with NHS England and NHS Digital' }, [
    { kind: 'update', note: 'ICON Project is up for a National Award.' },
    { kind: 'closed', note: 'Board agreed that this should be reviewed by IFPG', at: '2019-03-13T15:01:00.000Z' },
  ]);
  expect(log([closedOne], '2019-03-13T16:00:00.000Z').map((entry) => entry.line)).toEqual([
    '2.5 Liaise with NHS England and NHS Digital (EF). Update: ICON Project is up for a National Award. Board agreed that this should be reviewed by IFPG. Action closed.',
  ]);
});

it('lists open ones overdue first and says when they were due; leaves out this meeting\'s own actions', () => {
  const later = fromDecember(1, { due: '2019-06-01', owners: [derek] });
  const overdue = fromDecember(2, { due: '2019-03-01' });
  const own = anAction(series, { number: 3, meetingId: march.id, createdAt: DURING_MARCH });
  expect(log([later, overdue, own]).map((entry) => `${entry.ref} ${entry.line}`)).toEqual([
    'A-2 2.5 Draft letter to the National Panel (EF). Action open, due Fri 1 Mar 2019 (overdue).',
    'A-1 2.5 Draft letter to the National Panel (DB). Action open, due Sat 1 Jun 2019.',
  ]);
});

it('leaves out what was closed before the previous meeting ended, and updates made before it', () => {
  const closedLongAgo = fromDecember(1, {}, [{ kind: 'closed', at: '2018-12-05T16:00:00.000Z' }]);
  const updatedThenClosed = fromDecember(2, {}, [
    { kind: 'update', note: 'Said in December.', at: '2018-12-05T16:30:00.000Z' },
    { kind: 'update', note: 'Said in January.', at: '2019-01-10T10:00:00.000Z' },
  ]);
  expect(log([closedLongAgo, updatedThenClosed]).map((entry) => entry.line)).toEqual([
    '2.5 Draft letter to the National Panel (EF). Update: Said in January. Action open, due Fri 1 Mar 2019 (overdue).',
  ]);
});

it('describes the state as it stood at the instant asked: a later close is not yet known', () => {
  const closedLater = fromDecember(1, { due: '2019-06-01' }, [{ kind: 'closed', note: 'Done in April.', at: '2019-04-02T09:00:00.000Z' }]);
  expect(log([closedLater])[0]?.line).toBe('2.5 Draft letter to the National Panel (EF). Action open, due Sat 1 Jun 2019.');
  expect(log([closedLater], '2019-04-03T09:00:00.000Z')[0]?.status).toBe('closed');
});

it('counts a reopened action as open, and records reassignments and new due dates as updates', () => {
  const reopened = fromDecember(1, { due: '2019-06-01' }, [
    { kind: 'closed', at: '2019-02-01T09:00:00.000Z' },
    { kind: 'reopened', at: '2019-02-02T09:00:00.000Z' },
    { kind: 'reassigned', detail: 'Derek Benson', at: '2019-02-03T09:00:00.000Z' },
    { kind: 'dueChanged', detail: '2019-06-01', at: '2019-02-04T09:00:00.000Z' },
  ]);
  const [entry] = log([reopened]);
  expect(entry?.status).toBe('open');
  expect(entry?.updates).toEqual(['Reassigned to Derek Benson.', 'Due date changed to Sat 1 Jun 2019.']);
});
