import { renderActionLogCard } from '../../cards/actionLogCard';
import { buildChairDigest } from '../../domain/scheduling/chairDigest';
import { formatDueDate } from '../../domain/dateFormat';
import { sendCard } from '../cardReplies';
import { seriesOf } from '../chatRoster';
import type { CommandHandler } from './handlerTypes';

/** `/digest`: the action log the chair gets before the next meeting, posted in the chat now. */
export const handleChairDigestCommand: CommandHandler = async (context, deps, info) => {
  const series = await seriesOf(deps, info);
  const [actions, decisions, meetings] = await Promise.all([deps.store.listActions(info.key), deps.store.listDecisions(info.key), deps.meetings.listMeetings(info.key)]);
  const meetingAt = series.nextMeetingAt && series.nextMeetingAt > info.now ? series.nextMeetingAt : info.now;
  const digest = buildChairDigest({ series, actions, decisions, meetings, meetingAt, now: info.now });
  await sendCard(
    context,
    renderActionLogCard({
      title: 'Action log',
      subtitle: digest.lastMeetingDate
        ? `Every action open, or closed since the meeting of ${formatDueDate(digest.lastMeetingDate, info.locale)}, overdue first.`
        : 'Every open action, overdue first.',
      entries: digest.entries,
      decisions: digest.decisions,
      decisionsHeading: 'Decisions of the last meeting',
    }),
  );
};
