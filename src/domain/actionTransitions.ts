import { formatActionRef } from './actionRef';
import { LIMITS } from './limits';
import type { Action, ActionEvent, Person } from './types';

/** Who is asking for a change, and whether they chair the series. */
export interface Actor {
  person: Person;
  isChair: boolean;
}

/** Identifies one request, so applying it twice (a redelivery, a retry after a conflict) changes nothing more. */
export interface ChangeRequest {
  /** The Teams activity id behind the request. */
  eventId: string;
  /** ISO instant. */
  at: string;
  actor: Actor;
}

/** The outcome of a transition: a new action to save, nothing to do, or a refusal to explain. */
export type TransitionResult =
  | { kind: 'changed'; action: Action; event: ActionEvent }
  | { kind: 'unchanged'; action: Action; reason: string }
  | { kind: 'refused'; action: Action; reason: string };

/** Whether this person may close, reassign or re-date the action: an owner or the chair. */
export function canManage(action: Action, actor: Actor): boolean {
  return actor.isChair || action.owners.some((owner) => owner.id === actor.person.id);
}

/** Closes an open action, with an optional closing note. Owners and the chair only. */
export function closeAction(action: Action, request: ChangeRequest, note?: string): TransitionResult {
  return transition(action, request, { needsManager: 'close', note }, () => {
    if (action.status === 'closed') {
      return { unchanged: `${formatActionRef(action.number)} was already closed by ${action.closedBy?.name ?? 'someone'}.` };
    }
    return {
      kind: 'closed',
      patch: { status: 'closed', closedBy: request.actor.person, closedAt: request.at },
    };
  });
}

/** Adds an update note to the action's trail. Anyone in the chat may. */
export function addUpdate(action: Action, request: ChangeRequest, note: string): TransitionResult {
  return transition(action, request, { note }, () => {
    if (note.trim() === '') return { refused: `Write the update after the reference, e.g. /update ${formatActionRef(action.number)} Letter sent.` };
    const last = action.history.at(-1);
    // A double click on "Add update" sends the same note twice within seconds: keep one.
    if (last?.kind === 'update' && last.by.id === request.actor.person.id && last.note === note && secondsBetween(last.at, request.at) < 120) {
      return { unchanged: 'That update is already on the action.' };
    }
    return { kind: 'update', patch: {} };
  });
}

/** Replaces the owners. Owners and the chair only. */
export function reassignAction(action: Action, request: ChangeRequest, owners: Person[]): TransitionResult {
  return transition(action, request, { needsManager: 'reassign' }, () => {
    if (owners.length === 0) return { refused: 'Choose at least one owner.' };
    if (owners.length > LIMITS.ownersPerAction) return { refused: `An action can have at most ${LIMITS.ownersPerAction} owners.` };
    const same = owners.length === action.owners.length && owners.every((owner) => action.owners.some((o) => o.id === owner.id));
    if (same) return { unchanged: `${formatActionRef(action.number)} already has those owners.` };
    return { kind: 'reassigned', patch: { owners }, detail: owners.map((owner) => owner.name).join(', ') };
  });
}

/** Sets or clears the due date (yyyy-MM-dd). Owners and the chair only. */
export function changeDueDate(action: Action, request: ChangeRequest, due: string | undefined): TransitionResult {
  return transition(action, request, { needsManager: 'change the due date of' }, () => {
    if (action.due === due) return { unchanged: `${formatActionRef(action.number)} is already due ${due ?? 'with no date'}.` };
    const patch: Partial<Action> = due === undefined ? { due: undefined } : { due };
    return { kind: 'dueChanged', patch, detail: due ?? 'none' };
  });
}

type Step =
  | { kind: ActionEvent['kind']; patch: Partial<Action>; detail?: string }
  | { unchanged: string }
  | { refused: string };

function transition(
  action: Action,
  request: ChangeRequest,
  rules: { needsManager?: string; note?: string },
  step: () => Step,
): TransitionResult {
  if (action.history.some((event) => event.id === request.eventId)) {
    return { kind: 'unchanged', action, reason: 'That change was already made.' };
  }
  if (rules.needsManager && !canManage(action, request.actor)) {
    const owners = action.owners.map((owner) => owner.name).join(', ');
    return {
      kind: 'refused',
      action,
      reason: `Only ${owners} or the chair can ${rules.needsManager} ${formatActionRef(action.number)}. You can add an update instead.`,
    };
  }
  const note = rules.note?.trim();
  if (note !== undefined && note.length > LIMITS.noteLength) {
    return { kind: 'refused', action, reason: `Notes can be at most ${LIMITS.noteLength} characters; that one has ${note.length}.` };
  }
  const outcome = step();
  if ('unchanged' in outcome) return { kind: 'unchanged', action, reason: outcome.unchanged };
  if ('refused' in outcome) return { kind: 'refused', action, reason: outcome.refused };
  const event: ActionEvent = {
    id: request.eventId,
    kind: outcome.kind,
    by: request.actor.person,
    at: request.at,
    ...(note ? { note } : {}),
    ...(outcome.detail ? { detail: outcome.detail } : {}),
  };
  const changed: Action = { ...action, ...outcome.patch, history: [...action.history, event] };
  if (outcome.patch.due === undefined && 'due' in outcome.patch) delete changed.due;
  return { kind: 'changed', action: changed, event };
}

function secondsBetween(from: string, to: string): number {
  return Math.abs(Date.parse(to) - Date.parse(from)) / 1000;
}
