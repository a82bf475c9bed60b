import type { UserProfile } from '../../domain/scheduling/schedulingTypes';
import type { ChatDocument } from '../core/chatDocuments';
import type { StoreDocument } from '../core/documentCollection';
import type { FieldOf } from '../core/documentQuery';
import type { JobDocument } from '../core/jobDocuments';
import { storageOnDocuments } from '../core/storageOnDocuments';
import type { Storage } from '../storage';
import { COSMOS_CONTAINERS } from './containers';
import { CosmosDocumentCollection } from './cosmosDocumentCollection';
import type { CosmosConnection } from '../storage';
import { openCosmos } from './openCosmos';
import { DEFAULT_TRANSIENT_RETRY, type TransientRetryPolicy } from './transientRetry';

/**
 * Opens every store on one `CosmosClient`: one connection pool, one credential (one token
 * refresh) and one start-up check of the layout for all three containers. Closing the storage
 * disposes the client.
 */
export async function openCosmosStorage(connection: CosmosConnection, retry: TransientRetryPolicy = DEFAULT_TRANSIENT_RETRY): Promise<Storage> {
  const { client, database } = await openCosmos(connection, retry);
  const collection = <D extends StoreDocument>(name: keyof typeof COSMOS_CONTAINERS, partitionField: FieldOf<D>) => {
    // The documents' partition field and the container's partition key path are one fact stated twice; keep them equal.
    if (COSMOS_CONTAINERS[name] !== `/${partitionField}`) {
      throw new Error(`container ${name} is partitioned by ${COSMOS_CONTAINERS[name]}, but its documents' partition field is ${partitionField}`);
    }
    return new CosmosDocumentCollection<D>(database.container(name), name, partitionField, retry);
  };
  try {
    return storageOnDocuments(
      {
        chats: collection<ChatDocument>('chats', 'seriesId'),
        users: collection<UserProfile>('users', 'tenantId'),
        schedule: collection<JobDocument>('schedule', 'tenantId'),
      },
      async () => client.dispose(),
    );
  } catch (error) {
    client.dispose();
    throw error;
  }
}
