import { createStore, type StoreConfig } from './createStore';
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
  const chats = await createStore(config);
  try {
    if (config.kind === 'sqlite') {
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
    }
    const { client } = await openCosmos(config, DEFAULT_TRANSIENT_RETRY);
    const database = client.database(config.database);
    return {
      chats,
      users: new CosmosUserStore(new EtagDocuments(database.container('users'), DEFAULT_TRANSIENT_RETRY)),
      schedule: new CosmosScheduleStore(new EtagDocuments(database.container('schedule'), DEFAULT_TRANSIENT_RETRY)),
      meetings: new CosmosMeetingStore(new EtagDocuments(database.container('chats'), DEFAULT_TRANSIENT_RETRY)),
      ping: () => chats.ping(),
      close: async () => {
        client.dispose();
        await chats.close();
      },
    };
  } catch (error) {
    await chats.close();
    throw error;
  }
}
