import type { RecapActionItem } from '../domain/suggestions/suggestionTypes';
import type { OnlineMeetingRef } from '../domain/types';
import type { MeetingInsights, RecapSummary } from '../services/meetingInsights';
import type { GraphClient } from './graphClient';

/** A callAiInsight as Graph lists it (the listing carries no action items). */
interface InsightJson {
  id: string;
  createdDateTime?: string | null;
  endDateTime?: string | null;
}

/** An actionItem of a callAiInsight: a title, its text, and the owner's display name (no id, no date). */
interface ActionItemJson {
  title?: string | null;
  text?: string | null;
  ownerDisplayName?: string | null;
}

/**
 * Copilot's meeting recaps through Graph's meeting AI insights
 * (`/copilot/users/{organizer}/onlineMeetings/{id}/aiInsights`, v1.0), read as the organizer, who
 * must hold a Microsoft 365 Copilot licence. App-only access needs the application permission
 * `OnlineMeetingAiInsight.Read.All` and an application access policy covering the organizer, as
 * attendance reports do (docs/DEPLOY.md).
 */
export class GraphMeetingInsights implements MeetingInsights {
  constructor(private readonly graph: GraphClient) {}

  async recaps(tenantId: string, meeting: OnlineMeetingRef): Promise<RecapSummary[]> {
    const insights = await this.graph.getAll<InsightJson>(tenantId, insightsPath(meeting));
    return insights.flatMap((insight) => {
      const start = instant(insight.createdDateTime);
      const end = instant(insight.endDateTime) ?? start;
      return start && end ? [{ id: insight.id, start, end }] : [];
    });
  }

  async actionItems(tenantId: string, meeting: OnlineMeetingRef, recapId: string): Promise<RecapActionItem[]> {
    const insight = await this.graph.get<{ actionItems?: ActionItemJson[] | null }>(tenantId, `${insightsPath(meeting)}/${encodeURIComponent(recapId)}`);
    return (insight.actionItems ?? []).flatMap((item) => {
      // The text is the item in full ("Derek will circulate the audit report"); the title is a heading for it.
      const text = item.text?.trim() || item.title?.trim() || '';
      const ownerName = item.ownerDisplayName?.trim();
      return text ? [{ text, ...(ownerName ? { ownerName } : {}) }] : [];
    });
  }
}

function insightsPath(meeting: OnlineMeetingRef): string {
  return `/copilot/users/${encodeURIComponent(meeting.organizerId)}/onlineMeetings/${encodeURIComponent(meeting.id)}/aiInsights`;
}

function instant(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
