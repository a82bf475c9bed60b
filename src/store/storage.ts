import type { ScheduledJob } from '../domain/scheduling/schedulingTypes';
import type { SeriesKey } from '../domain/types';
import type { ChatRecords, ChatWrite } from './chatRecords';
import type { ConnectionPolicy } from '@azure/cosmos';
import type { ScheduledJobs } from './scheduledJobs';
import type { UserProfiles } from './userProfiles';

/** Where the Cosmos account is and what the bot may do to it at start-up. */
export interface CosmosConnection {
  endpoint: string;
  /** Account key (local development); without one the bot signs in with Entra ID. */
  key?: string;
  database: string;
  /** Create the database and containers if absent; needs key auth or a control-plane role. */
  createIfMissing: boolean;
  /** Client id of a user-assigned managed identity (App Service sets `AZURE_CLIENT_ID`). */
  managedIdentityClientId?: string;
  /** The SDK's connection settings (e.g. endpoint discovery off for the emulator or a local protocol server). */
  connectionPolicy?: ConnectionPolicy;
}

/** Which database to open and how: the embedded SQLite file, or Azure Cosmos DB. */
export type StorageConfig = { kind: 'sqlite'; dataDir: string } | ({ kind: 'cosmos' } & CosmosConnection);

/** Everything the bot keeps, opened together on one database (one SQLite connection, one Cosmos client). */
export interface Storage {
  /** Series, actions, decisions, meetings and notes of each chat. */
  chats: ChatRecords;
  /** People's profiles and 1:1 chats. */
  users: UserProfiles;
  /** The scheduler's future work. */
  jobs: ScheduledJobs;
  /**
   * Writes a chat's records together (as `chats.writeTogether`, refused the same way) with the jobs
   * they bring, each created unless one with its id exists (as `jobs.insertJob`): a new action's
   * reminders. On SQLite it is one transaction, so one commit and one wait for the disk (a sync of
   * the log shared with other writes, see `DiskSync`), and the jobs exist exactly when the records
   * do; a refused batch writes no job. On Cosmos a transaction cannot span two containers: it is
   * the batch (one round trip), then the jobs (one batch of their own: a tenant's jobs share a
   * partition), and a job write that fails after the batch does not undo it but comes back as
   * `jobError`.
   */
  writeChatAndJobs(key: SeriesKey, writes: readonly ChatWrite[], newJobs: readonly ScheduledJob[]): Promise<ChatAndJobsWritten>;
  /** Resolves if the database answers (one cheap round trip); for `/healthz`. */
  ping(): Promise<void>;
  /** Releases the connection (SQLite) or client (Cosmos). */
  close(): Promise<void>;
}

/** What `writeChatAndJobs` did. */
export interface ChatAndJobsWritten {
  /** The records' new etags, in the order written. */
  etags: string[];
  /** Where jobs are written after the records (Cosmos): the first job write that failed; the records are saved. */
  jobError?: unknown;
}
