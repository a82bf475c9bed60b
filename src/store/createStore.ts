import { CosmosStore } from './cosmos/cosmosStore';
import type { CosmosConnection } from './cosmos/openCosmos';
import { SqliteStore } from './sqlite/sqliteStore';
import type { Store } from './store';

/** Which store to open and how. */
export type StoreConfig = { kind: 'sqlite'; dataDir: string } | ({ kind: 'cosmos' } & CosmosConnection);

/** Opens the configured store, creating what it is allowed to, and checks it answers. */
export async function createStore(config: StoreConfig): Promise<Store> {
  switch (config.kind) {
    case 'sqlite':
      return answering(SqliteStore.open(config.dataDir));
    case 'cosmos':
      return answering(await CosmosStore.open(config));
  }
}

/** A store that opened but cannot answer should stop start-up, not the first user's command. */
async function answering(store: Store): Promise<Store> {
  try {
    await store.ping();
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}
