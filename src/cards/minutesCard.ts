import { itemHeading } from '../domain/minutes/markdown';
import type { Minutes } from '../domain/minutes/minutes';
import { clipForList } from './listPage';
import { prepareCard, type AdaptiveCardJson } from './render';
import template from './templates/minutesCard.json';

/** The data the minutes summary card binds to. */
export interface MinutesCardData {
  title: string;
  when: string;
  present: string;
  apologies: string;
  /** How many members were absent; empty while attendance was not taken (the fact is left out). */
  absent: string;
  decisions: string;
  actions: string;
  actionLog: string;
  nextMeeting: string;
  items: Array<{ line: string }>;
  linkNote: string;
  docxUrl: string;
  markdownUrl: string;
}

const render = prepareCard<MinutesCardData>(template);

/** Items listed on the card at most; the documents behind its links have them all. */
const ITEMS_SHOWN = 40;

/**
 * Draws the minutes' summary: counts, the items taken (the first 40, so a long agenda still fits a
 * Teams message), and signed links to the Word and Markdown documents, which hold everything.
 */
export function renderMinutesCard(minutes: Minutes, links: { docx: string; markdown: string }): AdaptiveCardJson {
  const decisions = minutes.items.reduce((sum, item) => sum + item.decisions.length, 0);
  const actions = minutes.items.reduce((sum, item) => sum + item.actions.length, 0);
  const closed = minutes.actionLog.filter((entry) => entry.status === 'closed').length;
  return render({
    title: minutes.title,
    when: `${minutes.dateText}, ${minutes.timeText}`,
    present: String(minutes.present.length),
    apologies: String(minutes.apologies.length),
    absent: minutes.absent ? String(minutes.absent.length) : '',
    decisions: String(decisions),
    actions: String(actions),
    actionLog: `${minutes.actionLog.length} (${closed} closed)`,
    nextMeeting: minutes.nextMeeting ?? 'To be confirmed',
    items: [
      ...minutes.items.slice(0, ITEMS_SHOWN).map((item) => ({
        line: clipForList(`${itemHeading(item)}: ${item.decisions.length} decision${item.decisions.length === 1 ? '' : 's'}, ${item.actions.length} action${item.actions.length === 1 ? '' : 's'}`),
      })),
      ...(minutes.items.length > ITEMS_SHOWN ? [{ line: `… and ${minutes.items.length - ITEMS_SHOWN} more items: the documents below have them all.` }] : []),
    ],
    linkNote: 'The links are yours alone and work for an hour; type /minutes again for fresh ones.',
    docxUrl: links.docx,
    markdownUrl: links.markdown,
  });
}
