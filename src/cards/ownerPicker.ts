import type { Person, Series } from '../domain/types';
import { PEOPLE_DATASETS, pickerChoices, type PickerChoice, type PickerScope } from './people';
import { prepareElement, type CardElementJson } from './render';
import template from './templates/ownerPicker.json';

/** The data the owner picker binds to. */
export interface OwnerPickerData {
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
}

const render = prepareElement<OwnerPickerData>(template);

/**
 * Teams' people picker for owners (input id `owners`): an `Input.ChoiceSet` whose `choices.data`
 * lets Teams search people as they type, and whose few static choices serve clients without it.
 * Teams submits the chosen people's Entra object ids, comma-separated, as it does for choices.
 */
export function renderOwnerPicker(series: Series, view: OwnerPickerView): CardElementJson {
  return render({
    label: view.label,
    chosenIds: view.chosen.map((person) => person.id).join(','),
    choices: pickerChoices(series, view.chosen, view.also ?? []),
    dataset: PEOPLE_DATASETS[view.scope],
  });
}
