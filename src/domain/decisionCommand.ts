import { LIMITS } from './limits';
import { toPlainText } from './plainText';

/** Reads `/decision <text>`: the decision's plain text, or a message saying what to type. */
export function parseDecisionArgs(args: string): { kind: 'ok'; text: string } | { kind: 'invalid'; message: string } {
  const text = toPlainText(args);
  if (text === '') {
    return { kind: 'invalid', message: 'What was decided? Type it after the command, e.g. /decision The Board approved the revised SUDIC Protocol.' };
  }
  if (text.length > LIMITS.textLength) {
    return { kind: 'invalid', message: `That decision is ${text.length} characters long; the limit is ${LIMITS.textLength}. Record the gist, and the detail in the minutes.` };
  }
  return { kind: 'ok', text };
}
