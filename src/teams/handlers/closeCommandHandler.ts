import { closeAction } from '../../domain/actionTransitions';
import { referenceCommandHandler, shortName } from './referenceCommands';

/** `/close A-12 [note]`: closes an action; owners and the chair only. */
export const handleCloseCommand = referenceCommandHandler({
  noteRequired: false,
  example: '/close A-12 Letter sent',
  transition: (action, change, note) => closeAction(action, change, note || undefined),
  describe: (action) => `Closed ${shortName(action)}.`,
});
