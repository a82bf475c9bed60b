import type { RecapActionItem } from '../domain/suggestions/suggestionTypes';
import type { OnlineMeetingRef } from '../domain/types';

/** One of Copilot's recaps of an online meeting: the call it covers, dated by its transcript (ISO instants). */
export interface RecapSummary {
  id: string;
  start: string;
  end: string;
}

/**
 * Copilot's recaps of Teams meetings (Microsoft Graph's meeting AI insights), read as the
 * organizer's, who needs a Microsoft 365 Copilot licence. Implemented over Graph in src/graph/.
 * Both methods throw `GraphRefused` (403: no licence, permission or application access policy; 404:
 * no such meeting for that user) or `GraphUnavailable`.
 */
export interface MeetingInsights {
  /** The recaps made so far of the meeting's calls (an occurrence of a recurring meeting is one call); none until Teams has made one. */
  recaps(tenantId: string, meeting: OnlineMeetingRef): Promise<RecapSummary[]>;
  /** One recap's action items. */
  actionItems(tenantId: string, meeting: OnlineMeetingRef, recapId: string): Promise<RecapActionItem[]>;
}
