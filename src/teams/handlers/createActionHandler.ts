import { renderActionCard } from '../../cards/actionCard';
import { renderActionFormCard } from '../../cards/actionFormCard';
import { toPerson } from '../../domain/actionCommand';
import { seriesIdOf } from '../../domain/seriesId';
import type { Person } from '../../domain/types';
import { rememberCardCopy } from '../../services/actionChangeService';
import { captureAction } from '../../services/captureService';
import { readActionText, readDueDate, readOwnerIds, readSeriesId } from '../cardData';
import { keepRemindersInStep } from '../afterActionChange';
import { answerInvokeWithCard, replaceCard } from '../cardReplies';
import { seriesOf } from '../chatRoster';
import { answerNotice } from './cardChange';
import type { CardActionHandler } from './handlerTypes';

/**
 * The form's Save button: captures the action and turns the form, for everyone, into the action's
 * card. The form's message id is the capture's idempotency key, so a double click saves once.
 */
export const handleCreateAction: CardActionHandler = async (context, deps, info, data) => {
  const seriesId = readSeriesId(data);
  if (!seriesId.ok) return answerNotice(context, seriesId.message);
  if (seriesId.value !== seriesIdOf(info.key)) return answerNotice(context, 'This form belongs to another chat.');
  const series = await seriesOf(deps, info);
  const text = readActionText(data);
  const ownerIds = readOwnerIds(data);
  const due = readDueDate(data);
  const owners: Person[] = ownerIds.ok
    ? ownerIds.value.flatMap((id) => series.members.filter((member) => member.id === id).map(toPerson))
    : [];
  const problem = [text, ownerIds, due].find((input) => !input.ok);
  const missingOwner = ownerIds.ok && owners.length !== ownerIds.value.length;
  if (problem || missingOwner || !text.ok || !due.ok) {
    const message = problem && !problem.ok ? problem.message : 'Choose owners from the list of this chat\'s members.';
    const draft = { text: text.ok ? text.value : '', owners, ...(due.ok && due.value ? { due: due.value } : {}) };
    return answerInvokeWithCard(context, renderActionFormCard(series, draft, message));
  }
  const formMessageId = context.activity.replyToId;
  const { action } = await captureAction(
    deps.store,
    { key: info.key, sourceId: `form:${formMessageId ?? info.activityId}`, by: info.speaker, defaults: { timeZone: series.timeZone, now: info.now }, meetings: deps.meetings },
    { text: text.value, owners, ...(due.value ? { due: due.value } : {}) },
  );
  await keepRemindersInStep(deps, info, action, series);
  let stored = action;
  if (formMessageId) {
    await replaceCard(context, formMessageId, renderActionCard(action, series, { locale: info.locale, now: info.now }));
    stored = (await rememberCardCopy(deps.store, info.key, action.id, { conversationId: info.key.conversationId, activityId: formMessageId, serviceUrl: info.serviceUrl })) ?? action;
  }
  await answerInvokeWithCard(context, renderActionCard(stored, series, { viewer: info.speaker, locale: info.locale, now: info.now }));
};
