import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { userProfileId } from '../../domain/scheduling/jobIds';
import type { UserProfile } from '../../domain/scheduling/schedulingTypes';
import type { Versioned } from '../../domain/types';
import { ConcurrencyError } from '../storeErrors';
import type { UserStore } from '../userStore';
import { guardSqlite } from './unavailable';

interface Row {
  etag: string;
  body: string;
}

/** People's profiles in the embedded database. */
export class SqliteUserStore implements UserStore {
  // Prepared once per store: a tick reads a profile for every job, a turn for every speaker.
  private readonly getStatement: Database.Statement<[string], Row>;
  private readonly insertStatement: Database.Statement<[string, string, string, string]>;
  private readonly updateStatement: Database.Statement<[string, string, string, string]>;

  constructor(db: Database.Database) {
    this.getStatement = db.prepare<[string], Row>('SELECT etag, body FROM users WHERE id = ?');
    this.insertStatement = db.prepare('INSERT INTO users (id, tenant_id, etag, body) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING');
    this.updateStatement = db.prepare('UPDATE users SET etag = ?, body = ? WHERE id = ? AND etag = ?');
  }

  async getUser(tenantId: string, userId: string): Promise<Versioned<UserProfile> | undefined> {
    const row = guardSqlite('read a user', () => this.getStatement.get(userProfileId(tenantId, userId)));
    return row && { value: JSON.parse(row.body) as UserProfile, etag: row.etag };
  }

  async putUser(profile: UserProfile, etag?: string): Promise<Versioned<UserProfile>> {
    const next = randomUUID();
    const body = JSON.stringify(profile);
    const changes = guardSqlite('write a user', () =>
      etag === undefined ? this.insertStatement.run(profile.id, profile.tenantId, next, body).changes : this.updateStatement.run(next, body, profile.id, etag).changes,
    );
    if (changes === 0) throw new ConcurrencyError(`user ${profile.id}`);
    return { value: profile, etag: next };
  }
}
