import { renderActionFormCard } from '../../cards/actionFormCard';
import { renderAddToChatCard } from '../../cards/addToChatCard';
import type { ActionDraft } from '../../domain/actionCommand';
import { resolveChosenPeople } from '../../domain/chosenPeople';
import { LIMITS } from '../../domain/limits';
import { draftFromMessage } from '../../domain/messageDraft';
import type { Person, Series } from '../../domain/types';
import { readActionText, readDueDate, readOwnerIds } from '../cardData';
import type { DialogAnswer, ExtensionSource, Turn } from '../turn';

/** The dialog's title, above the form. */
const TITLE = 'Create action';

/** The answer where the dialog has no chat to capture for (a 1:1 chat, or the command box outside a chat). */
export const NOT_IN_A_CHAT: DialogAnswer = {
  kind: 'message',
  text: 'Actions are kept in a meeting chat, group chat or channel. Open that chat, then choose Create action on a message (More actions) or from the compose box.',
};

/** The answer to a message or form that belongs to another chat than the one the request came from. */
export const OTHER_CHAT: DialogAnswer = { kind: 'message', text: 'That belongs to another chat, so nothing was saved. Open Create action from the chat it came from.' };

/**
 * Opens the new-action form as a dialog for the chat the request came from: prefilled from the
 * message it was opened on, if any. The dialog's id is the opening request's id (Teams resends a
 * request it got no answer to with the same id), and its Save carries it, so Save pressed twice
 * saves one action. A chat whose members the bot cannot read is one it has not been added to: the
 * dialog asks to add it first.
 */
export async function openActionDialog(turn: Turn, source: ExtensionSource): Promise<DialogAnswer> {
  const { facts, room } = turn;
  if (facts.conversationType === 'personal') return NOT_IN_A_CHAT;
  if (source.kind === 'message' && source.conversationId !== undefined && source.conversationId !== facts.key.conversationId) return OTHER_CHAT;
  const mentioned = source.kind === 'message' ? source.message.mentions.map((mention) => mention.person) : [];
  const chat = await room.useCases.chats.loadWithMembers(facts, turn.directory, mentioned);
  const series = chat.value;
  if (series.members.length === 0) return { kind: 'dialog', title: TITLE, card: renderAddToChatCard() };
  const { draft, notice } = draftOf(turn, series, source);
  return formDialog(turn, series, draft, facts.activityId, notice);
}

/** The form as a dialog, with a line on top (what to fix, or what happened to the message's text). */
export function formDialog(turn: Turn, series: Series, draft: Partial<ActionDraft>, formId: string, notice?: string): DialogAnswer {
  return { kind: 'dialog', title: TITLE, card: renderActionFormCard(series, draft, { author: turn.facts.speaker, dialogFormId: formId, ...(notice ? { notice } : {}) }) };
}

/** What the form says when it opens, from what Teams sent. */
function draftOf(turn: Turn, series: Series, source: ExtensionSource): { draft: Partial<ActionDraft>; notice?: string } {
  const { facts } = turn;
  switch (source.kind) {
    case 'none':
      return { draft: {} };
    case 'missing':
      return { draft: {}, notice: 'Teams sent no message with this request, so the form starts empty: describe the action below.' };
    case 'unreadable':
      return { draft: {}, notice: 'Teams sent that message in a form I could not read, so the form starts empty: describe the action below.' };
    case 'message': {
      const read = draftFromMessage(source.message, { members: series.members, now: facts.now, timeZone: facts.timeZone ?? series.timeZone, locale: facts.locale });
      if (read.cutFrom === undefined) return { draft: read.draft };
      const count = (n: number) => n.toLocaleString('en-GB');
      const notice = `That message has ${count(read.cutFrom)} characters and an action holds at most ${count(LIMITS.textLength)}, so only its start is below. Shorten it to what is to be done.`;
      return { draft: read.draft, notice };
    }
  }
}

/** A submitted form read into a draft, or the draft as far as it goes and what to fix. */
export type DialogDraft = { ok: true; draft: ActionDraft } | { ok: false; draft: Partial<ActionDraft>; message: string };

/**
 * Reads a submitted form: its text, the owners chosen (members of the chat; the picker sends Entra
 * object ids), its due date. Every field came from the client, so each is checked.
 */
export function readDialogDraft(data: unknown, series: Series): DialogDraft {
  const text = readActionText(data);
  const ids = readOwnerIds(data);
  const due = readDueDate(data);
  const chosen = ids.ok ? resolveChosenPeople(ids.value, series.members) : undefined;
  const owners: Person[] = chosen?.ok ? chosen.people : [];
  const partial: Partial<ActionDraft> = { text: text.ok ? text.value : '', owners, ...(due.ok && due.value ? { due: due.value } : {}) };
  const problem = [text, ids, due].find((input) => !input.ok);
  if (problem && !problem.ok) return { ok: false, draft: partial, message: problem.message };
  if (!chosen?.ok || !text.ok) return { ok: false, draft: partial, message: "Choose owners from this chat's members." };
  return { ok: true, draft: { text: text.value, owners, ...(due.ok && due.value ? { due: due.value } : {}) } };
}
