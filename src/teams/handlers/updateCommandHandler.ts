import { addUpdate } from '../../domain/actionTransitions';
import { referenceCommandHandler, shortName } from './referenceCommands';

/** `/update A-12 <note>`: adds an update to an action's record; anyone in the chat may. */
export const handleUpdateCommand = referenceCommandHandler({
  noteRequired: true,
  example: '/update A-12 Draft circulated',
  transition: (action, change, note) => addUpdate(action, change, note),
  describe: (action) => `Added your update to ${shortName(action)}.`,
});
