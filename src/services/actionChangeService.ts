import type { Actor, ChangeRequest, TransitionResult } from '../domain/actionTransitions';
import { pageOutHistory } from '../domain/actionHistory';
import { formatActionRef } from '../domain/actionRef';
import { isChair } from '../domain/series';
import type { Action, Person, Series, SeriesKey, Versioned } from '../domain/types';
import type { Logger } from '../observability/logger';
import type { ActionLocator } from '../store/chatRecords';
import type { Storage } from '../store/storage';
import { BatchWriteRefused, ConcurrencyError } from '../store/storeErrors';
import { followInPlanner } from './plannerBooking';
import { moveReminders, snoozeReminder } from './reminderBooking';

/** Who asks for a change, when, and the activity that carried it (so a retry changes nothing more). */
export interface ChangeAsk {
  eventId: string;
  at: string;
  person: Person;
}

/** What a transition did to an action that was found. */
export type AppliedOutcome = { kind: 'changed'; action: Action; previous: Action } | { kind: 'unchanged' | 'refused'; action: Action; reason: string };

/** What became of a change, with the series it happened in: the transition's result, or why it could not be tried. */
export type ChangeResult =
  | ({ kind: 'changed'; action: Action; previous: Action } & { series: Series })
  | ({ kind: 'unchanged' | 'refused'; action: Action; reason: string } & { series: Series })
  | { kind: 'notFound'; reason: string; series?: Series }
  | { kind: 'forbidden'; reason: string; series: Series };

/** A domain transition, given the series too (to resolve people against its members). */
export type ActionTransition = (action: Action, change: ChangeRequest, series: Series) => TransitionResult;

/** Says why `person` may not act on this series' actions from where they are, or undefined when they may. */
export type SeriesGuard = (series: Series) => string | undefined;

/** Re-applications after losing a race before giving up. */
const MAX_ATTEMPTS = 8;

/**
 * Changes to actions: close, update, reassign, re-date, snooze. A change reads the series and the
 * action in one round trip, applies the domain transition and saves with the etag it read; when
 * someone else saved first it reads both again and re-applies, so both changes survive. The
 * owners' reminders follow the new state, and so, for an action with a Planner task, does the task
 * (a close books its sync). Redrawing the card copies is the caller's (it renders).
 */
export class ActionService {
  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
  ) {}

  /** The series and one of its actions, in one round trip. */
  find(key: SeriesKey, locator: ActionLocator): Promise<{ series?: Versioned<Series>; action?: Versioned<Action> }> {
    return this.storage.chats.getSeriesAndAction(key, locator);
  }

  /**
   * Applies `transition` for `ask.person`; `guard` may refuse first (a click from a 1:1 chat by
   * someone not in the meeting chat). Three round trips for a close with one owner: the read,
   * the save, the owner's reminder job (and a fourth, the task's sync, for an action in Planner).
   */
  async change(
    key: SeriesKey,
    locator: ActionLocator,
    ask: ChangeAsk,
    transition: ActionTransition,
    guard?: SeriesGuard,
  ): Promise<ChangeResult> {
    for (let attempt = 1; ; attempt += 1) {
      const found = await this.find(key, locator);
      const series = found.series?.value;
      if (!series) return { kind: 'notFound', reason: 'number' in locator ? notFoundReason(locator) : 'That chat has no actions with me any more.' };
      const refusal = guard?.(series);
      if (refusal) return { kind: 'forbidden', reason: refusal, series };
      if (!found.action) return { kind: 'notFound', reason: notFoundReason(locator), series };
      const actor: Actor = { person: ask.person, isChair: isChair(series, ask.person.id) };
      const result = transition(found.action.value, { eventId: ask.eventId, at: ask.at, actor }, series);
      if (result.kind !== 'changed') return { kind: result.kind, action: result.action, reason: result.reason, series };
      try {
        const saved = await this.save(key, result.action, found.action.etag);
        await this.followReminders(saved, found.action.value, ask.at);
        return { kind: 'changed', action: saved, previous: found.action.value, series };
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw error;
        // A little jitter keeps two instances that collided from colliding again in lockstep.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
      }
    }
  }

  /**
   * Saves a changed action with the etag it was read with. A trail grown past its limit moves its
   * oldest events to a page in the same batch (one round trip either way), so no number of updates
   * makes the record too big to change.
   */
  private async save(key: SeriesKey, action: Action, etag: string): Promise<Action> {
    const { action: bounded, page } = pageOutHistory(action);
    if (!page) return (await this.storage.chats.replaceAction(bounded, etag)).value;
    try {
      await this.storage.chats.writeTogether(key, [{ record: { kind: 'history', value: page } }, { record: { kind: 'action', value: bounded }, etag }]);
    } catch (error) {
      // The page exists: an earlier try wrote it and not the action (a store that does not apply
      // batches atomically). It holds the same oldest events, so the action alone is left to write.
      if (!(error instanceof BatchWriteRefused && error.index === 0 && error.reason === 'exists')) throw error;
      await this.storage.chats.replaceAction(bounded, etag);
    }
    return bounded;
  }

  /** Puts off `ownerId`'s next reminder of an action by `days`; false when they have none to put off. */
  snooze(key: SeriesKey, actionId: string, ownerId: string, days: number, now: string): Promise<{ snoozed: boolean; until: string }> {
    const until = new Date(Date.parse(now) + days * 24 * 60 * 60 * 1000).toISOString();
    return snoozeReminder(this.storage.jobs, key.tenantId, actionId, ownerId, until).then((snoozed) => ({ snoozed, until }));
  }

  private async followReminders(action: Action, previous: Action, now: string): Promise<void> {
    try {
      await moveReminders(this.storage.jobs, action, previous, now);
    } catch (error) {
      // The change is saved; the reminder job re-checks the action when it fires, so a stale job only fires early.
      this.logger.error({ err: error, actionId: action.id }, 'could not update the reminders of an action');
    }
    try {
      await followInPlanner(this.storage.jobs, action, previous, now);
    } catch (error) {
      // The close is saved; its task stays open in Planner until the action changes again.
      this.logger.error({ err: error, actionId: action.id }, 'could not book completing the Planner task of an action');
    }
  }
}

function notFoundReason(locator: ActionLocator): string {
  if ('number' in locator) return `There is no action ${formatActionRef(locator.number)} in this chat. Type /actions to see this chat's open actions.`;
  return 'That action is not in this chat, or no longer exists.';
}
