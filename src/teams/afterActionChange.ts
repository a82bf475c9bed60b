import type { TurnContext } from 'botbuilder';
import type { Action, Series } from '../domain/types';
import { syncActionReminders } from '../scheduler/reminderSync';
import type { BotDeps } from './botDeps';
import { refreshCardCopies } from './cardCopies';
import type { TurnInfo } from './turnInfo';

/**
 * What follows every saved change to an action: every copy of its card is redrawn and its owners'
 * reminders follow the new state. Neither can undo the change, so a failure is logged, not shown.
 */
export async function afterActionChange(context: TurnContext, deps: BotDeps, info: TurnInfo, action: Action, series: Series, previous?: Action): Promise<void> {
  await refreshCardCopies(context, deps, info, action, series);
  await keepRemindersInStep(deps, info, action, series, previous);
}

/** Books, moves or cancels the owners' reminders for a captured or changed action. */
export async function keepRemindersInStep(deps: BotDeps, info: TurnInfo, action: Action, series: Series, previous?: Action): Promise<void> {
  try {
    await syncActionReminders({ users: deps.users, schedule: deps.schedule, defaultLocale: info.locale }, action, series, info.now, previous?.owners ?? []);
  } catch (error) {
    deps.logger.error({ err: error, activityId: info.activityId, actionId: action.id }, 'could not update the reminders of an action');
  }
}
