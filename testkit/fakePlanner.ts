import { randomBytes } from 'node:crypto';
import type { FakeGraph, GraphAnswer, RouteRequest } from './fakeGraph';
import { graphError } from './graphError';

/** A plannerTask as the fake keeps it (Graph's shape). */
export interface FakePlannerTask {
  id: string;
  planId: string;
  bucketId: string | null;
  title: string;
  percentComplete: number;
  dueDateTime: string | null;
  createdDateTime: string;
  completedDateTime: string | null;
  completedBy: { user: { id: string } } | null;
  createdBy: { user: null; application: { id: string } };
  assignments: Record<string, { '@odata.type': string; assignedDateTime: string; orderHint: string; assignedBy: { application: { id: string } } }>;
  orderHint: string;
  hasDescription: boolean;
  referenceCount: number;
  /** Its details, with their own etag. */
  details: { description: string; previewType: string; references: Record<string, Record<string, unknown>>; checklist: Record<string, unknown> };
}

/** A Planner id: 28 URL-safe characters, as Planner makes them. */
function plannerId(): string {
  return randomBytes(21).toString('base64url').slice(0, 28);
}

/**
 * Planner on the fake Graph, with Graph's paths, shapes and concurrency: every plan, task and
 * details object has an etag (`@odata.etag`, `W/"…"`), a change must quote it in `If-Match`
 * (412 when stale, 400 without), and `Prefer: return=representation` answers the changed object.
 * Tests complete tasks as a person in Planner would (`completeAsUser`).
 */
export class FakePlanner {
  private readonly plans = new Map<string, { id: string; title: string; owner: string; createdDateTime: string }>();
  private readonly tasks = new Map<string, FakePlannerTask>();
  private readonly etags = new Map<string, number>();
  private refusal?: number;

  constructor(private readonly graph: FakeGraph) {
    graph.route('GET', /^\/planner\/plans\/([^/]+)$/, ({ match }) => this.guard(() => this.getPlan(match[0] ?? '')));
    graph.route('GET', /^\/planner\/plans\/([^/]+)\/tasks$/, (request) => this.guard(() => this.listTasks(request)));
    graph.route('POST', /^\/planner\/tasks$/, ({ body }) => this.guard(() => this.createTask(body)));
    graph.route('GET', /^\/planner\/tasks\/([^/]+)$/, ({ match }) => this.guard(() => this.getTask(match[0] ?? '')));
    graph.route('PATCH', /^\/planner\/tasks\/([^/]+)$/, (request) => this.guard(() => this.patchTask(request)));
    graph.route('GET', /^\/planner\/tasks\/([^/]+)\/details$/, ({ match }) => this.guard(() => this.getDetails(match[0] ?? '')));
    graph.route('PATCH', /^\/planner\/tasks\/([^/]+)\/details$/, (request) => this.guard(() => this.patchDetails(request)));
  }

  /** Adds a plan; returns its id. */
  addPlan(title: string, id = plannerId()): string {
    this.plans.set(id, { id, title, owner: 'group-board', createdDateTime: '2019-01-01T00:00:00Z' });
    this.bump(id);
    return id;
  }

  /** Every Planner request answers `status` (403: Tasks.ReadWrite.All not granted). 0 stops refusing. */
  refuse(status = 403): void {
    this.refusal = status || undefined;
  }

  /** A plan's tasks, as Planner holds them. */
  tasksOf(planId: string): FakePlannerTask[] {
    return [...this.tasks.values()].filter((task) => task.planId === planId);
  }

  /** Someone completes a task in Planner (its etag changes, as Planner's would). */
  completeAsUser(taskId: string, userId: string): void {
    const task = this.tasks.get(taskId);
    if (!task) throw new Error(`no task ${taskId}`);
    this.tasks.set(taskId, { ...task, percentComplete: 100, completedDateTime: new Date().toISOString(), completedBy: { user: { id: userId } } });
    this.bump(taskId);
  }

  /** Someone edits a task in Planner (so an etag the bot holds goes stale). */
  touch(taskId: string): void {
    this.bump(taskId);
  }

  private guard(answer: () => GraphAnswer): GraphAnswer {
    if (this.refusal) return { status: this.refusal, body: graphError('Forbidden', 'You do not have the required permissions to access this item.') };
    return answer();
  }

  private getPlan(planId: string): GraphAnswer {
    const plan = this.plans.get(planId);
    if (!plan) return notFound('plan');
    return { status: 200, body: { '@odata.etag': this.etagOf(planId), ...plan, createdBy: { user: { id: 'someone' } } } };
  }

  private listTasks(request: RouteRequest): GraphAnswer {
    const planId = request.match[0] ?? '';
    if (!this.plans.has(planId)) return notFound('plan');
    return this.graph.page(this.tasksOf(planId).map((task) => this.taskJson(task)), request);
  }

  private createTask(body: unknown): GraphAnswer {
    const input = (body ?? {}) as { planId?: string; title?: string; assignments?: Record<string, unknown>; dueDateTime?: string; bucketId?: string };
    if (!input.planId || !this.plans.has(input.planId)) return { status: 400, body: graphError('BadRequest', 'The plan id is missing or not a plan.') };
    if (!input.title || input.title.length > 255) return { status: 400, body: graphError('BadRequest', 'A title of at most 255 characters is required.') };
    const now = new Date().toISOString();
    const assignments = Object.fromEntries(
      Object.keys(input.assignments ?? {}).map((userId) => [userId, { '@odata.type': '#microsoft.graph.plannerAssignment', assignedDateTime: now, orderHint: '8585!', assignedBy: { application: { id: 'bot' } } }]),
    );
    const task: FakePlannerTask = {
      id: plannerId(),
      planId: input.planId,
      bucketId: input.bucketId ?? null,
      title: input.title,
      percentComplete: 0,
      dueDateTime: input.dueDateTime ? new Date(input.dueDateTime).toISOString() : null,
      createdDateTime: now,
      completedDateTime: null,
      completedBy: null,
      createdBy: { user: null, application: { id: 'bot' } },
      assignments,
      orderHint: '8585!',
      hasDescription: false,
      referenceCount: 0,
      details: { description: '', previewType: 'automatic', references: {}, checklist: {} },
    };
    this.tasks.set(task.id, task);
    this.bump(task.id);
    this.bump(`${task.id}/details`);
    return { status: 201, body: this.taskJson(task) };
  }

  private getTask(taskId: string): GraphAnswer {
    const task = this.tasks.get(taskId);
    return task ? { status: 200, body: this.taskJson(task) } : notFound('task');
  }

  private patchTask(request: RouteRequest): GraphAnswer {
    const taskId = request.match[0] ?? '';
    const task = this.tasks.get(taskId);
    if (!task) return notFound('task');
    const stale = this.checkEtag(request, taskId);
    if (stale) return stale;
    const change = (request.body ?? {}) as { percentComplete?: number; title?: string };
    const next = { ...task, ...(change.title ? { title: change.title } : {}) };
    if (change.percentComplete !== undefined) {
      next.percentComplete = change.percentComplete;
      next.completedDateTime = change.percentComplete === 100 ? new Date().toISOString() : null;
      next.completedBy = change.percentComplete === 100 ? { user: { id: 'app-bot' } } : null;
    }
    this.tasks.set(taskId, next);
    this.bump(taskId);
    return returning(request, this.taskJson(next));
  }

  private getDetails(taskId: string): GraphAnswer {
    const task = this.tasks.get(taskId);
    return task ? { status: 200, body: { '@odata.etag': this.etagOf(`${taskId}/details`), id: taskId, ...task.details } } : notFound('task');
  }

  private patchDetails(request: RouteRequest): GraphAnswer {
    const taskId = request.match[0] ?? '';
    const task = this.tasks.get(taskId);
    if (!task) return notFound('task');
    const stale = this.checkEtag(request, `${taskId}/details`);
    if (stale) return stale;
    const change = (request.body ?? {}) as { description?: string; previewType?: string; references?: Record<string, Record<string, unknown> | null> };
    const references = { ...task.details.references };
    for (const [key, value] of Object.entries(change.references ?? {})) {
      // Planner rejects keys holding characters it reserves unencoded.
      if (/[.:@#]/u.test(key)) return { status: 400, body: graphError('BadRequest', `The reference key ${key} is not encoded.`) };
      if (value === null) delete references[key];
      else references[key] = { ...value, lastModifiedDateTime: new Date().toISOString() };
    }
    const details = { ...task.details, ...(change.description !== undefined ? { description: change.description } : {}), ...(change.previewType ? { previewType: change.previewType } : {}), references };
    this.tasks.set(taskId, { ...task, details, hasDescription: details.description !== '', referenceCount: Object.keys(references).length });
    this.bump(`${taskId}/details`);
    this.bump(taskId);
    return returning(request, { '@odata.etag': this.etagOf(`${taskId}/details`), id: taskId, ...details });
  }

  /** 400 without `If-Match`, 412 when it is not the current etag; undefined when it is. */
  private checkEtag(request: RouteRequest, key: string): GraphAnswer | undefined {
    const ifMatch = request.headers['if-match'];
    if (!ifMatch) return { status: 400, body: graphError('BadRequest', 'The If-Match header is required.') };
    if (ifMatch !== '*' && ifMatch !== this.etagOf(key)) return { status: 412, body: graphError('PreconditionFailed', 'The If-Match header does not match the current version.') };
    return undefined;
  }

  private taskJson(task: FakePlannerTask): Record<string, unknown> {
    const body: Record<string, unknown> = { '@odata.etag': this.etagOf(task.id), ...task };
    // Details are a resource of their own (`/details`), never part of the task.
    delete body['details'];
    return body;
  }

  private bump(key: string): void {
    this.etags.set(key, (this.etags.get(key) ?? 0) + 1);
  }

  private etagOf(key: string): string {
    return `W/"JzEtVGFzayAgQEBAQEBAQEBAQEBAQEBA${this.etags.get(key) ?? 0}Jw=="`;
  }
}

function notFound(what: string): GraphAnswer {
  return { status: 404, body: graphError('NotFound', `The requested ${what} was not found.`) };
}

function returning(request: RouteRequest, body: Record<string, unknown>): GraphAnswer {
  return String(request.headers['prefer'] ?? '').includes('return=representation') ? { status: 200, body } : { status: 204 };
}
