import { CosmosClient, type Database } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import type { CosmosConnection } from '../storage';
import { COSMOS_CONTAINERS } from './containers';
import { cosmosStatusOf, type TransientRetryPolicy, withTransientRetry } from './transientRetry';

/**
 * 429s are retried by the SDK: up to 9 times within 30 s is its default, far longer than a Teams
 * invoke may wait, so the bot gives up sooner and tells the user instead.
 */
const THROTTLE_RETRY = { maxRetryAttemptCount: 5, maxWaitTimeInSeconds: 5 };

/**
 * Connects, makes or checks the database and every container, and returns the open pieces: the
 * client (one per process) and the database.
 */
export async function openCosmos(
  connection: CosmosConnection,
  retry: TransientRetryPolicy,
): Promise<{ client: CosmosClient; database: Database }> {
  const client = new CosmosClient({
    endpoint: connection.endpoint,
    ...(connection.key
      ? { key: connection.key }
      : { aadCredentials: new DefaultAzureCredential({ managedIdentityClientId: connection.managedIdentityClientId }) }),
    connectionPolicy: {
      ...connection.connectionPolicy,
      retryOptions: { ...THROTTLE_RETRY, ...connection.connectionPolicy?.retryOptions },
    },
  });
  try {
    const database = connection.createIfMissing
      ? await createLayout(client, connection.database, retry)
      : await checkLayout(client, connection, retry);
    return { client, database };
  } catch (error) {
    client.dispose();
    throw error;
  }
}

async function createLayout(client: CosmosClient, id: string, retry: TransientRetryPolicy): Promise<Database> {
  const { database } = await withTransientRetry(
    `create database ${id}`,
    () => client.databases.createIfNotExists({ id }),
    retry,
  );
  for (const [name, path] of Object.entries(COSMOS_CONTAINERS)) {
    const { resource } = await withTransientRetry(
      `create container ${name}`,
      () => database.containers.createIfNotExists({ id: name, partitionKey: { paths: [path] } }),
      retry,
    );
    assertPartitionKey(id, name, path, resource?.partitionKey?.paths?.[0]);
  }
  return database;
}

/** Reads (never creates) the layout, so a missing piece stops start-up with what to do about it. */
async function checkLayout(
  client: CosmosClient,
  connection: CosmosConnection,
  retry: TransientRetryPolicy,
): Promise<Database> {
  const database = client.database(connection.database);
  const whereTo = `at ${connection.endpoint}`;
  const fix = 'deploy infra/azure.bicep, or set COSMOS_CREATE_IF_MISSING=true to let the bot create it (needs COSMOS_KEY)';
  await readOrExplain(
    () => database.read(),
    `Cosmos DB database '${connection.database}' does not exist ${whereTo}: create it, set COSMOS_DATABASE to one that exists, or ${fix}`,
    retry,
  );
  for (const [name, path] of Object.entries(COSMOS_CONTAINERS)) {
    const { resource } = await readOrExplain(
      () => database.container(name).read(),
      `Cosmos DB container '${name}' (partition key ${path}) does not exist in database '${connection.database}' ${whereTo}: create it or ${fix}`,
      retry,
    );
    assertPartitionKey(connection.database, name, path, resource?.partitionKey?.paths?.[0]);
  }
  return database;
}

/** An existing container with another partition key would break every point read; say so at start-up. */
function assertPartitionKey(database: string, name: string, expected: string, actual: string | undefined): void {
  if (actual !== expected) {
    throw new Error(
      `Cosmos DB container '${name}' in '${database}' is partitioned by ${actual ?? 'nothing'}, but the bot needs ${expected}; ` +
        'a partition key cannot be changed, so create a new container (or database) with the right one',
    );
  }
}

async function readOrExplain<T>(read: () => Promise<T>, missing: string, retry: TransientRetryPolicy): Promise<T> {
  try {
    return await withTransientRetry('read its database layout', read, retry);
  } catch (error) {
    const status = cosmosStatusOf(error);
    if (status === 404) throw new Error(missing, { cause: error });
    if (status === 401 || status === 403) {
      throw new Error(
        'Cosmos DB refused the bot\'s credentials: check COSMOS_KEY, or give the managed identity (AZURE_CLIENT_ID) ' +
          'a Cosmos DB data-plane role such as "Cosmos DB Built-in Data Contributor"',
        { cause: error },
      );
    }
    throw error;
  }
}
