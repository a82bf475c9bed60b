import { formatDueDate, localDate } from '../../domain/dateFormat';
import { parseMeetingTime } from '../../domain/meetingTime';
import { scheduleChairDigest } from '../../scheduler/chairDigestSync';
import { changeSeries } from '../../services/seriesService';
import { seriesOf } from '../chatRoster';
import type { CommandHandler } from './handlerTypes';

/** `/next 12 June 2pm`: sets when the next meeting starts, which times the chair's digest. */
export const handleNextMeeting: CommandHandler = async (context, deps, info, args) => {
  const current = await seriesOf(deps, info);
  const zone = info.timeZone ?? current.timeZone;
  const parsed = parseMeetingTime(args, info.now, zone, info.locale);
  if (parsed.kind === 'invalid') {
    await context.sendActivity(parsed.message);
    return;
  }
  const series = await changeSeries(deps.store, info.key, { timeZone: zone, now: info.now }, (existing) => ({ ...existing, nextMeetingAt: parsed.at }));
  const digestAt = await scheduleChairDigest(deps.schedule, series, deps.chairDigestLeadHours, info.now);
  const when = (instant: string) => `${formatDueDate(localDate(instant, zone), info.locale)} at ${instant && new Date(instant).toLocaleTimeString(info.locale, { hour: '2-digit', minute: '2-digit', timeZone: zone })}`;
  const chair = series.chair ? series.chair.name : 'the chair (nobody is chair yet: the meeting organizer, or whoever added me, becomes chair)';
  await context.sendActivity(
    `Next meeting: ${when(parsed.at)}. ${digestAt ? `${chair} gets the action log on ${when(digestAt)}.` : ''} Type /digest to see it now.`.replace(/\s+/g, ' ').trim(),
  );
};
