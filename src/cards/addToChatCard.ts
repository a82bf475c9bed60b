import { prepareCard, type AdaptiveCardJson } from './render';
import template from './templates/addToChatCard.json';

const render = prepareCard<Record<string, never>>(template);

/**
 * Asks to add the app to the chat before its dialog opens there. Its button is Teams' just-in-time
 * install: Teams adds the app, then sends the dialog's Save with `msteams.justInTimeInstall`.
 */
export function renderAddToChatCard(): AdaptiveCardJson {
  return render({});
}
