import { renderActionCard } from '../../cards/actionCard';
import { renderActionDraftCard } from '../../cards/actionDraftCard';
import { formatActionRef } from '../../domain/actionRef';
import { seriesIdOf } from '../../domain/seriesId';
import { inputsOf, isJustInTimeInstall, readDialogForm, readOwnerIds } from '../cardData';
import { formDialog, NOT_IN_A_CHAT, openActionDialog, OTHER_CHAT, readDialogDraft } from '../dialogs/actionDialog';
import type { ExtensionHandler } from '../turn';

/**
 * The Create action dialog's Save. A form with something to fix comes back with a line saying what,
 * and nothing is saved. A good one is captured as `/action` captures (numbered, on the minutes,
 * reminders booked, the person saving as its captor) and its card posted in the chat, and the dialog
 * closes. From the compose box Teams expects a bot-message preview: Save answers with the action as
 * a preview, and Send saves it (Edit reopens the form). The dialog's id is the capture's key, so a
 * Save or Send that arrives twice makes one action.
 */
export const handleCreateActionSubmit: ExtensionHandler = async (turn, action) => {
  const { facts, room } = turn;
  if (facts.conversationType === 'personal') return NOT_IN_A_CHAT;
  if (isJustInTimeInstall(action.data)) return openActionDialog(turn, action.source);
  const data = action.preview ? inputsOf(action.preview.card) : action.data;
  const form = readDialogForm(data);
  if (!form.ok) return { kind: 'message', text: form.message };
  if (form.value.seriesId !== seriesIdOf(facts.key)) return OTHER_CHAT;
  const { formId } = form.value;

  const ids = readOwnerIds(data);
  // Teams' people picker finds anyone in the chat, so an id the member list does not know means it is out of date.
  const chat = await room.useCases.chats.loadWithMembers(facts, turn.directory, ids.ok ? ids.value.map((id) => ({ id, name: '' })) : []);
  const series = chat.value;
  const read = readDialogDraft(data, series);
  if (action.preview?.action === 'edit') return formDialog(turn, series, read.draft, formId);
  if (!read.ok) return formDialog(turn, series, read.draft, formId, read.message);
  if (action.context === 'compose' && !action.preview) {
    return { kind: 'preview', card: renderActionDraftCard(series, read.draft, { formId, locale: facts.locale }) };
  }

  let posted = true;
  const captured = await room.useCases.capture.captureAction(chat, { key: facts.key, sourceId: `dialog:${formId}`, by: facts.speaker, at: facts.now }, read.draft, async (saved) => {
    try {
      return await turn.reply.sendCard(renderActionCard(saved, series, { locale: facts.locale, now: facts.now }));
    } catch (error) {
      // The action is saved: say so truthfully rather than fail the turn (Teams would show an error and invite a retry).
      room.logger.warn({ err: error, activityId: facts.activityId, conversation: facts.key.conversationId }, 'could not post the card of an action saved from a dialog');
      posted = false;
      return undefined;
    }
  });
  if (posted) return { kind: 'close' };
  const ref = formatActionRef(captured.record.number);
  return { kind: 'message', text: `Saved as ${ref}, but I could not post its card in this chat just now. Type /actions to see it, or /close ${ref} when it is done.` };
};
