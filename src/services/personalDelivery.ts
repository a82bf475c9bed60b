import type { Clock } from '../domain/clock';
import type { UserProfile } from '../domain/scheduling/schedulingTypes';
import type { CardCopy, Person } from '../domain/types';
import type { Logger } from '../observability/logger';
import type { UserProfiles } from '../store/userProfiles';
import type { AppInstaller } from './appInstaller';
import { GraphRefused, GraphUnavailable } from './graphFailures';
import { DeliveryRefused, type CardPayload, type Messenger } from './messenger';
import type { ChatAddress, Delivery, Notifier } from './notifier';
import { changeProfile } from './profileService';

/** What personal delivery needs besides the messenger and the profiles. */
export interface PersonalDeliveryOptions {
  clock: Clock;
  /** Installs the app for someone the bot cannot reach privately yet (Microsoft Graph); absent without Graph. */
  installer?: AppInstaller;
}

/** After Graph refused to install the app for someone, how long before the bot asks again (an admin may have allowed it since). */
const INSTALL_RETRY_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/** An Azure AD object id: only those name a user to Graph (a Teams-only id would just earn a 404). */
const AZURE_AD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Delivers the scheduler's messages privately by default: to a person's 1:1 chat with the bot;
 * where there is none, the bot installs its app for them through Microsoft Graph (when configured)
 * and opens one; only where that is refused, to the meeting chat with an @mention. A refusal from
 * Teams marks the 1:1 chat dead, so the bot stops trying it until the person writes to it again
 * (see `rememberPersonalChat`); a refusal from Graph is remembered in the person's profile, logged
 * once, and asked again only after a week.
 */
export class PersonalDelivery implements Notifier {
  constructor(
    private readonly messenger: Messenger,
    private readonly users: UserProfiles,
    private readonly logger: Logger,
    private readonly options: PersonalDeliveryOptions,
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

  async redraw(copies: readonly CardCopy[], card: CardPayload): Promise<void> {
    for (const copy of copies) {
      try {
        await this.messenger.update(copy, card);
      } catch (error) {
        this.logger.warn({ err: error, copy: copy.activityId }, 'could not update a copy of a card');
      }
    }
  }

  private async tryPersonal(tenantId: string, person: Person, profile: UserProfile | undefined, serviceUrl: string | undefined, card: CardPayload): Promise<Delivery | undefined> {
    const chat = profile?.personalChat;
    // A chat the person had that Teams now refuses: they blocked or removed the app, and that choice
    // stands (no reinstalling behind their back) until they write to the bot again.
    if (chat?.dead && chat.conversationId) return undefined;
    try {
      if (chat && !chat.dead) {
        const to = { serviceUrl: chat.serviceUrl, conversationId: chat.conversationId, isGroup: false };
        return delivered('personal', to, await this.messenger.post(to, { card }));
      }
      const teamsId = person.teamsId ?? profile?.teamsId;
      if (!teamsId || !serviceUrl) return undefined;
      const installed = await this.installFor(tenantId, person, profile);
      // Teams would not open a chat before; only an installation since can change that.
      if (chat?.dead && !installed) return undefined;
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

  /**
   * Installs the app for the person through Graph, so Teams will open a 1:1 chat with them; true
   * when it is installed (now, or already: Graph's 409). False without Graph, while an earlier
   * refusal stands, or when Graph refuses or is down: then the bot carries on as it would without Graph.
   */
  private async installFor(tenantId: string, person: Person, profile: UserProfile | undefined): Promise<boolean> {
    const installer = this.options.installer;
    if (!installer || !AZURE_AD_ID.test(person.id)) return false;
    const now = this.options.clock.now();
    const refused = profile?.appInstallRefused;
    if (refused && Date.parse(now) - Date.parse(refused.at) < INSTALL_RETRY_AFTER_MS) return false;
    try {
      const outcome = await installer.installForUser(tenantId, person.id);
      this.logger.info({ tenantId, userId: person.id, outcome }, 'the app is installed for this person, so their reminders reach them privately');
      if (refused) await changeProfile(this.users, tenantId, person, (existing) => withoutRefusal(existing));
      return true;
    } catch (error) {
      if (error instanceof GraphRefused) {
        // Once per person, not once per reminder: the refusal is kept in their profile.
        if (!refused) {
          this.logger.warn(
            { tenantId, userId: person.id, status: error.status },
            'Microsoft Graph would not install the app for this person (blocked by an app policy, or TeamsAppInstallation.ReadWriteSelfForUser.All not granted: see docs/DEPLOY.md); their reminders go to the meeting chat with an @mention',
          );
        }
        await changeProfile(this.users, tenantId, person, (existing) => ({ ...existing, appInstallRefused: { at: now, status: error.status } }));
        return false;
      }
      if (error instanceof GraphUnavailable) {
        this.logger.warn({ tenantId, userId: person.id, status: error.status, err: error }, 'Microsoft Graph is unavailable; reaching this person as the bot would without it');
        return false;
      }
      throw error;
    }
  }
}

function withoutRefusal(profile: UserProfile): UserProfile {
  const next = { ...profile };
  delete next.appInstallRefused;
  return next;
}

function delivered(where: Delivery['where'], to: { serviceUrl: string; conversationId: string }, activityId: string | undefined): Delivery {
  return { where, conversationId: to.conversationId, serviceUrl: to.serviceUrl, ...(activityId ? { activityId } : {}) };
}
