import { renderActionCard } from '../../cards/actionCard';
import type { AdaptiveCardJson } from '../../cards/render';
import { renderSuggestedActionsCard, suggestionInputIds, type SuggestedActionsView } from '../../cards/suggestedActionsCard';
import { formatActionRef } from '../../domain/actionRef';
import { resolveChosenPeople } from '../../domain/chosenPeople';
import type { Meeting } from '../../domain/meetings/meetingTypes';
import { seriesIdOf } from '../../domain/seriesId';
import type { Series } from '../../domain/types';
import { readDueDate, readOwnerIds, readSuggestionTarget } from '../cardData';
import type { CardHandler, Turn } from '../turn';
import { noticeCard } from './cardChange';

const GONE = 'That suggestion is no longer on record. Type /actions to see what was captured.';

/**
 * Accept on the Suggested actions card: the suggestion becomes an action (with the owners and due
 * date chosen on the card) and its card is posted; the suggestions card is redrawn for everyone.
 * Without an owner, or with a date that is not one, nothing is recorded and the card says what to fix.
 */
export const handleAcceptSuggestion: CardHandler = async (turn, data) => {
  const { facts, room } = turn;
  const target = readTarget(turn, data);
  if (!target.ok) return target.card;
  const suggestions = target.suggestions;
  const ids = suggestionInputIds(target.suggestionId);
  const ownerIds = readOwnerIds(data, ids.owners);
  const due = readDueDate(data, ids.due);
  // Teams' people picker finds anyone in the chat, so an id the member list does not know means it is out of date.
  const chat = await room.useCases.chats.loadWithMembers(facts, turn.directory, ownerIds.ok ? ownerIds.value.map((id) => ({ id, name: '' })) : []);
  const chosen = ownerIds.ok ? resolveChosenPeople(ownerIds.value, chat.value.members) : undefined;
  const problem = !ownerIds.ok ? 'Choose who will do it in its Owner(s) box, then press Accept.' : !chosen?.ok ? "Choose owners from the list of this chat's members." : !due.ok ? due.message : undefined;
  if (problem || !chosen?.ok || !due.ok) {
    const meeting = await suggestions.meeting(facts.key, target.meetingId);
    return meeting ? cardFor(turn, meeting, chat.value, { text: `Nothing was added. ${problem ?? ''}`.trim(), style: 'attention' }) : noticeCard(GONE);
  }
  const outcome = await suggestions.accept(
    chat,
    { key: facts.key, meetingId: target.meetingId, suggestionId: target.suggestionId, by: facts.speaker, at: facts.now, owners: chosen.people, ...(due.value ? { due: due.value } : {}) },
    (action) => turn.reply.sendCard(renderActionCard(action, chat.value, { locale: facts.locale, now: facts.now })),
  );
  if (outcome.kind === 'gone') return noticeCard(GONE);
  if (outcome.kind === 'refused') return cardFor(turn, outcome.meeting, chat.value, { text: outcome.reason, style: 'accent' });
  await redrawSuggestions(turn, outcome.meeting, chat.value);
  const ref = formatActionRef(outcome.action.number);
  const text = outcome.created ? `Accepted as ${ref}: its card is posted in the chat and its owners will be reminded.` : `Already accepted as ${ref}.`;
  return cardFor(turn, outcome.meeting, chat.value, { text, style: outcome.created ? 'good' : 'accent' });
};

/** Dismiss on the Suggested actions card: the suggestion is set aside (nothing is recorded) and the card redrawn for everyone. */
export const handleDismissSuggestion: CardHandler = async (turn, data) => {
  const { facts, room } = turn;
  const target = readTarget(turn, data);
  if (!target.ok) return target.card;
  const outcome = await target.suggestions.dismiss({ key: facts.key, meetingId: target.meetingId, suggestionId: target.suggestionId, by: facts.speaker, at: facts.now });
  if (outcome.kind === 'gone') return noticeCard(GONE);
  const series = (await room.useCases.chats.load(facts)).value;
  if (outcome.kind === 'dismissed') await redrawSuggestions(turn, outcome.meeting, series);
  return cardFor(turn, outcome.meeting, series, outcome.kind === 'dismissed' ? { text: 'Dismissed: nothing was recorded.', style: 'good' } : { text: outcome.reason ?? '', style: 'accent' });
};

type Target = { ok: true; meetingId: string; suggestionId: string; suggestions: NonNullable<Turn['room']['useCases']['suggestions']> } | { ok: false; card: AdaptiveCardJson };

/** The suggestion a click is about, checked to belong to the chat it was clicked in. */
function readTarget(turn: Turn, data: unknown): Target {
  const target = readSuggestionTarget(data);
  if (!target.ok) return { ok: false, card: noticeCard(target.message) };
  if (target.value.seriesId !== seriesIdOf(turn.facts.key)) return { ok: false, card: noticeCard('This card belongs to another chat.') };
  const suggestions = turn.room.useCases.suggestions;
  if (!suggestions) return { ok: false, card: noticeCard('Suggested actions from Copilot are turned off for this bot, so nothing was recorded. Capture the action with /action instead.') };
  return { ok: true, meetingId: target.value.meetingId, suggestionId: target.value.suggestionId, suggestions };
}

function cardFor(turn: Turn, meeting: Meeting, series: Series, notice?: SuggestedActionsView['notice']): AdaptiveCardJson {
  return renderSuggestedActionsCard(meeting, series, { locale: turn.facts.locale, ...(notice ? { notice } : {}) });
}

/** Redraws the card everyone in the chat sees. */
async function redrawSuggestions(turn: Turn, meeting: Meeting, series: Series): Promise<void> {
  const copy = meeting.suggestions?.card;
  if (copy) await turn.reply.redraw([copy], cardFor(turn, meeting, series));
}
