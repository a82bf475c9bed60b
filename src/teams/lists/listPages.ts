import { renderDigestCard, renderMattersArisingCard } from '../../cards/actionLogCards';
import { renderActionListCard } from '../../cards/actionListCard';
import type { AdaptiveCardJson } from '../../cards/render';
import { renderWeeklyDigestCard } from '../../cards/weeklyDigestCard';
import type { Meeting } from '../../domain/meetings/meetingTypes';
import { buildOwnerDigest } from '../../domain/scheduling/ownerDigest';
import type { Series } from '../../domain/types';
import type { Turn } from '../turn';

/**
 * One page of each list a command shows, from row `from`: what the command posts first, and what
 * "Show more" answers its clicker with. One function per list, so both say the same.
 */

/** `/actions` in a meeting chat: its open actions by owner (one query in a known chat). */
export async function chatActionsPage(turn: Turn, from = 0): Promise<AdaptiveCardJson> {
  const { facts, room } = turn;
  const open = await room.useCases.digests.openActions(facts.key);
  const series = open.series ?? (await room.useCases.chats.load(facts)).value;
  return renderActionListCard(open.actions, series, facts.locale, facts.now, from);
}

/** `/actions` in the 1:1 chat, and the weekly digest's pages: the speaker's own open actions across meetings. */
export async function myActionsPage(turn: Turn, options: { from?: number; notice?: string; series?: Series } = {}): Promise<AdaptiveCardJson> {
  const { facts } = turn;
  const { open, timing } = await turn.room.useCases.people.openActions(facts.key.tenantId, facts.speaker.id, {
    ...(options.series ? { series: options.series } : {}),
    locale: facts.locale,
  });
  const titles = new Map(open.map((entry) => [entry.action.id, entry.series.title ?? 'A meeting chat']));
  return renderWeeklyDigestCard(buildOwnerDigest(open.map((entry) => entry.action), facts.now, timing.zone), {
    locale: facts.locale,
    chatTitle: (action) => titles.get(action.id) ?? '',
    ...(options.notice ? { notice: options.notice } : {}),
    ...(options.from ? { from: options.from } : {}),
  });
}

/** The matters arising of `meeting`: the action log of earlier meetings' actions. */
export async function mattersPage(turn: Turn, series: Series, meeting: Meeting, from = 0): Promise<AdaptiveCardJson> {
  const { entries, previous } = await turn.room.useCases.meetings.actionLog(series, meeting, turn.facts.now);
  return renderMattersArisingCard(series, meeting, previous, entries, from);
}

/** `/digest`: the action log the chair gets before the next meeting (or as of now, when none is set). */
export async function digestPage(turn: Turn, series: Series, from = 0): Promise<AdaptiveCardJson> {
  const { facts, room } = turn;
  const meetingAt = series.nextMeetingAt && series.nextMeetingAt > facts.now ? series.nextMeetingAt : facts.now;
  const digest = await room.useCases.digests.chairDigest(series, meetingAt, facts.now);
  return renderDigestCard(digest, facts.locale, from);
}
