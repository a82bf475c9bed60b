import type { NotificationPreferences } from '../domain/scheduling/schedulingTypes';
import { prepareCard, type AdaptiveCardJson } from './render';
import template from './templates/settingsCard.json';
import { CARD_VERBS } from './verbs';

/** The data the settings template binds to. */
export interface SettingsCardData {
  notice: string;
  noticeStyle: 'good' | 'attention';
  summary: string;
  digestEnabled: string;
  digestDay: string;
  hour: string;
  timeZone: string;
  days: Array<{ title: string; value: string }>;
  hours: Array<{ title: string; value: string }>;
  verbs: typeof CARD_VERBS;
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const render = prepareCard<SettingsCardData>(template);

/** Draws `/settings`: digest on/off, its day, the hour for digests and reminders, and the time zone. */
export function renderSettingsCard(preferences: NotificationPreferences, timeZone: string, notice?: { text: string; style: 'good' | 'attention' }): AdaptiveCardJson {
  const day = DAYS[preferences.digestDay - 1] ?? 'Monday';
  const hour = `${String(preferences.hour).padStart(2, '0')}:00`;
  return render({
    notice: notice?.text ?? '',
    noticeStyle: notice?.style ?? 'good',
    summary: preferences.digestEnabled
      ? `Digest every ${day} at ${hour}; reminders at ${hour}, ${timeZone} time.`
      : `Weekly digest off; reminders at ${hour}, ${timeZone} time.`,
    digestEnabled: String(preferences.digestEnabled),
    digestDay: String(preferences.digestDay),
    hour: String(preferences.hour),
    timeZone,
    days: DAYS.map((title, index) => ({ title, value: String(index + 1) })),
    hours: Array.from({ length: 24 }, (_, value) => ({ title: `${String(value).padStart(2, '0')}:00`, value: String(value) })),
    verbs: CARD_VERBS,
  });
}
