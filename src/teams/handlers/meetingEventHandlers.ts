import { markPresent } from '../../domain/meetings/attendance';
import { postMattersArising } from '../meetings/mattersArising';
import type { EventHandler } from '../turn';

/**
 * Teams' `meetingStart`: opens the meeting and posts the matters arising (unless `/meeting start`
 * already did). It can be late or missing, which the meeting rules allow for.
 */
export const handleMeetingStart: EventHandler<'meetingStart'> = async (turn, event) => {
  const { facts, room } = turn;
  // Taking attendance from Teams needs the meeting's Graph id, which a meeting chat learns once.
  const chat = room.useCases.attendance ? await room.useCases.chats.loadWithOnlineMeeting(facts, turn.directory) : await room.useCases.chats.load(facts);
  const teamsMeetingId = event.teamsMeetingId ?? facts.meetingId;
  const { meeting, opened, openedBefore, series } = await room.useCases.meetings.open(chat, {
    by: 'event',
    at: facts.now,
    startedAt: event.startedAt ?? facts.now,
    ...(event.title ? { title: event.title } : {}),
    ...(teamsMeetingId ? { teamsMeetingId } : {}),
  });
  room.logger.info({ conversation: facts.key.conversationId, meeting: meeting.value.id, opened }, 'meeting started');
  if (opened || openedBefore === 'capture') await postMattersArising(turn, series.value, meeting.value);
};

/** Teams' `meetingParticipantsJoin`: marks people present as Teams reports them joining the call. */
export const handleParticipantsJoined: EventHandler<'participantsJoined'> = async (turn, event) => {
  const { facts, room } = turn;
  if (event.people.length === 0) return;
  const chat = await room.useCases.chats.loadWithMembers(facts, turn.directory);
  // Participants come with their Azure AD id; the chat's member list gives the same person the same id as /present does.
  const people = event.people.map((person) => ({ person: chat.value.members.find((member) => member.id === person.id || member.teamsId === person.teamsId) ?? person }));
  const meetings = room.useCases.meetings;
  const withRoles = await meetings.withRoles(facts.key, people);
  const meeting = await meetings.change(chat, facts.now, (current) => markPresent(current, withRoles));
  room.logger.info({ conversation: facts.key.conversationId, meeting: meeting.id, joined: event.people.length }, 'participants joined');
};

/** Teams' `meetingEnd`: closes the meeting (at Teams' end time, else now); its attendance report is read next. */
export const handleMeetingEnd: EventHandler<'meetingEnd'> = async (turn, event) => {
  const { facts, room } = turn;
  if (room.useCases.attendance) await room.useCases.chats.loadWithOnlineMeeting(facts, turn.directory);
  const closed = await room.useCases.meetings.end(facts.key, 'event', event.endedAt ?? facts.now);
  room.logger.info({ conversation: facts.key.conversationId, meeting: closed?.id }, 'meeting ended');
};
