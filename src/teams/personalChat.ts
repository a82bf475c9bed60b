import { changeProfile } from '../services/profileService';
import type { BotDeps } from './botDeps';
import type { TurnInfo } from './turnInfo';

/**
 * Remembers a person's 1:1 chat with the bot (and their zone and locale, unless they chose a zone in
 * /settings), so reminders and digests can reach them there. A chat that Teams once refused is
 * trusted again when the person writes in it: they have reinstalled the app.
 */
export async function rememberPersonalChat(deps: BotDeps, info: TurnInfo): Promise<void> {
  if (info.conversationType !== 'personal') return;
  await changeProfile(deps.users, info.key.tenantId, info.speaker, (profile) => {
    const chat = profile.personalChat;
    const sameChat = chat && chat.conversationId === info.key.conversationId && chat.serviceUrl === info.serviceUrl && !chat.dead;
    const zoneKnown = profile.timeZone !== undefined || info.timeZone === undefined;
    if (sameChat && zoneKnown && profile.locale === info.locale) return profile;
    return {
      ...profile,
      name: info.speaker.name,
      ...(info.speaker.teamsId ? { teamsId: info.speaker.teamsId } : {}),
      personalChat: { conversationId: info.key.conversationId, serviceUrl: info.serviceUrl },
      ...(profile.timeZone === undefined && info.timeZone ? { timeZone: info.timeZone } : {}),
      locale: info.locale,
    };
  });
}
