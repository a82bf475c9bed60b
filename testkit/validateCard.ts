// The adaptivecards package's Node build has no type declarations of its own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AdaptiveCards = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: Array<{ message: string }> } };
  SerializationContext: new () => { targetVersion: unknown; eventCount: number; getEventAt(index: number): { message: string } };
  Versions: { v1_5: unknown };
};

/** What the library reports as newer than 1.5 but Teams documents for its cards (Microsoft Learn: People Picker in Adaptive Cards). */
const TEAMS_EXTENSIONS = [/^Property "choices\.data" is supported in version 1\.6/];

/**
 * Parses a card with the official Adaptive Cards library at version 1.5 (what Teams renders) and
 * returns every problem it reports: unknown elements, bad properties, duplicate input ids.
 */
export function adaptiveCardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const json = card as { type?: unknown; version?: unknown };
  if (json.type !== 'AdaptiveCard') problems.push('not an AdaptiveCard');
  if (json.version !== '1.5') problems.push(`version is ${String(json.version)}, Teams renders up to 1.5`);
  const parsed = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  context.targetVersion = AdaptiveCards.Versions.v1_5;
  parsed.parse(card, context);
  for (let index = 0; index < context.eventCount; index += 1) {
    const message = context.getEventAt(index).message;
    // Teams renders its people picker (`choices.data`, a Data.Query of the chat's members) in 1.5 cards.
    if (!TEAMS_EXTENSIONS.some((allowed) => allowed.test(message))) problems.push(message);
  }
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  if (JSON.stringify(card).includes('${')) problems.push('unexpanded template expression');
  return problems;
}
