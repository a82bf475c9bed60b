import { closeAction, type ChangeRequest, type TransitionResult } from '../actionTransitions';
import type { Action } from '../types';

/** The closing note of an action whose task was completed in Planner. */
export const COMPLETED_IN_PLANNER = 'Completed in Planner.';

/**
 * Closes an action whose Planner task was completed in Planner. Planner decided who may complete
 * the task (the plan's members), so whoever did is not held to the chat's rule that only owners and
 * the chair close; the history names them, or Planner. The action is marked complete in Planner, so
 * nothing is sent back there.
 */
export function closeCompletedInPlanner(action: Action, request: ChangeRequest): TransitionResult {
  const result = closeAction(action, { ...request, actor: { ...request.actor, isChair: true } }, COMPLETED_IN_PLANNER);
  if (result.kind !== 'changed' || !result.action.planner) return result;
  return { ...result, action: { ...result.action, planner: { ...result.action.planner, completed: true } } };
}
