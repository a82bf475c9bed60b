import type { OnlineMeetingRef, Person } from '../domain/types';

/** What Teams says about the meeting a chat belongs to. */
export interface MeetingDetails {
  /** The organizer: the series' chair unless a better-founded one is known. Its name may be empty: Teams often gives none. */
  organizer?: Person;
  title?: string;
  /** Scheduled start (ISO instant, UTC). */
  start?: string;
  /** The meeting as Microsoft Graph names it (its `msGraphResourceId` and organizer), for attendance reports. */
  onlineMeeting?: OnlineMeetingRef;
}

/**
 * Who is in a chat and which meeting it belongs to, as Teams knows it now. Implemented by the Teams
 * adapter for the chat of the turn at hand; each call may go to Teams, so callers read it only when
 * what they keep is stale. Either answer may be undefined when Teams refuses or has none.
 */
export interface ChatDirectory {
  /** Everyone in the chat (undefined in a 1:1 chat, or when Teams would not say). */
  members(): Promise<Person[] | undefined>;
  /** The chat's meeting, when it belongs to one and Teams will say. */
  meeting(): Promise<MeetingDetails | undefined>;
}
