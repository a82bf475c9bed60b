import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ScheduledJob } from '../../domain/scheduling/schedulingTypes';
import type { Versioned } from '../../domain/types';
import type { ScheduleStore } from '../scheduleStore';
import { ConcurrencyError } from '../store';
import { guardSqlite } from './unavailable';

interface Row {
  etag: string;
  body: string;
}

/** Scheduled work in the embedded database; `listDueJobs` is an index range scan on `due_at`. */
export class SqliteScheduleStore implements ScheduleStore {
  constructor(private readonly db: Database.Database) {}

  async getJob(_tenantId: string, id: string): Promise<Versioned<ScheduledJob> | undefined> {
    const row = guardSqlite('read a job', () => this.db.prepare<[string], Row>('SELECT etag, body FROM jobs WHERE id = ?').get(id));
    return row && versioned(row);
  }

  async putJob(job: ScheduledJob, etag?: string): Promise<Versioned<ScheduledJob>> {
    const next = randomUUID();
    const columns = [job.tenantId, job.kind, job.dueAt ?? null, job.leaseUntil ?? null, job.kind === 'actionReminder' ? job.ownerId : null, next, JSON.stringify(job)];
    const changes = guardSqlite('write a job', () =>
      etag === undefined
        ? this.db
            .prepare(
              `INSERT INTO jobs (tenant_id, kind, due_at, lease_until, owner_id, etag, body, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (id) DO NOTHING`,
            )
            .run(...columns, job.id).changes
        : this.db
            .prepare('UPDATE jobs SET tenant_id = ?, kind = ?, due_at = ?, lease_until = ?, owner_id = ?, etag = ?, body = ? WHERE id = ? AND etag = ?')
            .run(...columns, job.id, etag).changes,
    );
    if (changes === 0) throw new ConcurrencyError(`job ${job.id}`);
    return { value: job, etag: next };
  }

  async deleteJob(_tenantId: string, id: string, etag: string): Promise<void> {
    const changes = guardSqlite('delete a job', () => this.db.prepare('DELETE FROM jobs WHERE id = ? AND etag = ?').run(id, etag).changes);
    if (changes === 0 && (await this.getJob(_tenantId, id))) throw new ConcurrencyError(`job ${id}`);
  }

  async listDueJobs(now: string, limit: number): Promise<Array<Versioned<ScheduledJob>>> {
    const rows = guardSqlite('list due jobs', () =>
      this.db
        .prepare<[string, string, number], Row>(
          `SELECT etag, body FROM jobs WHERE due_at IS NOT NULL AND due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
           ORDER BY due_at LIMIT ?`,
        )
        .all(now, now, limit),
    );
    return rows.map(versioned);
  }

  async listReminderJobsOfOwner(tenantId: string, ownerId: string): Promise<ScheduledJob[]> {
    const rows = guardSqlite('list an owner\'s jobs', () =>
      this.db.prepare<[string, string], Row>('SELECT etag, body FROM jobs WHERE tenant_id = ? AND owner_id = ?').all(tenantId, ownerId),
    );
    return rows.map((row) => versioned(row).value);
  }
}

function versioned(row: Row): Versioned<ScheduledJob> {
  return { value: JSON.parse(row.body) as ScheduledJob, etag: row.etag };
}
