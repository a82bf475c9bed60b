import { CardFactory, MessageFactory, type Activity, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';
import type { UserProfile } from '../domain/scheduling/schedulingTypes';
import type { Person, SeriesKey } from '../domain/types';
import type { Logger } from '../observability/logger';
import type { Delivery, Notifier } from '../scheduler/notifier';
import { changeProfile } from '../services/profileService';
import type { UserStore } from '../store/userStore';
import { ConversationRateLimiter } from './conversationRateLimiter';
import { DEFAULT_TEAMS_RETRY, teamsStatusOf, withTeamsRetry, type TeamsRetryPolicy } from './teamsRetry';

/** What the Teams notifier needs besides the adapter. */
export interface TeamsNotifierOptions {
  botAppId: string;
  users: UserStore;
  logger: Logger;
  retry?: TeamsRetryPolicy;
  limiter?: ConversationRateLimiter;
}

/** Teams answers these when the app is blocked, uninstalled, or may not open a chat with the person. */
const UNREACHABLE = new Set([403, 404]);

/**
 * Sends the scheduler's messages through the Bot Connector: to a person's 1:1 chat (opening one
 * when the bot has none yet), else to the meeting chat with an @mention. A 403 marks the 1:1 chat
 * dead, so the bot stops trying it until the person writes to it again.
 */
export class TeamsNotifier implements Notifier {
  private readonly limiter: ConversationRateLimiter;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly options: TeamsNotifierOptions,
  ) {
    this.limiter = options.limiter ?? new ConversationRateLimiter();
  }

  async notifyPerson(target: { tenantId: string; person: Person; chat?: { key: SeriesKey; serviceUrl: string } }, card: AdaptiveCardJson, summary: string): Promise<Delivery> {
    const profile = (await this.options.users.getUser(target.tenantId, target.person.id))?.value;
    const personal = await this.tryPersonal(target.tenantId, target.person, profile, target.chat?.serviceUrl, card);
    if (personal) return personal;
    if (!target.chat) return { where: 'nowhere' };
    const mention = `<at>${escapeMarkup(target.person.name)}</at>`;
    const activity: Partial<Activity> = {
      ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
      text: `${mention}: ${summary}`,
      entities: [{ type: 'mention', text: mention, mentioned: { id: target.person.teamsId ?? target.person.id, name: target.person.name } }],
    };
    return this.send(target.chat.serviceUrl, target.chat.key.conversationId, activity, 'chat');
  }

  async postToChat(chat: { key: SeriesKey; serviceUrl: string }, card: AdaptiveCardJson): Promise<Delivery> {
    return this.send(chat.serviceUrl, chat.key.conversationId, MessageFactory.attachment(CardFactory.adaptiveCard(card)), 'chat');
  }

  private async tryPersonal(tenantId: string, person: Person, profile: UserProfile | undefined, serviceUrl: string | undefined, card: AdaptiveCardJson): Promise<Delivery | undefined> {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
    const chat = profile?.personalChat;
    if (chat?.dead) return undefined;
    try {
      if (chat) return await this.send(chat.serviceUrl, chat.conversationId, activity, 'personal');
      const teamsId = person.teamsId ?? profile?.teamsId;
      if (!teamsId || !serviceUrl) return undefined;
      const conversationId = await this.openPersonalChat(tenantId, teamsId, serviceUrl);
      await changeProfile(this.options.users, tenantId, person, (existing) => ({ ...existing, personalChat: { conversationId, serviceUrl } }));
      return await this.send(serviceUrl, conversationId, activity, 'personal');
    } catch (error) {
      const status = teamsStatusOf(error);
      if (status === undefined || !UNREACHABLE.has(status)) throw error;
      this.options.logger.warn({ tenantId, userId: person.id, status }, '1:1 chat unreachable; falling back to the meeting chat');
      await changeProfile(this.options.users, tenantId, person, (existing) => ({
        ...existing,
        personalChat: { conversationId: chat?.conversationId ?? '', serviceUrl: chat?.serviceUrl ?? serviceUrl ?? '', dead: true },
      }));
      return undefined;
    }
  }

  private async openPersonalChat(tenantId: string, teamsId: string, serviceUrl: string): Promise<string> {
    let conversationId = '';
    await withTeamsRetry(
      () =>
        this.adapter.createConversationAsync(
          this.options.botAppId,
          'msteams',
          serviceUrl,
          '',
          { isGroup: false, bot: { id: `28:${this.options.botAppId || 'meeting-actions'}`, name: 'Meeting Actions' }, members: [{ id: teamsId, name: '' }], tenantId, channelData: { tenant: { id: tenantId } } } as never,
          async (context) => {
            conversationId = context.activity.conversation.id;
          },
        ),
      this.options.retry ?? DEFAULT_TEAMS_RETRY,
    );
    if (!conversationId) throw new Error('Teams created a 1:1 chat but returned no conversation id');
    return conversationId;
  }

  private async send(serviceUrl: string, conversationId: string, activity: Partial<Activity>, where: 'personal' | 'chat'): Promise<Delivery> {
    await this.limiter.acquire(conversationId);
    const reference: Partial<ConversationReference> = { serviceUrl, channelId: 'msteams', conversation: { id: conversationId, isGroup: where === 'chat', conversationType: '', name: '' } };
    let activityId: string | undefined;
    await withTeamsRetry(async () => {
      // The adapter hands errors thrown inside the turn to its onTurnError and swallows them; the
      // failure is carried out of the turn instead, so a 403 or 429 reaches the code that handles it.
      let failure: unknown;
      await this.adapter.continueConversationAsync(this.options.botAppId, reference, async (context) => {
        try {
          activityId = (await context.sendActivity(activity))?.id;
        } catch (error) {
          failure = error;
        }
      });
      if (failure) throw failure;
    }, this.options.retry ?? DEFAULT_TEAMS_RETRY);
    return { where, conversationId, serviceUrl, ...(activityId ? { activityId } : {}) };
  }
}

function escapeMarkup(name: string): string {
  return name.replace(/[<>&]/g, '');
}
