import type { ChatRecords } from './chatRecords';
import type { CosmosConnection } from './cosmos/openCosmos';
import type { ScheduledJobs } from './scheduledJobs';
import type { UserProfiles } from './userProfiles';

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
  /** Resolves if the database answers (one cheap round trip); for `/healthz`. */
  ping(): Promise<void>;
  /** Releases the connection (SQLite) or client (Cosmos). */
  close(): Promise<void>;
}
