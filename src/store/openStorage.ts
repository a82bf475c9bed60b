import { openCosmosStorage } from './cosmos/openCosmosStorage';
import type { TransientRetryPolicy } from './cosmos/transientRetry';
import { openSqliteStorage } from './sqlite/openSqliteStorage';
import type { Storage, StorageConfig } from './storage';

/** Tuning a caller rarely needs: tests shorten the Cosmos retry back-off. */
export interface StorageTuning {
  cosmosRetry?: TransientRetryPolicy;
}

/**
 * The one way to open the stores: SQLite opens one connection to the data file (migrating it to
 * the current schema), Cosmos one client for every container (reading or creating the layout once).
 * Either way it pings before returning, so a store that opened but cannot answer stops start-up
 * rather than the first user's command, and it closes what it opened if that fails.
 */
export async function openStorage(config: StorageConfig, tuning: StorageTuning = {}): Promise<Storage> {
  const storage = config.kind === 'sqlite' ? openSqliteStorage(config.dataDir) : await openCosmosStorage(config, tuning.cosmosRetry);
  try {
    await storage.ping();
    return storage;
  } catch (error) {
    await storage.close();
    throw error;
  }
}
