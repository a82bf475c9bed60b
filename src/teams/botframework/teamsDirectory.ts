import { TeamsInfo, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { Logger } from '../../observability/logger';
import type { ChatDirectory, MeetingDetails } from '../../services/chatDirectory';
import type { Person } from '../../domain/types';
import { isConnectorUnreachable } from '../teamsRetry';
import { personFrom } from './readTurn';
import { connectorUnreachableInTurn, markConnectorUnreachable } from './turnBreaker';

/** Members read from Teams per page (its maximum). */
const PAGE_SIZE = 500;

/**
 * The turn's chat as Teams knows it, through botbuilder's `TeamsInfo`: its members (paged) and its
 * meeting's details. Teams refusing, or not answering within `deadlineMs` (the meeting details go
 * through a client of botbuilder's own, with no timeout), is logged and answered with undefined, so
 * a capture carries on with what the bot already knows.
 */
export function teamsDirectory(context: TurnContext, meetingId: string | undefined, logger: Logger, deadlineMs: number): ChatDirectory {
  return {
    members: async (): Promise<Person[] | undefined> => {
      if (context.activity.conversation?.conversationType === 'personal' || connectorUnreachableInTurn(context)) return undefined;
      try {
        const people: Person[] = [];
        let token: string | undefined;
        do {
          const page = await withinDeadline(TeamsInfo.getPagedMembers(context, PAGE_SIZE, token), deadlineMs);
          people.push(...page.members.map((member) => personFrom(member)));
          token = page.continuationToken;
        } while (token);
        return people;
      } catch (error) {
        if (error instanceof DeadlineMissed || isConnectorUnreachable(error)) markConnectorUnreachable(context);
        logger.warn({ err: error, conversation: context.activity.conversation?.id }, 'could not read the chat members');
        return undefined;
      }
    },
    meeting: async (): Promise<MeetingDetails | undefined> => {
      if (!meetingId || connectorUnreachableInTurn(context)) return undefined;
      try {
        const meeting = await withinDeadline(TeamsInfo.getMeetingInfo(context, meetingId), deadlineMs);
        const start = meeting.details?.scheduledStartTime ? new Date(meeting.details.scheduledStartTime).toISOString() : undefined;
        const graphId = meeting.details?.msGraphResourceId;
        const organizerId = meeting.organizer?.aadObjectId;
        return {
          // Teams often gives the organizer's ids but no name; the roster supplies it (see `namedFromRoster`).
          ...(meeting.organizer?.id ? { organizer: { ...personFrom(meeting.organizer), name: meeting.organizer.name?.trim() ?? '' } } : {}),
          ...(meeting.details?.title ? { title: meeting.details.title } : {}),
          ...(start ? { start } : {}),
          ...(graphId && organizerId ? { onlineMeeting: { id: graphId, organizerId } } : {}),
        };
      } catch (error) {
        if (error instanceof DeadlineMissed || isConnectorUnreachable(error)) markConnectorUnreachable(context);
        logger.warn({ err: error, meetingId }, 'could not read the meeting details');
        return undefined;
      }
    },
  };
}

/** Teams did not answer a directory read in time. */
class DeadlineMissed extends Error {}

/** The call's answer, or a failure once `ms` have passed without one (the call itself is left to finish or fail). */
async function withinDeadline<T>(call: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DeadlineMissed(`Teams did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([call, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A chat's directory read outside a turn (a tab page asking whether someone is a member): each call
 * opens a proactive turn on the chat's conversation reference and reads it as `teamsDirectory` does.
 */
export function outsideTurnDirectory(
  adapter: CloudAdapter,
  botAppId: string,
  address: { serviceUrl: string; conversationId: string; meetingId?: string },
  logger: Logger,
  deadlineMs: number,
): ChatDirectory {
  const reference: Partial<ConversationReference> = {
    serviceUrl: address.serviceUrl,
    channelId: 'msteams',
    conversation: { id: address.conversationId, isGroup: true, conversationType: 'groupChat', name: '' },
  };
  const inChat = async <T>(read: (directory: ChatDirectory) => Promise<T>): Promise<T | undefined> => {
    let result: T | undefined;
    try {
      await adapter.continueConversationAsync(botAppId, reference, async (context) => {
        result = await read(teamsDirectory(context, address.meetingId, logger, deadlineMs));
      });
    } catch (error) {
      logger.warn({ err: error, conversation: address.conversationId }, 'could not reach the chat to read its members');
    }
    return result;
  };
  return { members: () => inChat((directory) => directory.members()), meeting: () => inChat((directory) => directory.meeting()) };
}
