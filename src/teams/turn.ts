import type { AdaptiveCardJson } from '../cards/render';
import type { MentionedPerson } from '../domain/mentions';
import type { SourceMessage } from '../domain/messageDraft';
import type { CardCopy, Person, SeriesKey } from '../domain/types';
import type { MinutesLinks } from '../minutes/minutesLinks';
import type { Logger } from '../observability/logger';
import type { ChatDirectory } from '../services/chatDirectory';
import type { UseCases } from '../services/useCases';

/** What every handler needs to know about a turn, read once from the Teams activity by the adapter. */
export interface TurnFacts {
  key: SeriesKey;
  /** Who sent the activity. */
  speaker: Person;
  /** Other people @mentioned in the message (the bot's own mention excluded). */
  mentions: MentionedPerson[];
  /** Whether the message @mentioned the bot (then the command slash is optional). */
  addressedToBot: boolean;
  /** The bot's name as this chat shows it: what people type after @ to reach it. */
  botName: string;
  /** The activity id: the idempotency key for whatever this turn records. */
  activityId: string;
  /** The message a card click or a reply belongs to (the card's own message id for a click). */
  replyToId?: string;
  /** ISO instant the turn is handled at (from the injected clock). */
  now: string;
  /** The speaker's IANA time zone, when their client said. */
  timeZone?: string;
  locale: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  serviceUrl: string;
  /** Teams meeting id when the chat belongs to a meeting. */
  meetingId?: string;
}

/** Locale used when a client sends none; the minutes this product serves are British. */
export const DEFAULT_LOCALE = 'en-GB';

/** The app's name (appPackage/manifest.json), for when an activity does not say the bot's. */
export const DEFAULT_BOT_NAME = 'Meeting Actions';

/** How a handler answers, whatever carries the turn. */
export interface Replies {
  /** Posts a line of text in the turn's conversation (as plain text: replies quote what people typed). */
  say(text: string): Promise<void>;
  /** Posts a card in the turn's conversation; returns where it went, so later changes can redraw it. */
  sendCard(card: AdaptiveCardJson): Promise<CardCopy | undefined>;
  /** Replaces a card posted in the turn's conversation (the new-action form becoming the action's card). */
  replaceCard(activityId: string, card: AdaptiveCardJson): Promise<void>;
  /**
   * Redraws posted copies of a card, wherever they are (the meeting chat, reminders in 1:1 chats),
   * after the turn has answered: it returns at once, and the updates (retried) run in the background,
   * so a click's answer never waits on them. A copy that cannot be updated is logged and skipped: the
   * change behind it is saved.
   */
  redraw(copies: readonly CardCopy[], card: AdaptiveCardJson): Promise<void>;
}

/** What the Teams room is given by the composition root. */
export interface TeamsRoom {
  useCases: UseCases;
  /** Signs the links `/minutes` hands out. */
  minutesLinks: MinutesLinks;
  logger: Logger;
  /** Time zone for a chat whose first speaker's client sent none. */
  defaultTimeZone: string;
}

/** One turn as a handler sees it: its facts, the use-cases, how to answer, and who is in the chat. */
export interface Turn {
  facts: TurnFacts;
  room: TeamsRoom;
  reply: Replies;
  /** The chat's members and meeting as Teams knows them now (each call may go to Teams). */
  directory: ChatDirectory;
}

/** A Teams event that is not a message or a click. */
export type TeamsEvent =
  | { kind: 'meetingStart'; startedAt?: string; title?: string; teamsMeetingId?: string }
  | { kind: 'meetingEnd'; endedAt?: string }
  | { kind: 'participantsJoined'; people: Person[] }
  | { kind: 'installed'; action: string }
  | { kind: 'membersChanged' };

/** Where a message-extension command was opened: a message's "…" menu, the compose box, or the command box. */
export type ExtensionContext = 'message' | 'compose' | 'commandBox' | 'unknown';

/** The message a message action was opened on, as far as Teams' payload could be read. */
export type ExtensionSource =
  | { kind: 'message'; message: SourceMessage; /** The chat Teams' link to the message names, when it has one. */ conversationId?: string }
  /** Opened from the compose box or the command box: there is no message. */
  | { kind: 'none' }
  /** Opened on a message, but Teams sent no message (or one that could not be read). */
  | { kind: 'missing' | 'unreadable' };

/**
 * A message-extension action command (`composeExtension/fetchTask` opens its dialog,
 * `composeExtension/submitAction` is its Save), as the adapter reads it. Everything but `step` came
 * from the client and is checked by the handler.
 */
export interface ExtensionAction {
  step: 'fetchTask' | 'submitAction';
  /** The command's id from the app manifest ('' when Teams sent none). */
  commandId: string;
  context: ExtensionContext;
  source: ExtensionSource;
  /** The dialog's inputs merged with its button's data, as submitted. */
  data: unknown;
  /** Set when the person pressed Edit or Send on a bot-message preview: the previewed card as Teams sends it back. */
  preview?: { action: 'edit' | 'send'; card: unknown };
}

/** How a message-extension invoke is answered: a dialog (task module), a short message, a bot-message preview, or closing the dialog. */
export type DialogAnswer =
  | { kind: 'dialog'; title: string; card: AdaptiveCardJson }
  | { kind: 'message'; text: string }
  | { kind: 'preview'; card: AdaptiveCardJson }
  | { kind: 'close' };

/** What arrives in a turn, as the adapter reads it. */
export type Inbound =
  | { kind: 'message'; text: string }
  | { kind: 'cardAction'; verb: unknown; data: unknown }
  | { kind: 'extensionAction'; action: ExtensionAction }
  | { kind: 'event'; event: TeamsEvent };

/** What a turn answers with: a click with the clicker's card, a message-extension invoke with a `DialogAnswer`, the rest with nothing. */
export type AnswerOf<I extends Inbound> = I extends { kind: 'cardAction' } ? AdaptiveCardJson : I extends { kind: 'extensionAction' } ? DialogAnswer : undefined;

/** A chat command's handler: the text after the command word, already split off. */
export type CommandHandler = (turn: Turn, args: string) => Promise<void>;

/** A card button's handler: the button's data merged with the card's inputs; answers with the clicker's card. */
export type CardHandler = (turn: Turn, data: unknown) => Promise<AdaptiveCardJson>;

/** A message-extension command's handler for one step (open the dialog, or its Save). */
export type ExtensionHandler = (turn: Turn, action: ExtensionAction) => Promise<DialogAnswer>;

/** A Teams event's handler. */
export type EventHandler<K extends TeamsEvent['kind'] = TeamsEvent['kind']> = (turn: Turn, event: Extract<TeamsEvent, { kind: K }>) => Promise<void>;
