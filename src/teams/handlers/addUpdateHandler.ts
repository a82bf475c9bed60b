import { addUpdate } from '../../domain/actionTransitions';
import { readNote } from '../cardData';
import { cardChangeHandler } from './cardChange';

/** The card's Add update button: adds a note to the action's record. */
export const handleAddUpdate = cardChangeHandler({
  read: (data) => {
    const note = readNote(data, 'updateNote', true);
    return note.ok ? { ok: true, value: (action, change) => addUpdate(action, change, note.value) } : note;
  },
  done: () => 'Update added.',
});
