import { ACTION_LOG_LISTS, renderChairDigestCard } from '../../cards/actionLogCards';
import { CHAT_ACTIONS_LIST } from '../../cards/actionListCard';
import { MY_ACTIONS_LIST } from '../../cards/weeklyDigestCard';
import { cardTarget } from '../cardTarget';
import { chatActionsPage, digestPage, mattersPage, myActionsPage } from '../lists/listPages';
import type { CardHandler, Turn } from '../turn';
import { noticeCard } from './cardChange';

const STALE = 'This list is from an older card. Type the command again (/actions, /matters or /digest) for a fresh one.';

/**
 * "Show more" on a long list: answers the person who clicked with the next page of that list, read
 * afresh (so it is today's list, starting at the row the button names). Nobody else's view changes.
 */
export const handleShowMore: CardHandler = async (turn, data) => {
  const request = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const from = typeof request['from'] === 'number' && Number.isInteger(request['from']) && request['from'] > 0 ? request['from'] : 0;
  const { facts, room } = turn;
  const inChat = facts.conversationType !== 'personal';
  switch (request['list']) {
    case CHAT_ACTIONS_LIST:
      return inChat ? chatActionsPage(turn, from) : noticeCard(STALE);
    case MY_ACTIONS_LIST:
      return myActionsPage(turn, { from });
    case ACTION_LOG_LISTS.digest:
      return inChat ? digestPage(turn, (await room.useCases.chats.load(facts)).value, from) : noticeCard(STALE);
    case ACTION_LOG_LISTS.matters:
      return inChat ? mattersOf(turn, request['meetingId'], from) : noticeCard(STALE);
    case ACTION_LOG_LISTS.chairDigest:
      return chairDigestOf(turn, request, from);
    default:
      return noticeCard(STALE);
  }
};

async function mattersOf(turn: Turn, meetingId: unknown, from: number) {
  const series = (await turn.room.useCases.chats.load(turn.facts)).value;
  const meeting = (await turn.room.useCases.meetings.list(turn.facts.key)).find((candidate) => candidate.id === meetingId);
  return meeting ? mattersPage(turn, series, meeting, from) : noticeCard('That meeting is no longer kept. Type /matters for the current action log.');
}

/** The chair's digest, clicked in their 1:1 chat: the card names its meeting chat, which they must belong to. */
async function chairDigestOf(turn: Turn, request: Record<string, unknown>, from: number) {
  const { seriesId, conversationId, meetingAt } = request;
  if (typeof seriesId !== 'string' || typeof conversationId !== 'string' || typeof meetingAt !== 'string' || Number.isNaN(Date.parse(meetingAt))) return noticeCard(STALE);
  const where = cardTarget(turn.facts, { seriesId, conversationId });
  if (!where.ok) return noticeCard(where.message);
  const found = await turn.room.useCases.digests.chairDigestOf(where.key, meetingAt, turn.facts.now);
  if (!found) return noticeCard('That chat has no actions with me any more.');
  const refusal = where.guard(found.series);
  if (refusal) return noticeCard(refusal);
  return renderChairDigestCard(found.series, found.digest, meetingAt, turn.facts.locale, from);
}
