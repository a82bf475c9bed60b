/**
 * The Cosmos DB layout the code expects. `infra/azure.bicep` creates the same containers; a test
 * parses the template and compares, so the two cannot drift apart.
 */
export const COSMOS_DATABASE_DEFAULT = 'meeting-actions';

/** Container name → partition key path. */
export const COSMOS_CONTAINERS = {
  /** Series, actions, decisions, meetings and notes of one chat share a partition: capture and close are point operations. */
  chats: '/seriesId',
  /** People's profiles: point reads by tenant and user. */
  users: '/tenantId',
  /** The scheduler's future work: point claims; the due query uses the range index on dueAt. */
  schedule: '/tenantId',
} as const;
