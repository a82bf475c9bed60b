import { closeAction } from '../../domain/actionTransitions';
import { readNote } from '../cardData';
import { cardChangeHandler } from './cardChange';

/** The card's Close button: closes the action with an optional note. */
export const handleCloseAction = cardChangeHandler({
  read: (data) => {
    const note = readNote(data, 'closeNote', false);
    return note.ok ? { ok: true, value: (action, change) => closeAction(action, change, note.value || undefined) } : note;
  },
  done: () => 'Closed. Everyone in the chat now sees it closed.',
});
