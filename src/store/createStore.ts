import type { ConnectionPolicy } from '@azure/cosmos';
import { SqliteStore } from './sqlite/sqliteStore';
import type { Store } from './store';

/** Which store to open and how. */
export type StoreConfig =
  | { kind: 'sqlite'; dataDir: string }
  | {
      kind: 'cosmos';
      endpoint: string;
      key?: string;
      database: string;
      createIfMissing: boolean;
      managedIdentityClientId?: string;
      connectionPolicy?: ConnectionPolicy;
    };

/** Opens the configured store, creating what it is allowed to, and checks it answers. */
export async function createStore(config: StoreConfig): Promise<Store> {
  switch (config.kind) {
    case 'sqlite': {
      const store = SqliteStore.open(config.dataDir);
      await store.ping();
      return store;
    }
    case 'cosmos':
      throw new Error('STORE=cosmos is not available in this build yet; use STORE=sqlite');
  }
}
