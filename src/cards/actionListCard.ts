import { byUrgency, groupOpenActionsByOwner } from '../domain/actionList';
import { formatActionRef } from '../domain/actionRef';
import { formatDueDate, isOverdue } from '../domain/dateFormat';
import type { Action, Series } from '../domain/types';
import { personLabel } from './people';
import { prepareCard, type AdaptiveCardJson } from './render';
import template from './templates/actionListCard.json';

/** The data the open-actions list binds to. */
export interface ActionListCardData {
  title: string;
  summary: string;
  groups: Array<{ owner: string; actions: Array<{ ref: string; text: string; due: string; dueColor: 'Attention' | 'Default' }> }>;
}

const render = prepareCard<ActionListCardData>(template);

/** Draws `/actions`: the chat's open actions grouped by owner, overdue first. */
export function renderActionListCard(actions: readonly Action[], series: Series, locale: string, now: string): AdaptiveCardJson {
  const open = actions.filter((action) => action.status === 'open');
  const overdue = open.filter((action) => action.due && isOverdue(action.due, now, series.timeZone)).length;
  const groups = groupOpenActionsByOwner(open, now, series.timeZone).map((group) => ({
    owner: `${personLabel(series, group.owner)}${group.overdueCount ? ` · ${group.overdueCount} overdue` : ''}`,
    actions: [...group.actions].sort(byUrgency).map((action) => {
      const late = action.due !== undefined && isOverdue(action.due, now, series.timeZone);
      return {
        ref: formatActionRef(action.number),
        text: action.text,
        due: action.due ? `${late ? 'Overdue · ' : ''}${formatDueDate(action.due, locale)}` : 'No date',
        dueColor: late ? ('Attention' as const) : ('Default' as const),
      };
    }),
  }));
  return render({
    title: 'Open actions',
    summary:
      open.length === 0
        ? 'No open actions in this chat. Capture one with /action.'
        : `${open.length} open${overdue ? `, ${overdue} overdue` : ''}. Close one with /close ${groups[0]?.actions[0]?.ref ?? 'A-1'}, or from its card.`,
    groups,
  });
}
