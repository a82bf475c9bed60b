import { Template } from 'adaptivecards-templating';
import { cardLines } from './cardLines';

/** An Adaptive Card as JSON, ready to attach to a message or an invoke response. */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string; [key: string]: unknown };

/** The MIME type Teams expects for an Adaptive Card attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The most characters of a card's text repeated in `fallbackText`: enough to say what the card is, never a second copy of a long list. */
export const FALLBACK_TEXT_LIMIT = 600;
/** The most characters read aloud from `speak`: the card's heading and first lines. */
export const SPEAK_LIMIT = 300;

/**
 * Prepares a card template once and returns its renderer. Parsing the template is the costly part,
 * so it happens at module load, not per card. `constants` are bound then too (see `bindConstants`),
 * so no render pays to evaluate what never changes. Every card leaves here with `fallbackText` (for
 * clients that cannot draw it) and `speak` (for voice and assistive clients), made from its own
 * visible text, so no card can be drawn without them.
 */
export function prepareCard<TData extends object>(templateJson: object, constants: Record<string, unknown> = {}): (data: TData) => AdaptiveCardJson {
  const template = new Template(bindConstants(templateJson, constants));
  return (data) => withReadableText(template.expand({ $root: data }) as AdaptiveCardJson);
}

/**
 * Adds `fallbackText` and `speak` from the card's visible text, unless the template set its own.
 * People's words are drawn in TextRuns, which Teams never reads as Markdown; `fallbackText` may be
 * read as Markdown and `speak` as SSML, so there their Markdown is escaped and their tags dropped,
 * and "[link](http://…)" or "<script>" typed in an action stays words.
 */
export function withReadableText(card: AdaptiveCardJson): AdaptiveCardJson {
  const lines = cardLines(card)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return {
    ...card,
    fallbackText: typeof card['fallbackText'] === 'string' ? card['fallbackText'] : clip(lines.map(escapeMarkdown), '\n', FALLBACK_TEXT_LIMIT),
    speak: typeof card['speak'] === 'string' ? card['speak'] : clip(lines.map(spoken).filter(Boolean).map(asSentence), ' ', SPEAK_LIMIT),
  };
}

/** Backslash-escapes what Markdown would turn into emphasis, code, links, headings, quotes or HTML. */
function escapeMarkdown(line: string): string {
  return line.replace(/[\\`*_[\]<>#~]/g, (character) => `\\${character}`);
}

/** What a voice reads: the words, without the symbols Markdown and SSML would act on ("A-1 | Open" reads "A-1, Open"). */
function spoken(line: string): string {
  return line.replace(/ \| /g, ', ').replace(/&/g, ' and ').replace(/[\\`*_[\]<>#~|]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Joins whole lines up to the limit; a line that does not fit ends the text with "…". */
function clip(lines: readonly string[], separator: string, limit: number): string {
  let text = '';
  for (const line of lines) {
    const next = text ? `${text}${separator}${line}` : line;
    if (next.length > limit) return text ? `${text}${separator}…` : `${line.slice(0, limit - 1).trimEnd()}…`;
    text = next;
  }
  return text;
}

/** A line read aloud ends with a stop, so a heading and the line after it are not run together. */
function asSentence(line: string): string {
  return /[.!?:…]$/.test(line) ? line : `${line}.`;
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
