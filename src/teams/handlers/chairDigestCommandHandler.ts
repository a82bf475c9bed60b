import { renderActionLogCard } from '../../cards/actionLogCard';
import { formatDueDate } from '../../domain/dateFormat';
import type { CommandHandler } from '../turn';

/** `/digest`: the action log the chair gets before the next meeting, posted in the chat now. */
export const handleChairDigestCommand: CommandHandler = async (turn) => {
  const { facts, room } = turn;
  const series = (await room.useCases.chats.load(facts)).value;
  const meetingAt = series.nextMeetingAt && series.nextMeetingAt > facts.now ? series.nextMeetingAt : facts.now;
  const digest = await room.useCases.digests.chairDigest(series, meetingAt, facts.now);
  await turn.reply.sendCard(
    renderActionLogCard({
      title: 'Action log',
      subtitle: digest.lastMeetingDate
        ? `Every action open, or closed since the meeting of ${formatDueDate(digest.lastMeetingDate, facts.locale)}, overdue first.`
        : 'Every open action, overdue first.',
      entries: digest.entries,
      decisions: digest.decisions,
      decisionsHeading: 'Decisions of the last meeting',
    }),
  );
};
