import type { Activity, TurnContext } from 'botbuilder';
import { isValidTimeZone } from '../../domain/dateFormat';
import { isMentionMarkup, type MentionedPerson } from '../../domain/mentions';
import type { Person } from '../../domain/types';
import { DEFAULT_BOT_NAME, DEFAULT_LOCALE, type TurnFacts } from '../turn';

/** Reads a Teams activity into the plain facts handlers use. No botbuilder type leaves this folder. */
export function readTurn(context: TurnContext, now: string): TurnFacts {
  const activity = context.activity;
  const clientInfo = (activity.entities ?? []).find((entity) => entity.type === 'clientInfo') as { locale?: string; timezone?: string } | undefined;
  const zone = activity.localTimezone ?? clientInfo?.timezone;
  const channelData = (activity.channelData ?? {}) as { meeting?: { id?: string }; tenant?: { id?: string } };
  return {
    key: {
      tenantId: activity.conversation?.tenantId ?? channelData.tenant?.id ?? 'unknown-tenant',
      conversationId: seriesConversationId(activity),
    },
    speaker: personFrom(activity.from),
    mentions: mentionsIn(activity),
    addressedToBot: addressesBot(activity),
    botName: activity.recipient?.name?.trim() || DEFAULT_BOT_NAME,
    activityId: activity.id ?? `${activity.conversation?.id}:${activity.timestamp?.toString() ?? now}`,
    ...(activity.replyToId ? { replyToId: activity.replyToId } : {}),
    now,
    ...(zone && isValidTimeZone(zone) ? { timeZone: zone } : {}),
    locale: activity.locale ?? clientInfo?.locale ?? DEFAULT_LOCALE,
    conversationType: conversationTypeOf(activity),
    serviceUrl: activity.serviceUrl,
    ...(channelData.meeting?.id ? { meetingId: channelData.meeting.id } : {}),
  };
}

/** A Teams account as a person: the Azure AD object id is the stable identity when present. */
export function personFrom(account: { id: string; name?: string; aadObjectId?: string } | undefined): Person {
  if (!account) return { id: 'unknown', name: 'Someone' };
  return { id: account.aadObjectId ?? account.id, name: account.name?.trim() || 'Someone', teamsId: account.id };
}

/** Whether the activity @mentions the bot itself. */
function addressesBot(activity: Activity): boolean {
  return (activity.entities ?? []).some((entity) => entity.type === 'mention' && (entity as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id);
}

/**
 * A channel thread's conversation id carries `;messageid=…`; the series is the channel, so the
 * suffix is dropped. Chat ids are used as they are.
 */
function seriesConversationId(activity: Activity): string {
  return (activity.conversation?.id ?? 'unknown-conversation').split(';messageid=')[0] ?? '';
}

function conversationTypeOf(activity: Activity): TurnFacts['conversationType'] {
  const type = activity.conversation?.conversationType;
  if (type === 'personal' || type === 'channel') return type;
  return 'groupChat';
}

function mentionsIn(activity: Activity): MentionedPerson[] {
  const mentions: MentionedPerson[] = [];
  for (const entity of activity.entities ?? []) {
    if (entity.type !== 'mention') continue;
    const { mentioned, text } = entity as { mentioned?: { id: string; name?: string; aadObjectId?: string }; text?: string };
    if (!mentioned?.id || !text || mentioned.id === activity.recipient?.id) continue;
    // Only a mention tag that is in the message names someone; any other text claimed is ignored.
    if (!isMentionMarkup(text) || typeof activity.text !== 'string' || !activity.text.includes(text)) continue;
    mentions.push({ markup: text, person: personFrom(mentioned) });
  }
  return mentions;
}
