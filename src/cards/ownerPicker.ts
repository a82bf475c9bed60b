import type { Person, Series } from '../domain/types';
import { PEOPLE_DATASETS, pickerChoices, type PickerChoice, type PickerScope } from './people';
import { prepareElement, type CardElementJson } from './render';
import template from './templates/ownerPicker.json';

/** The data the owner picker binds to. */
export interface OwnerPickerData {
  inputId: string;
  required: boolean;
  label: string;
  /** The people chosen when the card is drawn, as comma-separated ids (Teams' multi-select value). */
  chosenIds: string;
  choices: PickerChoice[];
  dataset: string;
}

/** What an owner picker shows: its label, who is chosen, who else to offer first, and where Teams searches. */
export interface OwnerPickerView {
  label: string;
  chosen: readonly Person[];
  /** Offered right after the chosen (the person filling it in, the chair). */
  also?: readonly Person[];
  scope: PickerScope;
  /** The input's id (default `owners`): a card with several pickers names each. */
  inputId?: string;
  /**
   * Whether the client insists on a choice (default yes). Off where one card holds several pickers:
   * a button checks every required input on its card, so one suggestion's Accept would wait on another's owner.
   */
  required?: boolean;
}

const render = prepareElement<OwnerPickerData>(template);

/**
 * Teams' people picker for owners (input id `owners` unless named): an `Input.ChoiceSet` whose `choices.data`
 * lets Teams search people as they type, and whose few static choices serve clients without it.
 * Teams submits the chosen people's Entra object ids, comma-separated, as it does for choices.
 */
export function renderOwnerPicker(series: Series, view: OwnerPickerView): CardElementJson {
  return render({
    inputId: view.inputId ?? 'owners',
    required: view.required ?? true,
    label: view.label,
    chosenIds: view.chosen.map((person) => person.id).join(','),
    choices: pickerChoices(series, view.chosen, view.also ?? []),
    dataset: PEOPLE_DATASETS[view.scope],
  });
}
