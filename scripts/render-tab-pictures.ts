import { relative } from 'node:path';
import { devSignIn, launchChromium } from '../testkit/browser';
import { picturePath } from './card-pictures/page';
import meeting from './demo/board-meeting-2019-03-13.json';
import { replayBoardMeeting } from './demo/replay';

/** The pictures the README shows: the meeting tab in the side panel, and shared to the stage. */
const PICTURES = [
  { name: 'tab-side-panel', frame: 'sidePanel', viewport: { width: 320, height: 860 } },
  { name: 'tab-stage', frame: 'meetingStage', viewport: { width: 1280, height: 720 } },
];

/**
 * `npm run tabs:pictures`: replays the board meeting through the real bot, opens the meeting tab in
 * headless Chromium with the development sign-in (as the chair), and screenshots it as the side
 * panel and the stage draw it, into docs/images for the README. Needs `npm run build` (it runs it).
 */
async function main(): Promise<void> {
  const replay = await replayBoardMeeting();
  const browser = await launchChromium();
  try {
    const chair = replay.people.get(meeting.chair);
    if (!chair) throw new Error(`the chair ${meeting.chair} is not among the members`);
    for (const picture of PICTURES) {
      const page = await (await browser.createBrowserContext()).newPage();
      await page.setViewport({ ...picture.viewport, deviceScaleFactor: 2 });
      const params = new URLSearchParams({ dev: '1', tenant: replay.chat.tenantId, chat: replay.chat.conversationId, frame: picture.frame });
      await page.goto(`${replay.harness.bot.server.url}/tabs/actions?${params}`);
      await devSignIn(page, chair.name);
      await page.waitForFunction(`document.body.innerText.includes('Open actions by owner')`);
      const file = picturePath(picture.name);
      await page.screenshot({ path: file as `${string}.png` });
      console.log(`${relative(process.cwd(), file)}  ← ${picture.frame}`);
    }
  } finally {
    await browser.close();
    await replay.harness.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
