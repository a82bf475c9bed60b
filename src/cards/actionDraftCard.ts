import type { ActionDraft } from '../domain/actionCommand';
import { formatAgendaItem } from '../domain/agendaItem';
import { formatDueDate } from '../domain/dateFormat';
import type { Series } from '../domain/types';
import { peopleLabel } from './people';
import { prepareCard, type AdaptiveCardJson } from './render';
import template from './templates/actionDraftCard.json';

/** The data the draft (preview) card binds to. */
export interface ActionDraftCardData {
  text: string;
  owners: string;
  ownerIds: string;
  due: string;
  dueValue: string;
  item: string;
  formId: string;
  seriesId: string;
}

/** Which dialog the draft came from, and how to write its date. */
export interface ActionDraftView {
  formId: string;
  locale: string;
}

const render = prepareCard<ActionDraftCardData>(template);

/**
 * Draws an action not yet saved, as Teams previews it in the compose box before it is sent. Hidden
 * inputs carry the form (and its id) back to the bot when the person presses Send or Edit, since
 * Teams returns the previewed card and nothing else.
 */
export function renderActionDraftCard(series: Series, draft: ActionDraft, view: ActionDraftView): AdaptiveCardJson {
  return render({
    text: draft.text,
    owners: peopleLabel(series, draft.owners),
    ownerIds: draft.owners.map((owner) => owner.id).join(','),
    due: draft.due ? formatDueDate(draft.due, view.locale) : 'No due date',
    dueValue: draft.due ?? '',
    item: formatAgendaItem(series.currentItem),
    formId: view.formId,
    seriesId: series.id,
  });
}
