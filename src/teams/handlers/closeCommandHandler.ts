import { closeAction } from '../../domain/actionTransitions';
import { parseReferenceCommand } from '../../domain/referenceCommand';
import type { CommandHandler } from './handlerTypes';
import { changeByReference, shortName } from './referenceCommands';

/** `/close A-12 [note]`: closes an action; owners and the chair only. */
export const handleCloseCommand: CommandHandler = async (context, deps, info, args) => {
  const parsed = parseReferenceCommand(args, { noteRequired: false, example: '/close A-12 Letter sent' });
  if (parsed.kind === 'invalid') {
    await context.sendActivity(parsed.message);
    return;
  }
  await changeByReference(
    context,
    deps,
    info,
    parsed.number,
    (action, change) => closeAction(action, change, parsed.note || undefined),
    (action) => `Closed ${shortName(action)}.`,
  );
};
