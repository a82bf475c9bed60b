import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ScheduledJob } from '../../domain/scheduling/schedulingTypes';
import type { Versioned } from '../../domain/types';
import type { ScheduleStore } from '../scheduleStore';
import { ConcurrencyError } from '../storeErrors';
import { guardSqlite } from './unavailable';

interface Row {
  etag: string;
  body: string;
}

type JobColumns = [string, string, string | null, string | null, string | null, string, string];

/** Every statement the store runs, prepared once per connection. */
interface Statements {
  getJob: Database.Statement<[string], Row>;
  insertJob: Database.Statement<[...JobColumns, string]>;
  updateJob: Database.Statement<[...JobColumns, string, string]>;
  deleteJob: Database.Statement<[string, string]>;
  listDueJobs: Database.Statement<[string, string, number], Row>;
  listOwnerJobs: Database.Statement<[string, string], Row>;
}

/** Scheduled work in the embedded database; `listDueJobs` is an index range scan on `due_at`. */
export class SqliteScheduleStore implements ScheduleStore {
  // Preparing parses and plans the SQL; once per store instead of on every call (a tick makes several per job).
  private readonly statements: Statements;

  constructor(db: Database.Database) {
    this.statements = {
      getJob: db.prepare<[string], Row>('SELECT etag, body FROM jobs WHERE id = ?'),
      insertJob: db.prepare(
        `INSERT INTO jobs (tenant_id, kind, due_at, lease_until, owner_id, etag, body, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING`,
      ),
      updateJob: db.prepare('UPDATE jobs SET tenant_id = ?, kind = ?, due_at = ?, lease_until = ?, owner_id = ?, etag = ?, body = ? WHERE id = ? AND etag = ?'),
      deleteJob: db.prepare('DELETE FROM jobs WHERE id = ? AND etag = ?'),
      listDueJobs: db.prepare<[string, string, number], Row>(
        `SELECT etag, body FROM jobs WHERE due_at IS NOT NULL AND due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
         ORDER BY due_at LIMIT ?`,
      ),
      listOwnerJobs: db.prepare<[string, string], Row>('SELECT etag, body FROM jobs WHERE tenant_id = ? AND owner_id = ?'),
    };
  }

  async getJob(_tenantId: string, id: string): Promise<Versioned<ScheduledJob> | undefined> {
    const row = guardSqlite('read a job', () => this.statements.getJob.get(id));
    return row && versioned(row);
  }

  async putJob(job: ScheduledJob, etag?: string): Promise<Versioned<ScheduledJob>> {
    const next = randomUUID();
    const columns: JobColumns = [job.tenantId, job.kind, job.dueAt ?? null, job.leaseUntil ?? null, job.kind === 'actionReminder' ? job.ownerId : null, next, JSON.stringify(job)];
    const changes = guardSqlite('write a job', () =>
      etag === undefined ? this.statements.insertJob.run(...columns, job.id).changes : this.statements.updateJob.run(...columns, job.id, etag).changes,
    );
    if (changes === 0) throw new ConcurrencyError(`job ${job.id}`);
    return { value: job, etag: next };
  }

  async deleteJob(_tenantId: string, id: string, etag: string): Promise<void> {
    const changes = guardSqlite('delete a job', () => this.statements.deleteJob.run(id, etag).changes);
    if (changes === 0 && (await this.getJob(_tenantId, id))) throw new ConcurrencyError(`job ${id}`);
  }

  async listDueJobs(now: string, limit: number): Promise<Array<Versioned<ScheduledJob>>> {
    const rows = guardSqlite('list due jobs', () => this.statements.listDueJobs.all(now, now, limit));
    return rows.map(versioned);
  }

  async listReminderJobsOfOwner(tenantId: string, ownerId: string): Promise<ScheduledJob[]> {
    const rows = guardSqlite('list an owner\'s jobs', () => this.statements.listOwnerJobs.all(tenantId, ownerId));
    return rows.map((row) => versioned(row).value);
  }
}

function versioned(row: Row): Versioned<ScheduledJob> {
  return { value: JSON.parse(row.body) as ScheduledJob, etag: row.etag };
}
