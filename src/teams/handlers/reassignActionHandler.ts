import { reassignAction } from '../../domain/actionTransitions';
import { resolveChosenPeople } from '../../domain/chosenPeople';
import { readOwnerIds } from '../cardData';
import type { CardHandler } from '../turn';
import { cardChangeHandler } from './cardChange';

const NOT_A_MEMBER = 'One of the people chosen is not a member of this chat. Choose owners from the list.';

/**
 * Replaces the owners with the people chosen in the picker: members of the chat, or owners already
 * on the action (one who has since left keeps their stored name).
 */
const reassign = cardChangeHandler({
  read: (data) => {
    const ids = readOwnerIds(data);
    if (!ids.ok) return ids;
    return {
      ok: true,
      value: (action, change, series) => {
        const chosen = resolveChosenPeople(ids.value, series.members, action.owners);
        return chosen.ok ? reassignAction(action, change, chosen.people) : { kind: 'refused', action, reason: NOT_A_MEMBER };
      },
    };
  },
  done: (action) => `Reassigned to ${action.owners.map((owner) => owner.name).join(', ')}.`,
});

/**
 * The card's Reassign button. Teams' people picker finds anyone in the chat, including people who
 * joined since the bot last read its members, so a click in the chat itself first brings the member
 * list up to date when it does not know someone chosen (from a 1:1 reminder there is no roster to read).
 */
export const handleReassignAction: CardHandler = async (turn, data) => {
  const ids = readOwnerIds(data);
  if (ids.ok && turn.facts.conversationType !== 'personal') {
    await turn.room.useCases.chats.loadWithMembers(turn.facts, turn.directory, ids.value.map((id) => ({ id, name: '' })));
  }
  return reassign(turn, data);
};
