/**
 * The minutes as Markdown: the same sections and order as the Word document and the seed minutes.
 * Text typed in the chat is escaped, so a stray `*` or `|` cannot restyle or break the document.
 */
import type { Minutes, MinutesItem } from './minutes';

/** Writes the minutes as a Markdown document. */
export function minutesToMarkdown(minutes: Minutes): string {
  const lines: string[] = [`# ${escape(minutes.title)}`, '', `${minutes.dateText}, ${minutes.timeText}`, ''];
  lines.push('## Present', '');
  if (minutes.present.length === 0) lines.push('Not recorded.');
  for (const person of minutes.present) {
    const role = person.role ? `, ${escape(person.role)}` : '';
    const deputy = person.deputisingFor ? ` – *deputising for ${escape(person.deputisingFor)}*` : '';
    lines.push(`- ${escape(person.name)}${role}${deputy} (${escape(person.initials)})`);
  }
  lines.push('', '## Apologies', '');
  lines.push(peopleLine(minutes.apologies));
  if (minutes.absent) lines.push('', '## Absent', '', peopleLine(minutes.absent));
  if (minutes.approval) lines.push('', '## Minutes of the previous meeting', '', escape(minutes.approval));
  for (const item of minutes.items) lines.push('', ...itemLines(item));
  lines.push('', '## Action Log Updates', '');
  if (minutes.actionLog.length === 0) lines.push('No actions from earlier meetings.');
  for (const entry of minutes.actionLog) lines.push(`- **${entry.ref}** ${escape(entry.line)}`);
  lines.push('', '## Date of next meeting', '', minutes.nextMeeting ? escape(minutes.nextMeeting) : 'To be confirmed.', '');
  return lines.join('\n');
}

/** The heading an item is printed under: `2.2 S157/175 Safeguarding Audit`, or "Other business". */
export function itemHeading(item: Pick<MinutesItem, 'number' | 'title'>): string {
  if (!item.number) return item.title || 'Other business';
  return item.title ? `${item.number} ${item.title}` : item.number;
}

/** "Kevin Dicks, District Councils; Nathan Travis." or "None.": the Apologies and Absent lines. */
function peopleLine(people: Minutes['apologies']): string {
  return people.length === 0 ? 'None.' : `${people.map((person) => escape(person.role ? `${person.name}, ${person.role}` : person.name)).join('; ')}.`;
}

function itemLines(item: MinutesItem): string[] {
  const lines = [`## ${escape(itemHeading(item))}`, ''];
  for (const paragraph of item.discussion) lines.push(escape(paragraph), '');
  if (item.decisions.length > 0) {
    lines.push('**Decisions:**', '');
    for (const decision of item.decisions) lines.push(`${decision.number}. ${escape(decision.text)}`);
    lines.push('');
  }
  if (item.actions.length > 0) {
    lines.push('| Action | Owner | Due |', '|---|---|---|');
    for (const action of item.actions) {
      lines.push(`| ${action.ref} ${escape(action.text)} | ${escape(action.owners.join(', '))} | ${action.due ?? ''} |`);
    }
    lines.push('');
  }
  if (item.discussion.length === 0 && item.decisions.length === 0 && item.actions.length === 0) lines.push('None', '');
  return lines.slice(0, -1);
}

/** Escapes Markdown's inline syntax (and table pipes) in text people typed. */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\n/g, ' ');
}
