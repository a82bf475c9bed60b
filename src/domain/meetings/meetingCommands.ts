/**
 * Reads the arguments of the meeting commands: `/meeting start|end`, `/note`, `/approve minutes`
 * and `/minutes [last]`. Each answers a plain value or a message saying what to type.
 */
import { LIMITS } from '../limits';
import { toPlainText } from '../plainText';

/** `/meeting start` or `/meeting end`. */
export type MeetingVerb = { kind: 'start' } | { kind: 'end' } | { kind: 'invalid'; message: string };

/** Reads `/meeting start|end` (also `open`/`close`, `begin`/`finish`, as people say it). */
export function parseMeetingVerb(args: string): MeetingVerb {
  const word = toPlainText(args).toLowerCase();
  if (['start', 'open', 'begin'].includes(word)) return { kind: 'start' };
  if (['end', 'close', 'finish', 'stop'].includes(word)) return { kind: 'end' };
  return { kind: 'invalid', message: 'Type /meeting start when the meeting begins and /meeting end when it closes.' };
}

/** Reads `/note <text>`: a line of discussion for the current item. */
export function parseNote(args: string): { kind: 'ok'; text: string } | { kind: 'invalid'; message: string } {
  const text = toPlainText(args);
  if (text === '') return { kind: 'invalid', message: 'What should the minutes say? e.g. /note DH presented the S157/175 Safeguarding Audit report.' };
  if (text.length > LIMITS.textLength) {
    return { kind: 'invalid', message: `That note is ${text.length} characters long; the limit is ${LIMITS.textLength}. Split it into two notes.` };
  }
  return { kind: 'ok', text };
}

/** Reads `/approve minutes [amendment]`: the amendment the approval is pending on, if any. */
export function parseApproval(args: string): { kind: 'ok'; amendment?: string } | { kind: 'invalid'; message: string } {
  const text = toPlainText(args);
  const match = /^minutes\b[\s:,.-]*(.*)$/is.exec(text);
  if (!match) {
    return { kind: 'invalid', message: 'Type /approve minutes, and any amendment after it, e.g. /approve minutes 2.2: six districts (not two).' };
  }
  const amendment = (match[1] ?? '').replace(/^(pending|with)\s+(the\s+following\s+)?amendments?\s*:?\s*/i, '').trim();
  if (amendment.length > LIMITS.textLength) return { kind: 'invalid', message: `That amendment is longer than ${LIMITS.textLength} characters; record the gist.` };
  return amendment ? { kind: 'ok', amendment } : { kind: 'ok' };
}

/** Reads `/minutes [last]`: the current meeting's minutes, or the last finished meeting's. */
export function parseMinutesRequest(args: string): { kind: 'ok'; which: 'current' | 'last' } | { kind: 'invalid'; message: string } {
  const word = toPlainText(args).toLowerCase();
  if (word === '' || word === 'current' || word === 'this') return { kind: 'ok', which: 'current' };
  if (word === 'last' || word === 'previous') return { kind: 'ok', which: 'last' };
  return { kind: 'invalid', message: "Type /minutes for this meeting's minutes, or /minutes last for the previous meeting's." };
}
