import { canManage } from '../domain/actionTransitions';
import { formatActionRef } from '../domain/actionRef';
import { formatAgendaItem } from '../domain/agendaItem';
import { formatDueDate, isOverdue, localDate } from '../domain/dateFormat';
import { LIMITS } from '../domain/limits';
import { sentence } from '../domain/sentence';
import { isChair } from '../domain/series';
import type { Action, ActionEvent, Person, Series } from '../domain/types';
import { clipForList } from './listPage';
import { renderOwnerPicker } from './ownerPicker';
import { peopleLabel, type PickerScope } from './people';
import { prepareCard, type AdaptiveCardJson, type CardElementJson } from './render';
import template from './templates/actionCard.json';
import { CARD_VERBS } from './verbs';

/** Teams refreshes a user-specific view for at most this many users per card. */
const REFRESH_USER_LIMIT = 60;
/** Updates shown on the card; older ones stay in the record and the minutes. */
const HISTORY_SHOWN = 8;

/** The data the action card template binds to. */
export interface ActionCardData {
  actionId: string;
  seriesId: string;
  /** The meeting chat, so a click in a 1:1 chat can find the action's series. */
  conversationId: string;
  /** What every button's data says the click is about: the three ids above, bound once per button. */
  target: { actionId: string; seriesId: string; conversationId: string };
  ref: string;
  statusLabel: string;
  statusColor: 'Good' | 'Attention' | 'Accent';
  isOpen: boolean;
  canManage: boolean;
  /** Reminder copies offer Snooze. */
  showSnooze: boolean;
  /** The clicker's copy after Reassign: the owner picker and its buttons. */
  picking: boolean;
  text: string;
  owners: string;
  due: string;
  dueValue: string;
  item: string;
  captured: string;
  closed: string;
  history: Array<{ when: string; who: string; what: string }>;
  notice: string;
  noticeStyle: 'good' | 'attention' | 'warning' | 'accent';
  /** The people picker: only in the copy that shows it, so shared copies stay small whatever the chat's size. */
  ownerPicker?: CardElementJson;
  refreshUserIds: string[];
}

/** Bound into the template once, at load: the buttons' verbs and the notes' length limit. */
export const ACTION_CARD_CONSTANTS = { verbs: CARD_VERBS, noteLimit: LIMITS.noteLength };

/** Who the card is drawn for, and any message to show on top of it. */
export interface ActionCardView {
  /** The person this copy is for; undefined for the copy everyone in the chat sees. */
  viewer?: Person;
  notice?: { text: string; style: ActionCardData['noticeStyle'] };
  /** Set for the copy sent as a reminder: adds Snooze. */
  reminder?: boolean;
  /** Set for the clicker's answer to Reassign: shows the owner picker, searching where the card is. */
  picking?: { scope: PickerScope };
  locale: string;
  now: string;
}

const render = prepareCard<ActionCardData>(template, ACTION_CARD_CONSTANTS);

/**
 * Draws an action's card. The shared copy shows every button (a refused click explains itself);
 * members who may not manage the action get, through Teams' refresh, a view with only "Add update".
 */
export function renderActionCard(action: Action, series: Series, view: ActionCardView): AdaptiveCardJson {
  return render(actionCardData(action, series, view));
}

/** The template data for an action card (exported for tests and the minutes preview). */
export function actionCardData(action: Action, series: Series, view: ActionCardView): ActionCardData {
  const overdue = action.status === 'open' && action.due !== undefined && isOverdue(action.due, view.now, series.timeZone);
  const manages = (person: Person) => canManage(action, { person, isChair: isChair(series, person.id) });
  return {
    actionId: action.id,
    seriesId: action.seriesId,
    conversationId: action.conversationId,
    target: { actionId: action.id, seriesId: action.seriesId, conversationId: action.conversationId },
    ref: formatActionRef(action.number),
    statusLabel: action.status === 'closed' ? 'Closed' : overdue ? 'Overdue' : 'Open',
    statusColor: action.status === 'closed' ? 'Good' : overdue ? 'Attention' : 'Accent',
    isOpen: action.status === 'open',
    canManage: view.viewer ? manages(view.viewer) : true,
    showSnooze: view.reminder === true,
    picking: view.picking !== undefined,
    text: action.text,
    owners: peopleLabel(series, action.owners),
    due: action.due ? `${formatDueDate(action.due, view.locale)}${overdue ? ' (overdue)' : ''}` : 'No due date',
    dueValue: action.due ?? '',
    item: formatAgendaItem(action.item),
    captured: `${action.createdBy.name} · ${formatDueDate(action.meetingDate, view.locale)}${originOf(action)}`,
    closed: action.closedBy && action.closedAt ? `${action.closedBy.name} · ${formatDueDate(localDate(action.closedAt, series.timeZone), view.locale)}` : '',
    history: action.history
      .filter((event) => event.kind !== 'created')
      .slice(-HISTORY_SHOWN)
      // Each clipped, so eight 2,000-character notes still fit a card; the minutes keep them whole.
      .map((event) => ({ when: formatDueDate(localDate(event.at, series.timeZone), view.locale), who: event.by.name, what: clipForList(describeEvent(event, view.locale)) })),
    notice: view.notice?.text ?? '',
    noticeStyle: view.notice?.style ?? 'accent',
    ...(view.picking ? { ownerPicker: renderOwnerPicker(series, { label: 'Reassign to', chosen: action.owners, also: series.chair ? [series.chair] : [], scope: view.picking.scope }) } : {}),
    // Only members who may not manage the action need a different view; owners and the chair see the shared card.
    refreshUserIds:
      action.status === 'open'
        ? series.members
            .filter((member) => member.teamsId && !manages(member))
            .map((member) => member.teamsId as string)
            .slice(0, REFRESH_USER_LIMIT)
        : [],
  };
}

/** Where the action came from, when its "created" line says (" · from Copilot's meeting recap"). */
function originOf(action: Action): string {
  const note = action.history.find((event) => event.kind === 'created')?.note;
  return note ? ` · ${note}` : '';
}

/** One line of the audit trail in words, the way minutes say it ("Update: … Action closed."). */
export function describeEvent(event: ActionEvent, locale: string): string {
  switch (event.kind) {
    case 'update':
      return event.note ?? '';
    case 'closed':
      return event.note ? `${sentence(event.note)} Action closed.` : 'Action closed.';
    case 'reopened':
      return event.note ? `Reopened: ${event.note}` : 'Reopened.';
    case 'reassigned':
      return `Reassigned to ${event.detail ?? 'someone else'}.`;
    case 'dueChanged':
      return event.detail && event.detail !== 'none' ? `Due date changed to ${formatDueDate(event.detail, locale)}.` : 'Due date removed.';
    case 'created':
      return 'Captured.';
  }
}
