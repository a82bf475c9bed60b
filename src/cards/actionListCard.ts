import { byUrgency, groupOpenActionsByOwner } from '../domain/actionList';
import { formatActionRef } from '../domain/actionRef';
import { formatDueDate, isOverdue } from '../domain/dateFormat';
import type { Action, Person, Series } from '../domain/types';
import { clipForList, fitListPage, moreButton, spanNote, type MoreButton } from './listPage';
import { personLabel } from './people';
import { prepareCard, type AdaptiveCardJson } from './render';
import template from './templates/actionListCard.json';
import { CARD_VERBS } from './verbs';

/** The data the open-actions list binds to. */
export interface ActionListCardData {
  title: string;
  summary: string;
  /** "Showing actions 41–80 of 500." when the list takes more than one card. */
  pageNote: string;
  groups: Array<{ owner: string; actions: Array<{ ref: string; text: string; due: string; dueColor: 'Attention' | 'Default' }> }>;
  more: MoreButton;
  verbs: typeof CARD_VERBS;
}

/** What `/actions` in a chat sends back on "Show more". */
export const CHAT_ACTIONS_LIST = 'chatActions';

/** Rows on one card at most: a chat's list is read, not worked through, so it can be long. */
const ROWS_PER_PAGE = 40;

const render = prepareCard<ActionListCardData>(template);

/**
 * Draws `/actions`: the chat's open actions grouped by owner, overdue first, one page of them from
 * row `from` (an action with two owners is a row under each). A longer list ends with "Show more",
 * which answers the person who clicked with the next page.
 */
export function renderActionListCard(actions: readonly Action[], series: Series, locale: string, now: string, from = 0): AdaptiveCardJson {
  const open = actions.filter((action) => action.status === 'open');
  const overdue = open.filter((action) => action.due && isOverdue(action.due, now, series.timeZone)).length;
  const rows = groupOpenActionsByOwner(open, now, series.timeZone).flatMap((group) =>
    [...group.actions].sort(byUrgency).map((action) => ({ group, action })),
  );
  const firstRef = rows[0] ? formatActionRef(rows[0].action.number) : 'A-1';
  return fitListPage(rows.length, from, ROWS_PER_PAGE, (span) => {
    const groups: ActionListCardData['groups'] = [];
    let current: { owner: Person; entry: ActionListCardData['groups'][number] } | undefined;
    for (const { group, action } of rows.slice(span.from, span.to)) {
      if (current?.owner.id !== group.owner.id) {
        const continued = current === undefined && span.from > 0 && rows[span.from - 1]?.group.owner.id === group.owner.id;
        current = {
          owner: group.owner,
          entry: { owner: `${personLabel(series, group.owner)}${group.overdueCount ? ` · ${group.overdueCount} overdue` : ''}${continued ? ' (continued)' : ''}`, actions: [] },
        };
        groups.push(current.entry);
      }
      const late = action.due !== undefined && isOverdue(action.due, now, series.timeZone);
      current.entry.actions.push({
        ref: formatActionRef(action.number),
        text: clipForList(action.text),
        due: action.due ? `${late ? 'Overdue · ' : ''}${formatDueDate(action.due, locale)}` : 'No date',
        dueColor: late ? 'Attention' : 'Default',
      });
    }
    return render({
      title: 'Open actions',
      summary:
        open.length === 0
          ? 'No open actions in this chat. Capture one with /action.'
          : `${open.length} open${overdue ? `, ${overdue} overdue` : ''}. Close one with /close ${firstRef}, or from its card.`,
      pageNote: spanNote(span),
      groups,
      more: moreButton(span, { list: CHAT_ACTIONS_LIST }),
      verbs: CARD_VERBS,
    });
  }).card;
}
