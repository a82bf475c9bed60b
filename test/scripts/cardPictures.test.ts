import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium, renderedDom } from '../../scripts/card-pictures/chromium';
import { CARD_WIDTH, cardPage, THEMES, type ThemeName } from '../../scripts/card-pictures/page';
import { cardOf } from '../../testkit/botHarness';
import { cardButtons } from '../../testkit/cardText';
import { useSchedulerChatPerTest, sayInChat, tickAt } from '../scheduler/schedulerFixture';
import type { BoardChat } from '../teams/chatFixture';

// The README's pictures are drawn by the official renderer in Chromium (npm run cards:pictures); this
// draws the reminder card the way the script does and reads what Chromium laid out.

let board: BoardChat;
let work: string;
useSchedulerChatPerTest((started) => (board = started));
beforeEach(() => (work = mkdtempSync(join(tmpdir(), 'card-pictures-test-'))));
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** A real reminder card: an action due in two working days, and the scheduler's pass that reminds its owner. */
async function reminderCard(): Promise<Record<string, unknown>> {
  await sayInChat(board, '/action Circulate the SCR learning briefing to partner agencies EF by 20 March 2019');
  const [reminder] = await tickAt(board, '2019-03-18T09:00:00.000Z');
  const card = cardOf(reminder);
  if (!card) throw new Error('no reminder was sent');
  return card;
}

function draw(card: Record<string, unknown>, theme: ThemeName): string {
  const file = join(work, `${theme}.html`);
  writeFileSync(file, cardPage(card, { theme }));
  return renderedDom(findChromium(), file, CARD_WIDTH);
}

/** A hex colour as Chromium writes it in a style attribute. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

test('buttons that do not fit the card go into a "..." overflow menu, as Teams does, instead of being cut off', async () => {
  const card = await reminderCard();
  expect(cardButtons(card)).toEqual(['Close', 'Add update', 'Reassign', 'Snooze', 'Change due date']);
  const dom = draw(card, 'light');
  const shown = Number(/data-buttons-in-row="(\d+)"/.exec(dom)?.[1]);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(5);
  expect(dom).toMatch(/<button[^>]*>(?:<[^>]+>)*\.\.\.(?:<\/[^>]+>)*<\/button>/);
});

test("the reminder's notice band is drawn in Teams' warning colour, in the light and the dark theme", async () => {
  const card = await reminderCard();
  for (const theme of ['light', 'dark'] as const) {
    const dom = draw(card, theme);
    expect(dom).toContain(`background-color: ${rgb(THEMES[theme].bands.warning)}`);
    expect(dom).toContain(`background: ${THEMES[theme].message}`);
  }
});
