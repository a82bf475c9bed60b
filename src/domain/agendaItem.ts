import { LIMITS } from './limits';
import { toPlainText } from './plainText';
import type { AgendaItem } from './types';

/**
 * Reads `/item 2.2 S157/175 Safeguarding Audit`: the first word is the item's number when it looks
 * like one (`2.2`, `3`, `4.1a`, `Part`+number), the rest its title.
 */
export function parseAgendaItem(args: string): { kind: 'ok'; item: AgendaItem } | { kind: 'invalid'; message: string } {
  const text = toPlainText(args);
  const usage = 'Type the item number and title, e.g. /item 2.2 S157/175 Safeguarding Audit.';
  if (text === '') return { kind: 'invalid', message: `Which agenda item? ${usage}` };
  if (text.length > LIMITS.itemLength) {
    return { kind: 'invalid', message: `Agenda items can be at most ${LIMITS.itemLength} characters. ${usage}` };
  }
  const part = /^(part\s+\d+[a-z]?)\s*[-:.]?\s*(.*)$/is.exec(text);
  if (part?.[1]) return { kind: 'ok', item: { number: capitalise(part[1]), title: (part[2] ?? '').trim() } };
  const numbered = /^(\d+(?:\.\d+)*[a-z]?)\.?\s*[-:]?\s*(.*)$/is.exec(text);
  if (numbered?.[1]) return { kind: 'ok', item: { number: numbered[1], title: (numbered[2] ?? '').trim() } };
  return { kind: 'invalid', message: `"${text.split(/\s/)[0]}" is not an item number. ${usage}` };
}

/** How an item reads in cards and lists: `2.2 S157/175 Safeguarding Audit`. */
export function formatAgendaItem(item: AgendaItem | undefined): string {
  if (!item) return 'No item';
  return item.title ? `${item.number} ${item.title}` : item.number;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).replace(/\s+/g, ' ');
}
