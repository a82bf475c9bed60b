import { markApologies, markDeputy, markPresent, type NamedAttendee } from '../../domain/meetings/attendance';
import { parseAttendees, parseDeputy, type AttendanceContext } from '../../domain/meetings/attendanceCommand';
import type { Meeting } from '../../domain/meetings/meetingTypes';
import type { Series, Versioned } from '../../domain/types';
import { attendanceReply } from '../meetings/attendanceReply';
import type { CommandHandler, Turn } from '../turn';

/** `/present [people]`: marks people present (no one named: the sender), with roles remembered from earlier meetings. */
export const handlePresent: CommandHandler = async (turn, args) => {
  const chat = await chatWithMembers(turn);
  const parsed = args.trim() === '' ? { kind: 'ok' as const, people: [{ person: turn.facts.speaker }] } : parseAttendees(args, contextOf(chat.value, turn));
  if (parsed.kind === 'invalid') return turn.reply.say(parsed.message);
  const { meeting, people } = await record(turn, chat, parsed.people, markPresent);
  await turn.reply.say(attendanceReply(chat.value, meeting, 'Present', people));
};

/** `/apologies <people>`: records apologies from the people named. */
export const handleApologies: CommandHandler = async (turn, args) => {
  const chat = await chatWithMembers(turn);
  const parsed = parseAttendees(args, contextOf(chat.value, turn));
  if (parsed.kind === 'invalid') return turn.reply.say(parsed.message);
  if (parsed.people.length === 0) return turn.reply.say('Whose apologies? e.g. /apologies KD (District Councils), @Nathan Travis');
  const { meeting, people } = await record(turn, chat, parsed.people, markApologies);
  await turn.reply.say(attendanceReply(chat.value, meeting, 'Apologies', people));
};

/** `/deputy <who> for <whom>`: marks someone present deputising for an absent member. */
export const handleDeputy: CommandHandler = async (turn, args) => {
  const chat = await chatWithMembers(turn);
  const parsed = parseDeputy(args, contextOf(chat.value, turn));
  if (parsed.kind === 'invalid') return turn.reply.say(parsed.message);
  const { meeting, people } = await record(turn, chat, [parsed.deputy], (current, [deputy]) => markDeputy(current, deputy ?? parsed.deputy, parsed.absent));
  const deputy = people[0] ?? parsed.deputy;
  await turn.reply.say(`${attendanceReply(chat.value, meeting, 'Present', [deputy])} Deputising for ${parsed.absent.person.name}.`);
};

function chatWithMembers(turn: Turn): Promise<Versioned<Series>> {
  return turn.room.useCases.chats.loadWithMembers(turn.facts, turn.directory, turn.facts.mentions.map((mention) => mention.person));
}

function contextOf(series: Series, turn: Turn): AttendanceContext {
  return { mentions: turn.facts.mentions, members: series.members };
}

/** Gives the people their remembered roles and applies `mark` to the meeting a capture now belongs to. */
async function record(
  turn: Turn,
  chat: Versioned<Series>,
  named: readonly NamedAttendee[],
  mark: (meeting: Meeting, people: readonly NamedAttendee[]) => Meeting,
): Promise<{ meeting: Meeting; people: NamedAttendee[] }> {
  const meetings = turn.room.useCases.meetings;
  const people = await meetings.withRoles(turn.facts.key, named);
  const meeting = await meetings.change(chat, turn.facts.now, (current) => mark(current, people));
  return { meeting, people };
}
