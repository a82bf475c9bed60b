import { CARD_VERBS } from '../../src/cards/verbs';
import { COMMAND_NAMES } from '../../src/domain/command';
import { cardOf, invokeCard, textOf } from '../../testkit/botHarness';
import { cardButtons, cardText, findExecute } from '../../testkit/cardText';
import { BOT_ACCOUNT, personalChatWith, type ChatPerson } from '../../testkit/teamsChat';
import { adaptiveCardProblems } from '../../testkit/validateCard';
import { useBoardChatPerTest, type BoardChat } from './chatFixture';

// A newcomer's first minutes, through the real endpoint: the welcome, /help and its parts, and a
// 1:1 chat that answers whatever is typed there.

let board: BoardChat;
useBoardChatPerTest((started) => (board = started));

async function say(text: string, from: ChatPerson = board.sarah) {
  const response = await board.harness.post(board.chat.message(from, text, board.people));
  expect(response.status).toBe(200);
  return board.harness.take().filter((sent) => sent.kind === 'send' || sent.kind === 'reply');
}

/** Clicks a help card's button for a part of /help; returns the card the clicker now sees. */
async function openPart(card: Record<string, unknown> | undefined, title: string): Promise<Record<string, unknown>> {
  const button = ((card?.['actions'] as Array<{ title: string; verb: string; data: Record<string, unknown> }> | undefined) ?? []).find((action) => action.title === title);
  if (!button) throw new Error(`the help card has no "${title}" button; it has ${cardButtons(card).join(', ')}`);
  expect(button.verb).toBe(CARD_VERBS.helpTopic);
  const response = await board.harness.post(board.chat.cardAction(board.sarah, button.verb, button.data));
  expect(response.status).toBe(200);
  const answer = invokeCard(response.body);
  if (!answer) throw new Error('the click was not answered with a card');
  expect(adaptiveCardProblems(answer)).toEqual([]);
  return answer;
}

/** The command forms a help card shows (its monospace usage lines). */
function usages(card: Record<string, unknown> | undefined): string[] {
  return cardText(card).filter((line) => /^\/[a-z]+/.test(line));
}

test('the welcome leads with the @mention, which reaches the bot whether or not the chat lets it read messages', async () => {
  await board.harness.post(board.chat.installationUpdate(board.sarah));
  const [welcome, ...more] = board.harness.take();
  expect(more).toEqual([]);
  const text = textOf(welcome);
  expect(text).toContain(`Mention me to start: type @, pick ${BOT_ACCOUNT.name}, then help.`);
  expect(text).toContain(`@${BOT_ACCOUNT.name} /action Draft the letter @Derek Benson by Friday`);
  expect(text).toContain('Where this chat lets me read its messages (the app asks when it is added), commands work without the @mention too.');
  expect(text).not.toContain('with or without');
});

test('/help is one short part at a time, with placeholders that no Markdown or HTML renderer drops', async () => {
  const [reply] = await say('/help');
  const card = cardOf(reply);
  expect(adaptiveCardProblems(card)).toEqual([]);
  const lines = cardText(card);
  expect(lines.slice(0, 3)).toEqual(['Meeting actions: what you can type', 'Type these in the meeting chat, with or without @mentioning me.', 'Capture']);
  expect(usages(card)).toEqual(['/action {what} {owner} [by {date}]', '/decision {what was decided}', '/item {number} {title}', '/actions', '/close {ref} [{note}]', '/update {ref} {note}', '/planner {plan link} | off']);
  // Teams and the Agents Playground drop anything shaped like an HTML tag: "<what>" would vanish.
  expect(JSON.stringify(card)).not.toMatch(/<[a-z]/i);
  expect(cardButtons(card)).toEqual(['Meetings', 'Reminders', 'Dates and limits']);
  expect(lines.length).toBeLessThanOrEqual(25);
});

test("each part opens on the clicker's card, and the parts together explain every command", async () => {
  const [reply] = await say('/help');
  const seen = new Set(usages(cardOf(reply)).map((usage) => usage.split(' ')[0]));
  const meetings = await openPart(cardOf(reply), 'Meetings');
  expect(cardText(meetings)[2]).toBe('Meetings and minutes');
  expect(cardButtons(meetings)).toEqual(['Capture', 'Reminders', 'Dates and limits']);
  const reminders = await openPart(meetings, 'Reminders');
  const limits = await openPart(reminders, 'Dates and limits');
  for (const card of [meetings, reminders, limits]) for (const usage of usages(card)) seen.add(usage.split(' ')[0]);
  expect([...seen].sort()).toEqual(COMMAND_NAMES.filter((name) => name !== 'help').map((name) => `/${name}`).sort());
  expect(cardText(limits).join('\n')).toContain('Owners per action: up to 10');
  expect(cardText(limits).join('\n')).toContain('"by Friday", "due 12 June", "in 2 weeks", "end of month"');
  // A click answers the clicker only: nothing is posted to the chat.
  expect(board.harness.take()).toEqual([]);
});

test('/help with a topic opens that part; "@Bot help" advises the @mention, since nothing shows it may read the chat', async () => {
  const [reminders] = await say('/help reminders');
  expect(cardText(cardOf(reminders))[2]).toBe('Reminders');
  expect(usages(cardOf(reminders))).toEqual(['/next {date} {time}', '/digest', '/settings']);

  const [mentioned] = await say(`<at>${BOT_ACCOUNT.name}</at> help`);
  expect(cardText(cardOf(mentioned))[1]).toBe(
    `Mention me first (type @ and pick me): @${BOT_ACCOUNT.name} /action Draft the letter EF by Friday. Chats that let me read their messages (the app asks when it is added) can leave the @mention out.`,
  );
  // The advice stays with the card as its parts are opened.
  const part = await openPart(cardOf(mentioned), 'Dates and limits');
  expect(cardText(part)[1]).toContain(`@${BOT_ACCOUNT.name} /action`);
});

test('a click on a help card from an older version, or with made-up data, still answers with the help card', async () => {
  const response = await board.harness.post(board.chat.cardAction(board.sarah, CARD_VERBS.helpTopic, { topic: 'toString', reach: { evil: true }, botName: 42 }));
  const lines = cardText(invokeCard(response.body));
  expect(lines[2]).toBe('Capture');
  expect(lines[1]).toContain('@Meeting Actions /action');
});

test('in the 1:1 chat, a message that is no command is answered with what the 1:1 chat can do', async () => {
  const personal = personalChatWith(board.ellen, board.harness.connector.url, board.chat.tenantId);
  for (const text of ['hello', 'What can you do?', '/action Draft the letter EF']) {
    const response = await board.harness.post(personal.message(board.ellen, text));
    expect(response.status).toBe(200);
    const sent = board.harness.take();
    expect(sent).toHaveLength(1);
    expect(textOf(sent[0])).toContain('Here in our 1:1 chat I can show /actions (your open actions across every meeting) and /settings (when I remind you)');
    expect(textOf(sent[0])).toContain('Actions and decisions are captured in the meeting chat: add me there and type /help.');
  }
  await board.harness.post(personal.message(board.ellen, '/help'));
  const help = cardOf(board.harness.take()[0]);
  expect(cardText(help)[1]).toBe('Here in our 1:1 chat: /actions shows your open actions across every meeting and /settings when I remind you. Actions and decisions are captured in the meeting chat.');
});

test('every card carries fallbackText and speak made from its own words, also when it answers a click', async () => {
  const [reply] = await say('/action Draft letter to the National Panel EF by Friday');
  const card = cardOf(reply);
  expect(card?.['fallbackText']).toBe(cardText(card).join('\n'));
  expect(String(card?.['speak'])).toMatch(/^Action A-1, Open\. Draft letter to the National Panel\. Owner: Ellen Footman \(EF\)\. Due: Fri 15 Mar 2019\./);
  const update = findExecute(card, CARD_VERBS.update);
  if (!update || !reply?.newId) throw new Error('no Add update on the card');
  const response = await board.harness.post(board.chat.cardAction(board.sarah, CARD_VERBS.update, { ...update.data, updateNote: 'Draft circulated' }, reply.newId));
  const answer = invokeCard(response.body);
  expect(String(answer?.['fallbackText']).split('\n')[0]).toBe(cardText(answer)[0]);
  expect(String(answer?.['speak'])).toContain('Draft circulated.');
});

test("a long card's fallbackText and speak stay short: what the card is, never a second copy of it", async () => {
  for (let index = 1; index <= 30; index += 1) await say(`/action Item ${index}: review the ${'very '.repeat(10)}long report EF`);
  const [list] = await say('/actions');
  const card = cardOf(list);
  expect(String(card?.['fallbackText']).length).toBeLessThanOrEqual(600);
  expect(String(card?.['fallbackText'])).toMatch(/^Open actions\n/);
  expect(String(card?.['fallbackText']).endsWith('…')).toBe(true);
  expect(String(card?.['speak']).length).toBeLessThanOrEqual(300);
});
