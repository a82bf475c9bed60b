import { DateTime } from 'luxon';
import { byUrgency } from '../actionList';
import type { Action } from '../types';

/** One person's open actions across every chat, in the order the weekly digest shows them. */
export interface OwnerDigest {
  overdue: Action[];
  /** Due from today to the end of this week (Sunday) in the person's zone. */
  thisWeek: Action[];
  /** Due later, or with no due date. */
  later: Action[];
  total: number;
}

/** Sorts a person's open actions into overdue, due this week and later, each by due date. */
export function buildOwnerDigest(actions: readonly Action[], now: string, zone: string): OwnerDigest {
  const today = DateTime.fromISO(now, { zone }).toISODate() ?? '';
  const endOfWeek = DateTime.fromISO(now, { zone }).endOf('week').toISODate() ?? '';
  const open = actions.filter((action) => action.status === 'open').sort(byUrgency);
  const overdue = open.filter((action) => action.due !== undefined && action.due < today);
  const thisWeek = open.filter((action) => action.due !== undefined && action.due >= today && action.due <= endOfWeek);
  const later = open.filter((action) => action.due === undefined || action.due > endOfWeek);
  return { overdue, thisWeek, later, total: open.length };
}
