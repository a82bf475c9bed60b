import { isCalendarDate } from '../domain/dateFormat';
import { LIMITS } from '../domain/limits';
import { cleanTypedText } from '../domain/plainText';

/**
 * Card data comes back from the client: it can be stale, incomplete or forged, so every field is
 * checked here before anything else sees it.
 */
export type CardInput<T> = { ok: true; value: T } | { ok: false; message: string };

const STALE = 'This card is missing information I need. Type /actions to get a fresh list, or /help.';

/** The action a button is about, as the card carries it (the chat's id too, so a 1:1 click can find it). */
export function readActionTarget(data: unknown): CardInput<{ actionId: string; seriesId: string; conversationId?: string }> {
  const record = asRecord(data);
  const actionId = record?.['actionId'];
  const seriesId = record?.['seriesId'];
  const conversationId = record?.['conversationId'];
  if (typeof actionId !== 'string' || typeof seriesId !== 'string' || actionId === '' || seriesId === '') return { ok: false, message: STALE };
  if (conversationId !== undefined && typeof conversationId !== 'string') return { ok: false, message: STALE };
  return { ok: true, value: { actionId, seriesId, ...(conversationId ? { conversationId } : {}) } };
}

/** The suggestion a button is about (Accept or Dismiss on the Suggested actions card). */
export function readSuggestionTarget(data: unknown): CardInput<{ meetingId: string; seriesId: string; suggestionId: string }> {
  const record = asRecord(data);
  const [meetingId, seriesId, suggestionId] = ['meetingId', 'seriesId', 'suggestionId'].map((field) => record?.[field]);
  if (typeof meetingId !== 'string' || typeof seriesId !== 'string' || typeof suggestionId !== 'string' || !meetingId || !seriesId || !suggestionId) return { ok: false, message: STALE };
  return { ok: true, value: { meetingId, seriesId, suggestionId } };
}

/** The series a form belongs to. */
export function readSeriesId(data: unknown): CardInput<string> {
  const seriesId = asRecord(data)?.['seriesId'];
  return typeof seriesId === 'string' && seriesId !== '' ? { ok: true, value: seriesId } : { ok: false, message: STALE };
}

/** A note typed into a card: the input `field` is `closeNote` or `updateNote` (input ids are unique per card). */
export function readNote(data: unknown, field: 'closeNote' | 'updateNote', required: boolean): CardInput<string> {
  const raw = asRecord(data)?.[field];
  if (raw !== undefined && typeof raw !== 'string') return { ok: false, message: 'The note must be text.' };
  const note = cleanTypedText(raw ?? '');
  if (required && note === '') return { ok: false, message: 'Write the update in the box, then press Add update.' };
  if (note.length > LIMITS.noteLength) return { ok: false, message: `Notes can be at most ${LIMITS.noteLength} characters; that one has ${note.length}.` };
  return { ok: true, value: note };
}

/** The owners chosen in a multi-select (Teams sends them comma-separated); `field` is its input id. */
export function readOwnerIds(data: unknown, field = 'owners'): CardInput<string[]> {
  const raw = asRecord(data)?.[field];
  if (raw !== undefined && typeof raw !== 'string') return { ok: false, message: 'Choose the owners from the list.' };
  const ids = (raw ?? '').split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length === 0) return { ok: false, message: 'Choose at least one owner.' };
  if (ids.length > LIMITS.ownersPerAction) return { ok: false, message: `An action can have at most ${LIMITS.ownersPerAction} owners.` };
  return { ok: true, value: [...new Set(ids)] };
}

/** A date picked in an `Input.Date` (yyyy-MM-dd), or undefined when the field was cleared; `field` is its input id. */
export function readDueDate(data: unknown, field = 'due'): CardInput<string | undefined> {
  const raw = asRecord(data)?.[field];
  if (raw === undefined || raw === '') return { ok: true, value: undefined };
  if (typeof raw !== 'string' || !isCalendarDate(raw)) return { ok: false, message: 'Pick the due date with the date picker (or leave it empty).' };
  return { ok: true, value: raw };
}

/** The text typed into the new-action form. */
export function readActionText(data: unknown): CardInput<string> {
  const raw = asRecord(data)?.['text'];
  if (raw !== undefined && typeof raw !== 'string') return { ok: false, message: 'Describe the action in the text box.' };
  // Typed into an input, so plain text: what looks like markup is what the person wrote.
  const text = cleanTypedText(raw ?? '');
  if (text === '') return { ok: false, message: 'Describe the action in the text box.' };
  if (text.length > LIMITS.textLength) return { ok: false, message: `Actions can be at most ${LIMITS.textLength} characters; that one has ${text.length}.` };
  return { ok: true, value: text };
}

/** A dialog's own id, longest accepted: Teams' activity ids are far shorter. */
const FORM_ID_MAX = 200;

/** The dialog a Save came from: its own id (the capture's idempotency key) and the chat it was opened in. */
export function readDialogForm(data: unknown): CardInput<{ formId: string; seriesId: string }> {
  const record = asRecord(data);
  const formId = record?.['formId'];
  const seriesId = readSeriesId(data);
  if (typeof formId !== 'string' || formId === '' || formId.length > FORM_ID_MAX || !seriesId.ok) {
    return { ok: false, message: 'This form is missing information I need. Close it and choose Create action again.' };
  }
  return { ok: true, value: { formId, seriesId: seriesId.value } };
}

/** Whether a dialog's Save is Teams' answer to "add the app to this chat" (just-in-time install). */
export function isJustInTimeInstall(data: unknown): boolean {
  return asRecord(asRecord(asRecord(data)?.['msteams']))?.['justInTimeInstall'] === true;
}

/**
 * The values a card's inputs hold, by input id (`{ text: …, owners: … }`), read from the card as
 * the client sent it back: a bot-message preview's hidden inputs carry the form into Edit and Send.
 */
export function inputsOf(card: unknown): Record<string, unknown> {
  // A Map, so an input id like "__proto__" is only ever a key.
  const values = new Map<string, unknown>();
  const visit = (node: unknown, depth: number): void => {
    // A card the client sends back is untrusted: bound the walk.
    if (depth > 20) return;
    if (Array.isArray(node)) return node.forEach((child) => visit(child, depth + 1));
    const record = asRecord(node);
    if (!record) return;
    const { type, id, value } = record;
    if (typeof type === 'string' && type.startsWith('Input.') && typeof id === 'string' && !values.has(id)) values.set(id, value);
    for (const child of Object.values(record)) if (typeof child === 'object') visit(child, depth + 1);
  };
  visit(card, 0);
  return Object.fromEntries(values);
}

function asRecord(data: unknown): Record<string, unknown> | undefined {
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}
