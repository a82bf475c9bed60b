import { closeMeeting, latestMeeting, planMeeting, previousMeeting } from '../../../src/domain/meetings/meetingLifecycle';
import { aSeries } from '../../builders';
import { aMeeting } from '../../meetingBuilders';

const series = aSeries();
const AFTERNOON = '2019-03-13T14:05:00.000Z';

describe('planMeeting', () => {
  it('opens the first meeting of a chat at the trigger, or at Teams\' start time for the event', () => {
    const byCapture = planMeeting(series, undefined, { by: 'capture', at: AFTERNOON });
    expect(byCapture).toMatchObject({ kind: 'new', meeting: { startedAt: AFTERNOON, date: '2019-03-13', ordinal: 1, status: 'open', openedBy: 'capture' } });
    const byEvent = planMeeting(series, undefined, { by: 'event', at: AFTERNOON, startedAt: '2019-03-13T14:00:00.000Z', title: 'Board' });
    expect(byEvent).toMatchObject({ kind: 'new', meeting: { startedAt: '2019-03-13T14:00:00.000Z', title: 'Board', openedBy: 'event' } });
  });

  it('uses the meeting already open today, whatever opened it, and learns the title and start from a late event', () => {
    const open = aMeeting(series, { openedBy: 'capture', startedAt: AFTERNOON });
    expect(planMeeting(series, open, { by: 'command', at: '2019-03-13T15:00:00.000Z' })).toEqual({ kind: 'existing', meeting: open, changed: false });
    const late = planMeeting(series, open, { by: 'event', at: '2019-03-13T14:06:00.000Z', startedAt: '2019-03-13T14:00:00.000Z', title: 'Board' });
    expect(late).toEqual({ kind: 'existing', changed: true, meeting: { ...open, title: 'Board', startedAt: '2019-03-13T14:00:00.000Z', openedBy: 'event' } });
  });

  it('files a capture made after today\'s meeting ended under it, but a new start opens a second meeting', () => {
    const ended = closeMeeting(aMeeting(series), 'event', '2019-03-13T17:00:00.000Z');
    expect(planMeeting(series, ended, { by: 'capture', at: '2019-03-13T17:30:00.000Z' })).toMatchObject({ kind: 'existing', meeting: { id: ended.id } });
    const second = planMeeting(series, ended, { by: 'command', at: '2019-03-13T18:00:00.000Z' });
    expect(second).toMatchObject({ kind: 'new', meeting: { ordinal: 2, status: 'open' } });
    expect(second.meeting.id).not.toBe(ended.id);
  });

  it('closes a meeting left open from an earlier day (its end was missed) and opens today\'s', () => {
    const december = aMeeting(series, { date: '2018-12-05' });
    const plan = planMeeting(series, december, { by: 'capture', at: AFTERNOON });
    expect(plan).toMatchObject({ kind: 'new', meeting: { date: '2019-03-13', ordinal: 1 }, closeFirst: { id: december.id, status: 'closed', closedBy: 'nextMeeting' } });
    expect(plan.kind === 'new' ? plan.closeFirst?.endedAt : 'none').toBeUndefined();
  });

  it('names the same record for two instances opening the same day\'s meeting at once', () => {
    const one = planMeeting(series, undefined, { by: 'capture', at: AFTERNOON });
    const two = planMeeting(series, undefined, { by: 'event', at: '2019-03-13T14:05:01.000Z' });
    expect(one.meeting.id).toBe(two.meeting.id);
  });

  it('reads the calendar day in the series\' zone', () => {
    const auckland = aSeries({ timeZone: 'Pacific/Auckland' });
    expect(planMeeting(auckland, undefined, { by: 'capture', at: '2019-03-13T14:05:00.000Z' }).meeting.date).toBe('2019-03-14');
  });
});

describe('closeMeeting', () => {
  it('closes an open meeting once; a closed one keeps its first end', () => {
    const closed = closeMeeting(aMeeting(series), 'command', '2019-03-13T16:15:00.000Z');
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'command', endedAt: '2019-03-13T16:15:00.000Z' });
    expect(closeMeeting(closed, 'event', '2019-03-13T17:00:00.000Z')).toBe(closed);
  });
});

describe('previousMeeting and latestMeeting', () => {
  it('find the meeting before another and the newest, whatever order they come in', () => {
    const december = aMeeting(series, { date: '2018-12-05' });
    const march = aMeeting(series, { date: '2019-03-13' });
    const june = aMeeting(series, { date: '2019-06-12' });
    expect(previousMeeting([june, march, december], march)?.id).toBe(december.id);
    expect(previousMeeting([march, june], december)).toBeUndefined();
    expect(latestMeeting([march, june, december])?.id).toBe(june.id);
  });
});
