import type { AdaptiveCardJson } from './render';

/**
 * Every card the bot sends stays under this many bytes of JSON. Teams refuses a message over about
 * 28 KB (`MessageSizeTooBig`), and Microsoft advises keeping cards well below it; the rest of the
 * message (the activity, an @mention) fits in the difference.
 */
export const CARD_BUDGET_BYTES = 24 * 1024;

/** The longest a piece of someone's text (an action, a line of the action log) is shown in a list before "…". */
export const LIST_TEXT_LIMIT = 400;

/** Which rows of a list one card shows. */
export interface PageSpan {
  /** First row shown (0-based). */
  from: number;
  /** One past the last row shown. */
  to: number;
  total: number;
}

/** The "Show more" button a list card carries when there are rows after it. */
export interface MoreButton {
  shown: boolean;
  title: string;
  /** What the click sends back: which list, and the row to start from. */
  data: Record<string, unknown>;
}

/** A card showing one page of a list, and the row the next page starts at, if there is one. */
export interface ListPage {
  card: AdaptiveCardJson;
  next?: number;
}

/** The size of a card as Teams receives it. */
export function cardBytes(card: AdaptiveCardJson): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/**
 * Renders the page of a list starting at row `from` that fits in one card: at most `maxRows` rows,
 * fewer while the card is over the budget. Each row is bounded (texts are clipped), so one row
 * always fits. A `from` past the end (the list shrank since) starts again from the top.
 */
export function fitListPage(total: number, from: number, maxRows: number, render: (span: PageSpan) => AdaptiveCardJson): ListPage {
  const start = from > 0 && from < total ? Math.floor(from) : 0;
  let count = Math.max(1, Math.min(maxRows, total - start));
  for (;;) {
    const span = { from: start, to: Math.min(total, start + count), total };
    const card = render(span);
    const bytes = cardBytes(card);
    if (bytes <= CARD_BUDGET_BYTES || count === 1) return { card, ...(span.to < total ? { next: span.to } : {}) };
    count = Math.max(1, Math.min(count - 1, Math.floor((count * CARD_BUDGET_BYTES) / bytes)));
  }
}

/** The "Show more" button for a page: hidden on the last page. `list` names the list and what it needs to be read again. */
export function moreButton(span: PageSpan, list: Record<string, unknown>): MoreButton {
  const left = span.total - span.to;
  return { shown: left > 0, title: `Show more (${left} more)`, data: { ...list, from: span.to } };
}

/** "Showing 26–50 of 500." for a list longer than one page, else empty. */
export function spanNote(span: PageSpan): string {
  if (span.from === 0 && span.to >= span.total) return '';
  return `Showing ${span.from + 1}–${span.to} of ${span.total}.`;
}

/** Someone's text, shortened for a list with "…" when it is longer than `limit` characters. */
export function clipForList(text: string, limit = LIST_TEXT_LIMIT): string {
  const characters = [...text];
  return characters.length > limit ? `${characters.slice(0, limit - 1).join('').trimEnd()}…` : text;
}
