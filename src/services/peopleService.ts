import type { NotificationPreferences, UserProfile } from '../domain/scheduling/schedulingTypes';
import type { Action, Person, Series } from '../domain/types';
import type { Storage } from '../store/storage';
import { loadOpenActionsOf } from './openActionsOf';
import { scheduleOf, type PersonSchedule } from './personSchedule';
import { changeProfile } from './profileService';
import { moveWeeklyDigest } from './reminderBooking';

/** A turn in a person's 1:1 chat with the bot, as far as their profile cares. */
export interface PersonalTurn {
  tenantId: string;
  person: Person;
  conversationId: string;
  serviceUrl: string;
  /** Their client's zone and locale. */
  timeZone?: string;
  locale: string;
}

/** A person's open actions across their meetings, and how to time and word things for them. */
export interface OpenActions {
  open: Array<{ action: Action; series: Series }>;
  timing: PersonSchedule;
}

/** People: their 1:1 chat with the bot, their settings, and their open actions across meetings. */
export class PeopleService {
  constructor(private readonly storage: Storage) {}

  /**
   * Remembers a person's 1:1 chat with the bot (and their zone and locale, unless they chose a zone
   * in /settings), so reminders and digests can reach them there. A chat that Teams once refused is
   * trusted again when the person writes in it: they have reinstalled the app.
   */
  async rememberPersonalChat(turn: PersonalTurn): Promise<void> {
    await changeProfile(this.storage.users, turn.tenantId, turn.person, (profile) => {
      const chat = profile.personalChat;
      const sameChat = chat && chat.conversationId === turn.conversationId && chat.serviceUrl === turn.serviceUrl && !chat.dead;
      const zoneKnown = profile.timeZone !== undefined || turn.timeZone === undefined;
      if (sameChat && zoneKnown && profile.locale === turn.locale) return profile;
      return {
        ...profile,
        name: turn.person.name,
        ...(turn.person.teamsId ? { teamsId: turn.person.teamsId } : {}),
        personalChat: { conversationId: turn.conversationId, serviceUrl: turn.serviceUrl },
        ...(profile.timeZone === undefined && turn.timeZone ? { timeZone: turn.timeZone } : {}),
        locale: turn.locale,
      };
    });
  }

  /** A person's profile, if they have one. */
  async profile(tenantId: string, personId: string): Promise<UserProfile | undefined> {
    return (await this.storage.users.getProfile(tenantId, personId))?.value;
  }

  /** Saves a person's digest and reminder settings and moves their weekly digest to the new slot. */
  async saveSettings(tenantId: string, person: Person, preferences: NotificationPreferences, zone: string, now: string): Promise<UserProfile> {
    const profile = await changeProfile(this.storage.users, tenantId, person, (existing) => ({ ...existing, timeZone: zone, preferences }));
    await moveWeeklyDigest(this.storage.jobs, tenantId, person.id, preferences, zone, now);
    return profile;
  }

  /** Every open action a person owns in their tenant, with the timing (zone, locale) to show them in. */
  async openActions(tenantId: string, personId: string, fallback: { series?: Series; locale: string }): Promise<OpenActions> {
    const open = await loadOpenActionsOf(this.storage, tenantId, personId);
    const timing = await scheduleOf(this.storage.users, tenantId, personId, open[0]?.series ?? fallback.series, fallback.locale);
    return { open, timing };
  }
}
