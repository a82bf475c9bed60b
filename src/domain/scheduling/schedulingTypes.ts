import type { SeriesKey } from '../types';

/** How and when a person wants to be chased, and where to reach them. */
export interface UserProfile {
  /** Store id: hashes tenant and user, so tenants never share a record. */
  id: string;
  tenantId: string;
  /** Azure AD object id (the same `id` actions use for owners). */
  userId: string;
  name: string;
  /** Teams user id (`29:…`), needed to open a 1:1 chat. */
  teamsId?: string;
  /**
   * The 1:1 chat with the bot, once known. `dead` after Teams answered 403: with a conversation id,
   * the app was blocked or removed; with an empty one, Teams would not open a chat at all.
   */
  personalChat?: { conversationId: string; serviceUrl: string; dead?: boolean };
  /**
   * Microsoft Graph refused to install the app for this person (403: a policy blocks it or the
   * permission is not granted): when, and Graph's status. The log says so once; the bot asks again
   * only after a while, in case an admin has since allowed it.
   */
  appInstallRefused?: { at: string; status: number };
  /** IANA zone from the person's own client or `/settings`. */
  timeZone?: string;
  locale?: string;
  preferences: NotificationPreferences;
}

/** What `/settings` changes. */
export interface NotificationPreferences {
  /** ISO weekday of the weekly digest: 1 = Monday … 7 = Sunday. */
  digestDay: number;
  /** Local hour (0–23) of digests and reminders. */
  hour: number;
  digestEnabled: boolean;
}

/** Defaults a person has until they change them: Monday, 09:00, digests on. */
export const DEFAULT_PREFERENCES: NotificationPreferences = { digestDay: 1, hour: 9, digestEnabled: true };

/** Working days before the due date that the first reminder goes out. */
export const REMINDER_LEAD_WORKING_DAYS = 2;

/** One piece of future work for the scheduler. Exactly one record per purpose, named by `jobIdFor`. */
export type ScheduledJob = {
  id: string;
  tenantId: string;
  /**
   * ISO instant from which the job is due. A reminder job with no date is dormant: it records that
   * the owner has the open action (the digest reads it) but never fires.
   */
  dueAt?: string;
  /** While claimed: until when the claim holds. A claim that lapses (the claimer died) is taken again. */
  leaseUntil?: string;
  /** Which instance holds the claim (for logs). */
  leaseOwner?: string;
  /** Failed runs in a row since the job last ran cleanly: each waits longer before the next try. */
  failures?: number;
  /** Why the job last gave up (after too many failed runs): kept for support, shown in logs. */
  lastFailure?: JobFailure;
} & (
  | {
      kind: 'actionReminder';
      series: SeriesKey;
      actionId: string;
      ownerId: string;
      /** When this owner was last reminded. */
      lastSentAt?: string;
      /** "Remind me again" from a reminder's Snooze: the next reminder goes out then, whatever the slots say. */
      snoozedUntil?: string;
      /**
       * Booked by a capture or change and not yet timed: due at once, so the scheduler's next pass
       * times it in the owner's own zone and hour (and books their weekly digest). Captures so need
       * no read of the owner's profile.
       */
      unplaced?: true;
    }
  | {
      kind: 'weeklyDigest';
      userId: string;
      /** Not timed yet (or put back by a pass that could not time it): the next pass finds the person's slot. */
      unplaced?: true;
    }
  | { kind: 'chairDigest'; series: SeriesKey; meetingAt: string }
  /**
   * Take a meeting's attendance from Teams' report: due when the meeting should have ended (moved to
   * its end when Teams says it ended), tried again while the report is not there yet, until `giveUpAt`.
   */
  | { kind: 'meetingAttendance'; series: SeriesKey; meetingId: string; giveUpAt: string }
  /**
   * Read Copilot's recap (meeting AI insights) of a meeting and offer its action items: due when the
   * meeting should have ended (moved to its end), tried again while the recap is not ready, until `giveUpAt`.
   */
  | { kind: 'meetingInsights'; series: SeriesKey; meetingId: string; giveUpAt: string }
  /** Bring an action's Planner task in step with it: create it, link it back, complete it when the action closes. */
  | { kind: 'plannerTask'; series: SeriesKey; actionId: string }
  /** Look at a linked plan for tasks completed in Planner, and close their actions here; again and again while linked. */
  | { kind: 'plannerWatch'; series: SeriesKey; planId: string }
);

/** Why a scheduled job gave up on a run, as recorded on the job. */
export interface JobFailure {
  /** ISO instant it gave up. */
  at: string;
  /** Failed runs in a row before it did. */
  attempts: number;
  /** What went wrong, in words (Teams' status, or the error's name): never message content. */
  reason: string;
}

/** The kinds of scheduled work. */
export type ScheduledJobKind = ScheduledJob['kind'];
