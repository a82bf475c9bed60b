import type { ActionLogEntry } from '../domain/minutes/actionLog';
import type { Decision } from '../domain/types';
import { formatAgendaItem } from '../domain/agendaItem';
import { prepareCard, type AdaptiveCardJson } from './render';
import template from './templates/actionLogCard.json';

/** The data the action log template binds to. */
export interface ActionLogCardData {
  title: string;
  subtitle: string;
  entries: Array<{ ref: string; line: string; color: 'Attention' | 'Good' | 'Default' }>;
  decisionsHeading: string;
  decisions: Array<{ line: string }>;
}

const render = prepareCard<ActionLogCardData>(template);

/**
 * Draws an action log ("matters arising"): each action open or closed since the last meeting, in
 * the minutes' own wording, overdue first; and optionally the last meeting's decisions.
 */
export function renderActionLogCard(options: {
  title: string;
  subtitle: string;
  entries: readonly ActionLogEntry[];
  decisions?: readonly Decision[];
  decisionsHeading?: string;
}): AdaptiveCardJson {
  return render({
    title: options.title,
    subtitle: options.subtitle,
    entries: options.entries.map((entry) => ({
      ref: entry.ref,
      line: entry.line,
      color: entry.overdue ? 'Attention' : entry.status === 'closed' ? 'Good' : 'Default',
    })),
    decisionsHeading: options.decisionsHeading ?? 'Decisions',
    decisions: (options.decisions ?? []).map((decision) => ({ line: `${formatAgendaItem(decision.item)} — ${decision.number}. ${decision.text}` })),
  });
}
