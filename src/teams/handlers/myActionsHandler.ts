import { renderWeeklyDigestCard } from '../../cards/weeklyDigestCard';
import { buildOwnerDigest } from '../../domain/scheduling/ownerDigest';
import type { CommandHandler } from '../turn';

/** `/actions` in the 1:1 chat: your open actions across every meeting, like the weekly digest. */
export const handleMyActions: CommandHandler = async (turn) => {
  const { facts } = turn;
  const { open, timing } = await turn.room.useCases.people.openActions(facts.key.tenantId, facts.speaker.id, { locale: facts.locale });
  const titles = new Map(open.map((entry) => [entry.action.id, entry.series.title ?? 'A meeting chat']));
  await turn.reply.sendCard(
    renderWeeklyDigestCard(buildOwnerDigest(open.map((entry) => entry.action), facts.now, timing.zone), { locale: facts.locale, chatTitle: (action) => titles.get(action.id) ?? '' }),
  );
};
