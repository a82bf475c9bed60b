import { Template } from 'adaptivecards-templating';

/** An Adaptive Card as JSON, ready to attach to a message or an invoke response. */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string; [key: string]: unknown };

/** The MIME type Teams expects for an Adaptive Card attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * Prepares a card template once and returns its renderer. Parsing the template is the costly part,
 * so it happens at module load, not per card. `constants` are bound then too (see `bindConstants`),
 * so no render pays to evaluate what never changes.
 */
export function prepareCard<TData extends object>(templateJson: object, constants: Record<string, unknown> = {}): (data: TData) => AdaptiveCardJson {
  const template = new Template(bindConstants(templateJson, constants));
  return (data) => template.expand({ $root: data }) as AdaptiveCardJson;
}

/** A whole-string binding of a name or a path from it: `${verbs.close}`, `${noteLimit}`. */
const PATH_BINDING = /^\$\{([A-Za-z_]\w*)((?:\.[A-Za-z_]\w*)*)\}$/u;

/**
 * A copy of a template with every string that is exactly `${name}` or `${name.field…}`, for a `name`
 * among `constants`, replaced by its value: what the engine would produce for it on every render
 * (a whole-string binding keeps its value's type). Button verbs and limits so cost nothing per
 * card. A path that leads nowhere is a mistake in the template and fails here, at load.
 */
export function bindConstants(node: unknown, constants: Record<string, unknown>): unknown {
  if (typeof node === 'string') {
    const match = PATH_BINDING.exec(node);
    const name = match?.[1];
    if (!match || name === undefined || !Object.hasOwn(constants, name)) return node;
    let value: unknown = constants[name];
    for (const field of (match[2] ?? '').split('.').slice(1)) value = (value as Record<string, unknown> | undefined)?.[field];
    if (value === undefined) throw new Error(`the template binds ${node}, which the constants do not have`);
    return value;
  }
  if (Array.isArray(node)) return node.map((item) => bindConstants(item, constants));
  if (typeof node === 'object' && node !== null) return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, bindConstants(value, constants)]));
  return node;
}

/** One element of a card (an Adaptive Card element as JSON), for elements several cards share. */
export type CardElementJson = { type: string; [key: string]: unknown };

/** Prepares the template of an element several cards share, once; cards bind the result as `"${name}"`. */
export function prepareElement<TData extends object>(templateJson: object): (data: TData) => CardElementJson {
  const template = new Template(templateJson);
  return (data) => template.expand({ $root: data }) as CardElementJson;
}
