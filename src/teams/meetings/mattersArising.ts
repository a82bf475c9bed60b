import type { TurnContext } from 'botbuilder';
import { renderActionLogCard } from '../../cards/actionLogCard';
import { previousMeeting } from '../../domain/meetings/meetingLifecycle';
import type { Meeting } from '../../domain/meetings/meetingTypes';
import { buildActionLog } from '../../domain/minutes/actionLog';
import { formatMinutesDate } from '../../domain/minutes/minutesDates';
import type { Series } from '../../domain/types';
import type { BotDeps } from '../botDeps';
import { sendCard } from '../cardReplies';

/**
 * Posts the action log at the start of a meeting ("matters arising"), so owners can update or
 * close each action during the meeting with /update and /close.
 */
export async function postMattersArising(context: TurnContext, deps: BotDeps, series: Series, meeting: Meeting, now: string): Promise<void> {
  const [actions, meetings] = await Promise.all([deps.store.listActions(series), deps.meetings.listMeetings(series)]);
  const previous = previousMeeting(meetings, meeting);
  const entries = buildActionLog({ series, actions, meeting, ...(previous ? { previous } : {}), asOf: now });
  await sendCard(
    context,
    renderActionLogCard({
      title: `Matters arising: ${formatMinutesDate(meeting.startedAt, series.timeZone)}`,
      subtitle: previous
        ? `Actions from earlier meetings still open, or closed since ${formatMinutesDate(previous.startedAt, series.timeZone)}. Owners: /update A-1 <note> or /close A-1 <note>.`
        : 'Actions from earlier meetings. Owners: /update A-1 <note> or /close A-1 <note>.',
      entries,
    }),
  );
}
