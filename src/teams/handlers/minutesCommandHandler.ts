import { renderMinutesCard } from '../../cards/minutesCard';
import { parseMinutesRequest } from '../../domain/meetings/meetingCommands';
import { chooseMeeting, loadMinutes, mayReadMinutes } from '../../services/minutesService';
import { sendCard } from '../cardReplies';
import { refreshChat, seriesWithMembers } from '../chatRoster';
import type { CommandHandler } from './handlerTypes';

/**
 * `/minutes [last]`: the meeting's minutes as a summary card with signed links to the documents.
 * Only a member of this chat (or its chair) gets links; the member list is re-read once before refusing,
 * in case they joined since it was last read.
 */
export const handleMinutesCommand: CommandHandler = async (context, deps, info, args) => {
  const parsed = parseMinutesRequest(args);
  if (parsed.kind === 'invalid') return void (await context.sendActivity(parsed.message));
  let series = await seriesWithMembers(context, deps, info);
  if (!mayReadMinutes(series, info.speaker.id)) series = await refreshChat(context, deps, info);
  if (!mayReadMinutes(series, info.speaker.id)) {
    await context.sendActivity("Minutes are only for members of this meeting's chat.");
    return;
  }
  const meeting = chooseMeeting(await deps.meetings.listMeetings(series), parsed.which);
  if (!meeting) {
    await context.sendActivity(
      parsed.which === 'last' ? 'There is no earlier meeting with minutes in this chat yet.' : 'No meeting has been held in this chat yet. /meeting start opens one.',
    );
    return;
  }
  const minutes = await loadMinutes(deps.store, deps.meetings, series, meeting, info.now);
  const claims = { tenantId: info.key.tenantId, conversationId: info.key.conversationId, meetingId: meeting.id, requesterId: info.speaker.id };
  await sendCard(
    context,
    renderMinutesCard(minutes, {
      docx: deps.minutesLinks.urlFor(claims, 'docx', info.now),
      markdown: deps.minutesLinks.urlFor(claims, 'md', info.now),
    }),
  );
};
