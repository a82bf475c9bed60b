import { userProfileId } from '../domain/scheduling/jobIds';
import { DEFAULT_PREFERENCES, type UserProfile } from '../domain/scheduling/schedulingTypes';
import type { Person } from '../domain/types';
import type { UserProfiles } from '../store/userProfiles';
import { retryOnConflict } from './retryOnConflict';

/**
 * Applies a change to a person's profile, creating it with the defaults first. `change` returns the
 * same object when there is nothing to write.
 */
export async function changeProfile(users: UserProfiles, tenantId: string, person: Person, change: (profile: UserProfile) => UserProfile): Promise<UserProfile> {
  return retryOnConflict(async () => {
    const current = await users.getProfile(tenantId, person.id);
    const base: UserProfile = current?.value ?? {
      id: userProfileId(tenantId, person.id),
      tenantId,
      userId: person.id,
      name: person.name,
      ...(person.teamsId ? { teamsId: person.teamsId } : {}),
      preferences: DEFAULT_PREFERENCES,
    };
    const next = change(base);
    if (current && next === current.value) return next;
    return (await users.putProfile(next, current?.etag)).value;
  });
}
