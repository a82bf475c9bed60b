import { renderActionCard } from '../../cards/actionCard';
import { renderNoticeCard } from '../../cards/noticeCard';
import type { AdaptiveCardJson } from '../../cards/render';
import type { Action, Series, SeriesKey } from '../../domain/types';
import type { ActionTransition, AppliedOutcome } from '../../services/actionChangeService';
import type { ActionLocator } from '../../store/chatRecords';
import { readActionTarget, type CardInput } from '../cardData';
import { cardTarget } from '../cardTarget';
import type { CardHandler, Turn } from '../turn';

/** How one button turns its card data into a change, and what to tell the person who clicked. */
export interface CardChange {
  /** Reads the button's inputs into a transition, or a message saying what to fix. */
  read: (data: unknown) => CardInput<ActionTransition>;
  /** The line shown on top of the clicker's card after the change. */
  done: (action: Action) => string;
}

/** A notice's colour on the card. */
type NoticeStyle = 'good' | 'attention' | 'accent';

/**
 * Builds a button handler: check the card belongs where it was clicked, apply the change, redraw
 * every copy of the card, and answer the clicker with their own view of it plus a line saying what
 * happened (or why nothing did).
 */
export function cardChangeHandler(spec: CardChange): CardHandler {
  return async (turn, data) => {
    const target = readActionTarget(data);
    if (!target.ok) return noticeCard(target.message);
    const where = cardTarget(turn.facts, target.value);
    if (!where.ok) return noticeCard(where.message);
    const locator = { id: target.value.actionId };
    const transition = spec.read(data);
    if (!transition.ok) return answerWithAction(turn, where.key, locator, { text: transition.message, style: 'attention' }, where.guard);
    const { facts } = turn;
    const result = await turn.room.useCases.actions.change(where.key, locator, { eventId: facts.activityId, at: facts.now, person: facts.speaker }, transition.value, where.guard);
    if (result.kind === 'notFound' || result.kind === 'forbidden') return noticeCard(result.reason);
    if (result.kind === 'changed') await redrawCopies(turn, result.action, result.series);
    return clickerCard(turn, result.action, result.series, noticeOf(result, spec.done));
  };
}

/** Redraws every posted copy of an action's card with its new state (the view everyone in a chat shares). */
export async function redrawCopies(turn: Turn, action: Action, series: Series): Promise<void> {
  await turn.reply.redraw(action.cards, renderActionCard(action, series, { locale: turn.facts.locale, now: turn.facts.now }));
}

/** The action a click is about and its series, or the card that says why it cannot be acted on. */
export type ClickedAction = { ok: true; action: Action; series: Series } | { ok: false; card: AdaptiveCardJson };

/** Reads the action a click is about with its series (one round trip), checking the clicker may act on that chat from here. */
export async function findClickedAction(turn: Turn, key: SeriesKey, locator: ActionLocator, guard?: (series: Series) => string | undefined): Promise<ClickedAction> {
  const found = await turn.room.useCases.actions.find(key, locator);
  if (!found.series) return { ok: false, card: noticeCard('That chat has no actions with me any more.') };
  const refusal = guard?.(found.series.value);
  if (refusal) return { ok: false, card: noticeCard(refusal) };
  if (!found.action) return { ok: false, card: noticeCard('That action is not in this chat, or no longer exists.') };
  return { ok: true, action: found.action.value, series: found.series.value };
}

/** Answers a click with the action's current card for the clicker, topped by a notice. */
export async function answerWithAction(
  turn: Turn,
  key: SeriesKey,
  locator: ActionLocator,
  notice?: { text: string; style: NoticeStyle },
  guard?: (series: Series) => string | undefined,
): Promise<AdaptiveCardJson> {
  const found = await findClickedAction(turn, key, locator, guard);
  return found.ok ? clickerCard(turn, found.action, found.series, notice) : found.card;
}

/** The action's card as the clicker sees it (the buttons they may use), with an optional notice, or with the owner picker. */
export function clickerCard(turn: Turn, action: Action, series: Series, notice?: { text: string; style: NoticeStyle }, picking = false): AdaptiveCardJson {
  // In a 1:1 chat (a reminder) the chat's own members are the person and the bot, so Teams searches the organisation.
  const scope = turn.facts.conversationType === 'personal' ? 'organisation' : 'chat';
  return renderActionCard(action, series, { viewer: turn.facts.speaker, ...(notice ? { notice } : {}), ...(picking ? { picking: { scope } } : {}), locale: turn.facts.locale, now: turn.facts.now });
}

/** A short card explaining why nothing was changed. */
export function noticeCard(message: string): AdaptiveCardJson {
  return renderNoticeCard({ title: 'Nothing was changed', message, style: 'attention' });
}

function noticeOf(outcome: AppliedOutcome, done: (action: Action) => string): { text: string; style: NoticeStyle } {
  if (outcome.kind === 'changed') return { text: done(outcome.action), style: 'good' };
  return { text: outcome.reason, style: outcome.kind === 'refused' ? 'attention' : 'accent' };
}
