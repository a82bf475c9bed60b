import type { ActionLogEntry } from '../domain/minutes/actionLog';
import type { Decision } from '../domain/types';
import { formatAgendaItem } from '../domain/agendaItem';
import { clipForList, fitListPage, LIST_TEXT_LIMIT, moreButton, spanNote, type MoreButton } from './listPage';
import { prepareCard, type AdaptiveCardJson } from './render';
import template from './templates/actionLogCard.json';
import { CARD_VERBS } from './verbs';

/** The data the action log template binds to. */
export interface ActionLogCardData {
  title: string;
  subtitle: string;
  /** "Showing 31–60 of 200." when the log takes more than one card. */
  pageNote: string;
  /** Whether this page shows the "Action log" heading (it has entries, or the log is empty). */
  logHeading: boolean;
  /** Whether to say that there is nothing in the log. */
  noEntries: boolean;
  entries: Array<{ ref: string; line: string; color: 'Attention' | 'Good' | 'Default' }>;
  decisionsHeading: string;
  decisions: Array<{ line: string }>;
  more: MoreButton;
  verbs: typeof CARD_VERBS;
}

/** What an action log card is, and what its "Show more" sends back to read it again. */
export interface ActionLogCardOptions {
  title: string;
  subtitle: string;
  entries: readonly ActionLogEntry[];
  decisions?: readonly Decision[];
  decisionsHeading?: string;
  /** Names the list for "Show more" (which log, and what it needs to be built again). */
  list: Record<string, unknown>;
  /** The first row to show: entries, then decisions. */
  from?: number;
}

/** Rows on one card at most. */
const ROWS_PER_PAGE = 30;
/** A log line carries the updates since the last meeting, so it may run longer than a list's text; the minutes keep it whole. */
const LOG_LINE_LIMIT = 2 * LIST_TEXT_LIMIT;

const render = prepareCard<ActionLogCardData>(template);

/**
 * Draws an action log ("matters arising"): each action open or closed since the last meeting, in
 * the minutes' own wording, overdue first; and optionally the last meeting's decisions. One page
 * from row `from`; a longer log ends with "Show more" (the minutes hold it all).
 */
export function renderActionLogCard(options: ActionLogCardOptions): AdaptiveCardJson {
  const decisions = options.decisions ?? [];
  const total = options.entries.length + decisions.length;
  return fitListPage(total, options.from ?? 0, ROWS_PER_PAGE, (span) => {
    const entries = options.entries.slice(span.from, span.to);
    const firstDecision = Math.max(0, span.from - options.entries.length);
    const lastDecision = Math.max(0, span.to - options.entries.length);
    return render({
      title: options.title,
      subtitle: options.subtitle,
      pageNote: spanNote(span),
      logHeading: entries.length > 0 || (options.entries.length === 0 && span.from === 0),
      noEntries: options.entries.length === 0 && span.from === 0,
      entries: entries.map((entry) => ({
        ref: entry.ref,
        line: clipForList(entry.line, LOG_LINE_LIMIT),
        color: entry.overdue ? 'Attention' : entry.status === 'closed' ? 'Good' : 'Default',
      })),
      decisionsHeading: options.decisionsHeading ?? 'Decisions',
      decisions: decisions.slice(firstDecision, lastDecision).map((decision) => ({ line: clipForList(`${formatAgendaItem(decision.item)} — ${decision.number}. ${decision.text}`) })),
      more: moreButton(span, options.list),
      verbs: CARD_VERBS,
    });
  }).card;
}
