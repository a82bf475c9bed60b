import { parseActionRef } from './actionRef';
import { toPlainText } from './plainText';

/** `/close A-12 [note]` and `/update A-12 <note>` read as a reference and a note. */
export type ReferenceCommand = { kind: 'ok'; number: number; note: string } | { kind: 'invalid'; message: string };

/**
 * Reads a reference followed by a note. `example` is the command as the user should type it,
 * quoted back in the message when the input is not understood.
 */
export function parseReferenceCommand(args: string, options: { noteRequired: boolean; example: string }): ReferenceCommand {
  const text = toPlainText(args);
  // The reference may contain a space ("A 12", as parseActionRef allows); otherwise it is the first word.
  const match = /^((?:a\s*-?\s*|#)?\d+|\S+)(?:\s+([\s\S]*))?$/i.exec(text);
  const number = match?.[1] === undefined ? undefined : parseActionRef(match[1]);
  if (number === undefined) {
    const got = match?.[1] ? `"${match[1]}" is not an action reference. ` : 'Which action? ';
    return { kind: 'invalid', message: `${got}Type the reference shown on the action's card, e.g. ${options.example}. /actions lists them.` };
  }
  const note = (match?.[2] ?? '').trim();
  if (options.noteRequired && note === '') {
    return { kind: 'invalid', message: `What is the update? Type it after the reference, e.g. ${options.example}.` };
  }
  return { kind: 'ok', number, note };
}
