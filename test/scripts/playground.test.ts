import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CARD_VERBS } from '../../src/cards/verbs';
import { AgentsPlayground } from '../../testkit/agentsPlayground';
import { startHarness, type BotHarness } from '../../testkit/botHarness';
import { cardButtons, cardText, findExecute } from '../../testkit/cardText';

// The first hour in the Microsoft 365 Agents Playground itself: the real Playground process, its
// mock Teams from .m365agentsplayground.yml, and the real bot on its /api/messages. The Playground
// forwards a group-chat message only when it @mentions the bot, as Teams does where the chat has not
// let the bot read its messages.

let bot: BotHarness;
let playground: AgentsPlayground;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'meeting-actions-playground-'));
  bot = await startHarness();
  playground = await AgentsPlayground.start(`${bot.bot.server.url}/api/messages`, join(work, 'playground.log'));
});

afterAll(async () => {
  await playground?.stop();
  const errors = bot?.turnErrors ?? [];
  await bot?.stop();
  rmSync(work, { recursive: true, force: true });
  expect(errors).toEqual([]);
});

test('adding the bot to the group chat gets a welcome that says to @mention it, by the name the Playground shows', async () => {
  expect(playground.config.bot.name).toBe('Meeting Actions');
  await playground.install(playground.groupChatId);
  const [welcome] = await playground.messages(1);
  expect(welcome?.conversationId).toBe(playground.groupChatId);
  expect(welcome?.text).toContain('Mention me to start: type @, pick Meeting Actions, then help.');
});

test('a bare /help in the group chat never reaches the bot; @Meeting Actions help gets the help card', async () => {
  const before = playground.posted.length;
  await playground.type(playground.groupChatId, '/help');
  await playground.type(playground.groupChatId, 'help', true);
  const answers = (await playground.messages(before + 1)).slice(before);
  const card = answers[0]?.card;
  expect(cardText(card).slice(0, 3)).toEqual([
    'Meeting actions: what you can type',
    'Mention me first (type @ and pick me): @Meeting Actions /action Draft the letter EF by Friday. Chats that let me read their messages (the app asks when it is added) can leave the @mention out.',
    'Capture',
  ]);
  expect(cardText(card)).toContain('/action {what} {owner} [by {date}]');
  expect(cardButtons(card)).toEqual(['Meetings', 'Reminders', 'Dates and limits']);
  // The bare /help was not forwarded: only the mentioned one was answered.
  expect(playground.posted).toHaveLength(before + 1);

  const firstPart = findExecute(card, CARD_VERBS.helpTopic);
  if (!answers[0] || !firstPart) throw new Error('the help card has no part buttons');
  const opened = await playground.click(answers[0], firstPart);
  expect(cardText(opened)[2]).toBe('Meetings and minutes');
});

test('an action captured with initials at the start names the Playground member who has them', async () => {
  const before = playground.posted.length;
  await playground.type(playground.groupChatId, '/action PF Send the audit report to the Panel by Friday', true);
  const [answer] = (await playground.messages(before + 1)).slice(before);
  expect(cardText(answer?.card)).toEqual(expect.arrayContaining(['Send the audit report to the Panel', 'Owner: Pam Fisher (PF)']));
});

test('in the personal chat every message reaches the bot, and one that is no command is answered', async () => {
  const before = playground.posted.length;
  await playground.type(playground.config.personalChat.id, 'hello');
  const [answer] = (await playground.messages(before + 1)).slice(before);
  expect(answer?.conversationId).toBe(playground.config.personalChat.id);
  expect(answer?.text).toContain('Here in our 1:1 chat I can show /actions');
});
