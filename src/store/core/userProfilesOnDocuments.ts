import { userProfileId } from '../../domain/scheduling/jobIds';
import type { UserProfile } from '../../domain/scheduling/schedulingTypes';
import type { Versioned } from '../../domain/types';
import type { UserProfiles } from '../userProfiles';
import { putDocument } from './compareAndSwap';
import type { DocumentCollection } from './documentCollection';

/** `UserProfiles` over any document collection partitioned by `tenantId`: a profile is stored as it is. */
export class UserProfilesOnDocuments implements UserProfiles {
  constructor(private readonly users: DocumentCollection<UserProfile>) {}

  async getProfile(tenantId: string, userId: string): Promise<Versioned<UserProfile> | undefined> {
    const stored = await this.users.read(tenantId, userProfileId(tenantId, userId));
    return stored && { value: stored.document, etag: stored.etag };
  }

  async putProfile(profile: UserProfile, etag?: string): Promise<Versioned<UserProfile>> {
    const next = await putDocument(this.users, profile, etag, `user ${profile.id}`);
    return { value: profile, etag: next };
  }
}
