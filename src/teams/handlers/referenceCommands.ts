import type { TurnContext } from 'botbuilder';
import type { ChangeRequest, TransitionResult } from '../../domain/actionTransitions';
import { formatActionRef } from '../../domain/actionRef';
import type { Action } from '../../domain/types';
import { changeAction } from '../../services/actionChangeService';
import type { BotDeps } from '../botDeps';
import { afterActionChange } from '../afterActionChange';
import { seriesOf } from '../chatRoster';
import type { TurnInfo } from '../turnInfo';
import { parseReferenceCommand } from '../../domain/referenceCommand';
import type { CommandHandler } from './handlerTypes';

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

/** How one `/<command> A-12 …` reads its note and what it does with it. */
export interface ReferenceCommandSpec {
  noteRequired: boolean;
  /** The command as a user should type it, quoted back when the input is not understood. */
  example: string;
  transition: (action: Action, change: ChangeRequest, note: string) => TransitionResult;
  describe: (action: Action) => string;
}

/** Builds the handler of a command that names an action by reference and may carry a note. */
export function referenceCommandHandler(spec: ReferenceCommandSpec): CommandHandler {
  return async (context, deps, info, args) => {
    const parsed = parseReferenceCommand(args, { noteRequired: spec.noteRequired, example: spec.example });
    if (parsed.kind === 'invalid') {
      await context.sendActivity(parsed.message);
      return;
    }
    await changeByReference(context, deps, info, parsed.number, (action, change) => spec.transition(action, change, parsed.note), spec.describe);
  };
}
