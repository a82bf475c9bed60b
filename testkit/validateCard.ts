// The adaptivecards package's Node build has no type declarations of its own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AdaptiveCards = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: Array<{ message: string }> } };
  SerializationContext: new () => { targetVersion: unknown; eventCount: number; getEventAt(index: number): { message: string } };
  Versions: { v1_5: unknown };
};

/** The datasets Teams documents for its people picker (`Input.ChoiceSet` `choices.data`). */
const TEAMS_PEOPLE_DATASETS = ['graph.microsoft.com/users', 'graph.microsoft.com/users?scope=currentContext'];

/**
 * The library dates `choices.data` to schema 1.6; Teams documents it as its own extension of
 * `Input.ChoiceSet` (the people picker and dynamic typeahead) on the cards it renders. It is
 * accepted only in the shape Teams documents, which is checked here instead.
 */
const CHOICES_DATA_VERSION = 'Property "choices.data" is supported in version 1.6, but you are using version 1.5.';

/**
 * Parses a card with the official Adaptive Cards library at version 1.5 (what Teams renders) and
 * returns every problem it reports: unknown elements, bad properties, duplicate input ids, and a
 * `choices.data` that is not Teams' people picker.
 */
export function adaptiveCardProblems(card: unknown): string[] {
  const problems: string[] = [...peoplePickerProblems(card)];
  const json = card as { type?: unknown; version?: unknown };
  if (json.type !== 'AdaptiveCard') problems.push('not an AdaptiveCard');
  if (json.version !== '1.5') problems.push(`version is ${String(json.version)}, Teams renders up to 1.5`);
  const parsed = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  context.targetVersion = AdaptiveCards.Versions.v1_5;
  parsed.parse(card, context);
  for (let index = 0; index < context.eventCount; index += 1) {
    const message = context.getEventAt(index).message;
    if (message !== CHOICES_DATA_VERSION) problems.push(message);
  }
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  if (JSON.stringify(card).includes('${')) problems.push('unexpanded template expression');
  return problems;
}

/** Every `choices.data` in the card must be a `Data.Query` over one of Teams' people datasets, on a multi-select or single ChoiceSet. */
function peoplePickerProblems(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(peoplePickerProblems);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const problems: string[] = [];
  const query = record['choices.data'] as { type?: unknown; dataset?: unknown } | undefined;
  if (query !== undefined) {
    if (record['type'] !== 'Input.ChoiceSet') problems.push(`choices.data on a ${String(record['type'])}`);
    if (query.type !== 'Data.Query') problems.push(`choices.data has type ${String(query.type)}, not Data.Query`);
    if (typeof query.dataset !== 'string' || !TEAMS_PEOPLE_DATASETS.includes(query.dataset)) problems.push(`choices.data dataset ${String(query.dataset)} is not a Teams people dataset`);
  }
  for (const value of Object.values(record)) problems.push(...peoplePickerProblems(value));
  return problems;
}
