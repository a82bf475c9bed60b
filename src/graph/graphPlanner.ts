import type { NewPlannerTask, PlannerBoard, PlannerPlan, PlannerTaskState } from '../services/plannerBoard';
import { GraphRefused } from '../services/graphFailures';
import type { GraphClient } from './graphClient';

/** A plannerTask as Graph gives it. */
interface TaskJson {
  id: string;
  planId: string;
  title?: string | null;
  '@odata.etag'?: string;
  percentComplete?: number | null;
  createdDateTime?: string | null;
  completedBy?: { user?: { id?: string | null } | null } | null;
}

/**
 * Planner through Graph (v1.0): plans, tasks and task details, with the application permission
 * `Tasks.ReadWrite.All`. Planner wants every change to quote the etag it read (`If-Match`) and
 * answers 412 when it is stale.
 */
export class GraphPlanner implements PlannerBoard {
  constructor(private readonly graph: GraphClient) {}

  async plan(tenantId: string, planId: string): Promise<PlannerPlan> {
    const plan = await this.graph.get<{ id: string; title?: string | null }>(tenantId, `/planner/plans/${encodeURIComponent(planId)}`);
    return { id: plan.id, title: plan.title?.trim() || 'Untitled plan' };
  }

  async createTask(tenantId: string, task: NewPlannerTask): Promise<PlannerTaskState> {
    const assignments = Object.fromEntries(task.assigneeIds.map((id) => [id, { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' }]));
    const body = { planId: task.planId, title: task.title, assignments, ...(task.dueDateTime ? { dueDateTime: task.dueDateTime } : {}) };
    const created = await this.graph.post<TaskJson>(tenantId, '/planner/tasks', body, { once: true });
    if (!created?.id) throw new Error('Planner answered a task create without the task');
    return stateOf(created);
  }

  async task(tenantId: string, taskId: string): Promise<PlannerTaskState | undefined> {
    try {
      return stateOf(await this.graph.get<TaskJson>(tenantId, `/planner/tasks/${encodeURIComponent(taskId)}`));
    } catch (error) {
      if (error instanceof GraphRefused && error.status === 404) return undefined;
      throw error;
    }
  }

  async tasksOf(tenantId: string, planId: string): Promise<PlannerTaskState[]> {
    return (await this.graph.getAll<TaskJson>(tenantId, `/planner/plans/${encodeURIComponent(planId)}/tasks`)).map(stateOf);
  }

  async completeTask(tenantId: string, taskId: string, etag: string): Promise<void> {
    await this.graph.patch(tenantId, `/planner/tasks/${encodeURIComponent(taskId)}`, { percentComplete: 100 }, { ifMatch: etag });
  }

  async linkBack(tenantId: string, taskId: string, link: { url: string; alias: string }, description: string): Promise<void> {
    const path = `/planner/tasks/${encodeURIComponent(taskId)}/details`;
    const reference = { '@odata.type': 'microsoft.graph.plannerExternalReference', alias: link.alias, type: 'Other', previewPriority: ' !' };
    // Read for the etag, then write; someone editing the details in between (412) means read again.
    for (let attempt = 1; ; attempt += 1) {
      const details = await this.graph.get<{ '@odata.etag'?: string; description?: string | null }>(tenantId, path);
      const body = { references: { [referenceKey(link.url)]: reference }, ...(details.description ? {} : { description, previewType: 'reference' }) };
      try {
        await this.graph.patch(tenantId, path, body, { ifMatch: details['@odata.etag'] ?? '*' });
        return;
      } catch (error) {
        if (!(error instanceof GraphRefused && error.status === 412) || attempt >= 3) throw error;
      }
    }
  }
}

/** A reference's key is its URL with the characters Planner reserves percent-encoded (`%` first). */
export function referenceKey(url: string): string {
  return url.replace(/%/gu, '%25').replace(/\./gu, '%2E').replace(/:/gu, '%3A').replace(/@/gu, '%40').replace(/#/gu, '%23');
}

function stateOf(task: TaskJson): PlannerTaskState {
  const completedBy = task.completedBy?.user?.id ?? undefined;
  return {
    id: task.id,
    planId: task.planId,
    title: task.title ?? '',
    etag: task['@odata.etag'] ?? '',
    percentComplete: task.percentComplete ?? 0,
    ...(completedBy ? { completedBy } : {}),
    ...(task.createdDateTime ? { createdAt: new Date(task.createdDateTime).toISOString() } : {}),
  };
}
