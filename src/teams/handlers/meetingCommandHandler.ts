import { parseMeetingVerb } from '../../domain/meetings/meetingCommands';
import { formatMinutesTime } from '../../domain/minutes/minutesDates';
import { postMattersArising } from '../meetings/mattersArising';
import { triggerOf } from '../meetings/meetingTrigger';
import type { CommandHandler } from '../turn';

/** `/meeting start|end`: opens the meeting (and posts matters arising) or closes it, for when Teams' events do not come. */
export const handleMeetingCommand: CommandHandler = async (turn, args) => {
  const { facts, room } = turn;
  const verb = parseMeetingVerb(args);
  if (verb.kind === 'invalid') return turn.reply.say(verb.message);
  const chat = await room.useCases.chats.load(facts);
  const zone = chat.value.timeZone;
  if (verb.kind === 'end') {
    const closed = await room.useCases.meetings.end(facts.key, 'command', facts.now);
    await turn.reply.say(
      closed
        ? `Meeting closed at ${formatMinutesTime(facts.now, zone)}. Type /minutes for its minutes.`
        : 'No meeting is open. /meeting start opens one (so does the first action or decision of the day).',
    );
    return;
  }
  const { meeting, opened, openedBefore, series } = await room.useCases.meetings.open(chat, triggerOf(facts, 'command'));
  const since = formatMinutesTime(meeting.value.startedAt, zone);
  if (!opened && openedBefore !== 'capture') return turn.reply.say(`The meeting is already open (since ${since}). /matters shows the action log again.`);
  await turn.reply.say(`Meeting open (since ${since}). Actions, decisions and notes from now on go in its minutes.`);
  await postMattersArising(turn, series.value, meeting.value);
};
