import type { ActionDraft } from '../domain/actionCommand';
import { formatAgendaItem } from '../domain/agendaItem';
import { LIMITS } from '../domain/limits';
import type { Person, Series } from '../domain/types';
import { renderOwnerPicker } from './ownerPicker';
import { prepareCard, type AdaptiveCardJson, type CardElementJson } from './render';
import template from './templates/actionFormCard.json';
import { CARD_VERBS } from './verbs';

/** The data the new-action form binds to. */
export interface ActionFormCardData {
  seriesId: string;
  notice: string;
  item: string;
  text: string;
  dueValue: string;
  ownerPicker: CardElementJson;
  textLimit: number;
  /** A dialog (the message action) saves with `Action.Submit`; the form in the chat with `Action.Execute`. */
  dialog: boolean;
  /** The dialog's own id, sent back with Save: Save pressed twice saves one action. */
  formId: string;
  verbs: typeof CARD_VERBS;
}

/** How the form is shown: a line on top, who fills it in, and whether it is a dialog. */
export interface ActionFormView {
  /** What to fix, or what happened to the text, shown on top. */
  notice?: string;
  /** The person filling it in: offered among the first owners, with the chair. */
  author?: Person;
  /** Set when the form is a dialog opened by the message action: the id Save sends back. */
  dialogFormId?: string;
}

const render = prepareCard<ActionFormCardData>(template);

/** Draws the new-action form, prefilled with whatever `/action …` or the message already said. */
export function renderActionFormCard(series: Series, draft: Partial<ActionDraft>, view: ActionFormView = {}): AdaptiveCardJson {
  const also = [view.author, series.chair].filter((person): person is Person => person !== undefined);
  return render({
    seriesId: series.id,
    notice: view.notice ?? '',
    item: formatAgendaItem(series.currentItem),
    text: draft.text ?? '',
    dueValue: draft.due ?? '',
    ownerPicker: renderOwnerPicker(series, { label: 'Owner(s)', chosen: draft.owners ?? [], also, scope: 'chat' }),
    textLimit: LIMITS.textLength,
    dialog: view.dialogFormId !== undefined,
    formId: view.dialogFormId ?? '',
    verbs: CARD_VERBS,
  });
}
