import { Template } from 'adaptivecards-templating';

/** An Adaptive Card as JSON, ready to attach to a message or an invoke response. */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string; [key: string]: unknown };

/** The MIME type Teams expects for an Adaptive Card attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * Prepares a card template once and returns its renderer. Parsing the template is the costly part,
 * so it happens at module load, not per card.
 */
export function prepareCard<TData extends object>(templateJson: object): (data: TData) => AdaptiveCardJson {
  const template = new Template(templateJson);
  return (data) => template.expand({ $root: data }) as AdaptiveCardJson;
}

/** One element of a card (an Adaptive Card element as JSON), for elements several cards share. */
export type CardElementJson = { type: string; [key: string]: unknown };

/** Prepares the template of an element several cards share, once; cards bind the result as `"${name}"`. */
export function prepareElement<TData extends object>(templateJson: object): (data: TData) => CardElementJson {
  const template = new Template(templateJson);
  return (data) => template.expand({ $root: data }) as CardElementJson;
}
