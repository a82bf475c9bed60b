import { renderWeeklyDigestCard } from '../../cards/weeklyDigestCard';
import { buildOwnerDigest } from '../../domain/scheduling/ownerDigest';
import { loadOpenActionsOf } from '../../services/openActionsOf';
import { scheduleOf } from '../../services/personSchedule';
import { sendCard } from '../cardReplies';
import type { CommandHandler } from './handlerTypes';

/** `/actions` in the 1:1 chat: your open actions across every meeting, like the weekly digest. */
export const handleMyActions: CommandHandler = async (context, deps, info) => {
  const open = await loadOpenActionsOf({ chats: deps.store, schedule: deps.schedule }, info.key.tenantId, info.speaker.id);
  const timing = await scheduleOf(deps.users, info.key.tenantId, info.speaker.id, open[0]?.series, info.locale);
  const titles = new Map(open.map((entry) => [entry.action.id, entry.series.title ?? 'A meeting chat']));
  await sendCard(
    context,
    renderWeeklyDigestCard(buildOwnerDigest(open.map((entry) => entry.action), info.now, timing.zone), { locale: info.locale, chatTitle: (action) => titles.get(action.id) ?? '' }),
  );
};
