import { addUpdate, changeDueDate, closeAction } from '../domain/actionTransitions';
import { isCalendarDate } from '../domain/dateFormat';
import { LIMITS } from '../domain/limits';
import { toPlainText } from '../domain/plainText';
import type { ActionTransition } from '../services/actionChangeService';

/** A page's change request, checked: which action, the request's own id, and the transition to apply. */
export interface CheckedChange {
  chatId: string;
  actionId: string;
  requestId: string;
  kind: 'close' | 'update' | 'due';
  transition: ActionTransition;
  /** What to tell the person when it worked. */
  done: string;
}

/**
 * Reads the body of POST /api/tabs/change. It comes from a browser, so every field is checked and
 * anything wrong is answered with what to fix, before anything is read or written.
 */
export function readChangeRequest(body: unknown): { ok: true; value: CheckedChange } | { ok: false; message: string } {
  const record = asRecord(body);
  const change = asRecord(record?.['change']);
  const chatId = record?.['chatId'];
  const actionId = record?.['actionId'];
  const requestId = record?.['requestId'];
  if (!isId(chatId) || !isId(actionId) || !change) return { ok: false, message: 'The request names no action. Reload the page and try again.' };
  if (typeof requestId !== 'string' || !/^[A-Za-z0-9_-]{8,80}$/.test(requestId)) return { ok: false, message: 'The request has no request id. Reload the page and try again.' };
  const base = { chatId, actionId, requestId };
  switch (change['kind']) {
    case 'close': {
      const note = readNote(change['note'], false);
      return note.ok ? { ok: true, value: { ...base, kind: 'close', transition: (action, request) => closeAction(action, request, note.value || undefined), done: 'Closed. Everyone in the chat now sees it closed.' } } : note;
    }
    case 'update': {
      const note = readNote(change['note'], true);
      return note.ok ? { ok: true, value: { ...base, kind: 'update', transition: (action, request) => addUpdate(action, request, note.value), done: 'Update added.' } } : note;
    }
    case 'due': {
      const due = change['due'];
      if (due !== null && due !== '' && (typeof due !== 'string' || !isCalendarDate(due))) return { ok: false, message: 'Pick the due date with the date picker (or clear it to remove the date).' };
      const value = typeof due === 'string' && due !== '' ? due : undefined;
      return { ok: true, value: { ...base, kind: 'due', transition: (action, request) => changeDueDate(action, request, value), done: value ? 'Due date changed.' : 'Due date removed.' } };
    }
    default:
      return { ok: false, message: 'The page asked for a change I do not know (close, update or due). Reload the page.' };
  }
}

function readNote(raw: unknown, required: boolean): { ok: true; value: string } | { ok: false; message: string } {
  if (raw !== undefined && raw !== null && typeof raw !== 'string') return { ok: false, message: 'The note must be text.' };
  const note = toPlainText(typeof raw === 'string' ? raw : '');
  if (required && note === '') return { ok: false, message: 'Write the update first, then press Add update.' };
  if (note.length > LIMITS.noteLength) return { ok: false, message: `Notes can be at most ${LIMITS.noteLength} characters; that one has ${note.length}.` };
  return { ok: true, value: note };
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 300;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
