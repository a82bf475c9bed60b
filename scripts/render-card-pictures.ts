import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { CARD_VERBS } from '../src/cards/verbs';
import { cardOf, dialogReply, invokeCard } from '../testkit/botHarness';
import { cardText, findExecute } from '../testkit/cardText';
import type { SentActivity } from '../testkit/fakeConnector';
import { findChromium, screenshot } from './card-pictures/chromium';
import { CARD_WIDTH, cardPage, picturePath, type ThemeName } from './card-pictures/page';
import { replayBoardMeeting, type Replay } from './demo/replay';

/** A card the README shows, and how to pick it out of what the bot sent. */
interface Picture {
  name: string;
  pick: (sent: SentActivity[]) => SentActivity | undefined;
  /** Teams' light theme unless said. */
  theme?: ThemeName;
}

const firstLine = (activity: SentActivity) => cardText(cardOf(activity))[0] ?? '';

const PICTURES: Picture[] = [
  { name: 'action-card', pick: (sent) => sent.find((a) => a.kind !== 'update' && /^Action A-\d+ \| Open/.test(firstLine(a))) },
  { name: 'action-card-closed', pick: (sent) => sent.filter((a) => a.kind === 'update' && /^Action A-\d+ \| Closed/.test(firstLine(a))).at(-1) },
  { name: 'decision-card', pick: (sent) => sent.find((a) => /^Decision/.test(firstLine(a))) },
  { name: 'actions-list', pick: (sent) => sent.filter((a) => /^Open actions/i.test(firstLine(a))).at(-1) },
  { name: 'help-card', pick: (sent) => sent.filter((a) => /what you can type/i.test(firstLine(a))).at(-1) },
  { name: 'new-action-form', pick: (sent) => sent.filter((a) => /new action/i.test(firstLine(a))).at(-1) },
  { name: 'minutes-card', pick: (sent) => sent.filter((a) => /^Minutes: /.test(firstLine(a))).at(-1) },
  { name: 'reminder-card', pick: (sent) => sent.find((a) => /^Reminder: /.test(firstLine(a))) },
  { name: 'reminder-card-dark', theme: 'dark', pick: (sent) => sent.find((a) => /^Reminder: /.test(firstLine(a))) },
  { name: 'weekly-digest', pick: (sent) => sent.find((a) => firstLine(a) === 'Your open actions') },
  { name: 'chair-digest', pick: (sent) => sent.find((a) => /^Before your meeting/.test(firstLine(a))) },
];

/** A card the bot answers an invoke with (a dialog, the clicker's own copy), asked for after the replay. */
interface AnswerPicture {
  name: string;
  /** Drawn in a Teams dialog with this title. */
  dialogTitle?: string;
  ask: (replay: Replay) => Promise<Record<string, unknown>>;
}

const ANSWER_PICTURES: AnswerPicture[] = [
  { name: 'create-action-dialog', dialogTitle: 'Create action', ask: createActionOnAMessage },
  { name: 'reassign-picker', ask: reassignPicker },
];

/** "More actions → Create action" on a member's message that asks a colleague to do something. */
async function createActionOnAMessage(replay: Replay): Promise<Record<string, unknown>> {
  const person = (name: string) => replay.people.get(name) ?? failWith(`${name} is not in the replayed meeting`);
  const everyone = [...replay.people.values()];
  const text = '<at>Ellen Footman</at> could you circulate the <b>SCR learning briefing</b> to partner agencies by Friday?';
  const payload = replay.chat.messagePayload(person('Sarah Berry'), text, everyone);
  const response = await replay.harness.post(replay.chat.fetchTask(person('Derek Benson'), { context: 'message', messagePayload: payload }));
  const reply = dialogReply(response.body);
  return reply.kind === 'dialog' ? reply.card : failWith(`Create action answered ${JSON.stringify(reply)}`);
}

/** The chair presses Reassign on the action captured after the meeting: their copy shows the people picker. */
async function reassignPicker(replay: Replay): Promise<Record<string, unknown>> {
  const posted = replay.harness.connector.sent.filter((activity) => activity.kind !== 'update' && cardText(cardOf(activity)).includes('Circulate the SCR learning briefing to partner agencies')).at(-1);
  const pick = findExecute(cardOf(posted), CARD_VERBS.reassignPick);
  const chair = replay.people.get('Derek Benson');
  if (!pick || !posted?.newId || !chair) return failWith('no action card with Reassign to press');
  const response = await replay.harness.post(replay.chat.cardAction(chair, CARD_VERBS.reassignPick, pick.data, posted.newId));
  return invokeCard(response.body) ?? failWith('Reassign answered without a card');
}

function failWith(message: string): never {
  throw new Error(message);
}

/** After the meeting: an action with a date, then the scheduler's passes that remind, digest and brief the chair. */
const BETWEEN_MEETINGS = {
  capture: '/action Circulate the SCR learning briefing to partner agencies EF by 20 March 2019',
  passes: ['2019-03-18T09:00:00.000Z', '2019-06-11T13:00:00.000Z'],
};

/**
 * `npm run cards:pictures`: replays the board meeting through the real bot, asks it for /help and
 * the /action form, runs the scheduler for a reminder, the weekly digest and the chair's digest, and
 * screenshots each card (official Adaptive Cards renderer, headless Chromium, Teams' light theme and
 * one in its dark theme) into docs/images for the README.
 */
async function main(): Promise<void> {
  const chromium = findChromium();
  const replay = await replayBoardMeeting();
  const work = mkdtempSync(join(tmpdir(), 'card-pictures-'));
  try {
    const chair = replay.people.values().next().value;
    if (!chair) throw new Error('the replayed meeting has no members');
    for (const text of ['/help', '/action', BETWEEN_MEETINGS.capture]) {
      const response = await replay.harness.post(replay.chat.message(chair, text, [...replay.people.values()]));
      if (response.status !== 200) throw new Error(`the bot answered ${response.status} to ${text}`);
    }
    for (const at of BETWEEN_MEETINGS.passes) await replay.harness.bot.tick(at);
    // Asked before any screenshot: a connection left idle while Chromium works may be closed under the next request.
    const answers = [];
    for (const picture of ANSWER_PICTURES) answers.push({ ...picture, card: await picture.ask(replay) });
    const sent = replay.harness.connector.sent.filter((activity) => cardOf(activity));
    for (const picture of PICTURES) {
      const activity = picture.pick(sent);
      const card = cardOf(activity);
      if (!card) throw new Error(`no card for ${picture.name}; the cards' first lines were:\n${sent.map(firstLine).join('\n')}`);
      const html = join(work, `${picture.name}.html`);
      writeFileSync(html, cardPage(card, picture.theme ? { theme: picture.theme } : {}));
      const png = picturePath(picture.name);
      mkdirSync(dirname(png), { recursive: true });
      screenshot(chromium, html, png, CARD_WIDTH);
      console.log(`${relative(process.cwd(), png)}  ← ${firstLine(activity as SentActivity)}`);
    }
    for (const { card, ...picture } of answers) {
      const html = join(work, `${picture.name}.html`);
      writeFileSync(html, cardPage(card, picture.dialogTitle ? { dialogTitle: picture.dialogTitle } : {}));
      screenshot(chromium, html, picturePath(picture.name), CARD_WIDTH);
      console.log(`${relative(process.cwd(), picturePath(picture.name))}  ← ${cardText(card)[0] ?? ''}`);
    }
  } finally {
    await replay.harness.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
