/**
 * Suggested actions: the action items of Copilot's meeting recap (Microsoft Graph's meeting AI
 * insights), offered in the meeting chat for a person to accept or dismiss. Nothing becomes an
 * action until someone accepts. Plain data, kept on the meeting they came from.
 */
import type { CardCopy, Person } from '../types';

/** One action item of an AI recap, as Graph gives it: words and an owner's display name (no id, no date). */
export interface RecapActionItem {
  text: string;
  /** The owner's display name, when the recap gives one. */
  ownerName?: string;
}

/** Where a suggestion stands. */
export type SuggestionState =
  /** Waiting for someone to accept or dismiss it. */
  | { kind: 'open' }
  /** Accepted: it is the action `number`. */
  | { kind: 'accepted'; actionId: string; number: number; by: Person; at: string }
  | { kind: 'dismissed'; by: Person; at: string }
  /** An action already captured says the same (same owner, similar text): `number`. Not offered. */
  | { kind: 'captured'; number: number };

/** One suggestion on the card. */
export interface SuggestedAction {
  /** Unique within its meeting (`s1`, `s2`…): the card's inputs and the accepted action's key derive from it. */
  id: string;
  text: string;
  /** The owner's name as the recap gave it. */
  ownerName?: string;
  /** The chat's members that name may mean: one is proposed; none or several, the person accepting chooses. */
  matches: Person[];
  state: SuggestionState;
}

/** A meeting's suggested actions, and the one card that offers them. */
export interface MeetingSuggestions {
  /** When the recap was read (ISO instant). */
  readAt: string;
  items: SuggestedAction[];
  /** The card in the meeting chat, once posted. */
  card?: CardCopy;
}
