import type { ActionDraft } from '../domain/actionCommand';
import { localDate } from '../domain/dateFormat';
import { recordIdFromSource, seriesIdOf } from '../domain/seriesId';
import { takeActionNumber, takeDecisionNumber, withRecentOwners } from '../domain/series';
import type { ScheduledJob } from '../domain/scheduling/schedulingTypes';
import type { Action, CardCopy, Decision, Person, Series, SeriesKey, Versioned } from '../domain/types';
import type { Logger } from '../observability/logger';
import type { ChatRecord } from '../store/chatRecords';
import type { Storage } from '../store/storage';
import { BatchWriteRefused, ConcurrencyError } from '../store/storeErrors';
import { recordCardCopy } from './cardCopies';
import type { MeetingService } from './meetingService';
import { newPlannerJobs } from './plannerBooking';
import { KeyedQueue } from './keyedQueue';
import { newReminders } from './reminderBooking';
import { retryOnConflict } from './retryOnConflict';

/** One capture: where, who, when, and the activity that carried it (its idempotency key). */
export interface CaptureRequest {
  key: SeriesKey;
  /** The Teams activity id (or the form's message id): a redelivery carries the same one. */
  sourceId: string;
  by: Person;
  /** ISO instant of the capture. */
  at: string;
  /** Where the action came from, noted on its "created" line (an accepted suggestion: Copilot's recap). */
  origin?: string;
  /**
   * The meeting to file it under, when that is not the one its day belongs to: a suggestion accepted
   * the day after belongs to the meeting whose recap suggested it. Then no agenda item is assumed.
   */
  meeting?: { id: string; date: string };
}

/** Posts a captured record's card and says where it went (undefined when Teams gave no id). */
export type Publish<T> = (record: T) => Promise<CardCopy | undefined>;

/** What became of a capture. */
export interface Captured<T> {
  record: T;
  /** False when the source had been captured before (a redelivery or double click). */
  created: boolean;
  /** Whether this call posted the record's card (a redelivery whose card is out, or being posted, does not). */
  published: boolean;
  /**
   * Set when the record is saved but posting its card failed: the caller says so, so nobody thinks
   * it was lost and types it again. A later redelivery of the same message posts the card.
   */
  cardFailed?: true;
}

/**
 * How long the delivery that took on posting an action's card has before a redelivery of the same
 * message may post it instead (the first one crashed, or Teams would not take the card). Teams waits
 * 15 s for a bot's answer before it gives a message up and may send it again; a twin delivered at
 * the same moment is well inside that.
 */
export const CARD_CLAIM_MS = 15_000;

/**
 * Capturing actions and decisions. A capture is numbered and saved together with the series'
 * counter in one batch, filed under today's meeting (found through the series' pointer), its card
 * posted and that copy recorded, and an action's reminders booked. Record ids derive from the
 * source activity, so a redelivery finds the first capture instead of making a second.
 */
export class CaptureService {
  private readonly numbering = new KeyedQueue();

  constructor(
    private readonly storage: Storage,
    private readonly meetings: MeetingService,
    private readonly logger: Logger,
  ) {}

  /**
   * Saves a new action with its owners' reminders, posts its card through `publish` and records
   * where that copy went. On Cosmos, four store round trips in a warm chat (the caller's series
   * read, the batch, the jobs it brings in one batch of their own, the card copy); on SQLite two
   * commits: the action with its number and jobs before the card goes out, the card copy after.
   * The jobs are its owners' reminders and, in a series linked to Planner, its task's sync. `chat` is the series as
   * the caller read it; a race for the number re-reads it.
   */
  async captureAction(chat: Versioned<Series>, request: CaptureRequest, draft: ActionDraft, publish: Publish<Action>): Promise<Captured<Action>> {
    const id = recordIdFromSource('action', request.key, request.sourceId);
    const saved = await this.saveNumbered<Action>(chat, request, id, 'action', (series, meetingId) => {
      const { series: numbered, number } = takeActionNumber(series);
      // Written in the same batch as the number: the owner picker offers recent owners first.
      const next = withRecentOwners(numbered, draft.owners);
      const item = request.meeting ? undefined : series.currentItem;
      const action: Action = {
        id,
        seriesId: series.id,
        tenantId: request.key.tenantId,
        conversationId: request.key.conversationId,
        number,
        text: draft.text,
        owners: draft.owners,
        ...(draft.due ? { due: draft.due } : {}),
        ...(item ? { item } : {}),
        meetingDate: request.meeting?.date ?? localDate(request.at, series.timeZone),
        meetingId,
        status: 'open',
        createdBy: request.by,
        createdAt: request.at,
        history: [{ id: request.sourceId, kind: 'created', by: request.by, at: request.at, ...(request.origin ? { note: request.origin } : {}) }],
        cards: [],
        // Born claimed by this delivery: a twin delivered at the same moment leaves the card to it.
        cardClaimedAt: request.at,
        // Captured while the series is linked to a plan: its task is made by the scheduler, after the reply.
        ...(series.planner ? { planner: { planId: series.planner.planId } } : {}),
      };
      return { series: next, record: { kind: 'action', value: action }, jobs: newJobsOf(action, request.at) };
    });
    // Booking only creates missing jobs, so a redelivery of a capture whose reminders were not
    // booked (on Cosmos they are written after the action) books them now; one that was, changes nothing.
    if (!saved.created) await this.bookJobs(saved.stored.value, request.at);
    const mine = saved.created ? saved.stored : await this.claimCard(request, saved.stored);
    if (!mine) return { record: saved.stored.value, created: false, published: false };
    return this.publishAction(mine, saved.created, publish);
  }

  /**
   * Saves a decision, numbered within its meeting and agenda item (two round trips in a warm chat:
   * the caller's series read and the batch). A redelivery finds the first and does not publish again.
   */
  async recordDecision(chat: Versioned<Series>, request: CaptureRequest, text: string, publish: Publish<Decision>): Promise<Captured<Decision>> {
    const id = recordIdFromSource('decision', request.key, request.sourceId);
    const saved = await this.saveNumbered<Decision>(chat, request, id, 'decision', (series, meetingId) => {
      const { series: next, number } = takeDecisionNumber(series, meetingId, series.currentItem);
      const decision: Decision = {
        id,
        seriesId: series.id,
        tenantId: request.key.tenantId,
        conversationId: request.key.conversationId,
        number,
        text,
        ...(series.currentItem ? { item: series.currentItem } : {}),
        meetingDate: localDate(request.at, series.timeZone),
        meetingId,
        recordedBy: request.by,
        recordedAt: request.at,
      };
      return { series: next, record: { kind: 'decision', value: decision } };
    });
    // The decision's card is its only copy and nothing refers back to it: a redelivery posts nothing.
    if (!saved.created) return { record: saved.stored.value, created: false, published: false };
    try {
      await publish(saved.stored.value);
    } catch (error) {
      this.logger.warn({ err: error, decisionId: id }, 'decision saved, but its card could not be posted');
      return { record: saved.stored.value, created: true, published: false, cardFailed: true };
    }
    return { record: saved.stored.value, created: true, published: true };
  }

  /**
   * Posts a saved action's card and records where it went. Teams refusing the card leaves the
   * action saved and says so (`cardFailed`); failing to record the copy leaves a card that later
   * changes cannot redraw, which is logged: the capture itself is done.
   */
  private async publishAction(action: Versioned<Action>, created: boolean, publish: Publish<Action>): Promise<Captured<Action>> {
    let copy: CardCopy | undefined;
    try {
      copy = await publish(action.value);
    } catch (error) {
      this.logger.warn({ err: error, actionId: action.value.id }, 'action saved, but its card could not be posted');
      return { record: action.value, created, published: false, cardFailed: true };
    }
    if (!copy) return { record: action.value, created, published: true };
    try {
      return { record: await recordCardCopy(this.storage.chats, action, copy), created, published: true };
    } catch (error) {
      this.logger.error({ err: error, actionId: action.value.id }, 'action card posted, but where it went could not be recorded');
      return { record: action.value, created, published: true };
    }
  }

  /**
   * A redelivered capture posts the card only if it is still owed and nobody is posting it: no copy
   * is recorded, and the delivery that took it on did so over `CARD_CLAIM_MS` ago. Taking it on is
   * a compare-and-swap on the action, so of several redeliveries (on several instances) one wins.
   */
  private async claimCard(request: CaptureRequest, stored: Versioned<Action>): Promise<Versioned<Action> | undefined> {
    let known: Versioned<Action> | undefined = stored;
    return retryOnConflict(async () => {
      // The first try uses the action as the capture found it; a retry after losing the race reads it again.
      const current = known ?? (await this.storage.chats.getAction(request.key, stored.value.id));
      known = undefined;
      if (!current || !cardOwed(current.value, request.at)) return undefined;
      return this.storage.chats.replaceAction({ ...current.value, cardClaimedAt: request.at }, current.etag);
    });
  }

  /**
   * Writes the series with its advanced counter and the new record in one batch, with the jobs the
   * record brings (an action's reminders; one commit on SQLite). The series goes first: if its etag
   * is stale nothing follows (re-read and renumber); if the record exists, the source was captured
   * before and the stored record is returned.
   */
  private saveNumbered<T extends Action | Decision>(
    chat: Versioned<Series>,
    request: CaptureRequest,
    id: string,
    kind: 'action' | 'decision',
    build: NumberedBuild,
  ): Promise<{ created: boolean; stored: Versioned<T> }> {
    // One capture of a chat at a time in this process: captures racing for one chat's counter would
    // all but one lose each round, and a store that waits for the disk between commit and answer
    // makes rounds long enough for a burst in one chat to run out of attempts. Instances still race,
    // and settle it by the series' etag.
    return this.numbering.run(seriesIdOf(request.key), () => this.saveNumberedNow<T>(chat, request, id, kind, build));
  }

  private async saveNumberedNow<T extends Action | Decision>(
    chat: Versioned<Series>,
    request: CaptureRequest,
    id: string,
    kind: 'action' | 'decision',
    build: NumberedBuild,
  ): Promise<{ created: boolean; stored: Versioned<T> }> {
    let current = chat;
    for (let attempt = 1; ; attempt += 1) {
      const filed = request.meeting ? { series: current, meetingId: request.meeting.id } : await this.meetings.forCapture(current, request.at);
      const { series, record, jobs = [] } = build(filed.series.value, filed.meetingId);
      try {
        const writes = [{ record: { kind: 'series', value: series }, etag: filed.series.etag }, { record }] as const;
        const written = await this.storage.writeChatAndJobs(request.key, writes, jobs);
        // The record is saved; a redelivery or the next change books its jobs again.
        if (written.jobError) this.logger.error({ err: written.jobError, actionId: id }, 'could not book the reminders of an action');
        return { created: true, stored: { value: record.value as T, etag: written.etags[1] ?? '' } };
      } catch (error) {
        if (error instanceof BatchWriteRefused && error.index === 1 && error.reason === 'exists') {
          const existing = kind === 'action' ? await this.storage.chats.getAction(request.key, id) : await this.storage.chats.getDecision(request.key, id);
          if (existing) return { created: false, stored: existing as Versioned<T> };
        }
        if (!(error instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw error;
        current = (await this.storage.chats.getSeries(request.key)) ?? current;
      }
    }
  }

  private async bookJobs(action: Action, now: string): Promise<void> {
    try {
      for (const job of newJobsOf(action, now)) await this.storage.jobs.insertJob(job);
    } catch (error) {
      // The action is saved and its card is owed to the chat; a redelivery or the next change books them again.
      this.logger.error({ err: error, actionId: action.id }, 'could not book the reminders of an action');
    }
  }
}

/** Whether a delivery at `at` should post the action's card: none is recorded and nobody took it on within `CARD_CLAIM_MS`. */
function cardOwed(action: Action, at: string): boolean {
  if (action.cards.length > 0) return false;
  return !action.cardClaimedAt || Date.parse(at) - Date.parse(action.cardClaimedAt) >= CARD_CLAIM_MS;
}

/** What a new action brings for the scheduler: its owners' reminders and, in a series linked to Planner, its task's sync. */
function newJobsOf(action: Action, now: string): ScheduledJob[] {
  return [...newReminders(action, now), ...newPlannerJobs(action, now)];
}

/** Builds a capture from the series as read and the meeting it is filed under: the series with its advanced counter, the record, and the jobs it brings. */
type NumberedBuild = (series: Series, meetingId: string) => { series: Series; record: ChatRecord; jobs?: ScheduledJob[] };

/** Races for a series' counter lost in a row before giving up (each loss means another capture won). */
const MAX_ATTEMPTS = 8;
