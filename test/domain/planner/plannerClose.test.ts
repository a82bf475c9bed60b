import { closeCompletedInPlanner } from '../../../src/domain/planner/plannerClose';
import { aPerson, aSeries, anAction } from '../../builders';

const series = aSeries();
const request = (by = aPerson('Ellen Footman')) => ({ eventId: 'planner:task-1:completed', at: '2019-03-14T10:00:00.000Z', actor: { person: by, isChair: false } });

describe('closeCompletedInPlanner', () => {
  it('closes the action whoever completed the task in Planner, notes it, and marks the task complete', () => {
    const action = anAction(series, { owners: [aPerson('Derek Benson')], planner: { planId: 'plan-1', taskId: 'task-1', linked: true } });
    const result = closeCompletedInPlanner(action, request());
    expect(result.kind).toBe('changed');
    expect(result.action).toMatchObject({ status: 'closed', closedBy: { name: 'Ellen Footman' }, planner: { planId: 'plan-1', taskId: 'task-1', linked: true, completed: true } });
    expect(result.action.history.at(-1)).toMatchObject({ id: 'planner:task-1:completed', kind: 'closed', note: 'Completed in Planner.' });
  });

  it('changes nothing the second time, nor for an action closed here already', () => {
    const action = anAction(series, { planner: { planId: 'plan-1', taskId: 'task-1' } });
    const once = closeCompletedInPlanner(action, request());
    expect(closeCompletedInPlanner(once.action, request()).kind).toBe('unchanged');
    const closedHere = { ...action, status: 'closed' as const, closedBy: aPerson('Derek Benson'), closedAt: '2019-03-13T12:00:00.000Z' };
    expect(closeCompletedInPlanner(closedHere, { ...request(), eventId: 'planner:task-1:completed-again' })).toMatchObject({ kind: 'unchanged' });
  });
});
