import { renderWeeklyDigestCard } from '../../cards/weeklyDigestCard';
import { closeAction } from '../../domain/actionTransitions';
import { buildOwnerDigest } from '../../domain/scheduling/ownerDigest';
import { changeAction } from '../../services/actionChangeService';
import { loadOpenActionsOf } from '../../services/openActionsOf';
import { scheduleOf } from '../../services/personSchedule';
import { afterActionChange } from '../afterActionChange';
import { readActionTarget, readNote } from '../cardData';
import { answerInvokeWithCard } from '../cardReplies';
import { resolveCardTarget } from '../cardTarget';
import { answerNotice } from './cardChange';
import type { CardActionHandler } from './handlerTypes';

/**
 * Close from the weekly digest: closes the action (owners and the chair only), updates its card in
 * the meeting chat, and answers with the digest redrawn, so the person carries on down their list.
 */
export const handleDigestClose: CardActionHandler = async (context, deps, info, data) => {
  const target = readActionTarget(data);
  if (!target.ok) return answerNotice(context, target.message);
  const field = (data as { noteField?: unknown }).noteField;
  const note = readNote({ closeNote: typeof field === 'string' ? (data as Record<string, unknown>)[field] : undefined }, 'closeNote', false);
  if (!note.ok) return answerNotice(context, note.message);
  const found = await resolveCardTarget(deps, info, target.value);
  if (!found.ok) return answerNotice(context, found.message);
  const outcome = await changeAction(deps.store, found.series, { id: target.value.actionId }, { eventId: info.activityId, at: info.now, person: info.speaker }, (action, change) =>
    closeAction(action, change, note.value || undefined),
  );
  if (outcome.kind === 'notFound') return answerNotice(context, outcome.reason);
  if (outcome.kind === 'changed') await afterActionChange(context, deps, info, outcome.action, found.series, outcome.previous);
  const open = await loadOpenActionsOf({ chats: deps.store, schedule: deps.schedule }, info.key.tenantId, info.speaker.id);
  const timing = await scheduleOf(deps.users, info.key.tenantId, info.speaker.id, found.series, info.locale);
  const titles = new Map(open.map((entry) => [entry.action.id, entry.series.title ?? 'A meeting chat']));
  const notice = outcome.kind === 'changed' ? `Closed ${outcome.action.text.length > 50 ? `${outcome.action.text.slice(0, 47)}…` : outcome.action.text}.` : outcome.reason;
  await answerInvokeWithCard(
    context,
    renderWeeklyDigestCard(buildOwnerDigest(open.map((entry) => entry.action), info.now, timing.zone), {
      locale: info.locale,
      chatTitle: (action) => titles.get(action.id) ?? '',
      notice,
    }),
  );
};
