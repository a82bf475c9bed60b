import type { UserProfile } from '../domain/scheduling/schedulingTypes';
import type { Person } from '../domain/types';
import type { Logger } from '../observability/logger';
import type { UserProfiles } from '../store/userProfiles';
import { DeliveryRefused, type CardPayload, type Messenger } from './messenger';
import type { ChatAddress, Delivery, Notifier } from './notifier';
import { changeProfile } from './profileService';

/**
 * Delivers the scheduler's messages: to a person's 1:1 chat (opening one when the bot has none
 * yet), else to the meeting chat with an @mention. A refusal from Teams marks the 1:1 chat dead, so
 * the bot stops trying it until the person writes to it again (see `rememberPersonalChat`).
 */
export class PersonalDelivery implements Notifier {
  constructor(
    private readonly messenger: Messenger,
    private readonly users: UserProfiles,
    private readonly logger: Logger,
  ) {}

  async notifyPerson(target: { tenantId: string; person: Person; chat?: ChatAddress }, card: CardPayload, summary: string): Promise<Delivery> {
    const profile = (await this.users.getProfile(target.tenantId, target.person.id))?.value;
    const personal = await this.tryPersonal(target.tenantId, target.person, profile, target.chat?.serviceUrl, card);
    if (personal) return personal;
    if (!target.chat) return { where: 'nowhere' };
    const to = { serviceUrl: target.chat.serviceUrl, conversationId: target.chat.key.conversationId, isGroup: true };
    const activityId = await this.messenger.post(to, { card, text: summary, mention: target.person });
    return delivered('chat', to, activityId);
  }

  async postToChat(chat: ChatAddress, card: CardPayload): Promise<Delivery> {
    const to = { serviceUrl: chat.serviceUrl, conversationId: chat.key.conversationId, isGroup: true };
    return delivered('chat', to, await this.messenger.post(to, { card }));
  }

  private async tryPersonal(tenantId: string, person: Person, profile: UserProfile | undefined, serviceUrl: string | undefined, card: CardPayload): Promise<Delivery | undefined> {
    const chat = profile?.personalChat;
    if (chat?.dead) return undefined;
    try {
      if (chat) {
        const to = { serviceUrl: chat.serviceUrl, conversationId: chat.conversationId, isGroup: false };
        return delivered('personal', to, await this.messenger.post(to, { card }));
      }
      const teamsId = person.teamsId ?? profile?.teamsId;
      if (!teamsId || !serviceUrl) return undefined;
      const conversationId = await this.messenger.openPersonalChat(tenantId, teamsId, serviceUrl);
      await changeProfile(this.users, tenantId, person, (existing) => ({ ...existing, personalChat: { conversationId, serviceUrl } }));
      const to = { serviceUrl, conversationId, isGroup: false };
      return delivered('personal', to, await this.messenger.post(to, { card }));
    } catch (error) {
      if (!(error instanceof DeliveryRefused)) throw error;
      this.logger.warn({ tenantId, userId: person.id, status: error.status }, '1:1 chat unreachable; falling back to the meeting chat');
      await changeProfile(this.users, tenantId, person, (existing) => ({
        ...existing,
        personalChat: { conversationId: chat?.conversationId ?? '', serviceUrl: chat?.serviceUrl ?? serviceUrl ?? '', dead: true },
      }));
      return undefined;
    }
  }
}

function delivered(where: Delivery['where'], to: { serviceUrl: string; conversationId: string }, activityId: string | undefined): Delivery {
  return { where, conversationId: to.conversationId, serviceUrl: to.serviceUrl, ...(activityId ? { activityId } : {}) };
}
