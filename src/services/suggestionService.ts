import type { ActionDraft } from '../domain/actionCommand';
import { formatActionRef } from '../domain/actionRef';
import type { Meeting } from '../domain/meetings/meetingTypes';
import { sessionsOfMeeting } from '../domain/meetings/teamsAttendance';
import { insightsJobId } from '../domain/scheduling/jobIds';
import { acceptanceSourceId, findSuggestion, SUGGESTION_ORIGIN, suggestionsFromRecap, withSuggestionState } from '../domain/suggestions/suggestions';
import type { MeetingSuggestions, RecapActionItem } from '../domain/suggestions/suggestionTypes';
import type { Action, CardCopy, Person, Series, SeriesKey, Versioned } from '../domain/types';
import type { Logger } from '../observability/logger';
import type { ChatRecords } from '../store/chatRecords';
import type { ScheduledJobs } from '../store/scheduledJobs';
import { AfterMeetingLook } from './afterMeetingLook';
import type { MeetingWatcher } from './attendanceService';
import type { CaptureService, Publish } from './captureService';
import { GraphRefused } from './graphFailures';
import type { MeetingInsights } from './meetingInsights';
import { retryOnConflict } from './retryOnConflict';
import { changeSeries } from './seriesService';

/** What one look at a meeting's recap came to. */
export type RecapOutcome =
  /** Suggestions to offer: post their card (none posted yet). */
  | { kind: 'offer'; series: Series; meeting: Meeting; suggestions: MeetingSuggestions }
  /** Nothing (more) to post: offered already, or the recap had nothing that is not captured. */
  | { kind: 'done'; listed: number }
  /** Teams has no recap of the meeting yet. */
  | { kind: 'notReady' }
  /** Graph refused the insights (no Copilot, permission or policy): off for this chat for a while. */
  | { kind: 'refused'; status: number; firstTime: boolean }
  /** Nothing to read: the meeting or chat is gone, or Teams never said which online meeting the chat is. */
  | { kind: 'nothing' };

/** What accepting a suggestion came to. */
export type AcceptOutcome =
  | { kind: 'accepted'; action: Action; created: boolean; meeting: Meeting }
  | { kind: 'refused'; reason: string; meeting: Meeting }
  | { kind: 'gone' };

/** What dismissing one came to. */
export type DismissOutcome = { kind: 'dismissed' | 'unchanged'; reason?: string; meeting: Meeting } | { kind: 'gone' };

/** Whether suggested actions work in a chat, for `/help`. */
export type SuggestionsAvailability = { kind: 'on' } | { kind: 'refused'; at: string; status: number };

/** How long after the meeting's end the bot keeps looking for Copilot's recap (it takes a while to make). */
const LOOK_FOR_MS = 4 * 60 * 60 * 1000;
/** After Graph refused a chat's insights, how long before the bot asks again (a licence or policy may have come since). */
const ASK_AGAIN_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Suggested actions from Copilot's meeting recap (`COPILOT_INSIGHTS=on`). Each meeting of a Teams
 * meeting chat gets a scheduled look at its recap (Microsoft Graph's meeting AI insights), due
 * when it should have ended and moved to its real end, tried again until the recap exists (about
 * four hours). Its action items are kept on the meeting as suggestions, the owner's name matched
 * to the chat's members and items already captured marked so, and offered on one card. Nothing is
 * recorded until a person accepts one: it is then captured as any action is (numbered, in the
 * minutes, reminded), keyed by the suggestion so that accepting twice, or two people at once, makes
 * one action. A chat whose insights Graph refuses has the feature off for a week, and `/help` says why.
 */
export class SuggestionService implements MeetingWatcher {
  constructor(
    private readonly chats: ChatRecords,
    private readonly jobs: ScheduledJobs,
    private readonly insights: MeetingInsights,
    private readonly capture: CaptureService,
    private readonly logger: Logger,
  ) {
    this.look = new AfterMeetingLook(chats, jobs, logger, {
      kind: 'meetingInsights',
      idOf: insightsJobId,
      lookForMs: LOOK_FOR_MS,
      done: (meeting) => meeting.suggestions !== undefined,
      what: "reading Copilot's recap",
    });
  }

  private readonly look: AfterMeetingLook;

  /** Books the look at a new meeting for when it should have ended. */
  meetingOpened(series: Series, meeting: Meeting): Promise<void> {
    return this.look.meetingOpened(series, meeting);
  }

  /** The meeting closed: look from now (booking the look if opening did not). */
  meetingEnded(key: SeriesKey, meeting: Meeting): Promise<void> {
    return this.look.meetingEnded(key, meeting);
  }

  /**
   * Reads the meeting's recap, once, into suggestions kept on the meeting, and says whether there
   * is a card to post. Throws `GraphUnavailable` (try again later); a refusal is recorded on the series.
   */
  async readRecap(key: SeriesKey, meetingId: string, now: string): Promise<RecapOutcome> {
    const [chat, stored] = await Promise.all([this.chats.getSeries(key), this.chats.getMeeting(key, meetingId)]);
    const series = chat?.value;
    const online = series?.onlineMeeting;
    if (!series || !stored || !online) return { kind: 'nothing' };
    if (stored.value.suggestions) return this.offerIfUnposted(series, stored.value, stored.value.suggestions);
    const refused = series.copilotRefused;
    if (refused && Date.parse(now) - Date.parse(refused.at) < ASK_AGAIN_AFTER_MS) return { kind: 'refused', status: refused.status, firstTime: false };
    let items: RecapActionItem[];
    try {
      const recaps = sessionsOfMeeting(await this.insights.recaps(key.tenantId, online), stored.value, series.timeZone, now);
      if (recaps.length === 0) return { kind: 'notReady' };
      items = [];
      for (const recap of recaps) items.push(...(await this.insights.actionItems(key.tenantId, online, recap.id)));
    } catch (error) {
      if (!(error instanceof GraphRefused) || (error.status !== 403 && error.status !== 404)) throw error;
      await changeSeries(this.chats, key, { timeZone: series.timeZone, now }, (current) => ({ ...current, copilotRefused: { at: now, status: error.status } }));
      return { kind: 'refused', status: error.status, firstTime: !refused };
    }
    if (refused) await changeSeries(this.chats, key, { timeZone: series.timeZone, now }, (current) => withoutRefusal(current));
    // Actions of this meeting, and any still open, are what a suggestion could repeat.
    const captured = (await this.chats.listActions(key)).filter((action) => action.meetingId === meetingId || action.status === 'open');
    const read = suggestionsFromRecap(items, series.members, captured, now);
    const meeting = await retryOnConflict(async () => {
      const current = await this.chats.getMeeting(key, meetingId);
      if (!current) return undefined;
      // Another pass read it first (a claim that lapsed): its suggestions, and any answers to them, stand.
      if (current.value.suggestions) return current.value;
      return (await this.chats.putMeeting({ ...current.value, suggestions: read }, current.etag)).value;
    });
    if (!meeting?.suggestions) return { kind: 'nothing' };
    return this.offerIfUnposted(series, meeting, meeting.suggestions);
  }

  /** Remembers where the suggestions' card was posted, so every answer redraws it. */
  async recordCard(key: SeriesKey, meetingId: string, copy: CardCopy): Promise<void> {
    await retryOnConflict(async () => {
      const current = await this.chats.getMeeting(key, meetingId);
      const suggestions = current?.value.suggestions;
      if (!current || !suggestions || suggestions.card) return;
      await this.chats.putMeeting({ ...current.value, suggestions: { ...suggestions, card: copy } }, current.etag);
    });
  }

  /** The meeting a suggestion belongs to, as stored. */
  async meeting(key: SeriesKey, meetingId: string): Promise<Meeting | undefined> {
    return (await this.chats.getMeeting(key, meetingId))?.value;
  }

  /**
   * Accepts a suggestion as an action of its meeting, with the owners and due date chosen on the
   * card; its "created" line says it came from Copilot's recap. `chat` is the series with members
   * fresh enough to have resolved the owners. A suggestion accepted before answers with its action.
   */
  async accept(
    chat: Versioned<Series>,
    request: { key: SeriesKey; meetingId: string; suggestionId: string; by: Person; at: string; owners: Person[]; due?: string },
    publish: Publish<Action>,
  ): Promise<AcceptOutcome> {
    const meeting = (await this.chats.getMeeting(request.key, request.meetingId))?.value;
    const suggestion = findSuggestion(meeting?.suggestions, request.suggestionId);
    if (!meeting || !suggestion) return { kind: 'gone' };
    const state = suggestion.state;
    if (state.kind === 'captured') return { kind: 'refused', reason: `${formatActionRef(state.number)} already says this: nothing was added.`, meeting };
    if (state.kind === 'dismissed') return { kind: 'refused', reason: `${state.by.name} dismissed this suggestion: nothing was added.`, meeting };
    const draft: ActionDraft = { text: suggestion.text, owners: request.owners, ...(request.due ? { due: request.due } : {}) };
    const captured = await this.capture.captureAction(
      chat,
      { key: request.key, sourceId: acceptanceSourceId(meeting.id, suggestion.id), by: request.by, at: request.at, origin: SUGGESTION_ORIGIN, meeting: { id: meeting.id, date: meeting.date } },
      draft,
      publish,
    );
    const action = captured.record;
    const updated = await this.answer(request.key, request.meetingId, request.suggestionId, (current) =>
      current.kind === 'open' ? { kind: 'accepted', actionId: action.id, number: action.number, by: request.by, at: request.at } : current,
    );
    return { kind: 'accepted', action, created: captured.created, meeting: updated ?? meeting };
  }

  /** Dismisses a suggestion that is still open; nothing is recorded as an action. */
  async dismiss(request: { key: SeriesKey; meetingId: string; suggestionId: string; by: Person; at: string }): Promise<DismissOutcome> {
    const meeting = (await this.chats.getMeeting(request.key, request.meetingId))?.value;
    const suggestion = findSuggestion(meeting?.suggestions, request.suggestionId);
    if (!meeting || !suggestion) return { kind: 'gone' };
    if (suggestion.state.kind !== 'open') return { kind: 'unchanged', reason: answeredAlready(suggestion.state), meeting };
    let reason: string | undefined;
    const updated = await this.answer(request.key, request.meetingId, request.suggestionId, (current) => {
      if (current.kind === 'open') return { kind: 'dismissed', by: request.by, at: request.at };
      reason = answeredAlready(current);
      return current;
    });
    return reason ? { kind: 'unchanged', reason, meeting: updated ?? meeting } : { kind: 'dismissed', meeting: updated ?? meeting };
  }

  /** Whether suggested actions work in this chat: on, or refused by Graph (when, and its status). */
  availability(series: Series): SuggestionsAvailability {
    return series.copilotRefused ? { kind: 'refused', at: series.copilotRefused.at, status: series.copilotRefused.status } : { kind: 'on' };
  }

  private offerIfUnposted(series: Series, meeting: Meeting, suggestions: MeetingSuggestions): RecapOutcome {
    const open = suggestions.items.some((item) => item.state.kind === 'open');
    return !suggestions.card && open ? { kind: 'offer', series, meeting, suggestions } : { kind: 'done', listed: suggestions.items.length };
  }

  /** Changes one suggestion's state on the stored meeting (re-read and re-applied on a lost race); the meeting as saved. */
  private async answer(key: SeriesKey, meetingId: string, suggestionId: string, change: (state: MeetingSuggestions['items'][number]['state']) => MeetingSuggestions['items'][number]['state']): Promise<Meeting | undefined> {
    return retryOnConflict(async () => {
      const current = await this.chats.getMeeting(key, meetingId);
      const suggestion = findSuggestion(current?.value.suggestions, suggestionId);
      if (!current?.value.suggestions || !suggestion) return current?.value;
      const state = change(suggestion.state);
      if (state === suggestion.state) return current.value;
      return (await this.chats.putMeeting({ ...current.value, suggestions: withSuggestionState(current.value.suggestions, suggestionId, state) }, current.etag)).value;
    });
  }


}

function answeredAlready(state: MeetingSuggestions['items'][number]['state']): string {
  switch (state.kind) {
    case 'accepted':
      return `${state.by.name} accepted this as ${formatActionRef(state.number)}.`;
    case 'dismissed':
      return `${state.by.name} dismissed this suggestion.`;
    case 'captured':
      return `${formatActionRef(state.number)} already says this.`;
    case 'open':
      return '';
  }
}

function withoutRefusal(series: Series): Series {
  if (!series.copilotRefused) return series;
  const next = { ...series };
  delete next.copilotRefused;
  return next;
}

