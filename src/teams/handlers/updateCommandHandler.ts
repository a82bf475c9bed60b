import { addUpdate } from '../../domain/actionTransitions';
import { parseReferenceCommand } from '../../domain/referenceCommand';
import type { CommandHandler } from './handlerTypes';
import { changeByReference, shortName } from './referenceCommands';

/** `/update A-12 <note>`: adds an update to an action's record; anyone in the chat may. */
export const handleUpdateCommand: CommandHandler = async (context, deps, info, args) => {
  const parsed = parseReferenceCommand(args, { noteRequired: true, example: '/update A-12 Draft circulated' });
  if (parsed.kind === 'invalid') {
    await context.sendActivity(parsed.message);
    return;
  }
  await changeByReference(
    context,
    deps,
    info,
    parsed.number,
    (action, change) => addUpdate(action, change, parsed.note),
    (action) => `Added your update to ${shortName(action)}.`,
  );
};
