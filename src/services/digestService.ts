import { buildChairDigest, type ChairDigest } from '../domain/scheduling/chairDigest';
import type { Action, Series, SeriesKey } from '../domain/types';
import type { ChatRecords } from '../store/chatRecords';

/** The chair's pre-meeting digest and the chat's open actions: what `/digest`, `/actions` and the scheduler show. */
export class DigestService {
  constructor(private readonly chats: ChatRecords) {}

  /** The chair's digest for the meeting at `meetingAt`: the action log and the last meeting's decisions. */
  async chairDigest(series: Series, meetingAt: string, now: string): Promise<ChairDigest> {
    const [actions, decisions, meetings] = await Promise.all([this.chats.listActions(series), this.chats.listDecisions(series), this.chats.listMeetings(series)]);
    return buildChairDigest({ series, actions, decisions, meetings, meetingAt, now });
  }

  /** A chat's series (if the chat is known) and its open actions in number order: one query. */
  async openActions(key: SeriesKey): Promise<{ series?: Series; actions: Action[] }> {
    const { series, actions } = await this.chats.getSeriesAndActions(key, { status: 'open' });
    return { ...(series ? { series: series.value } : {}), actions };
  }
}
