import type { CardCopy, Person } from '../../src/domain/types';
import type { CardPayload } from '../../src/services/messenger';
import type { ChatAddress, Delivery, Notifier } from '../../src/services/notifier';

/**
 * A `Notifier` that keeps count instead of sending, for timing what a tick costs in the store and
 * in rendering. It answers as a delivered 1:1 message would, so the reminder job records the card
 * copy just as it does after a real send.
 */
export class RecordingNotifier implements Notifier {
  /** Cards "sent" so far. */
  sent = 0;
  /** Bytes of card JSON "sent" so far, which makes sure each card was really built. */
  bytes = 0;

  async notifyPerson(target: { tenantId: string; person: Person; chat?: ChatAddress }, card: CardPayload): Promise<Delivery> {
    return this.record(`a:1${target.person.id}`, target.chat?.serviceUrl ?? '', card);
  }

  async postToChat(chat: ChatAddress, card: CardPayload): Promise<Delivery> {
    return this.record(chat.key.conversationId, chat.serviceUrl, card);
  }

  async redraw(copies: readonly CardCopy[], card: CardPayload): Promise<void> {
    for (const copy of copies) this.record(copy.conversationId, copy.serviceUrl, card);
  }

  private record(conversationId: string, serviceUrl: string, card: CardPayload): Delivery {
    this.sent += 1;
    // The Teams notifier serialises every card for the connector; this keeps that cost in the figure.
    this.bytes += JSON.stringify(card).length;
    return { where: 'personal', conversationId, serviceUrl, activityId: `recorded-${this.sent}` };
  }
}
