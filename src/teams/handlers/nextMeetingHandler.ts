import { formatDueDate, localDate } from '../../domain/dateFormat';
import { parseMeetingTime } from '../../domain/meetingTime';
import type { CommandHandler } from '../turn';

/** `/next 12 June 2pm`: sets when the next meeting starts, which times the chair's digest. */
export const handleNextMeeting: CommandHandler = async (turn, args) => {
  const { facts, room } = turn;
  const current = await room.useCases.chats.load(facts);
  const zone = facts.timeZone ?? current.value.timeZone;
  const parsed = parseMeetingTime(args, facts.now, zone, facts.locale);
  if (parsed.kind === 'invalid') return turn.reply.say(parsed.message);
  const { series, digestAt } = await room.useCases.chats.setNextMeeting(facts, zone, parsed.at);
  const when = (instant: string) =>
    `${formatDueDate(localDate(instant, zone), facts.locale)} at ${instant && new Date(instant).toLocaleTimeString(facts.locale, { hour: '2-digit', minute: '2-digit', timeZone: zone })}`;
  const chair = series.chair ? series.chair.name : 'the chair (nobody is chair yet: the meeting organizer, or whoever added me, becomes chair)';
  await turn.reply.say(
    `Next meeting: ${when(parsed.at)}. ${digestAt ? `${chair} gets the action log on ${when(digestAt)}.` : ''} Type /digest to see it now.`.replace(/\s+/g, ' ').trim(),
  );
};
