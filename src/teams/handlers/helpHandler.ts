import { renderHelpCard } from '../../cards/helpCard';
import { formatDueDate, localDate } from '../../domain/dateFormat';
import type { CommandHandler, Turn } from '../turn';

/** `/help`: every command with an example, the limits, and (when switched on) whether Copilot's suggestions work in this chat. */
export const handleHelp: CommandHandler = async (turn) => {
  await turn.reply.sendCard(renderHelpCard(await suggestionsNote(turn)));
};

/** Said only when `COPILOT_INSIGHTS` is on, and only in a chat (suggestions are a meeting chat's). */
async function suggestionsNote(turn: Turn): Promise<string[]> {
  const { facts, room } = turn;
  const suggestions = room.useCases.suggestions;
  if (!suggestions || facts.conversationType === 'personal') return [];
  const series = (await room.useCases.chats.load(facts)).value;
  const availability = suggestions.availability(series);
  if (availability.kind === 'on') {
    return ["Suggested actions: after each meeting I read Copilot's recap and offer its action items here, to accept (checking the owner and adding a due date) or dismiss. Nothing is recorded until someone accepts."];
  }
  const on = formatDueDate(localDate(availability.at, series.timeZone), facts.locale);
  return [
    `Suggested actions from Copilot are off in this chat: Microsoft Graph refused this meeting's AI insights on ${on} (${availability.status}). The meeting's organizer needs a Microsoft 365 Copilot licence, and an admin must grant the app OnlineMeetingAiInsight.Read.All with an application access policy. I will ask again after a meeting a week from then.`,
  ];
}
