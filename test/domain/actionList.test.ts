import { byUrgency, groupOpenActionsByOwner } from '../../src/domain/actionList';
import type { Action, Person } from '../../src/domain/types';
import { aPerson, aSeriesKey, anAction } from '../builders';

// Thursday 14 March 2019, 10:00 London: anything due on the 13th or before is overdue.
const NOW = '2019-03-14T10:00:00.000Z';
const LONDON = 'Europe/London';
const key = aSeriesKey();
const sarah = aPerson('Sarah Berry');
const derek = aPerson('Derek Benson');
const ellen = aPerson('Ellen Footman');

function action(number: number, owners: Person[], due: string | undefined, overrides: Partial<Action> = {}): Action {
  const value = anAction(key, { number, owners, ...overrides });
  if (due === undefined) delete value.due;
  else value.due = due;
  return value;
}

/** The groups as "Owner (overdue count): A-1 A-2" lines, the way /actions reads. */
function summary(actions: Action[], now = NOW, zone = LONDON): string[] {
  return groupOpenActionsByOwner(actions, now, zone).map(
    (group) => `${group.owner.name} (${group.overdueCount}): ${group.actions.map((item) => `A-${item.number}`).join(' ')}`,
  );
}

function undated(number: number, owners: Person[]): Action {
  return action(number, owners, undefined);
}

describe('groupOpenActionsByOwner', () => {
  it('puts owners with overdue work first, then the rest by name', () => {
    expect(
      summary([action(1, [derek], '2019-03-20'), action(2, [sarah], '2019-03-01'), action(3, [ellen], '2019-03-18'), undated(4, [derek])]),
    ).toEqual(['Sarah Berry (1): A-2', 'Derek Benson (0): A-1 A-4', 'Ellen Footman (0): A-3']);
  });

  it('orders one owner\'s actions by due date, undated last, then by number', () => {
    expect(
      summary([undated(1, [sarah]), action(2, [sarah], '2019-03-20'), action(3, [sarah], '2019-03-01'), action(4, [sarah], '2019-03-20'), undated(5, [sarah])]),
    ).toEqual(['Sarah Berry (1): A-3 A-2 A-4 A-1 A-5']);
  });

  it('lists an action with two owners under each of them', () => {
    expect(summary([action(1, [ellen, derek], '2019-03-20')])).toEqual(['Derek Benson (0): A-1', 'Ellen Footman (0): A-1']);
  });

  it('leaves closed actions out', () => {
    expect(summary([action(1, [sarah], '2019-03-01', { status: 'closed' }), action(2, [derek], '2019-03-20')])).toEqual(['Derek Benson (0): A-2']);
    expect(summary([action(1, [sarah], undefined, { status: 'closed' })])).toEqual([]);
  });

  it('counts as overdue only what was due before today in the series\' zone', () => {
    // Due the 14th: not overdue on the 14th, overdue from the 15th.
    expect(summary([action(1, [sarah], '2019-03-14')])).toEqual(['Sarah Berry (0): A-1']);
    expect(summary([action(1, [sarah], '2019-03-14')], '2019-03-15T00:30:00.000Z')).toEqual(['Sarah Berry (1): A-1']);
    // 23:30 UTC on the 14th is already the 15th in Auckland.
    expect(summary([action(1, [sarah], '2019-03-14')], '2019-03-14T23:30:00.000Z', 'Pacific/Auckland')).toEqual(['Sarah Berry (1): A-1']);
  });

  it('groups by person id, whatever name the record was given at the time', () => {
    const renamed = { ...sarah, name: 'Sarah Berry-Jones' };
    const groups = groupOpenActionsByOwner([action(1, [sarah], '2019-03-20'), action(2, [renamed], '2019-03-21')], NOW, LONDON);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.actions.map((item) => item.number)).toEqual([1, 2]);
  });

  it('gives nothing for no actions', () => {
    expect(groupOpenActionsByOwner([], NOW, LONDON)).toEqual([]);
  });
});

describe('byUrgency', () => {
  it('sorts by due date, undated last, ties by number', () => {
    const sorted = [undated(3, [sarah]), action(4, [sarah], '2019-03-15'), action(2, [sarah], '2019-03-15'), action(1, [sarah], '2019-04-01')].sort(byUrgency);
    expect(sorted.map((item) => item.number)).toEqual([2, 4, 1, 3]);
  });
});
