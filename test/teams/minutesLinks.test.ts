import JSZip from 'jszip';
import { cardOf, textOf } from '../../testkit/botHarness';
import { cardText } from '../../testkit/cardText';
import { adaptiveCardProblems } from '../../testkit/validateCard';
import { chatPerson, TeamsChat } from '../../testkit/teamsChat';
import { useBoardChatPerTest, type BoardChat } from './chatFixture';

let board: BoardChat;
useBoardChatPerTest((started) => (board = started));

async function say(text: string, from = board.sarah, chat = board.chat) {
  await board.harness.post(chat.message(from, text, board.people));
  return board.harness.take().filter((sent) => sent.kind === 'send' || sent.kind === 'reply');
}

/** Holds a short meeting and asks for its minutes; returns the card and its two links. */
async function minutesCard(from = board.sarah) {
  await say('/item 6.1 IFPG Highlight Report');
  await say('/decision The Board approved implementation of the revised WM SUDIC Protocol.');
  await say('/action Share the protocol with GPs EF');
  const [reply] = await say('/minutes', from);
  const card = cardOf(reply);
  const urls = ((card?.['actions'] as Array<{ title: string; url: string }> | undefined) ?? []).map((action) => action.url);
  return { card, docx: urls[0] ?? '', markdown: urls[1] ?? '' };
}

async function get(url: string) {
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: Buffer.from(await response.arrayBuffer()) };
}

test('/minutes answers a summary card with a Word and a Markdown link that serve the minutes', async () => {
  const { card, docx, markdown } = await minutesCard();
  expect(adaptiveCardProblems(card)).toEqual([]);
  // Opened by a capture, the meeting takes the Teams meeting's title (read from the meeting details).
  expect(cardText(card)).toEqual(expect.arrayContaining(['Minutes: Safeguarding Children Board', 'Decisions: 1', 'Actions: 1', '6.1 IFPG Highlight Report: 1 decision, 1 action']));
  expect(docx).toMatch(new RegExp(`^${board.harness.bot.server.url}/minutes/`));

  const md = await get(markdown);
  expect(md.status).toBe(200);
  expect(md.type).toContain('text/markdown');
  expect(md.body.toString('utf8')).toContain('1. The Board approved implementation of the revised WM SUDIC Protocol.');

  const word = await get(docx);
  expect(word.status).toBe(200);
  expect(word.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const xml = await (await JSZip.loadAsync(word.body)).file('word/document.xml')?.async('string');
  expect(xml).toContain('Share the protocol with GPs');
});

test('an expired link answers 403 with what to do, never the document', async () => {
  const { markdown } = await minutesCard();
  board.clock.set('2019-03-13T15:10:00.000Z');
  const response = await get(markdown);
  expect(response.status).toBe(403);
  expect(response.body.toString('utf8')).toBe('This minutes link has expired. Type /minutes in the meeting chat for a fresh one.\n');
});

test('a tampered link answers 403: a changed signature, or claims re-pointed at another meeting', async () => {
  const { markdown } = await minutesCard();
  const [base, token = ''] = markdown.split('/minutes/');
  const [payload = '', signature = ''] = token.split('.');
  const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
  expect((await get(`${base}/minutes/${payload}.${flipped}`)).status).toBe(403);
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown[];
  claims[2] = 'meeting-of-someone-else';
  const forged = await get(`${base}/minutes/${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`);
  expect(forged.status).toBe(403);
  expect(forged.body.toString('utf8')).toContain('not a valid minutes link');
  expect((await get(`${base}/minutes/garbage`)).status).toBe(403);
});

test('minutes only for members: someone not in the chat gets no link, and a link dies when its holder leaves', async () => {
  const outsider = chatPerson('Olivia Outsider');
  const otherChat = new TeamsChat(board.harness.connector.url, board.chat.tenantId);
  board.harness.connector.setMembers(otherChat.conversationId, [outsider]);
  await say('/action Their own action OO', outsider, otherChat);
  const { markdown } = await minutesCard();

  // Olivia is a member of another chat, not this one: the roster is re-read and still refuses her.
  const refused = await say('/minutes', outsider);
  expect(refused.map((sent) => textOf(sent))).toEqual(["Minutes are only for members of this meeting's chat."]);
  expect(refused.some((sent) => cardOf(sent))).toBe(false);

  board.harness.connector.setMembers(board.chat.conversationId, [board.derek, board.ellen, board.nicki]);
  // Teams tells the bot the roster changed; Sarah, who holds the link, has left.
  board.clock.set('2019-03-13T14:30:00.000Z');
  await board.harness.post(board.chat.membersAdded(board.derek, [board.nicki]));
  const gone = await get(markdown);
  expect(gone.status).toBe(403);
  expect(gone.body.toString('utf8')).toContain('only for members');
});
