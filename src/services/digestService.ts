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

  /** The chair's digest of the chat `key` for the meeting at `meetingAt`, with its series; undefined for a chat the bot does not know. */
  async chairDigestOf(key: SeriesKey, meetingAt: string, now: string): Promise<{ series: Series; digest: ChairDigest } | undefined> {
    const series = (await this.chats.getSeries(key))?.value;
    return series && { series, digest: await this.chairDigest(series, meetingAt, now) };
  }

  /** A chat's series (if the chat is known) and its open actions in number order: one query. */
  async openActions(key: SeriesKey): Promise<{ series?: Series; actions: Action[] }> {
    const { series, actions } = await this.chats.getSeriesAndActions(key, { status: 'open' });
    return { ...(series ? { series: series.value } : {}), actions };
  }
}
