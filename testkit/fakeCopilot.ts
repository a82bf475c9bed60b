import type { FakeGraph, GraphAnswer } from './fakeGraph';
import { graphError } from './graphError';

/** One action item of a recap, as Graph's actionItem has it: a title, its text, the owner's display name. */
export interface FakeActionItem {
  title?: string;
  text: string;
  ownerDisplayName?: string;
}

/** One of Copilot's recaps of a meeting's call (a callAiInsight), dated by its transcript. */
export interface FakeRecap {
  id: string;
  start: string;
  end: string;
  actionItems: FakeActionItem[];
}

/**
 * Microsoft Graph's meeting AI insights on the fake Graph: the list
 * (`GET /copilot/users/{organizer}/onlineMeetings/{id}/aiInsights`, metadata only, paged, empty
 * until a recap is set) and one insight (`…/aiInsights/{id}`, with its action items, meeting
 * notes and the viewpoint). Refusing answers as a tenant without Copilot or the permission would.
 */
export class FakeCopilot {
  private readonly recaps = new Map<string, FakeRecap[]>();
  private refusal?: number;

  constructor(private readonly graph: FakeGraph) {
    graph.route('GET', /^\/copilot\/users\/([^/]+)\/onlineMeetings\/([^/]+)\/aiInsights$/, (request) => this.list(request.match, request));
    graph.route('GET', /^\/copilot\/users\/([^/]+)\/onlineMeetings\/([^/]+)\/aiInsights\/([^/]+)$/, (request) => this.one(request.match));
  }

  /** Copilot has recapped the meeting's calls (as the organizer sees them). */
  setRecaps(organizerId: string, onlineMeetingId: string, recaps: FakeRecap[]): void {
    this.recaps.set(`${organizerId}\n${onlineMeetingId}`, recaps);
  }

  /** Every insights request answers `status` (403: no Copilot licence or permission; 404). */
  refuse(status = 403): void {
    this.refusal = status;
  }

  private list([organizerId, meetingId]: string[], request: Parameters<FakeGraph['page']>[1]): GraphAnswer {
    if (this.refusal) return this.refused();
    const values = (this.recaps.get(`${organizerId}\n${meetingId}`) ?? []).map((recap) => ({
      id: recap.id,
      callId: `call-${recap.id}`,
      contentCorrelationId: `correlation-${recap.id}`,
      createdDateTime: recap.start,
      endDateTime: recap.end,
    }));
    return this.graph.page(values, request);
  }

  private one([organizerId, meetingId, insightId]: string[]): GraphAnswer {
    if (this.refusal) return this.refused();
    const recap = this.recaps.get(`${organizerId}\n${meetingId}`)?.find((candidate) => candidate.id === insightId);
    if (!recap) return { status: 404, body: graphError('NotFound', 'AI insight not found') };
    return {
      status: 200,
      body: {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#copilot/users('${organizerId}')/onlineMeetings('${meetingId}')/aiInsights/$entity`,
        id: recap.id,
        callId: `call-${recap.id}`,
        contentCorrelationId: `correlation-${recap.id}`,
        createdDateTime: recap.start,
        endDateTime: recap.end,
        meetingNotes: [{ title: 'Summary', text: 'The board met.', subpoints: [] }],
        actionItems: recap.actionItems.map((item) => ({ title: item.title ?? item.text.split(' ').slice(0, 4).join(' '), text: item.text, ownerDisplayName: item.ownerDisplayName ?? null })),
        viewpoint: { mentionEvents: [] },
      },
    };
  }

  private refused(): GraphAnswer {
    const status = this.refusal ?? 403;
    return { status, body: graphError(status === 403 ? 'Forbidden' : 'NotFound', status === 403 ? 'The user does not have a Microsoft 365 Copilot license.' : 'Online meeting not found.') };
  }
}
