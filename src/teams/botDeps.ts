import type { Clock } from '../domain/clock';
import type { MinutesLinks } from '../minutes/minutesLinks';
import type { Logger } from '../observability/logger';
import type { MeetingStore } from '../store/meetingStore';
import type { ScheduleStore } from '../store/scheduleStore';
import type { Store } from '../store/store';
import type { UserStore } from '../store/userStore';

/** What the Teams handlers are given by the composition root. */
export interface BotDeps {
  store: Store;
  users: UserStore;
  schedule: ScheduleStore;
  /** Meetings and their notes, for attendance and minutes. */
  meetings: MeetingStore;
  /** Signs the links `/minutes` hands out. */
  minutesLinks: MinutesLinks;
  clock: Clock;
  logger: Logger;
  /** Time zone for a chat whose first speaker's client sent none. */
  defaultTimeZone: string;
  /** The bot's app id ('' in local mode), needed to reach conversations outside the current turn. */
  botAppId: string;
  /** How long before the next meeting the chair gets the action log. */
  chairDigestLeadHours: number;
}
