import { isOverdue } from './dateFormat';
import type { Action, Person } from './types';

/** One owner's share of the open actions, in the order they should be chased. */
export interface OwnerActions {
  owner: Person;
  actions: Action[];
  overdueCount: number;
}

/**
 * Groups open actions by owner for `/actions`: within an owner, overdue first, then by due date
 * (undated last), then by number; owners with overdue work come first, then by name. An action with
 * two owners appears under both, because each of them is chased for it.
 */
export function groupOpenActionsByOwner(actions: readonly Action[], now: string, timeZone: string): OwnerActions[] {
  const groups = new Map<string, OwnerActions>();
  for (const action of actions) {
    if (action.status !== 'open') continue;
    for (const owner of action.owners) {
      const group = groups.get(owner.id) ?? { owner, actions: [], overdueCount: 0 };
      group.actions.push(action);
      if (action.due && isOverdue(action.due, now, timeZone)) group.overdueCount += 1;
      groups.set(owner.id, group);
    }
  }
  for (const group of groups.values()) group.actions.sort(byUrgency);
  return [...groups.values()].sort(
    (a, b) => Number(b.overdueCount > 0) - Number(a.overdueCount > 0) || a.owner.name.localeCompare(b.owner.name),
  );
}

/** Orders actions by due date (undated last), then by number: overdue ones sort first by nature. */
export function byUrgency(a: Action, b: Action): number {
  if (a.due !== b.due) {
    if (a.due === undefined) return 1;
    if (b.due === undefined) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.number - b.number;
}
