import type { MeetingStore } from './meetingStore';
import type { ScheduleStore } from './scheduleStore';
import type { Store } from './store';
import type { UserStore } from './userStore';

/** Every store the bot uses, opened together on one database. */
export interface Stores {
  /** Series, actions and decisions of chats. */
  chats: Store;
  /** People's profiles and 1:1 chats. */
  users: UserStore;
  /** The scheduler's future work. */
  schedule: ScheduleStore;
  /** Meetings of each series and the notes of their discussion. */
  meetings: MeetingStore;
  /** Resolves if the database answers. */
  ping(): Promise<void>;
  /** Closes every store. */
  close(): Promise<void>;
}
