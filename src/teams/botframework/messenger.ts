import { CardFactory, MessageFactory, type Activity, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { CardCopy } from '../../domain/types';
import { DeliveryRefused, type CardPayload, type ConversationAddress, type Messenger, type OutgoingCard } from '../../services/messenger';
import { ConversationRateLimiter } from '../conversationRateLimiter';
import { DEFAULT_TEAMS_RETRY, teamsStatusOf, withTeamsRetry, type TeamsRetryPolicy } from '../teamsRetry';

/** Teams answers these when the app is blocked, uninstalled, or may not open a chat with the person. */
const UNREACHABLE = new Set([403, 404]);

/**
 * Sends outside a turn through the Bot Connector (botbuilder's `continueConversationAsync` and
 * `createConversationAsync`): each conversation paced inside Teams' rate limits (the limiter is
 * shared with replies inside turns), throttling and gateway failures retried with back-off, and a
 * refusal turned into `DeliveryRefused`.
 */
export class BotFrameworkMessenger implements Messenger {
  private readonly limiter: ConversationRateLimiter;
  private readonly retry: TeamsRetryPolicy;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    options: { retry?: TeamsRetryPolicy; limiter?: ConversationRateLimiter } = {},
  ) {
    this.limiter = options.limiter ?? new ConversationRateLimiter();
    this.retry = options.retry ?? DEFAULT_TEAMS_RETRY;
  }

  async post(to: ConversationAddress, message: OutgoingCard): Promise<string | undefined> {
    await this.limiter.acquire(to.conversationId);
    let activityId: string | undefined;
    await refusalsAsDeliveryRefused(() =>
      withTeamsRetry(async () => {
        activityId = await this.inConversation(to, async (context) => (await context.sendActivity(activityOf(message)))?.id);
      }, this.retry),
    );
    return activityId;
  }

  async openPersonalChat(tenantId: string, teamsId: string, serviceUrl: string): Promise<string> {
    let conversationId = '';
    await refusalsAsDeliveryRefused(() =>
      withTeamsRetry(
        () =>
          this.adapter.createConversationAsync(
            this.botAppId,
            'msteams',
            serviceUrl,
            '',
            { isGroup: false, bot: { id: `28:${this.botAppId || 'meeting-actions'}`, name: 'Meeting Actions' }, members: [{ id: teamsId, name: '' }], tenantId, channelData: { tenant: { id: tenantId } } } as never,
            async (context) => {
              conversationId = context.activity.conversation.id;
            },
          ),
        this.retry,
      ),
    );
    if (!conversationId) throw new Error('Teams created a 1:1 chat but returned no conversation id');
    return conversationId;
  }

  async update(copy: CardCopy, card: CardPayload): Promise<void> {
    const to = { serviceUrl: copy.serviceUrl, conversationId: copy.conversationId, isGroup: false };
    await this.limiter.acquire(copy.conversationId);
    await refusalsAsDeliveryRefused(() =>
      withTeamsRetry(async () => {
        await this.inConversation(to, async (context) => {
          await context.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: copy.activityId });
        });
      }, this.retry),
    );
  }

  /**
   * Runs `send` in a proactive turn. The adapter hands errors thrown inside the turn to its
   * onTurnError and swallows them; the failure is carried out of the turn instead, so a 403 or 429
   * reaches the code that handles it.
   */
  private async inConversation<T>(to: ConversationAddress, send: (context: TurnContext) => Promise<T>): Promise<T | undefined> {
    const reference: Partial<ConversationReference> = { serviceUrl: to.serviceUrl, channelId: 'msteams', conversation: { id: to.conversationId, isGroup: to.isGroup, conversationType: '', name: '' } };
    let failure: unknown;
    let result: T | undefined;
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      try {
        result = await send(context);
      } catch (error) {
        failure = error;
      }
    });
    if (failure) throw failure;
    return result;
  }
}

/** The Bot Framework activity for a card, with its @mention when it names someone in a group chat. */
function activityOf(message: OutgoingCard): Partial<Activity> {
  const activity: Partial<Activity> = MessageFactory.attachment(CardFactory.adaptiveCard(message.card));
  if (!message.mention) return message.text ? { ...activity, text: message.text } : activity;
  const mention = `<at>${escapeMarkup(message.mention.name)}</at>`;
  return {
    ...activity,
    text: `${mention}: ${message.text ?? ''}`.trimEnd(),
    entities: [{ type: 'mention', text: mention, mentioned: { id: message.mention.teamsId ?? message.mention.id, name: message.mention.name } }],
  };
}

async function refusalsAsDeliveryRefused<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const status = teamsStatusOf(error);
    if (status !== undefined && UNREACHABLE.has(status)) throw new DeliveryRefused(status);
    throw error;
  }
}

function escapeMarkup(name: string): string {
  return name.replace(/[<>&]/g, '');
}
