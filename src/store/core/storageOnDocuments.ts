import type { UserProfile } from '../../domain/scheduling/schedulingTypes';
import type { Storage } from '../storage';
import { chatAndJobsWriter, type ChatsAndScheduleTransaction } from './chatAndJobs';
import type { ChatDocument } from './chatDocuments';
import { ChatRecordsOnDocuments } from './chatRecordsOnDocuments';
import type { DocumentCollection } from './documentCollection';
import type { JobDocument } from './jobDocuments';
import { ScheduledJobsOnDocuments } from './scheduledJobsOnDocuments';
import { UserProfilesOnDocuments } from './userProfilesOnDocuments';

/** The three collections every backend provides, named as the Cosmos containers. */
export interface StorageCollections {
  chats: DocumentCollection<ChatDocument>;
  users: DocumentCollection<UserProfile>;
  schedule: DocumentCollection<JobDocument>;
}

/**
 * The store ports over one backend's collections; `close` releases that backend's connection or
 * client. A backend whose transactions span collections passes `chatsAndSchedule`, so a chat's
 * records and their jobs commit together.
 */
export function storageOnDocuments(collections: StorageCollections, close: () => Promise<void>, chatsAndSchedule?: ChatsAndScheduleTransaction): Storage {
  return {
    chats: new ChatRecordsOnDocuments(collections.chats),
    users: new UserProfilesOnDocuments(collections.users),
    jobs: new ScheduledJobsOnDocuments(collections.schedule),
    writeChatAndJobs: chatAndJobsWriter(collections.chats, collections.schedule, chatsAndSchedule),
    ping: () => collections.chats.ping(),
    close,
  };
}
