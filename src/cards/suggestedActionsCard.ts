import { formatActionRef } from '../domain/actionRef';
import { formatDueDate } from '../domain/dateFormat';
import type { Meeting } from '../domain/meetings/meetingTypes';
import type { SuggestedAction } from '../domain/suggestions/suggestionTypes';
import type { Series } from '../domain/types';
import { renderOwnerPicker } from './ownerPicker';
import { prepareCard, type AdaptiveCardJson, type CardElementJson } from './render';
import template from './templates/suggestedActionsCard.json';
import { CARD_VERBS } from './verbs';

/** What a suggestion's buttons send back: which meeting and suggestion, in which chat. */
export interface SuggestionTarget {
  meetingId: string;
  seriesId: string;
  suggestionId: string;
}

/** The data the suggested-actions card binds to. */
export interface SuggestedActionsCardData {
  fallbackText: string;
  intro: string;
  notice: string;
  noticeStyle: 'good' | 'attention' | 'accent';
  open: Array<{ text: string; ownerHint: string; picker: CardElementJson; dueId: string; target: SuggestionTarget }>;
  more: string;
  answered: Array<{ status: string; text: string; color: 'Good' | 'Default' | 'Accent' }>;
  answeredMore: string;
  verbs: typeof CARD_VERBS;
}

/** How the card is drawn: for whom (their locale), and a line on top for the person who clicked. */
export interface SuggestedActionsView {
  locale: string;
  notice?: { text: string; style: SuggestedActionsCardData['noticeStyle'] };
}

/**
 * Suggestions offered at once. Each carries a people picker and a date input, so the card stays
 * well under Teams' message size whatever the recap holds; the rest are offered as these are answered.
 */
export const SUGGESTIONS_SHOWN = 6;
/** Answered suggestions listed under the open ones; older answers are counted. */
const ANSWERED_SHOWN = 10;
/** Characters of a suggestion's text shown on the card (an accepted one keeps all of it). */
const TEXT_SHOWN = 400;

const render = prepareCard<SuggestedActionsCardData>(template, { verbs: CARD_VERBS });

/** The input ids of one suggestion's owner picker and due date (ids are unique per card). */
export function suggestionInputIds(suggestionId: string): { owners: string; due: string } {
  return { owners: `owners-${suggestionId}`, due: `due-${suggestionId}` };
}

/**
 * Draws one meeting's suggested actions: those still open, each with the owner the recap named
 * (chosen in the people picker when one member matches; to choose when none or several do), a due
 * date and Accept / Dismiss; then those answered (accepted as A-n, dismissed, or already captured).
 */
export function renderSuggestedActionsCard(meeting: Meeting, series: Series, view: SuggestedActionsView): AdaptiveCardJson {
  const items = meeting.suggestions?.items ?? [];
  const open = items.filter((item) => item.state.kind === 'open');
  const answered = items.filter((item) => item.state.kind !== 'open');
  const shown = open.slice(0, SUGGESTIONS_SHOWN);
  const date = formatDueDate(meeting.date, view.locale);
  return render({
    fallbackText: `Suggested actions from Copilot's recap of the meeting on ${date}: ${open.length} to accept or dismiss.`,
    intro: `From Copilot's recap of the meeting on ${date}. Nothing is recorded until someone accepts a suggestion; check the owner and add a due date first.`,
    notice: view.notice?.text ?? '',
    noticeStyle: view.notice?.style ?? 'accent',
    open: shown.map((item) => ({
      text: clip(item.text),
      ownerHint: ownerHint(item),
      picker: renderOwnerPicker(series, {
        label: 'Owner(s)',
        chosen: item.matches.length === 1 ? item.matches : [],
        also: item.matches,
        scope: 'chat',
        inputId: suggestionInputIds(item.id).owners,
        required: false,
      }),
      dueId: suggestionInputIds(item.id).due,
      target: { meetingId: meeting.id, seriesId: series.id, suggestionId: item.id },
    })),
    more: open.length > shown.length ? `${open.length - shown.length} more ${open.length - shown.length === 1 ? 'suggestion appears' : 'suggestions appear'} here as these are answered.` : '',
    answered: answered.slice(-ANSWERED_SHOWN).map((item) => ({ ...statusOf(item), text: clip(item.text) })),
    answeredMore: answered.length > ANSWERED_SHOWN ? `and ${answered.length - ANSWERED_SHOWN} answered earlier.` : '',
    verbs: CARD_VERBS,
  });
}

function ownerHint(item: SuggestedAction): string {
  if (!item.ownerName) return 'The recap names no owner: choose who will do it.';
  if (item.matches.length === 1) return `The recap says ${item.ownerName}.`;
  if (item.matches.length > 1) return `The recap says ${item.ownerName}, who could be one of several people here: choose who.`;
  return `The recap says ${item.ownerName}, who is not a member of this chat: choose who will do it.`;
}

function statusOf(item: SuggestedAction): { status: string; color: 'Good' | 'Default' | 'Accent' } {
  const state = item.state;
  switch (state.kind) {
    case 'accepted':
      return { status: `Accepted as ${formatActionRef(state.number)} by ${state.by.name}:`, color: 'Good' };
    case 'dismissed':
      return { status: `Dismissed by ${state.by.name}:`, color: 'Default' };
    case 'captured':
      return { status: `Already captured as ${formatActionRef(state.number)}:`, color: 'Accent' };
    case 'open':
      return { status: '', color: 'Default' };
  }
}

function clip(text: string): string {
  return text.length <= TEXT_SHOWN ? text : `${text.slice(0, TEXT_SHOWN - 1)}…`;
}
