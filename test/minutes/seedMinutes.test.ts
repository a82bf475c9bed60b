import JSZip from 'jszip';
import { replayBoardMeeting, type Replay } from '../../scripts/demo/replay';
import type { Minutes } from '../../src/domain/minutes/minutes';
import { chooseMeeting, MinutesService } from '../../src/services/minutesService';
import {
  DISPLAY_NAMES, OUR_INITIALS, SEED_ACTION_LOG, SEED_ACTIONS, SEED_APOLOGIES, SEED_APPROVAL, SEED_DECISIONS, SEED_NEXT_MEETING, SEED_PRESENT,
} from './seedMinutes';

let replay: Replay;
let minutes: Minutes;
beforeAll(async () => {
  replay = await replayBoardMeeting();
  const { chats } = replay.harness.bot.storage;
  const key = { tenantId: replay.chat.tenantId, conversationId: replay.chat.conversationId };
  const series = (await chats.getSeries(key))?.value;
  const meeting = chooseMeeting(await chats.listMeetings(key), 'current');
  if (!series || !meeting) throw new Error('the replay left no series or meeting');
  minutes = await new MinutesService(chats).load(series, meeting, '2019-03-13T16:16:00.000Z');
});
afterAll(async () => {
  expect(replay.harness.turnErrors).toEqual([]);
  await replay.harness.stop();
});

const initialsOf = (name: string, seed: string) => OUR_INITIALS[name] ?? seed;
const expectedPresent = SEED_PRESENT.map(([name, role, initials, deputisingFor]) => ({
  name,
  role,
  initials: initialsOf(name, initials),
  ...(deputisingFor ? { deputisingFor: DISPLAY_NAMES[deputisingFor] ?? deputisingFor } : {}),
}));

describe('the replayed minutes match the seed minutes of 13 March 2019', () => {
  it('lists those present with role and initials, and whom the deputies stood in for', () => {
    expect(minutes.present).toEqual(expectedPresent);
  });

  it('lists the apologies as the seed does', () => {
    expect(`${minutes.apologies.map((apology) => `${apology.name}, ${apology.role ?? ''}`).join('; ')}.`).toBe(SEED_APOLOGIES);
  });

  it('numbers the decisions within their items', () => {
    expect(minutes.items.map((item) => [item.number, item.decisions.map((decision) => decision.text)])).toEqual(SEED_DECISIONS);
    for (const item of minutes.items) expect(item.decisions.map((decision) => decision.number)).toEqual(item.decisions.map((_decision, index) => index + 1));
  });

  it('gives the actions under their items with the owner\'s initials', () => {
    const actions = minutes.items.flatMap((item) => item.actions.map((action) => [item.number, action.text, action.owners.join(', ')]));
    expect(actions).toEqual(SEED_ACTIONS.map(([item, text, owner]) => [item, text, initialsOf('Derek Benson', owner)]));
  });

  it('records the approval of the previous minutes, with its amendment, under 2.1', () => {
    expect(minutes.items.find((item) => item.number === '2.1')?.discussion).toEqual([SEED_APPROVAL]);
  });

  it('writes the action log updates the seed\'s way, ending "Action closed."', () => {
    expect(minutes.actionLog.map((entry) => entry.itemNumber)).toEqual(SEED_ACTION_LOG.map(([item]) => item));
    minutes.actionLog.forEach((entry, index) => expect(entry.line.endsWith(SEED_ACTION_LOG[index]?.[1] ?? '—')).toBe(true));
  });

  it('gives the date of the next meeting', () => {
    expect(minutes.nextMeeting).toContain(SEED_NEXT_MEETING);
  });
});

describe('the Word document of the replayed minutes', () => {
  let paragraphs: string[];
  beforeAll(async () => {
    const response = await fetch(replay.minutesLinks.docx);
    expect(response.status).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    paragraphs = paragraphsOf((await zip.file('word/document.xml')?.async('string')) ?? '');
  });

  it('opens as a Word package with a title, date and time', () => {
    expect(paragraphs.slice(0, 2)).toEqual(['Worcestershire Safeguarding Children Board', 'Wednesday 13th March 2019, 2.00pm – 4.15pm']);
  });

  it('holds the same present list, apologies and approval', () => {
    for (const person of expectedPresent) {
      const deputy = person.deputisingFor ? ` – deputising for ${person.deputisingFor}` : '';
      expect(paragraphs).toContain(`${person.name}, ${person.role}${deputy} (${person.initials})`);
    }
    expect(paragraphs).toContain(SEED_APOLOGIES);
    expect(paragraphs).toContain(SEED_APPROVAL);
  });

  it('holds each item\'s numbered decisions, its actions with the owner\'s initials, the action log and the next meeting', () => {
    for (const [, decisions] of SEED_DECISIONS) decisions.forEach((text, index) => expect(paragraphs).toContain(`${index + 1}. ${text}`));
    const [[, actionText]] = SEED_ACTIONS;
    const action = paragraphs.indexOf(`Action: ${actionText}`);
    expect(action).toBeGreaterThan(-1);
    expect(paragraphs[action + 1]).toBe('DB');
    for (const [, update] of SEED_ACTION_LOG) expect(paragraphs.some((paragraph) => paragraph.endsWith(update))).toBe(true);
    expect(paragraphs.some((paragraph) => paragraph.startsWith(SEED_NEXT_MEETING))).toBe(true);
  });
});

/** Each `<w:p>`'s text: its `<w:t>` runs joined, XML entities decoded. */
function paragraphsOf(xml: string): string[] {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((match) => [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((run) => run[1] ?? '').join(''))
    .map((text) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_whole, name: string) => entities[name] ?? ''))
    .filter((text) => text !== '');
}
