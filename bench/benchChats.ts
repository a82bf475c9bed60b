import { CARD_VERBS } from '../src/cards/verbs';
import { findExecute } from '../testkit/cardText';
import type { FakeConnector, SentActivity } from '../testkit/fakeConnector';
import { chatPerson, TeamsChat, type ChatPerson } from '../testkit/teamsChat';

/** A posted action card the bench can click Close on: its chat, its message id and the button's data. */
export interface ClosableCard {
  chat: number;
  messageId: string;
  data: Record<string, unknown>;
}

/** Where an activity's answer arrived at the fake connector. */
interface Arrival {
  newId?: string;
  card?: Record<string, unknown>;
}

const FIRST = ['Derek', 'Ellen', 'Sarah', 'Nicki', 'James', 'Priya', 'Tom', 'Aisha', 'Mark', 'Julie', 'Owen', 'Grace', 'Ravi', 'Helen', 'Simon', 'Fatima', 'Paul', 'Claire', 'Neil', 'Joanne'];
const LAST = ['Benson', 'Footman', 'Berry', 'Pettitt', 'Stevens', 'Sharma', 'Walsh', 'Khan', 'Stone', 'Bell', 'Hughes', 'Morgan', 'Patel', 'Lloyd', 'Barker', 'Ali', 'Reid', 'Doyle', 'Price', 'Steele'];

/**
 * The chats the bench talks in: each a Teams meeting chat with a realistic roster (the bot reads it
 * once, then trusts it for an hour), registered with the fake connector. It builds the `/action`
 * messages and Close clicks, and reads back what arrived at the connector.
 */
export class BenchChats {
  private readonly chats: Array<{ chat: TeamsChat; people: ChatPerson[] }> = [];
  /** The chat of each of the bot's `/action` messages, by activity id, until its card arrives. */
  private readonly pending = new Map<string, number>();
  private readonly replies = new Map<string, Arrival>();
  private readonly updates = new Set<string>();
  private readonly closable: ClosableCard[] = [];
  private sequence = 0;
  /** Activity ids are numbers like Teams message ids, unique across all chats of the run. */
  private readonly idBase = Date.now() * 1000;

  constructor(
    private readonly connector: FakeConnector,
    chatCount: number,
    membersPerChat: number,
  ) {
    for (let index = 0; index < chatCount; index += 1) {
      const chat = new TeamsChat(connector.url, `tenant-${index % 4}`);
      const people = Array.from({ length: membersPerChat }, (_, member) =>
        chatPerson(`${FIRST[member % FIRST.length] ?? 'Member'} ${LAST[(member + index) % LAST.length] ?? String(member)}`),
      );
      connector.setMembers(chat.conversationId, people);
      const organizer = people[0];
      if (organizer) connector.setMeeting(chat.meetingId, { organizer, title: `Board ${index}`, start: new Date().toISOString(), end: new Date(Date.now() + 3_600_000).toISOString() });
      this.chats.push({ chat, people });
    }
  }

  /** How many chats there are. */
  get count(): number {
    return this.chats.length;
  }

  /** Close clicks still available (one per posted bot card not yet closed). */
  get closableCount(): number {
    return this.closable.length;
  }

  /**
   * A `/action` message in chat `index % count`, with a unique id and text so the bot's
   * idempotency never short-circuits it, owned by someone @mentioned, due "by Friday".
   */
  actionMessage(index: number, closeLater: boolean): { id: string; activity: Record<string, unknown> } {
    const chatIndex = index % this.chats.length;
    const entry = this.chat(chatIndex);
    const sequence = (this.sequence += 1);
    const speaker = this.person(entry.people, sequence);
    const owner = this.person(entry.people, sequence + 1);
    const text = `/action Bench ${sequence}: circulate the revised protocol to the panel <at>${owner.name}</at> by Friday`;
    const id = String(this.idBase + sequence);
    const activity = entry.chat.message(speaker, text, entry.people, { id });
    if (closeLater) this.pending.set(id, chatIndex);
    return { id, activity };
  }

  /**
   * The chair (the meeting organizer, who may close anyone's action) clicking Close, with a note,
   * on a card the bot posted; undefined when none is left. Not the owner: an owner named by
   * @mention is stored under their Teams id while a click carries their AAD id, so the bot refuses
   * the owner's own Close (reported; see docs/BENCHMARKS.md). The work done is the same.
   */
  closeClick(): { id: string; messageId: string; activity: Record<string, unknown> } | undefined {
    const card = this.closable.shift();
    if (!card) return undefined;
    const id = String(this.idBase + (this.sequence += 1));
    const entry = this.chat(card.chat);
    const activity = entry.chat.cardAction(this.person(entry.people, 0), CARD_VERBS.close, { ...card.data, closeNote: 'Done in the bench.' }, card.messageId, { id });
    return { id, messageId: card.messageId, activity };
  }

  /** A Close click for the echo bot: the same shape, on a message id that only the echo bot's answer uses. */
  echoCloseClick(index: number): { id: string; messageId: string; activity: Record<string, unknown> } {
    const entry = this.chat(index % this.chats.length);
    const sequence = (this.sequence += 1);
    const id = String(this.idBase + sequence);
    const messageId = `echo-card-${sequence}`;
    const data = { actionId: `echo-${sequence}`, seriesId: 'echo', closeNote: 'Done in the bench.' };
    const activity = entry.chat.cardAction(this.person(entry.people, index), CARD_VERBS.close, data, messageId, { id });
    return { id, messageId, activity };
  }

  /**
   * Reads what the connector received since the last call: card replies (keyed by the activity
   * they answer) and updates (keyed by the message updated). A bot card with a Close button
   * becomes a card the bench can click later. The connector's log is then cleared to save memory.
   */
  collect(): void {
    for (const sent of this.connector.sent) {
      if (sent.kind === 'update' && sent.activityId) this.updates.add(sent.activityId);
      if ((sent.kind !== 'reply' && sent.kind !== 'send') || !sent.activityId) continue;
      const card = cardOf(sent);
      this.replies.set(sent.activityId, { ...(sent.newId ? { newId: sent.newId } : {}), ...(card ? { card } : {}) });
      const chat = this.pending.get(sent.activityId);
      const close = card && findExecute(card, CARD_VERBS.close);
      if (chat !== undefined && close && sent.newId) this.closable.push({ chat, messageId: sent.newId, data: close.data });
      this.pending.delete(sent.activityId);
    }
    this.connector.clear();
  }

  /** Whether a card answering activity `id` arrived (and forgets it, checking each once). */
  takeCardReply(id: string): boolean {
    const arrival = this.replies.get(id);
    this.replies.delete(id);
    return Boolean(arrival?.card);
  }

  /** Whether message `messageId` was updated (and forgets it). */
  takeUpdate(messageId: string): boolean {
    return this.updates.delete(messageId);
  }

  private chat(index: number): { chat: TeamsChat; people: ChatPerson[] } {
    const entry = this.chats[index];
    if (!entry) throw new Error(`no bench chat ${index}`);
    return entry;
  }

  private person(people: ChatPerson[], index: number): ChatPerson {
    const person = people[index % people.length];
    if (!person) throw new Error('a bench chat has no members');
    return person;
  }
}

/** The Adaptive Card a sent activity carries, if any. */
function cardOf(sent: SentActivity): Record<string, unknown> | undefined {
  const attachments = (sent.body['attachments'] as Array<{ contentType?: string; content?: Record<string, unknown> }> | undefined) ?? [];
  return attachments.find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}
