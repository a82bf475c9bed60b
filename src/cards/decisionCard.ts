import { formatAgendaItem } from '../domain/agendaItem';
import { formatDueDate } from '../domain/dateFormat';
import type { Decision } from '../domain/types';
import { prepareCard, type AdaptiveCardJson } from './render';
import template from './templates/decisionCard.json';

/** The data the decision card binds to. */
export interface DecisionCardData {
  number: number;
  text: string;
  item: string;
  recorded: string;
}

const render = prepareCard<DecisionCardData>(template);

/** Draws a recorded decision with its number within the item. */
export function renderDecisionCard(decision: Decision, locale: string): AdaptiveCardJson {
  return render({
    number: decision.number,
    text: decision.text,
    item: formatAgendaItem(decision.item),
    recorded: `${decision.recordedBy.name} · ${formatDueDate(decision.meetingDate, locale)}`,
  });
}
