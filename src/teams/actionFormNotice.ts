import type { ActionParse } from '../domain/actionCommand';
import { formatDueDate } from '../domain/dateFormat';

/**
 * The line on top of the new-action form when `/action …` could not be saved as typed: what was not
 * understood, or what needs confirming. The form holds everything that was understood.
 */
export function actionFormNotice(parsed: Extract<ActionParse, { kind: 'needsForm' }>, locale: string): string {
  const lines: string[] = [];
  const problem = parsed.dueDate;
  if (problem?.kind === 'unread') lines.push(`I could not read "${problem.phrase}" as a date, so nothing is saved yet. Pick the due date below (or leave it empty), then save.`);
  if (problem?.kind === 'past' && parsed.draft.due) {
    lines.push(`"${problem.phrase}" is ${formatDueDate(parsed.draft.due, locale)}, which has passed, so nothing is saved yet. Save to keep that date, or pick another.`);
  }
  if (parsed.reason === 'noOwner') lines.push('Who will do it? Choose the owner(s), then save.');
  return lines.join(' ');
}
