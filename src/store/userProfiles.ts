import type { UserProfile } from '../domain/scheduling/schedulingTypes';
import type { Versioned } from '../domain/types';

/**
 * People's profiles: where to reach them 1:1 and how they want to be chased. Partitioned by tenant
 * (Cosmos `users` container, `/tenantId`): every method is one point operation.
 */
export interface UserProfiles {
  /** Reads a person's profile in a tenant. */
  getProfile(tenantId: string, userId: string): Promise<Versioned<UserProfile> | undefined>;
  /** Creates (no etag; `ConcurrencyError` if it exists) or replaces (etag must be current) a profile. */
  putProfile(profile: UserProfile, etag?: string): Promise<Versioned<UserProfile>>;
}
