import { closeCompletedInPlanner } from '../domain/planner/plannerClose';
import { plannerDueDateTime, plannerTaskTitle, teamsLinkTo } from '../domain/planner/plannerTask';
import { plannerWatchJobId } from '../domain/scheduling/jobIds';
import { isChair } from '../domain/series';
import type { Action, ActionPlannerTask, Person, PlannerLink, Series, SeriesKey, Versioned } from '../domain/types';
import type { Logger } from '../observability/logger';
import type { Storage } from '../store/storage';
import type { ActionService } from './actionChangeService';
import type { ChatTurn } from './chatService';
import { GraphRefused, GraphUnavailable } from './graphFailures';
import type { PlannerBoard, PlannerPlan } from './plannerBoard';
import { plannerWatchJob } from './plannerBooking';
import { retryOnConflict } from './retryOnConflict';
import { changeSeries } from './seriesService';

/** What `/planner <plan>` came to. */
export type LinkOutcome =
  | { kind: 'linked'; plan: PlannerPlan; replaced?: PlannerLink }
  | { kind: 'notChair'; chair?: Person }
  /** Planner has no such plan, or will not show it to the app (404). */
  | { kind: 'notFound' }
  /** Graph refused (403: `Tasks.ReadWrite.All` not granted). */
  | { kind: 'refused'; status: number }
  /** Graph did not answer: nothing was changed. */
  | { kind: 'unavailable' };

/** What `/planner off` came to. */
export type UnlinkOutcome = { kind: 'unlinked'; link: PlannerLink } | { kind: 'notLinked' } | { kind: 'notChair'; chair?: Person };

/** An action the watch closed because its task was completed in Planner, with its series (to redraw its cards). */
export interface ClosedFromPlanner {
  action: Action;
  series: Series;
}

/** How often a linked plan is looked at for tasks completed in Planner. */
export const WATCH_EVERY_MS = 5 * 60 * 1000;
/** An Entra object id: only those can be assigned a Planner task. */
const ENTRA_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Keeps a series' actions in step with a Planner plan (Microsoft Graph). The chair links the plan;
 * each action captured while it is linked gets a task, made by the scheduler after the reply (a job
 * per action, written with the capture): title, assignees by Entra id, due date, a link back to the
 * card. Closing the action here completes the task (the same job, booked again by the close); a
 * task completed in Planner closes the action here (the plan is polled on the scheduler, see
 * `watch`). Both ways are idempotent: a task's id is kept on its action, a create whose answer was
 * lost is found again by its title before another is made, and a close or completion already made
 * is not made again. Unlinking stops all of it and deletes nothing.
 */
export class PlannerService {
  constructor(
    private readonly storage: Storage,
    private readonly board: PlannerBoard,
    private readonly actions: ActionService,
    private readonly logger: Logger,
  ) {}

  /** Links the turn's series to a plan (the chair only), after checking Planner knows it; the watch is booked. */
  async link(turn: ChatTurn, chat: Versioned<Series>, planId: string, by: Person): Promise<LinkOutcome> {
    if (!isChair(chat.value, by.id)) return { kind: 'notChair', ...(chat.value.chair ? { chair: chat.value.chair } : {}) };
    let plan: PlannerPlan;
    try {
      plan = await this.board.plan(turn.key.tenantId, planId);
    } catch (error) {
      if (error instanceof GraphUnavailable) return { kind: 'unavailable' };
      if (!(error instanceof GraphRefused)) throw error;
      if (error.status === 404 || error.status === 400) return { kind: 'notFound' };
      this.logger.warn({ conversation: turn.key.conversationId, status: error.status }, 'Microsoft Graph refused to read a Planner plan: grant Tasks.ReadWrite.All (docs/DEPLOY.md)');
      return { kind: 'refused', status: error.status };
    }
    const replaced = chat.value.planner;
    const link: PlannerLink = { planId: plan.id, title: plan.title, linkedBy: by, linkedAt: turn.now };
    await changeSeries(this.storage.chats, turn.key, { timeZone: chat.value.timeZone, now: turn.now }, (series) => ({ ...series, planner: link }));
    await retryOnConflict(async () => {
      const existing = await this.storage.jobs.getJob(turn.key.tenantId, plannerWatchJobId(turn.key));
      await this.storage.jobs.putJob(plannerWatchJob(turn.key, turn.key.tenantId, plan.id, later(turn.now)), existing?.etag);
    });
    return { kind: 'linked', plan, ...(replaced && replaced.planId !== plan.id ? { replaced } : {}) };
  }

  /** Stops keeping the series in step with its plan (the chair only). Nothing is deleted, here or in Planner. */
  async unlink(turn: ChatTurn, chat: Versioned<Series>, by: Person): Promise<UnlinkOutcome> {
    const link = chat.value.planner;
    if (!link) return { kind: 'notLinked' };
    if (!isChair(chat.value, by.id)) return { kind: 'notChair', ...(chat.value.chair ? { chair: chat.value.chair } : {}) };
    await changeSeries(this.storage.chats, turn.key, { timeZone: chat.value.timeZone, now: turn.now }, (series) => {
      if (!series.planner) return series;
      const next = { ...series };
      delete next.planner;
      return next;
    });
    await this.storage.jobs.deleteJob(turn.key.tenantId, plannerWatchJobId(turn.key));
    return { kind: 'unlinked', link };
  }

  /**
   * Brings one action's task in step: makes it (unless it was made: its id is kept, and a create
   * whose answer was lost is found by its title), links it back to the card, and completes it once
   * the action is closed. Nothing, once the series was unlinked or linked to another plan. Throws
   * `GraphUnavailable` (try again later) or `GraphRefused`.
   */
  async syncTask(key: SeriesKey, actionId: string, now: string): Promise<void> {
    const found = await this.storage.chats.getSeriesAndAction(key, { id: actionId });
    let action = found.action;
    const series = found.series?.value;
    const planId = action?.value.planner?.planId;
    if (!action || !series || !planId || series.planner?.planId !== planId) return;
    if (!action.value.planner?.taskId) action = await this.makeTask(key, series, action, planId, now);
    const task = action.value.planner;
    if (!task?.taskId) return;
    if (!task.linked) {
      const link = { url: teamsLinkTo(action.value), alias: 'Open in Teams' };
      const description = `${plannerTaskTitle(action.value)}\n\nFrom the meeting chat${series.title ? ` "${series.title}"` : ''}. Completing this task closes the action there, and closing it there completes this task.`;
      await this.board.linkBack(key.tenantId, task.taskId, link, description);
      action = await this.notePlanner(key, actionId, (current) => ({ ...current, linked: true }));
    }
    if (action.value.status === 'closed' && !action.value.planner?.completed) {
      await this.complete(key.tenantId, task.taskId);
      await this.notePlanner(key, actionId, (current) => ({ ...current, completed: true }));
    }
  }

  /**
   * Looks at a linked plan for tasks completed in Planner and closes their actions here. Only the
   * series' open actions that have a task are looked for, so a series with none costs one store
   * query and no Graph request. `stop` when the series is no longer linked to the plan.
   */
  async watch(key: SeriesKey, planId: string, now: string): Promise<{ kind: 'stop' } | { kind: 'watching'; closed: ClosedFromPlanner[]; next: string }> {
    const { series, actions } = await this.storage.chats.getSeriesAndActions(key, { status: 'open' });
    if (!series || series.value.planner?.planId !== planId) return { kind: 'stop' };
    const tracked = actions.filter((action) => action.planner?.planId === planId && action.planner.taskId && !action.planner.completed);
    const closed: ClosedFromPlanner[] = [];
    if (tracked.length > 0) {
      const tasks = new Map((await this.board.tasksOf(key.tenantId, planId)).map((task) => [task.id, task]));
      for (const action of tracked) {
        const task = tasks.get(action.planner?.taskId ?? '');
        if (!task || task.percentComplete < 100) continue;
        const by = completer(series.value, task.completedBy);
        const result = await this.actions.change(key, { id: action.id }, { eventId: `planner:${task.id}:completed`, at: now, person: by }, closeCompletedInPlanner);
        if (result.kind === 'changed') closed.push({ action: result.action, series: result.series });
      }
    }
    return { kind: 'watching', closed, next: later(now) };
  }

  /** Makes the action's task, unless an earlier create whose answer was lost made it; keeps its id on the action. */
  private async makeTask(key: SeriesKey, series: Series, action: Versioned<Action>, planId: string, now: string): Promise<Versioned<Action>> {
    const title = plannerTaskTitle(action.value);
    if (action.value.planner?.createSentAt) {
      const earlier = (await this.board.tasksOf(key.tenantId, planId)).find((task) => task.title === title);
      if (earlier) return this.notePlanner(key, action.value.id, (current) => ({ ...current, taskId: earlier.id }));
    }
    // Written before the create: should its answer be lost, the next try looks for the task first.
    const sending = action.value.planner?.createSentAt ? action : await this.notePlanner(key, action.value.id, (current) => ({ ...current, createSentAt: now }));
    const created = await this.board.createTask(key.tenantId, {
      planId,
      title,
      assigneeIds: sending.value.owners.map((owner) => owner.id).filter((id) => ENTRA_ID.test(id)),
      ...(sending.value.due ? { dueDateTime: plannerDueDateTime(sending.value.due, series.timeZone) } : {}),
    });
    this.logger.info({ actionId: action.value.id, planId, taskId: created.id }, 'Planner task created');
    return this.notePlanner(key, action.value.id, (current) => ({ ...current, taskId: created.id }));
  }

  /** Completes a task unless it is complete (or gone) already; a stale etag is read again. */
  private async complete(tenantId: string, taskId: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const task = await this.board.task(tenantId, taskId);
      if (!task || task.percentComplete >= 100) return;
      try {
        await this.board.completeTask(tenantId, taskId, task.etag);
        return;
      } catch (error) {
        if (!(error instanceof GraphRefused && error.status === 412) || attempt >= 3) throw error;
      }
    }
  }

  /** Changes the action's Planner record (re-read and re-applied on a lost race); the action as saved. */
  private async notePlanner(key: SeriesKey, actionId: string, change: (current: ActionPlannerTask) => ActionPlannerTask): Promise<Versioned<Action>> {
    return retryOnConflict(async () => {
      const current = await this.storage.chats.getAction(key, actionId);
      if (!current?.value.planner) throw new Error(`action ${actionId} has no Planner record to change`);
      return this.storage.chats.replaceAction({ ...current.value, planner: change(current.value.planner) }, current.etag);
    });
  }
}

/** Who completed a task, as the chat knows them; Planner itself when the chat does not. */
function completer(series: Series, userId: string | undefined): Person {
  const member = userId ? series.members.find((candidate) => candidate.id === userId) : undefined;
  if (member) return { id: member.id, name: member.name, ...(member.teamsId ? { teamsId: member.teamsId } : {}) };
  return { id: userId ?? 'planner', name: 'Planner' };
}

function later(now: string): string {
  return new Date(Date.parse(now) + WATCH_EVERY_MS).toISOString();
}
