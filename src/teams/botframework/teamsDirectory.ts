import { TeamsInfo, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { Logger } from '../../observability/logger';
import type { ChatDirectory, MeetingDetails } from '../../services/chatDirectory';
import type { Person } from '../../domain/types';
import { personFrom } from './readTurn';

/** Members read from Teams per page (its maximum). */
const PAGE_SIZE = 500;

/**
 * The turn's chat as Teams knows it, through botbuilder's `TeamsInfo`: its members (paged) and its
 * meeting's details. Teams refusing is logged and answered with undefined, so a capture carries on
 * with what the bot already knows.
 */
export function teamsDirectory(context: TurnContext, meetingId: string | undefined, logger: Logger): ChatDirectory {
  return {
    members: async (): Promise<Person[] | undefined> => {
      if (context.activity.conversation?.conversationType === 'personal') return undefined;
      try {
        const people: Person[] = [];
        let token: string | undefined;
        do {
          const page = await TeamsInfo.getPagedMembers(context, PAGE_SIZE, token);
          people.push(...page.members.map((member) => personFrom(member)));
          token = page.continuationToken;
        } while (token);
        return people;
      } catch (error) {
        logger.warn({ err: error, conversation: context.activity.conversation?.id }, 'could not read the chat members');
        return undefined;
      }
    },
    meeting: async (): Promise<MeetingDetails | undefined> => {
      if (!meetingId) return undefined;
      try {
        const meeting = await TeamsInfo.getMeetingInfo(context, meetingId);
        const start = meeting.details?.scheduledStartTime ? new Date(meeting.details.scheduledStartTime).toISOString() : undefined;
        const graphId = meeting.details?.msGraphResourceId;
        const organizerId = meeting.organizer?.aadObjectId;
        return {
          ...(meeting.organizer?.id ? { organizer: personFrom(meeting.organizer) } : {}),
          ...(meeting.details?.title ? { title: meeting.details.title } : {}),
          ...(start ? { start } : {}),
          ...(graphId && organizerId ? { onlineMeeting: { id: graphId, organizerId } } : {}),
        };
      } catch (error) {
        logger.warn({ err: error, meetingId }, 'could not read the meeting details');
        return undefined;
      }
    },
  };
}

/**
 * A chat's directory read outside a turn (a tab page asking whether someone is a member): each call
 * opens a proactive turn on the chat's conversation reference and reads it as `teamsDirectory` does.
 */
export function outsideTurnDirectory(adapter: CloudAdapter, botAppId: string, address: { serviceUrl: string; conversationId: string; meetingId?: string }, logger: Logger): ChatDirectory {
  const reference: Partial<ConversationReference> = {
    serviceUrl: address.serviceUrl,
    channelId: 'msteams',
    conversation: { id: address.conversationId, isGroup: true, conversationType: 'groupChat', name: '' },
  };
  const inChat = async <T>(read: (directory: ChatDirectory) => Promise<T>): Promise<T | undefined> => {
    let result: T | undefined;
    try {
      await adapter.continueConversationAsync(botAppId, reference, async (context) => {
        result = await read(teamsDirectory(context, address.meetingId, logger));
      });
    } catch (error) {
      logger.warn({ err: error, conversation: address.conversationId }, 'could not reach the chat to read its members');
    }
    return result;
  };
  return { members: () => inChat((directory) => directory.members()), meeting: () => inChat((directory) => directory.meeting()) };
}
