import { changeDueDate } from '../../domain/actionTransitions';
import { readDueDate } from '../cardData';
import { cardChangeHandler } from './cardChange';

/** The card's Change due date button: sets or clears the due date. */
export const handleChangeDueDate = cardChangeHandler({
  read: (data) => {
    const due = readDueDate(data);
    return due.ok ? { ok: true, value: (action, change) => changeDueDate(action, change, due.value) } : due;
  },
  done: (action) => (action.due ? 'Due date changed.' : 'Due date removed.'),
});
