import { renderSettingsCard, type SettingsView } from '../../cards/settingsCard';
import { isValidTimeZone } from '../../domain/dateFormat';
import { DEFAULT_PREFERENCES, type NotificationPreferences } from '../../domain/scheduling/schedulingTypes';
import type { CardHandler, CommandHandler, Turn } from '../turn';

/** `/settings` in the 1:1 chat: the digest day and hour, the time zone, digests on or off. */
export const handleSettingsCommand: CommandHandler = async (turn) => {
  const { facts, room } = turn;
  const profile = await room.useCases.people.profile(facts.key.tenantId, facts.speaker.id);
  await turn.reply.sendCard(renderSettingsCard(savedSettings(turn, profile)));
};

/** `/settings` in a meeting chat: settings are personal, so they live in the 1:1 chat. */
export const handleSettingsInChat: CommandHandler = async (turn) => {
  await turn.reply.say('Your reminder and digest settings are personal: open a 1:1 chat with me and type /settings there.');
};

/** The settings card's Save: checks every field, saves them, and moves the weekly digest to the new slot. */
export const handleSaveSettings: CardHandler = async (turn, data) => {
  const { facts, room } = turn;
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const day = Number(record['digestDay']);
  const hour = Number(record['hour']);
  const zone = typeof record['timeZone'] === 'string' ? record['timeZone'].trim() : '';
  const enabled = record['digestEnabled'] !== 'false';
  const current = await room.useCases.people.profile(facts.key.tenantId, facts.speaker.id);
  const asTyped: NotificationPreferences = {
    digestDay: Number.isInteger(day) && day >= 1 && day <= 7 ? day : (current?.preferences.digestDay ?? DEFAULT_PREFERENCES.digestDay),
    hour: Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : (current?.preferences.hour ?? DEFAULT_PREFERENCES.hour),
    digestEnabled: enabled,
  };
  if (!isValidTimeZone(zone)) {
    const text = `"${zone.slice(0, 60)}" is not a time zone I know. Type an IANA name such as Europe/London or America/New_York. Nothing was changed.`;
    // The summary keeps stating what is saved (nothing changed); the fields keep what was typed, to correct.
    return renderSettingsCard(savedSettings(turn, current), { notice: { text, style: 'attention' }, typed: { preferences: asTyped, timeZone: zone } });
  }
  const profile = await room.useCases.people.saveSettings(facts.key.tenantId, facts.speaker, asTyped, zone, facts.now);
  return renderSettingsCard({ preferences: profile.preferences, timeZone: zone }, { notice: { text: 'Saved.', style: 'good' } });
};

/** What is in force for the speaker: their saved settings, else the defaults in their client's zone. */
function savedSettings(turn: Turn, profile: { preferences: NotificationPreferences; timeZone?: string } | undefined): SettingsView {
  return { preferences: profile?.preferences ?? DEFAULT_PREFERENCES, timeZone: profile?.timeZone ?? turn.facts.timeZone ?? turn.room.defaultTimeZone };
}
