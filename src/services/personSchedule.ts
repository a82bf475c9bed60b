import { DEFAULT_PREFERENCES, type UserProfile } from '../domain/scheduling/schedulingTypes';
import type { Series } from '../domain/types';
import type { UserProfiles } from '../store/userProfiles';

/** A person's zone, hour and locale for scheduling: their own settings, else their chat's zone and the defaults. */
export interface PersonSchedule {
  profile?: UserProfile;
  zone: string;
  hour: number;
  locale: string;
}

/** Reads how to time things for a person. */
export async function scheduleOf(users: UserProfiles, tenantId: string, personId: string, series: Series | undefined, defaultLocale: string): Promise<PersonSchedule> {
  const profile = (await users.getProfile(tenantId, personId))?.value;
  return {
    ...(profile ? { profile } : {}),
    zone: profile?.timeZone ?? series?.timeZone ?? 'UTC',
    hour: profile?.preferences.hour ?? DEFAULT_PREFERENCES.hour,
    locale: profile?.locale ?? defaultLocale,
  };
}
