import { toPerson } from '../../domain/actionCommand';
import { reassignAction } from '../../domain/actionTransitions';
import type { Person } from '../../domain/types';
import { readOwnerIds } from '../cardData';
import { cardChangeHandler } from './cardChange';

/** The card's Reassign button: replaces the owners with people chosen from the chat's members. */
export const handleReassignAction = cardChangeHandler({
  read: (data) => {
    const ids = readOwnerIds(data);
    if (!ids.ok) return ids;
    return {
      ok: true,
      value: (action, change, series) => {
        const owners: Person[] = [];
        for (const id of ids.value) {
          const member = series.members.find((candidate) => candidate.id === id);
          if (!member) return { kind: 'refused', action, reason: 'One of the people chosen is not a member of this chat. Choose owners from the list.' };
          owners.push(toPerson(member));
        }
        return reassignAction(action, change, owners);
      },
    };
  },
  done: (action) => `Reassigned to ${action.owners.map((owner) => owner.name).join(', ')}.`,
});
