import { createStore, type StoreConfig } from './createStore';
import { CosmosStore } from './cosmos/cosmosStore';
import { EtagDocuments } from './cosmos/etagDocuments';
import { CosmosMeetingStore } from './cosmos/cosmosMeetingStore';
import { CosmosScheduleStore } from './cosmos/cosmosScheduleStore';
import { CosmosUserStore } from './cosmos/cosmosUserStore';
import { openCosmos } from './cosmos/openCosmos';
import { DEFAULT_TRANSIENT_RETRY } from './cosmos/transientRetry';
import { applyMeetingSchema } from './sqlite/meetingSchema';
import { applySchedulingSchema } from './sqlite/schedulingSchema';
import { openSqliteDatabase } from './sqlite/openDatabase';
import { SqliteMeetingStore } from './sqlite/sqliteMeetingStore';
import { SqliteScheduleStore } from './sqlite/sqliteScheduleStore';
import { SqliteUserStore } from './sqlite/sqliteUserStore';
import type { Stores } from './stores';

/** Opens every store the bot uses on the configured database. */
export async function createStores(config: StoreConfig): Promise<Stores> {
  return config.kind === 'sqlite' ? createSqliteStores(config) : createCosmosStores(config);
}

async function createSqliteStores(config: Extract<StoreConfig, { kind: 'sqlite' }>): Promise<Stores> {
  const chats = await createStore(config);
  try {
    const db = openSqliteDatabase(config.dataDir, (opened) => {
      applySchedulingSchema(opened);
      applyMeetingSchema(opened);
    });
    return {
      chats,
      users: new SqliteUserStore(db),
      schedule: new SqliteScheduleStore(db),
      meetings: new SqliteMeetingStore(db),
      ping: () => chats.ping(),
      close: async () => {
        if (db.open) db.close();
        await chats.close();
      },
    };
  } catch (error) {
    await chats.close();
    throw error;
  }
}

/**
 * One `CosmosClient` serves every container: one connection pool and one credential (one token
 * refresh) per process, and one start-up check of the layout. Closing the chats store disposes it.
 */
async function createCosmosStores(config: Extract<StoreConfig, { kind: 'cosmos' }>): Promise<Stores> {
  const { client, chats: chatsContainer } = await openCosmos(config, DEFAULT_TRANSIENT_RETRY);
  const chats = CosmosStore.onClient(client, chatsContainer, DEFAULT_TRANSIENT_RETRY);
  try {
    // As createStore does: a store that opened but cannot answer stops start-up, not the first command.
    await chats.ping();
  } catch (error) {
    await chats.close();
    throw error;
  }
  const database = client.database(config.database);
  const documents = (name: string) => new EtagDocuments(database.container(name), DEFAULT_TRANSIENT_RETRY);
  return {
    chats,
    users: new CosmosUserStore(documents('users')),
    schedule: new CosmosScheduleStore(documents('schedule')),
    meetings: new CosmosMeetingStore(documents('chats')),
    ping: () => chats.ping(),
    close: () => chats.close(),
  };
}
