/**
 * The minutes as a Word document, laid out like the seed: title, date and time, Present, Apologies,
 * a three-column table (Item | Discussion | Action) with a row per item, Action Log Updates and the
 * date of the next meeting. Built with the `docx` package from the same `Minutes` the card and the
 * Markdown use; text people typed goes in as plain runs, never as markup.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { itemHeading } from '../domain/minutes/markdown';
import type { Minutes, MinutesItem } from '../domain/minutes/minutes';

/** Renders minutes as a .docx file. */
export async function minutesToDocx(minutes: Minutes): Promise<Buffer> {
  const document = new Document({
    creator: 'Meeting Actions',
    title: `${minutes.title} – ${minutes.dateText}`,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(minutes.title)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `${minutes.dateText}, ${minutes.timeText}`, bold: true })] }),
          heading('Present:'),
          ...(minutes.present.length === 0 ? [plain('Not recorded.')] : minutes.present.map(presentLine)),
          heading('Apologies:'),
          plain(peopleLine(minutes.apologies)),
          ...(minutes.absent ? [heading('Absent:'), plain(peopleLine(minutes.absent))] : []),
          ...(minutes.approval ? [heading('Minutes of the previous meeting'), plain(minutes.approval)] : []),
          itemsTable(minutes.items),
          heading('Action Log Updates:'),
          ...(minutes.actionLog.length === 0 ? [plain('No actions from earlier meetings.')] : minutes.actionLog.map((entry) => plain(entry.line))),
          heading('Date of next meeting:'),
          plain(minutes.nextMeeting ?? 'To be confirmed.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** "Kevin Dicks, District Councils; Nathan Travis." or "None.": the Apologies and Absent paragraphs. */
function peopleLine(people: Minutes['apologies']): string {
  return people.length === 0 ? 'None.' : `${people.map((person) => (person.role ? `${person.name}, ${person.role}` : person.name)).join('; ')}.`;
}

function presentLine(person: Minutes['present'][number]): Paragraph {
  const runs = [new TextRun(`${person.name}${person.role ? `, ${person.role}` : ''}`)];
  if (person.deputisingFor) runs.push(new TextRun({ text: ` – deputising for ${person.deputisingFor}`, italics: true }));
  runs.push(new TextRun(` (${person.initials})`));
  return new Paragraph({ children: runs });
}

function itemsTable(items: readonly MinutesItem[]): Table {
  const header = new TableRow({ tableHeader: true, children: ['Item', 'Discussion', 'Action'].map((title) => cell([new Paragraph({ children: [new TextRun({ text: title, bold: true })] })])) });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [2200, 5800, 1200],
    rows: [header, ...items.map(itemRow)],
  });
}

/** One item's row: its heading; its discussion, decisions and actions; the owners' initials beside each action. */
function itemRow(item: MinutesItem): TableRow {
  const discussion: Paragraph[] = item.discussion.map((text) => plain(text));
  const owners: Paragraph[] = [];
  if (item.decisions.length > 0) {
    discussion.push(new Paragraph({ children: [new TextRun({ text: item.decisions.length === 1 ? 'Decision:' : 'Decisions:', bold: true })] }));
    for (const decision of item.decisions) discussion.push(plain(`${decision.number}. ${decision.text}`));
  }
  for (const action of item.actions) {
    discussion.push(new Paragraph({ children: [new TextRun({ text: 'Action: ', bold: true }), new TextRun(`${action.text}${action.due ? ` (by ${action.due})` : ''}`)] }));
    owners.push(plain(action.owners.join(', ')));
  }
  if (discussion.length === 0) discussion.push(plain('None'));
  return new TableRow({
    cantSplit: false,
    children: [cell([new Paragraph({ children: [new TextRun({ text: itemHeading(item), bold: true })] })]), cell(discussion), cell(owners.length > 0 ? owners : [plain('')])],
  });
}

function cell(children: Paragraph[]): TableCell {
  return new TableCell({ children });
}

function heading(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
}

function plain(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun(text)] });
}
