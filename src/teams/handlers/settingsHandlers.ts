import { renderSettingsCard } from '../../cards/settingsCard';
import { isValidTimeZone } from '../../domain/dateFormat';
import { digestJobId } from '../../domain/scheduling/jobIds';
import { DEFAULT_PREFERENCES, type NotificationPreferences } from '../../domain/scheduling/schedulingTypes';
import { nextWeeklySlot } from '../../domain/scheduling/weeklySlot';
import { changeProfile } from '../../services/profileService';
import { retryOnConflict } from '../../services/retryOnConflict';
import type { BotDeps } from '../botDeps';
import { answerInvokeWithCard, sendCard } from '../cardReplies';
import type { TurnInfo } from '../turnInfo';
import type { CardActionHandler, CommandHandler } from './handlerTypes';

/** `/settings` in the 1:1 chat: the digest day and hour, the time zone, digests on or off. */
export const handleSettingsCommand: CommandHandler = async (context, deps, info) => {
  const profile = (await deps.users.getUser(info.key.tenantId, info.speaker.id))?.value;
  await sendCard(context, renderSettingsCard(profile?.preferences ?? DEFAULT_PREFERENCES, profile?.timeZone ?? info.timeZone ?? deps.defaultTimeZone));
};

/** `/settings` in a meeting chat: settings are personal, so they live in the 1:1 chat. */
export const handleSettingsInChat: CommandHandler = async (context) => {
  await context.sendActivity('Your reminder and digest settings are personal: open a 1:1 chat with me and type /settings there.');
};

/** The settings card's Save: checks every field, saves them, and moves the weekly digest to the new slot. */
export const handleSaveSettings: CardActionHandler = async (context, deps, info, data) => {
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const day = Number(record['digestDay']);
  const hour = Number(record['hour']);
  const zone = typeof record['timeZone'] === 'string' ? record['timeZone'].trim() : '';
  const enabled = record['digestEnabled'] !== 'false';
  const current = (await deps.users.getUser(info.key.tenantId, info.speaker.id))?.value;
  const asTyped: NotificationPreferences = {
    digestDay: Number.isInteger(day) && day >= 1 && day <= 7 ? day : (current?.preferences.digestDay ?? DEFAULT_PREFERENCES.digestDay),
    hour: Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : (current?.preferences.hour ?? DEFAULT_PREFERENCES.hour),
    digestEnabled: enabled,
  };
  if (!isValidTimeZone(zone)) {
    const text = `"${zone.slice(0, 60)}" is not a time zone I know. Type an IANA name such as Europe/London or America/New_York. Nothing was changed.`;
    return answerInvokeWithCard(context, renderSettingsCard(asTyped, zone, { text, style: 'attention' }));
  }
  const profile = await changeProfile(deps.users, info.key.tenantId, info.speaker, (existing) => ({ ...existing, timeZone: zone, preferences: asTyped }));
  await moveDigest(deps, info, asTyped, zone);
  await answerInvokeWithCard(context, renderSettingsCard(profile.preferences, zone, { text: 'Saved.', style: 'good' }));
};

/** Re-books the weekly digest at the new day and hour, or cancels it when digests are off. */
async function moveDigest(deps: BotDeps, info: TurnInfo, preferences: NotificationPreferences, zone: string): Promise<void> {
  const id = digestJobId(info.key.tenantId, info.speaker.id);
  await retryOnConflict(async () => {
    const existing = await deps.schedule.getJob(info.key.tenantId, id);
    if (!preferences.digestEnabled) {
      if (existing) await deps.schedule.deleteJob(info.key.tenantId, id, existing.etag);
      return;
    }
    const dueAt = nextWeeklySlot(info.now, zone, preferences.digestDay, preferences.hour);
    await deps.schedule.putJob({ id, tenantId: info.key.tenantId, kind: 'weeklyDigest', userId: info.speaker.id, dueAt }, existing?.etag);
  });
}
