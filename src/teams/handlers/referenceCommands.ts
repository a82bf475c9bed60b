import type { ChangeRequest, TransitionResult } from '../../domain/actionTransitions';
import { formatActionRef } from '../../domain/actionRef';
import { parseReferenceCommand } from '../../domain/referenceCommand';
import type { Action } from '../../domain/types';
import type { CommandHandler } from '../turn';
import { redrawCopies } from './cardChange';

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

/**
 * Builds the handler of a command that names an action by its typed number and may carry a note:
 * find it in this chat, apply the change, redraw its cards and say in one line what happened.
 */
export function referenceCommandHandler(spec: ReferenceCommandSpec): CommandHandler {
  return async (turn, args) => {
    const { facts } = turn;
    const parsed = parseReferenceCommand(args, { noteRequired: spec.noteRequired, example: spec.example });
    if (parsed.kind === 'invalid') return turn.reply.say(parsed.message);
    const result = await turn.room.useCases.actions.change(facts.key, { number: parsed.number }, { eventId: facts.activityId, at: facts.now, person: facts.speaker }, (action, change) =>
      spec.transition(action, change, parsed.note),
    );
    if (result.kind !== 'changed') return turn.reply.say(result.reason);
    await redrawCopies(turn, result.action, result.series);
    await turn.reply.say(spec.describe(result.action));
  };
}
