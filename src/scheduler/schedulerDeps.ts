import type { Logger } from '../observability/logger';
import type { MeetingStore } from '../store/meetingStore';
import type { ScheduleStore } from '../store/scheduleStore';
import type { Store } from '../store/store';
import type { UserStore } from '../store/userStore';
import type { Notifier } from './notifier';

/** What the scheduler works with: the stores, a way to send, and its settings. */
export interface SchedulerDeps {
  chats: Store;
  meetings: MeetingStore;
  users: UserStore;
  schedule: ScheduleStore;
  notifier: Notifier;
  logger: Logger;
  /** Names this instance in claims, for logs. */
  instanceId: string;
  /** How long a claim holds; a claimer that dies releases its jobs when this lapses. */
  leaseMs: number;
  /** How long before the next meeting the chair gets the action log. */
  chairDigestLeadHours: number;
  /** Locale for scheduled cards when the person's own is unknown. */
  defaultLocale: string;
}
