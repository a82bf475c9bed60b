import { formatActionRef } from '../domain/actionRef';
import { formatDueDate } from '../domain/dateFormat';
import { LIMITS } from '../domain/limits';
import type { OwnerDigest } from '../domain/scheduling/ownerDigest';
import type { Action } from '../domain/types';
import { prepareCard, type AdaptiveCardJson } from './render';
import template from './templates/weeklyDigestCard.json';
import { CARD_VERBS } from './verbs';

/** One action line of the digest. */
interface DigestItem {
  ref: string;
  text: string;
  chat: string;
  due: string;
  dueColor: 'Attention' | 'Default';
  closable: boolean;
  actionId: string;
  seriesId: string;
  conversationId: string;
  noteId: string;
  noteLimit: number;
  verbs: typeof CARD_VERBS;
}

/** The data the weekly digest template binds to. */
export interface WeeklyDigestCardData {
  title: string;
  summary: string;
  notice: string;
  sections: Array<{ heading: string; color: 'Attention' | 'Accent' | 'Default'; items: DigestItem[] }>;
}

const render = prepareCard<WeeklyDigestCardData>(template);

/**
 * Draws a person's weekly digest: every open action they own across chats, overdue first, then due
 * this week, then later, each with its own Close. `chatTitle` names the chat an action came from.
 */
export function renderWeeklyDigestCard(
  digest: OwnerDigest,
  options: { locale: string; chatTitle: (action: Action) => string; notice?: string; closable?: (action: Action) => boolean },
): AdaptiveCardJson {
  const item = (action: Action, late: boolean): DigestItem => ({
    ref: formatActionRef(action.number),
    text: action.text,
    chat: options.chatTitle(action),
    due: action.due ? formatDueDate(action.due, options.locale) : 'No date',
    dueColor: late ? 'Attention' : 'Default',
    closable: options.closable?.(action) ?? true,
    actionId: action.id,
    seriesId: action.seriesId,
    conversationId: action.conversationId,
    noteId: `note-${action.id}`,
    noteLimit: LIMITS.noteLength,
    verbs: CARD_VERBS,
  });
  const sections: WeeklyDigestCardData['sections'] = [
    { heading: `Overdue (${digest.overdue.length})`, color: 'Attention' as const, items: digest.overdue.map((action) => item(action, true)) },
    { heading: `Due this week (${digest.thisWeek.length})`, color: 'Accent' as const, items: digest.thisWeek.map((action) => item(action, false)) },
    { heading: `Later (${digest.later.length})`, color: 'Default' as const, items: digest.later.map((action) => item(action, false)) },
  ].filter((section) => section.items.length > 0);
  return render({
    title: 'Your open actions',
    summary:
      digest.total === 0
        ? 'You have no open actions. Nothing to chase this week.'
        : `${digest.total} open across your meetings${digest.overdue.length ? `, ${digest.overdue.length} overdue` : ''}. Close one here, or add an update from its card in the meeting chat.`,
    notice: options.notice ?? '',
    sections,
  });
}
