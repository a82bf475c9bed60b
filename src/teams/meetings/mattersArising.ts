import { renderActionLogCard } from '../../cards/actionLogCard';
import type { Meeting } from '../../domain/meetings/meetingTypes';
import { formatMinutesDate } from '../../domain/minutes/minutesDates';
import type { Series } from '../../domain/types';
import type { Turn } from '../turn';

/**
 * Posts the action log at the start of a meeting ("matters arising"), so owners can update or
 * close each action during the meeting with /update and /close.
 */
export async function postMattersArising(turn: Turn, series: Series, meeting: Meeting): Promise<void> {
  const { entries, previous } = await turn.room.useCases.meetings.actionLog(series, meeting, turn.facts.now);
  await turn.reply.sendCard(
    renderActionLogCard({
      title: `Matters arising: ${formatMinutesDate(meeting.startedAt, series.timeZone)}`,
      subtitle: previous
        ? `Actions from earlier meetings still open, or closed since ${formatMinutesDate(previous.startedAt, series.timeZone)}. Owners: /update A-1 <note> or /close A-1 <note>.`
        : 'Actions from earlier meetings. Owners: /update A-1 <note> or /close A-1 <note>.',
      entries,
    }),
  );
}
