import type { TurnContext } from 'botbuilder';
import { renderActionCard } from '../../cards/actionCard';
import { renderNoticeCard } from '../../cards/noticeCard';
import type { ChangeRequest, TransitionResult } from '../../domain/actionTransitions';
import type { Action, Series } from '../../domain/types';
import { changeAction } from '../../services/actionChangeService';
import type { BotDeps } from '../botDeps';
import { afterActionChange } from '../afterActionChange';
import { readActionTarget, type CardInput } from '../cardData';
import { answerInvokeWithCard } from '../cardReplies';
import { resolveCardTarget } from '../cardTarget';
import type { TurnInfo } from '../turnInfo';
import type { CardActionHandler } from './handlerTypes';

/** How one button turns its card data into a change, and what to tell the person who clicked. */
export interface CardChange {
  /** Reads the button's inputs into a transition, or a message saying what to fix. */
  read: (data: unknown, series: Series) => CardInput<(action: Action, change: ChangeRequest) => TransitionResult>;
  /** The line shown on top of the clicker's card after the change. */
  done: (action: Action) => string;
}

/**
 * Builds a button handler: check the card belongs to this chat, apply the change, redraw every
 * copy of the card, and answer the clicker with their own view of it plus a line saying what
 * happened (or why nothing did).
 */
export function cardChangeHandler(spec: CardChange): CardActionHandler {
  return async (context, deps, info, data) => {
    const target = readActionTarget(data);
    if (!target.ok) return answerNotice(context, target.message);
    const found = await resolveCardTarget(deps, info, target.value);
    if (!found.ok) return answerNotice(context, found.message);
    const series = found.series;
    const transition = spec.read(data, series);
    const request = { eventId: info.activityId, at: info.now, person: info.speaker };
    if (!transition.ok) return answerWithAction(context, deps, info, series, target.value.actionId, { text: transition.message, style: 'attention' });
    const outcome = await changeAction(deps.store, series, { id: target.value.actionId }, request, transition.value);
    if (outcome.kind === 'notFound') return answerNotice(context, outcome.reason);
    if (outcome.kind === 'changed') await afterActionChange(context, deps, info, outcome.action, series, outcome.previous);
    const notice =
      outcome.kind === 'changed'
        ? { text: spec.done(outcome.action), style: 'good' as const }
        : { text: outcome.reason, style: outcome.kind === 'refused' ? ('attention' as const) : ('accent' as const) };
    await answerInvokeWithCard(context, renderActionCard(outcome.action, series, { viewer: info.speaker, notice, locale: info.locale, now: info.now }));
  };
}

/** Answers a click with the action's current card for the clicker, topped by a notice. */
export async function answerWithAction(
  context: TurnContext,
  deps: BotDeps,
  info: TurnInfo,
  series: Series,
  actionId: string,
  notice?: { text: string; style: 'good' | 'attention' | 'accent' },
): Promise<void> {
  const stored = await deps.store.getAction(series, actionId);
  if (!stored) return answerNotice(context, 'That action is not in this chat, or no longer exists.');
  await answerInvokeWithCard(
    context,
    renderActionCard(stored.value, series, { viewer: info.speaker, ...(notice ? { notice } : {}), locale: info.locale, now: info.now }),
  );
}

/** Answers a click with a short explanation card. */
export async function answerNotice(context: TurnContext, message: string): Promise<void> {
  await answerInvokeWithCard(context, renderNoticeCard({ title: 'Nothing was changed', message, style: 'attention' }));
}
