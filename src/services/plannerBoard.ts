/** A Planner plan, as far as linking one needs. */
export interface PlannerPlan {
  id: string;
  title: string;
}

/** A task as the sync reads it. */
export interface PlannerTaskState {
  id: string;
  planId: string;
  title: string;
  /** Planner's version of the task: a change must quote it. */
  etag: string;
  /** 100 is complete. */
  percentComplete: number;
  /** Who completed it (an Entra object id), when Planner says. */
  completedBy?: string;
  /** When it was created (ISO instant). */
  createdAt?: string;
}

/** A task to create. */
export interface NewPlannerTask {
  planId: string;
  title: string;
  /** Entra object ids of the assignees. */
  assigneeIds: string[];
  /** ISO instant. */
  dueDateTime?: string;
}

/**
 * Planner plans and tasks (Microsoft Graph, application permission `Tasks.ReadWrite.All`),
 * implemented in src/graph/. Every method throws `GraphRefused` (403: the permission is not
 * granted; 404: no such plan or task; 412: the etag quoted is stale) or `GraphUnavailable`.
 */
export interface PlannerBoard {
  /** A plan by id. */
  plan(tenantId: string, planId: string): Promise<PlannerPlan>;
  /**
   * Creates a task. A create is not repeated once it may have reached Planner (a timeout, a 504):
   * it fails with `GraphUnavailable` instead, and the caller looks for the task before trying again.
   */
  createTask(tenantId: string, task: NewPlannerTask): Promise<PlannerTaskState>;
  /** A task by id; undefined when Planner has none (deleted there). */
  task(tenantId: string, taskId: string): Promise<PlannerTaskState | undefined>;
  /** Every task of a plan, all pages. */
  tasksOf(tenantId: string, planId: string): Promise<PlannerTaskState[]>;
  /** Marks a task complete, if `etag` is still its version. */
  completeTask(tenantId: string, taskId: string, etag: string): Promise<void>;
  /** Puts a link (a reference named `alias`) and a line of description in the task's details. */
  linkBack(tenantId: string, taskId: string, link: { url: string; alias: string }, description: string): Promise<void>;
}
