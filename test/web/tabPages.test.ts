import type { Browser, Page } from 'puppeteer-core';
import { cardOf } from '../../testkit/botHarness';
import { builtPages, devSignIn, launchChromium, pageText, seriousAccessibilityProblems } from '../../testkit/browser';
import { cardText } from '../../testkit/cardText';
import { startTabBoard, type TabBoard } from './tabFixture';

// The pages run in the development sign-in (a bot in local mode, no Teams host): teams-js needs a
// Teams client around the page, which a test cannot provide; the page's host layer (devHost.ts vs
// teamsHost.ts) is the only part that differs. The same pages, API and card redraws run for real.
jest.setTimeout(90_000);

let board: TabBoard;
let browser: Browser;
let ellensCard: { messageId: string; actionId: string };

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  board = await startTabBoard({ devSignIn: true, pagesDir: await builtPages() });
  await board.say('/item 2.2 S157/175 Safeguarding Audit');
  await board.say('/decision The Board approved the revised SUDIC Protocol.');
  ellensCard = await board.capture('/action Report back to WSCB after the inquest EF by Friday');
  await board.capture('/action Circulate the SCR learning briefing EF', board.sarah, '2019-03-01');
  await board.capture('/action Update the audit tool NP');
});
afterEach(async () => {
  await board.stop();
});

/** Opens the meeting tab as `name` in a fresh browser context (its own session), at a Teams-like size. */
async function openTab(name: string, query: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(viewport);
  const params = new URLSearchParams({ dev: '1', tenant: board.chat.tenantId, chat: board.chat.conversationId });
  await page.goto(`${board.harness.bot.server.url}/tabs/actions?${params}&${query}`);
  await devSignIn(page, name);
  await page.waitForFunction(`document.body.innerText.includes('Open actions by owner')`);
  return page;
}

function article(page: Page, ref: string) {
  return `[data-action="${ref}"]`;
}

test('the side panel shows the seeded actions; the owner closes one there and the chat\'s card is redrawn', async () => {
  const page = await openTab('Ellen Footman', 'frame=sidePanel', { width: 320, height: 900 });
  const text = await pageText(page);
  expect(text).toContain('Action log · Safeguarding Children Board');
  expect(text).toContain('Ellen Footman (EF) · 1 overdue');
  expect(text).toContain('Report back to WSCB after the inquest');
  expect(text).toContain('Due Fri 1 Mar 2019 (overdue)');
  expect(text).toContain('Nicki Pettitt (NP)');
  expect(await seriousAccessibilityProblems(page)).toEqual([]);

  board.harness.take();
  await page.locator(`${article(page, 'A-1')} ::-p-aria(Close[role="button"])`).click();
  await page.locator(`${article(page, 'A-1')} textarea`).fill('Reported to the March board.');
  await page.locator('::-p-aria(Close A-1[role="button"])').click();
  await page.waitForFunction(`document.body.innerText.includes('A-1: Closed. Everyone in the chat now sees it closed.')`);
  const updates = board.harness.take().filter((sent) => sent.kind === 'update');
  expect(updates.map((update) => update.activityId)).toEqual([ellensCard.messageId]);
  expect(cardText(cardOf(updates[0]))).toEqual(expect.arrayContaining(['Action A-1 | Closed', 'Wed 13 Mar 2019 · Ellen Footman: Reported to the March board. Action closed.']));
  expect((await board.harness.bot.storage.chats.getAction(board.chat, ellensCard.actionId))?.value.status).toBe('closed');

  // Gone from the open list, in the closed one with its note.
  await page.locator('::-p-aria(Closed[role="tab"])').click();
  await page.waitForFunction(`document.body.innerText.includes('Reported to the March board. Action closed.')`);
});

test('a member who is not the owner sees only Add update, and "Only mine" narrows the list to their own', async () => {
  const page = await openTab('Nicki Pettitt', 'frame=sidePanel', { width: 320, height: 900 });
  const buttons = await page.$$eval(`${article(page, 'A-1')} button`, (elements) => elements.map((element) => element.textContent));
  expect(buttons).toEqual(['Add update']);
  await page.locator('::-p-text(Only mine)').click();
  await page.waitForFunction(`!document.body.innerText.includes('Report back to WSCB')`);
  expect(await pageText(page)).toContain('Update the audit tool');
});

test('on the stage everyone sees an item close as its owner closes it, in light, dark and high-contrast themes', async () => {
  const stage = await openTab('Derek Benson', 'frame=meetingStage&theme=dark', { width: 1280, height: 720 });
  const shown = await pageText(stage);
  expect(shown).toContain('Circulate the SCR learning briefing');
  expect(shown).toContain('Decision 1: The Board approved the revised SUDIC Protocol.');
  expect(await stage.$$eval('button', (elements) => elements.map((element) => element.textContent))).toEqual([]);
  expect(await seriousAccessibilityProblems(stage)).toEqual([]);

  await board.say('/close A-2 Briefing circulated to all partners', board.ellen);
  await stage.waitForFunction(`document.querySelector('[data-action="A-2"]')?.innerText.includes('Briefing circulated to all partners')`, { timeout: 20_000 });
  expect(await stage.$eval(article(stage, 'A-2'), (element) => (element as unknown as { innerText: string }).innerText)).toContain('Closed');

  for (const theme of ['default', 'contrast']) {
    const page = await openTab('Sarah Berry', `frame=sidePanel&theme=${theme}`, { width: 320, height: 900 });
    expect(await page.$eval('[data-theme]', (element) => element.getAttribute('data-theme'))).toBe(theme);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  }
});

test('My actions lists the signed-in person\'s open actions across chats and closes one', async () => {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1000, height: 800 });
  const params = new URLSearchParams({ dev: '1', tenant: board.chat.tenantId, chat: board.chat.conversationId });
  await page.goto(`${board.harness.bot.server.url}/tabs/my-actions?${params}`);
  await devSignIn(page, 'Ellen Footman');
  await page.waitForFunction(`document.body.innerText.includes('2 open, across your meetings')`);
  const refs = await page.$$eval('[data-action]', (elements) => elements.map((element) => element.getAttribute('data-action')));
  expect(refs).toEqual(['A-2', 'A-1']);
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
  await page.locator(`${article(page, 'A-2')} ::-p-aria(Close[role="button"])`).click();
  await page.locator('::-p-aria(Close A-2[role="button"])').click();
  await page.waitForFunction(`document.body.innerText.includes('1 open, across your meetings')`);
});
