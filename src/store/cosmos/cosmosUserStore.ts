import { userProfileId } from '../../domain/scheduling/jobIds';
import type { UserProfile } from '../../domain/scheduling/schedulingTypes';
import type { Versioned } from '../../domain/types';
import type { UserStore } from '../userStore';
import { withoutStorageFields } from './documents';
import type { EtagDocuments } from './etagDocuments';

/** People's profiles in the `users` container, partitioned by tenant: every read is a point read. */
export class CosmosUserStore implements UserStore {
  constructor(private readonly users: EtagDocuments) {}

  async getUser(tenantId: string, userId: string): Promise<Versioned<UserProfile> | undefined> {
    const document = await this.users.read<UserProfile>('read a user', userProfileId(tenantId, userId), tenantId);
    return document && { value: withoutStorageFields<UserProfile>(document), etag: document._etag };
  }

  async putUser(profile: UserProfile, etag?: string): Promise<Versioned<UserProfile>> {
    const next = await this.users.write(`user ${profile.id}`, profile, profile.tenantId, etag);
    return { value: profile, etag: next };
  }
}
