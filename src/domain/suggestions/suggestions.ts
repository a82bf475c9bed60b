import { LIMITS } from '../limits';
import type { Action, Member, Person } from '../types';
import { membersNamed } from './ownerByName';
import { isSimilarActionText } from './similarText';
import type { MeetingSuggestions, RecapActionItem, SuggestedAction } from './suggestionTypes';

/**
 * Suggestions kept from one recap at most: a recap with more is not a list anyone walks through in a
 * chat, and the meeting record stays small.
 */
export const MAX_SUGGESTIONS = 30;

/** Members kept as a suggestion's possible owners: more than a few is no match at all, only a list to choose from. */
export const MAX_MATCHES = 10;

/**
 * Turns a recap's action items into suggestions: each owner's name matched against the chat's
 * members, and an item that says what an action already captured says (same owner, similar text)
 * marked as captured rather than offered again. Items without words are dropped, as are repeats of
 * an item already listed.
 */
export function suggestionsFromRecap(items: readonly RecapActionItem[], members: readonly Member[], captured: readonly Action[], readAt: string): MeetingSuggestions {
  const kept: SuggestedAction[] = [];
  for (const item of items) {
    const text = item.text.replace(/\s+/gu, ' ').trim().slice(0, LIMITS.textLength);
    if (text === '' || kept.length >= MAX_SUGGESTIONS) continue;
    const ownerName = item.ownerName?.replace(/\s+/gu, ' ').trim() || undefined;
    const matches = ownerName ? membersNamed(ownerName, members).slice(0, MAX_MATCHES).map(personOf) : [];
    const suggestion = { text, ...(ownerName ? { ownerName } : {}), matches };
    if (kept.some((earlier) => sameOwner(earlier, suggestion) && isSimilarActionText(earlier.text, text))) continue;
    const twin = captured.find((action) => action.owners.some((owner) => isOwnerOf(suggestion, owner)) && isSimilarActionText(action.text, text));
    kept.push({ id: `s${kept.length + 1}`, ...suggestion, state: twin ? { kind: 'captured', number: twin.number } : { kind: 'open' } });
  }
  return { readAt, items: kept };
}

/** The suggestion with this id, if the meeting has it. */
export function findSuggestion(suggestions: MeetingSuggestions | undefined, id: string): SuggestedAction | undefined {
  return suggestions?.items.find((item) => item.id === id);
}

/** The suggestions with one of them in a new state. */
export function withSuggestionState(suggestions: MeetingSuggestions, id: string, state: SuggestedAction['state']): MeetingSuggestions {
  return { ...suggestions, items: suggestions.items.map((item) => (item.id === id ? { ...item, state } : item)) };
}

/**
 * The idempotency key of accepting a suggestion: the same for every click on it and every person,
 * so accepting twice, or two people at once, makes one action.
 */
export function acceptanceSourceId(meetingId: string, suggestionId: string): string {
  return `copilot:${meetingId}:${suggestionId}`;
}

/** What an accepted suggestion's action records as its origin, on its "created" line. */
export const SUGGESTION_ORIGIN = "from Copilot's meeting recap";

function sameOwner(a: Pick<SuggestedAction, 'ownerName' | 'matches'>, b: Pick<SuggestedAction, 'ownerName' | 'matches'>): boolean {
  if (a.matches.length === 1 && b.matches.length === 1) return a.matches[0]?.id === b.matches[0]?.id;
  return (a.ownerName ?? '').toLocaleLowerCase('en') === (b.ownerName ?? '').toLocaleLowerCase('en');
}

/** Whether an action's owner is the person a suggestion names: the one member matched, else by name. */
function isOwnerOf(suggestion: Pick<SuggestedAction, 'ownerName' | 'matches'>, owner: Person): boolean {
  if (suggestion.matches.length > 0) return suggestion.matches.some((person) => person.id === owner.id);
  return suggestion.ownerName !== undefined && membersNamed(suggestion.ownerName, [{ ...owner, initials: '' }]).length === 1;
}

function personOf(member: Member): Person {
  return { id: member.id, name: member.name, ...(member.teamsId ? { teamsId: member.teamsId } : {}) };
}
