/**
 * The meeting record's vocabulary: series, people, actions, decisions.
 * Plain data only, so every store can persist it as JSON and every test can build it by hand.
 */

/** Where a series lives: one Teams chat in one tenant. Every record carries it, so tenants never mix. */
export interface SeriesKey {
  /** Azure AD tenant id of the chat. */
  tenantId: string;
  /** Teams conversation id of the meeting chat (e.g. `19:meeting_…@thread.v2`). */
  conversationId: string;
}

/** A person as the record knows them. `id` is the Azure AD object id where Teams gives one. */
export interface Person {
  /** Stable identity: Azure AD object id, else the Teams user id. */
  id: string;
  /** Display name at the time it was recorded. */
  name: string;
  /** Teams channel user id (`29:…`), needed to @mention or message them. */
  teamsId?: string;
}

/** A member of the series' chat, with the initials minute-takers use for them. */
export interface Member extends Person {
  /** Initials unique within the series (`DBe`, `JSte`). */
  initials: string;
}

/** An agenda item (`2.2 S157/175 Safeguarding Audit`) that captures belong to. */
export interface AgendaItem {
  /** The item's number as the agenda writes it (`2.2`, `Part 1`). */
  number: string;
  /** Its title; may be empty. */
  title: string;
}

/** The recurring meeting: one chat, its chair, its members and its counters. */
export interface Series extends SeriesKey {
  /** Store id derived from the key (see `seriesIdOf`). */
  id: string;
  /** Who may close any action: the meeting organizer, else whoever added the bot. */
  chair?: Person;
  /** How the chair was chosen, so a better source (the organizer) can replace a weaker one. */
  chairSource?: 'organizer' | 'installer' | 'configured';
  /** Members with their initials, as last read from Teams. */
  members: Member[];
  /** Owners of the latest captures, newest first (a few): the owner picker's short list. */
  recentOwners?: Person[];
  /** When `members` was last read from Teams (ISO instant). */
  membersReadAt?: string;
  /** IANA time zone the series meets in, from the last speaker's client. */
  timeZone: string;
  /** The agenda item set by the last `/item`. */
  currentItem?: AgendaItem;
  /** Last action number handed out; references are `A-<n>`. */
  lastActionNumber: number;
  /** Last decision number handed out per meeting (its id, or its day) and item (`<meeting>|2.2` → 3). */
  decisionCounters: Record<string, number>;
  /** Bot Framework service URL for this chat, needed to update cards outside a turn. */
  serviceUrl?: string;
  /** Teams meeting id from the chat's channel data, when the chat belongs to a meeting. */
  meetingId?: string;
  /** The chat's Teams meeting as Microsoft Graph names it, for reading its attendance reports. */
  onlineMeeting?: OnlineMeetingRef;
  /** The meeting's title from Teams, to name the chat in 1:1 messages. */
  title?: string;
  /** ISO instant the next meeting starts, when known; the minutes print it as "Date of next meeting". */
  nextMeetingAt?: string;
  /**
   * The series' most recently opened meeting and its local date, kept beside the counters so a
   * capture finds the meeting it belongs to without a query. Written together with the meeting.
   */
  latestMeeting?: { id: string; date: string };
  /** The Planner plan the series' actions are kept in step with (`/planner`), while linked. */
  planner?: PlannerLink;
  /**
   * Microsoft Graph refused this chat's meeting AI insights (403/404: no Copilot licence, permission
   * or access policy): suggested actions are off here, `/help` says why, and the bot asks again later.
   */
  copilotRefused?: { at: string; status: number };
  /** ISO instant the record was created. */
  createdAt: string;
}

/** The Planner plan a series is linked to: every new action becomes a task in it. */
export interface PlannerLink {
  /** Planner's plan id (28 characters). */
  planId: string;
  /** The plan's title when it was linked, to name it in replies. */
  title: string;
  linkedBy: Person;
  linkedAt: string;
}

/** An action's task in Planner, as far as the sync has got. */
export interface ActionPlannerTask {
  planId: string;
  /** Planner's task id, once Planner answered the create. */
  taskId?: string;
  /**
   * When a create was first sent without an answer recorded: a later try looks in the plan for the
   * task that create may have made (its response lost) before making another.
   */
  createSentAt?: string;
  /** The task's details carry the link back to the action's card in Teams. */
  linked?: true;
  /** The task is complete in Planner (completed from here, or seen complete there). */
  completed?: true;
}

/** A Teams online meeting as Microsoft Graph addresses it: `/users/{organizerId}/onlineMeetings/{id}`. */
export interface OnlineMeetingRef {
  /** The onlineMeeting id (Teams' `msGraphResourceId`). */
  id: string;
  /** The organizer's Azure AD object id: attendance reports are read as the organizer's. */
  organizerId: string;
}

/** Open or closed: the only two states an action has. */
export type ActionStatus = 'open' | 'closed';

/** One line of an action's audit trail: who did what, when. */
export interface ActionEvent {
  /** Idempotency key: the Teams activity that caused it, so a redelivery adds nothing. */
  id: string;
  /** What happened. */
  kind: 'created' | 'update' | 'closed' | 'reopened' | 'reassigned' | 'dueChanged';
  /** Who did it. */
  by: Person;
  /** ISO instant. */
  at: string;
  /** The update or closing note, when there is one. */
  note?: string;
  /** For `reassigned`: the new owners' names; for `dueChanged`: the new due date or `none`. */
  detail?: string;
}

/** Where a copy of an action's card was posted, so every copy can be updated after a change. */
export interface CardCopy {
  /** Conversation the card was posted in. */
  conversationId: string;
  /** Activity id of the posted card. */
  activityId: string;
  /** Service URL to reach that conversation. */
  serviceUrl: string;
}

/** An action: someone will do something, maybe by a date. */
export interface Action extends SeriesKey {
  /** Store id; derived from the capturing activity so a redelivery maps to the same action. */
  id: string;
  /** Id of the series it belongs to. */
  seriesId: string;
  /** Per-series number; people type `A-<number>`. */
  number: number;
  /** What is to be done. */
  text: string;
  /** One or more owners. */
  owners: Person[];
  /** Due date as a calendar date (`2019-03-15`) in the series' time zone, if any. */
  due?: string;
  /** Agenda item current when it was captured. */
  item?: AgendaItem;
  /** Meeting day it was captured on (calendar date in the series' time zone). */
  meetingDate: string;
  /** The Meeting record open when it was captured; absent on records from before meetings were kept. */
  meetingId?: string;
  status: ActionStatus;
  createdBy: Person;
  createdAt: string;
  closedBy?: Person;
  closedAt?: string;
  /** Audit trail, oldest first. */
  history: ActionEvent[];
  /** Copies of this action's card to refresh after a change. */
  cards: CardCopy[];
  /**
   * When a delivery of the capturing message last took on posting the card (ISO instant). A
   * redelivery arriving while that is recent leaves the card to it, so one message posts one card.
   */
  cardClaimedAt?: string;
  /**
   * How many pages of its older history have been moved out of the record (see `actionHistory.ts`):
   * `history` then holds the newest events, and the pages the rest.
   */
  archivedPages?: number;
  /** Its task in the series' Planner plan, when the series was linked to one as it was captured. */
  planner?: ActionPlannerTask;
}

/**
 * Older events of one action's audit trail, kept beside it in its chat, so the action's own record
 * stays small however many updates it gets (a Cosmos document holds at most 2 MB).
 */
export interface ActionHistoryPage extends SeriesKey {
  /** `<action id>|history|<page>`: one page of one action, written once. */
  id: string;
  seriesId: string;
  actionId: string;
  /** The action's number, which orders the pages of a chat by action. */
  number: number;
  /** 0 for the oldest page. */
  page: number;
  /** Oldest first. */
  events: ActionEvent[];
}

/** A decision recorded in the meeting. */
export interface Decision extends SeriesKey {
  /** Store id; derived from the capturing activity. */
  id: string;
  seriesId: string;
  /** Number within its meeting and agenda item (the minutes' "Decisions: 1. 2. 3."). */
  number: number;
  text: string;
  item?: AgendaItem;
  meetingDate: string;
  /** The Meeting record open when it was recorded; absent on records from before meetings were kept. */
  meetingId?: string;
  recordedBy: Person;
  recordedAt: string;
}

/** A value read from a store together with the version tag a later write must quote. */
export interface Versioned<T> {
  value: T;
  /** Opaque version (Cosmos `_etag`, or the embedded store's counter). */
  etag: string;
}
