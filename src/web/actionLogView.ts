import { describeEvent } from '../cards/actionCard';
import { byUrgency, groupOpenActionsByOwner } from '../domain/actionList';
import { canManage } from '../domain/actionTransitions';
import { formatActionRef } from '../domain/actionRef';
import { formatAgendaItem } from '../domain/agendaItem';
import { formatDueDate, isOverdue, localDate } from '../domain/dateFormat';
import { latestMeeting, previousMeeting } from '../domain/meetings/meetingLifecycle';
import { initialsOf, isChair } from '../domain/series';
import type { Action, Person, Series } from '../domain/types';
import type { ChatLogRecords } from '../services/tabService';
import type { ActionLogResponse, PageAction, PagePerson } from './tabApiTypes';

/** Closed actions listed at most; older ones are in the minutes (a chat may keep years of history). */
const CLOSED_SHOWN = 100;
/** History lines per action, as on the card. */
const HISTORY_SHOWN = 8;

/** Who looks, and how to word dates for them. */
export interface PageViewer {
  person: Person;
  locale: string;
  now: string;
}

/**
 * A chat's action log as its meeting tab shows it: open actions by owner (overdue first), the
 * actions closed since the last meeting with their updates, and the meeting in progress (or the
 * latest one) with its decisions and captures. The same grouping as `/actions` and the same
 * "since the last meeting" as the minutes' action log.
 */
export function actionLogView(records: ChatLogRecords, viewer: PageViewer): ActionLogResponse {
  const { series, actions, decisions, meetings } = records;
  const current = [...meetings].reverse().find((meeting) => meeting.status === 'open') ?? latestMeeting(meetings);
  const last = current?.status === 'open' ? previousMeeting(meetings, current) : current;
  const since = last ? (last.endedAt ?? last.startedAt) : undefined;
  const closed = actions
    .filter((action) => action.status === 'closed' && (since === undefined || (action.closedAt ?? '') > since))
    .sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
  const shownClosed = closed.slice(0, CLOSED_SHOWN);
  const captured = current ? actions.filter((action) => action.meetingId === current.id) : [];
  const groups = groupOpenActionsByOwner(actions, viewer.now, series.timeZone);
  const named = [...actions.filter((action) => action.status === 'open'), ...shownClosed, ...captured];
  return {
    chat: { id: series.conversationId, title: series.title ?? 'Meeting chat' },
    viewer: { id: viewer.person.id, name: viewer.person.name, isChair: isChair(series, viewer.person.id) },
    openByOwner: groups.map((group) => ({ owner: pagePerson(series, group.owner), actionIds: group.actions.map((action) => action.id), overdueCount: group.overdueCount })),
    closedSinceLastMeeting: { ...(since ? { since: formatDueDate(localDate(since, series.timeZone), viewer.locale) } : {}), actionIds: shownClosed.map((action) => action.id), more: closed.length - shownClosed.length },
    ...(current
      ? {
          meeting: {
            label: `${current.status === 'open' ? 'This meeting' : 'Last meeting'}${current.title ? `: ${current.title}` : ''} · ${formatDueDate(current.date, viewer.locale)}`,
            inProgress: current.status === 'open',
            decisions: decisions
              .filter((decision) => decision.meetingId === current.id)
              .map((decision) => ({ id: decision.id, label: `${decision.item ? `${decision.item.number} · ` : ''}Decision ${decision.number}`, text: decision.text })),
            actionIds: captured.map((action) => action.id),
          },
        }
      : {}),
    actions: Object.fromEntries(named.map((action) => [action.id, pageAction(action, series, viewer)])),
  };
}

/** One's open actions across chats for "My actions": overdue first, then by due date. */
export function myActionsView(open: ReadonlyArray<{ action: Action; series: Series }>, viewer: PageViewer): PageAction[] {
  return [...open]
    .sort((a, b) => Number(overdue(b.action, b.series, viewer.now)) - Number(overdue(a.action, a.series, viewer.now)) || byUrgency(a.action, b.action))
    .map(({ action, series }) => pageAction(action, series, viewer));
}

/** An action as a page shows it to `viewer`. */
export function pageAction(action: Action, series: Series, viewer: PageViewer): PageAction {
  const late = overdue(action, series, viewer.now);
  return {
    id: action.id,
    chatId: action.conversationId,
    chatTitle: series.title ?? 'Meeting chat',
    ref: formatActionRef(action.number),
    text: action.text,
    owners: action.owners.map((owner) => pagePerson(series, owner)),
    ...(action.due ? { due: action.due } : {}),
    dueLabel: action.due ? `${formatDueDate(action.due, viewer.locale)}${late ? ' (overdue)' : ''}` : 'No due date',
    overdue: late,
    status: action.status,
    item: action.item ? formatAgendaItem(action.item) : '',
    closed: action.closedBy && action.closedAt ? `Closed by ${action.closedBy.name} · ${formatDueDate(localDate(action.closedAt, series.timeZone), viewer.locale)}` : '',
    history: action.history
      .filter((event) => event.kind !== 'created')
      .slice(-HISTORY_SHOWN)
      .map((event) => ({ when: formatDueDate(localDate(event.at, series.timeZone), viewer.locale), who: event.by.name, what: describeEvent(event, viewer.locale) })),
    canManage: canManage(action, { person: viewer.person, isChair: isChair(series, viewer.person.id) }),
    mine: action.owners.some((owner) => owner.id === viewer.person.id),
  };
}

function overdue(action: Action, series: Series, now: string): boolean {
  return action.status === 'open' && action.due !== undefined && isOverdue(action.due, now, series.timeZone);
}

function pagePerson(series: Series, person: Person): PagePerson {
  return { id: person.id, name: person.name, initials: initialsOf(series, person) };
}
