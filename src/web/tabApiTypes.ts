/**
 * The tab API's JSON, shared by the server (src/web) and the pages (src/web/pages). Types only: the
 * pages' bundle takes nothing else from the server's code.
 */

/** A person as the page shows them. */
export interface PagePerson {
  id: string;
  name: string;
  /** Initials as the minutes use them in this chat. */
  initials: string;
}

/** One line of an action's history: who did what, when. */
export interface PageEvent {
  /** Local date, formatted for the viewer (`Wed 13 Mar 2019`). */
  when: string;
  who: string;
  what: string;
}

/** An action as a page shows it. */
export interface PageAction {
  id: string;
  /** The chat it belongs to (My actions spans chats). */
  chatId: string;
  /** The chat's title, when Teams gave one. */
  chatTitle: string;
  ref: string;
  text: string;
  owners: PagePerson[];
  /** yyyy-MM-dd, when there is one (the value a date input takes). */
  due?: string;
  /** The due date in words for the viewer's locale. */
  dueLabel: string;
  overdue: boolean;
  status: 'open' | 'closed';
  /** `2.2 S157/175 Safeguarding Audit`, or empty. */
  item: string;
  /** Who closed it and when, in words, once closed. */
  closed: string;
  /** Updates, closings, reassignments and re-datings, oldest first (the last ones only). */
  history: PageEvent[];
  /** Whether the viewer may close it and change its due date (an owner, or the chair). */
  canManage: boolean;
  /** Whether the viewer owns it (the "Mine" filter). */
  mine: boolean;
}

/** A decision recorded in the meeting. */
export interface PageDecision {
  id: string;
  /** `2.2 · Decision 1`. */
  label: string;
  text: string;
}

/** GET /api/tabs/log: one chat's action log for its meeting tab. */
export interface ActionLogResponse {
  chat: { id: string; title: string };
  viewer: { id: string; name: string; isChair: boolean };
  /** Open actions by owner; within an owner overdue first, owners with overdue work first. */
  openByOwner: Array<{ owner: PagePerson; actionIds: string[]; overdueCount: number }>;
  /** Actions closed since the last meeting ended (newest first), with their updates. */
  closedSinceLastMeeting: { since?: string; actionIds: string[]; more: number };
  /** The meeting in progress (or the latest one): what it decided and captured. */
  meeting?: { label: string; inProgress: boolean; decisions: PageDecision[]; actionIds: string[] };
  /** Every action any section names, by id. */
  actions: Record<string, PageAction>;
}

/** GET /api/tabs/mine: the signed-in person's open actions across every chat in their tenant. */
export interface MyActionsResponse {
  viewer: { id: string; name: string };
  /** Overdue first, then by due date (undated last). */
  actions: PageAction[];
}

/** POST /api/tabs/change: what to do to one action. `requestId` makes a retry or double click harmless. */
export interface ChangeRequestBody {
  chatId: string;
  actionId: string;
  requestId: string;
  change: { kind: 'close'; note?: string } | { kind: 'update'; note: string } | { kind: 'due'; due: string | null };
}

/** The answer to a change: what happened in words, and the action as it now stands. */
export interface ChangeResponse {
  outcome: 'changed' | 'unchanged' | 'refused';
  message: string;
  action?: PageAction;
}

/** GET /api/tabs/dev/people (development sign-in only): chats and their members to sign in as. */
export interface DevPeopleResponse {
  chats: Array<{ tenantId: string; chatId: string; title: string; members: Array<{ id: string; name: string }> }>;
}

/** Every error answer: a sentence saying what is wrong and what to do. */
export interface ErrorResponse {
  error: string;
}
