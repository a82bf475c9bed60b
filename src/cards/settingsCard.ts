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

/** A person's reminder and digest settings with the time zone they are read in. */
export interface SettingsView {
  preferences: NotificationPreferences;
  timeZone: string;
}

/**
 * Draws `/settings`: digest on/off, its day, the hour for digests and reminders, and the time zone.
 * The summary line states what is saved; the fields show `typed` when a save was refused, so the
 * person can correct what they typed without the card claiming it took effect.
 */
export function renderSettingsCard(saved: SettingsView, options: { notice?: { text: string; style: 'good' | 'attention' }; typed?: SettingsView } = {}): AdaptiveCardJson {
  const shown = options.typed ?? saved;
  return render({
    notice: options.notice?.text ?? '',
    noticeStyle: options.notice?.style ?? 'good',
    summary: summaryOf(saved),
    digestEnabled: String(shown.preferences.digestEnabled),
    digestDay: String(shown.preferences.digestDay),
    hour: String(shown.preferences.hour),
    timeZone: shown.timeZone,
    days: DAYS.map((title, index) => ({ title, value: String(index + 1) })),
    hours: Array.from({ length: 24 }, (_, value) => ({ title: `${String(value).padStart(2, '0')}:00`, value: String(value) })),
    verbs: CARD_VERBS,
  });
}

function summaryOf({ preferences, timeZone }: SettingsView): string {
  const day = DAYS[preferences.digestDay - 1] ?? 'Monday';
  const hour = `${String(preferences.hour).padStart(2, '0')}:00`;
  return preferences.digestEnabled
    ? `Digest every ${day} at ${hour}; reminders at ${hour}, ${timeZone} time.`
    : `Weekly digest off; reminders at ${hour}, ${timeZone} time.`;
}
