import { renderActionCard } from '../../cards/actionCard';
import { renderActionFormCard } from '../../cards/actionFormCard';
import { resolveChosenPeople } from '../../domain/chosenPeople';
import { seriesIdOf } from '../../domain/seriesId';
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
  const ownerIds = readOwnerIds(data);
  // Teams' people picker finds anyone in the chat, so an id the member list does not know means it is out of date.
  const chat = await room.useCases.chats.loadWithMembers(facts, turn.directory, ownerIds.ok ? ownerIds.value.map((id) => ({ id, name: '' })) : []);
  const series = chat.value;
  const text = readActionText(data);
  const due = readDueDate(data);
  const chosen = ownerIds.ok ? resolveChosenPeople(ownerIds.value, series.members) : undefined;
  const owners = chosen?.ok ? chosen.people : [];
  const problem = [text, ownerIds, due].find((input) => !input.ok);
  if (problem || !chosen?.ok || !text.ok || !due.ok) {
    const message = problem && !problem.ok ? problem.message : "Choose owners from the list of this chat's members.";
    const draft = { text: text.ok ? text.value : '', owners, ...(due.ok && due.value ? { due: due.value } : {}) };
    return renderActionFormCard(series, draft, { notice: message, author: facts.speaker });
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
