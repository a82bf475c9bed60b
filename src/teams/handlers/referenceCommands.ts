import type { TurnContext } from 'botbuilder';
import type { ChangeRequest, TransitionResult } from '../../domain/actionTransitions';
import { formatActionRef } from '../../domain/actionRef';
import type { Action } from '../../domain/types';
import { changeAction } from '../../services/actionChangeService';
import type { BotDeps } from '../botDeps';
import { afterActionChange } from '../afterActionChange';
import { seriesOf } from '../chatRoster';
import type { TurnInfo } from '../turnInfo';

/**
 * The shared path of `/close` and `/update`: find the action by its typed number in this chat,
 * apply the change, redraw its cards and say in one line what happened.
 */
export async function changeByReference(
  context: TurnContext,
  deps: BotDeps,
  info: TurnInfo,
  number: number,
  transition: (action: Action, change: ChangeRequest) => TransitionResult,
  describe: (action: Action) => string,
): Promise<void> {
  const series = await seriesOf(deps, info);
  const outcome = await changeAction(deps.store, series, { number }, { eventId: info.activityId, at: info.now, person: info.speaker }, transition);
  if (outcome.kind === 'notFound' || outcome.kind === 'refused') {
    await context.sendActivity(outcome.reason);
    return;
  }
  if (outcome.kind === 'unchanged') {
    await context.sendActivity(outcome.reason);
    return;
  }
  await afterActionChange(context, deps, info, outcome.action, series, outcome.previous);
  await context.sendActivity(describe(outcome.action));
}

/** "A-12 (Draft letter to the National Panel…)": how a one-line reply names an action. */
export function shortName(action: Action): string {
  const text = action.text.length > 60 ? `${action.text.slice(0, 57)}…` : action.text;
  return `${formatActionRef(action.number)} (${text})`;
}
