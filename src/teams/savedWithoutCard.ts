import { formatActionRef } from '../domain/actionRef';
import { formatAgendaItem } from '../domain/agendaItem';
import type { Action, Decision } from '../domain/types';

/**
 * What to say when an action is saved but posting its card failed: where to find it, and not to type
 * it again. Worded for both ways that happens: Teams refused the card, or did not answer in time
 * (and may yet show it).
 */
export function actionSavedWithoutCard(action: Action): string {
  return `Saved as ${formatActionRef(action.number)} (${shorten(action.text)}), but Teams did not confirm its card. If the card does not appear, type /actions to see it; there is no need to type it again.`;
}

/** The same for a decision: it is in the minutes. */
export function decisionSavedWithoutCard(decision: Decision): string {
  return `Recorded decision ${decision.number} under ${formatAgendaItem(decision.item)} (${shorten(decision.text)}), but Teams did not confirm its card. It is in the minutes (/minutes); there is no need to type it again.`;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
