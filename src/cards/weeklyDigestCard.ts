import { formatActionRef } from '../domain/actionRef';
import { formatDueDate } from '../domain/dateFormat';
import { LIMITS } from '../domain/limits';
import type { OwnerDigest } from '../domain/scheduling/ownerDigest';
import type { Action } from '../domain/types';
import { clipForList, fitListPage, moreButton, spanNote, type MoreButton } from './listPage';
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
  /** The page this line is on, so closing it answers with the same page. */
  from: number;
  verbs: typeof CARD_VERBS;
}

/** The data the weekly digest template binds to. */
export interface WeeklyDigestCardData {
  title: string;
  summary: string;
  notice: string;
  /** "Showing 16–30 of 500." when the digest takes more than one card. */
  pageNote: string;
  sections: Array<{ heading: string; color: 'Attention' | 'Accent' | 'Default'; items: DigestItem[] }>;
  more: MoreButton;
  verbs: typeof CARD_VERBS;
}

/** What a person's digest (weekly, or `/actions` in the 1:1 chat) sends back on "Show more". */
export const MY_ACTIONS_LIST = 'myActions';

/** Lines on one card at most: each carries its own Close form, so a page is a working set. */
const ROWS_PER_PAGE = 15;

type Section = { heading: (count: number) => string; color: WeeklyDigestCardData['sections'][number]['color']; late: boolean; actions: readonly Action[] };

const render = prepareCard<WeeklyDigestCardData>(template);

/**
 * Draws a person's weekly digest: every open action they own across chats, overdue first, then due
 * this week, then later, each with its own Close, one page from line `from`; a longer digest ends
 * with "Show more". `chatTitle` names the chat an action came from.
 */
export function renderWeeklyDigestCard(
  digest: OwnerDigest,
  options: { locale: string; chatTitle: (action: Action) => string; notice?: string; closable?: (action: Action) => boolean; from?: number },
): AdaptiveCardJson {
  const sections: Section[] = [
    { heading: (count) => `Overdue (${count})`, color: 'Attention', late: true, actions: digest.overdue },
    { heading: (count) => `Due this week (${count})`, color: 'Accent', late: false, actions: digest.thisWeek },
    { heading: (count) => `Later (${count})`, color: 'Default', late: false, actions: digest.later },
  ];
  const rows = sections.flatMap((section) => section.actions.map((action) => ({ section, action })));
  return fitListPage(rows.length, options.from ?? 0, ROWS_PER_PAGE, (span) => {
    const shown: WeeklyDigestCardData['sections'] = [];
    let current: Section | undefined;
    for (const { section, action } of rows.slice(span.from, span.to)) {
      if (current !== section) {
        current = section;
        shown.push({ heading: section.heading(section.actions.length), color: section.color, items: [] });
      }
      shown.at(-1)?.items.push({
        ref: formatActionRef(action.number),
        text: clipForList(action.text),
        chat: options.chatTitle(action),
        due: action.due ? formatDueDate(action.due, options.locale) : 'No date',
        dueColor: section.late ? 'Attention' : 'Default',
        closable: options.closable?.(action) ?? true,
        actionId: action.id,
        seriesId: action.seriesId,
        conversationId: action.conversationId,
        noteId: `note-${action.id}`,
        noteLimit: LIMITS.noteLength,
        from: span.from,
        verbs: CARD_VERBS,
      });
    }
    return render({
      title: 'Your open actions',
      summary:
        digest.total === 0
          ? 'You have no open actions. Nothing to chase this week.'
          : `${digest.total} open across your meetings${digest.overdue.length ? `, ${digest.overdue.length} overdue` : ''}. Close one here, or add an update from its card in the meeting chat.`,
      notice: options.notice ?? '',
      pageNote: spanNote(span),
      sections: shown,
      more: moreButton(span, { list: MY_ACTIONS_LIST }),
      verbs: CARD_VERBS,
    });
  }).card;
}
