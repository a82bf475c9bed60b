import { randomUUID } from 'node:crypto';
import type { ConnectorMember } from './fakeConnector';

/** A person in a simulated chat. */
export interface ChatPerson extends ConnectorMember {
  /** IANA zone their Teams client reports. */
  timeZone?: string;
  locale?: string;
}

/** Makes a member with realistic Teams ids from a display name. */
export function chatPerson(name: string, options: { timeZone?: string; locale?: string } = {}): ChatPerson {
  const aadObjectId = randomUUID();
  return {
    id: `29:1${aadObjectId.replace(/-/g, '')}`,
    name,
    aadObjectId,
    email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`,
    ...options,
  };
}

/** The 1:1 chat Teams would give this person with the bot (the id the fake connector opens for them). */
export function personalChatWith(person: ChatPerson, serviceUrl: string, tenantId = 'tenant-a'): TeamsChat {
  return new TeamsChat(serviceUrl, tenantId, { conversationId: `a:1${person.id.replace(/^29:/, '')}`, personal: true });
}

/** How a message-extension invoke is built: where it was opened, on which message, with which command. */
export interface ExtensionInvokeOptions {
  /** `commandContext` as Teams writes it (`commandbox` in lower case); default `message`. */
  context?: 'message' | 'compose' | 'commandbox';
  /** The message it was opened on (see `messagePayload`); null or undefined sends none. */
  messagePayload?: Record<string, unknown> | null;
  /** Default `createAction`, the manifest's command. */
  commandId?: string;
  /** The invoke's activity id; default a fresh `f:…` id, as Teams gives each invoke. */
  id?: string;
}

/** The bot as Teams addresses it. */
export const BOT_ACCOUNT = { id: '28:meeting-actions-bot', name: 'Meeting Actions' };

/**
 * Builds Teams-shaped activities for one meeting chat: the same fields, ids and entities Teams
 * sends, so the bot's real adapter and parsing code see what they would in production.
 */
export class TeamsChat {
  readonly conversationId: string;
  readonly meetingId: string;
  /** A 1:1 chat between one person and the bot, rather than a meeting chat. */
  readonly personal: boolean;
  private sequence = 0;

  constructor(
    readonly serviceUrl: string,
    readonly tenantId = 'tenant-a',
    options: { conversationId?: string; meetingId?: string; personal?: boolean } = {},
  ) {
    this.personal = options.personal === true;
    const suffix = randomUUID().replace(/-/g, '').slice(0, 16);
    this.conversationId = options.conversationId ?? `19:meeting_${suffix}@thread.v2`;
    this.meetingId = options.meetingId ?? `MCMeeting${suffix}`;
  }

  /** A chat message; `<at>Name</at>` in the text becomes a mention of that member (or of the bot). */
  message(from: ChatPerson, text: string, people: ChatPerson[] = [], options: { id?: string; timestamp?: string } = {}): Record<string, unknown> {
    const entities: Record<string, unknown>[] = [this.clientInfo(from)];
    for (const match of text.matchAll(/<at>([^<]+)<\/at>/g)) {
      const name = match[1];
      const mentioned = name === BOT_ACCOUNT.name ? BOT_ACCOUNT : people.find((person) => person.name === name);
      if (mentioned) entities.push({ type: 'mention', text: match[0], mentioned: { id: mentioned.id, name: mentioned.name } });
    }
    return { ...this.base(from, options), type: 'message', text, textFormat: 'plain', entities };
  }

  /** A Universal Action click (`Action.Execute`) on a card posted as `replyToId`. */
  cardAction(from: ChatPerson, verb: string, data: Record<string, unknown>, replyToId?: string, options: { id?: string } = {}): Record<string, unknown> {
    return {
      ...this.base(from, options),
      type: 'invoke',
      name: 'adaptiveCard/action',
      ...(replyToId ? { replyToId } : {}),
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      entities: [this.clientInfo(from)],
    };
  }

  /**
   * A chat message as Teams puts it in a message action's `messagePayload`: an HTML body in which
   * each `<at>Name</at>` of a member becomes `<at id="n">Name</at>` with a matching entry in
   * `mentions` (by Entra object id), the author, and a link naming this chat.
   */
  messagePayload(from: ChatPerson, text: string, people: ChatPerson[] = [], options: { id?: string; html?: string } = {}): Record<string, unknown> {
    const id = options.id ?? `16${Date.now().toString().slice(-9)}${String((this.sequence += 1)).padStart(2, '0')}`;
    const mentions: Record<string, unknown>[] = [];
    const marked = text.replace(/<at>([^<]+)<\/at>/g, (whole, name: string) => {
      const person = people.find((candidate) => candidate.name === name);
      if (!person) return whole;
      const mentionId = mentions.length;
      mentions.push({ id: mentionId, mentionText: name, mentioned: { application: null, device: null, conversation: null, user: { userIdentityType: 'aadUser', id: person.aadObjectId, displayName: name } } });
      return `<at id="${mentionId}">${name}</at>`;
    });
    return {
      id,
      replyToId: null,
      messageType: 'message',
      createdDateTime: new Date().toISOString(),
      lastModifiedDateTime: null,
      deleted: false,
      subject: null,
      summary: null,
      importance: 'normal',
      locale: 'en-us',
      linkToMessage: `https://teams.microsoft.com/l/message/${this.conversationId}/${id}?context=%7B%22contextType%22:%22chat%22%7D`,
      from: { application: null, device: null, conversation: null, user: { userIdentityType: 'aadUser', id: from.aadObjectId, displayName: from.name } },
      body: { contentType: 'html', content: options.html ?? `<p>${marked}</p>` },
      attachments: [],
      mentions,
      reactions: [],
    };
  }

  /**
   * A message-extension action command being opened (`composeExtension/fetchTask`): from a message's
   * "…" menu (`context: 'message'`, with its payload), the compose box or the command box.
   */
  fetchTask(from: ChatPerson, options: ExtensionInvokeOptions = {}): Record<string, unknown> {
    return this.extensionInvoke(from, 'composeExtension/fetchTask', options);
  }

  /** A message-extension dialog's Save (`composeExtension/submitAction`), or Edit/Send on its bot-message preview. */
  submitAction(from: ChatPerson, options: ExtensionInvokeOptions & { data?: unknown; botMessagePreviewAction?: 'edit' | 'send'; previewCard?: Record<string, unknown> } = {}): Record<string, unknown> {
    const { data, botMessagePreviewAction, previewCard, ...rest } = options;
    const preview = botMessagePreviewAction
      ? { botMessagePreviewAction, botActivityPreview: [{ type: 'message/card', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: previewCard ?? {} }], context: { theme: 'default' } }] }
      : {};
    return this.extensionInvoke(from, 'composeExtension/submitAction', rest, { data: data ?? {}, ...preview });
  }

  private extensionInvoke(from: ChatPerson, name: string, options: ExtensionInvokeOptions, extra: Record<string, unknown> = {}): Record<string, unknown> {
    const context = options.context ?? 'message';
    const payload = options.messagePayload ? { messagePayload: options.messagePayload } : {};
    return {
      ...this.base(from, { id: options.id ?? `f:${randomUUID()}` }),
      type: 'invoke',
      name,
      value: { commandId: options.commandId ?? 'createAction', commandContext: context, requestId: randomUUID().replace(/-/g, ''), ...payload, context: { theme: 'default' }, ...extra },
      channelData: { ...this.channelData(), source: { name: context === 'message' ? 'message' : 'compose' } },
      entities: [this.clientInfo(from)],
    };
  }

  /** The app being added to this chat by `from`. */
  installationUpdate(from: ChatPerson, action: 'add' | 'remove' = 'add'): Record<string, unknown> {
    return { ...this.base(from), type: 'installationUpdate', action };
  }

  /**
   * Teams' `meetingStart` / `meetingEnd` event for this chat's meeting, with the PascalCase value
   * Teams puts on the wire (`Id`, `JoinUrl`, `Title`, `MeetingType`, `StartTime`/`EndTime`).
   */
  meetingEvent(from: ChatPerson, which: 'start' | 'end', value: { title?: string; at: string }): Record<string, unknown> {
    const time = which === 'start' ? { StartTime: value.at } : { EndTime: value.at };
    return {
      ...this.base(from),
      type: 'event',
      name: which === 'start' ? 'application/vnd.microsoft.meetingStart' : 'application/vnd.microsoft.meetingEnd',
      value: { Id: this.meetingId, JoinUrl: `https://teams.microsoft.com/l/meetup-join/${this.meetingId}`, Title: value.title ?? 'Meeting', MeetingType: 'Scheduled', ...time },
    };
  }

  /** Teams' `meetingParticipantsJoin` event: these people joined the meeting's call. */
  participantsJoined(from: ChatPerson, joined: ChatPerson[]): Record<string, unknown> {
    return {
      ...this.base(from),
      type: 'event',
      name: 'application/vnd.microsoft.meetingParticipantsJoin',
      value: { members: joined.map((person) => ({ user: { id: person.id, name: person.name, aadObjectId: person.aadObjectId, tenantId: this.tenantId, userRole: 'user' }, meeting: { inMeeting: true, role: 'Attendee' } })) },
    };
  }

  /** People (or the bot) joining the chat. */
  membersAdded(from: ChatPerson, added: Array<{ id: string; name?: string; aadObjectId?: string }>): Record<string, unknown> {
    return { ...this.base(from), type: 'conversationUpdate', membersAdded: added, channelData: { ...this.channelData(), eventType: 'membersAdded' } };
  }

  private base(from: ChatPerson, options: { id?: string; timestamp?: string } = {}): Record<string, unknown> {
    this.sequence += 1;
    return {
      id: options.id ?? `1${Date.now().toString().slice(-9)}${String(this.sequence).padStart(4, '0')}`,
      timestamp: options.timestamp ?? new Date().toISOString(),
      localTimestamp: options.timestamp ?? new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
      conversation: this.personal
        ? { id: this.conversationId, conversationType: 'personal', tenantId: this.tenantId }
        : { id: this.conversationId, conversationType: 'groupChat', tenantId: this.tenantId, isGroup: true },
      recipient: BOT_ACCOUNT,
      locale: from.locale ?? 'en-GB',
      localTimezone: from.timeZone ?? 'Europe/London',
      channelData: this.channelData(),
    };
  }

  private channelData(): Record<string, unknown> {
    return this.personal ? { tenant: { id: this.tenantId } } : { tenant: { id: this.tenantId }, meeting: { id: this.meetingId } };
  }

  private clientInfo(from: ChatPerson): Record<string, unknown> {
    return { type: 'clientInfo', locale: from.locale ?? 'en-GB', country: 'GB', platform: 'Web', timezone: from.timeZone ?? 'Europe/London' };
  }
}
