import { renderActionCard } from '../../cards/actionCard';
import { renderActionFormCard } from '../../cards/actionFormCard';
import { toPerson } from '../../domain/actionCommand';
import { seriesIdOf } from '../../domain/seriesId';
import type { Person } from '../../domain/types';
import { readActionText, readDueDate, readOwnerIds, readSeriesId } from '../cardData';
import { actionSavedWithoutCard } from '../savedWithoutCard';
import type { CardHandler } from '../turn';
import { noticeCard } from './cardChange';

/**
 * The form's Save button: captures the action and turns the form, for everyone, into the action's
 * card. The form's message id is the capture's idempotency key, so a double click saves once.
 */
export const handleCreateAction: CardHandler = async (turn, data) => {
  const { facts, room } = turn;
  const seriesId = readSeriesId(data);
  if (!seriesId.ok) return noticeCard(seriesId.message);
  if (seriesId.value !== seriesIdOf(facts.key)) return noticeCard('This form belongs to another chat.');
  const chat = await room.useCases.chats.load(facts);
  const series = chat.value;
  const text = readActionText(data);
  const ownerIds = readOwnerIds(data);
  const due = readDueDate(data);
  const owners: Person[] = ownerIds.ok ? ownerIds.value.flatMap((id) => series.members.filter((member) => member.id === id).map(toPerson)) : [];
  const problem = [text, ownerIds, due].find((input) => !input.ok);
  const missingOwner = ownerIds.ok && owners.length !== ownerIds.value.length;
  if (problem || missingOwner || !text.ok || !due.ok) {
    const message = problem && !problem.ok ? problem.message : "Choose owners from the list of this chat's members.";
    const draft = { text: text.ok ? text.value : '', owners, ...(due.ok && due.value ? { due: due.value } : {}) };
    return renderActionFormCard(series, draft, message);
  }
  const formMessageId = facts.replyToId;
  const captured = await room.useCases.capture.captureAction(
    chat,
    { key: facts.key, sourceId: `form:${formMessageId ?? facts.activityId}`, by: facts.speaker, at: facts.now },
    { text: text.value, owners, ...(due.value ? { due: due.value } : {}) },
    async (action) => {
      // The form becomes the action's card in place: that message is the card's copy in the chat.
      if (!formMessageId) return undefined;
      await turn.reply.replaceCard(formMessageId, renderActionCard(action, series, { locale: facts.locale, now: facts.now }));
      return { conversationId: facts.key.conversationId, activityId: formMessageId, serviceUrl: facts.serviceUrl };
    },
  );
  // The form could not become the card for everyone: the clicker's own answer still shows it, saying so.
  const notice = captured.cardFailed ? { notice: { text: actionSavedWithoutCard(captured.record), style: 'attention' as const } } : {};
  return renderActionCard(captured.record, series, { viewer: facts.speaker, ...notice, locale: facts.locale, now: facts.now });
};
