import type { ActionDraft } from '../domain/actionCommand';
import { formatAgendaItem } from '../domain/agendaItem';
import { LIMITS } from '../domain/limits';
import type { Series } from '../domain/types';
import { memberChoices } from './people';
import { prepareCard, type AdaptiveCardJson } from './render';
import template from './templates/actionFormCard.json';
import { CARD_VERBS } from './verbs';

/** The data the new-action form binds to. */
export interface ActionFormCardData {
  seriesId: string;
  notice: string;
  item: string;
  text: string;
  ownerIds: string;
  dueValue: string;
  memberChoices: Array<{ title: string; value: string }>;
  textLimit: number;
  verbs: typeof CARD_VERBS;
}

const render = prepareCard<ActionFormCardData>(template);

/** Draws the new-action form, prefilled with whatever `/action …` already said. */
export function renderActionFormCard(series: Series, draft: Partial<ActionDraft>, notice = ''): AdaptiveCardJson {
  return render({
    seriesId: series.id,
    notice,
    item: formatAgendaItem(series.currentItem),
    text: draft.text ?? '',
    ownerIds: (draft.owners ?? []).map((owner) => owner.id).join(','),
    dueValue: draft.due ?? '',
    memberChoices: memberChoices(series, draft.owners ?? []),
    textLimit: LIMITS.textLength,
    verbs: CARD_VERBS,
  });
}
