import { cardOf, textOf } from '../../testkit/botHarness';
import { cardText } from '../../testkit/cardText';
import { BOT_ACCOUNT } from '../../testkit/teamsChat';
import { adaptiveCardProblems } from '../../testkit/validateCard';
import { useBoardChatPerTest, type BoardChat } from './chatFixture';

let board: BoardChat;
useBoardChatPerTest((started) => (board = started));

async function say(text: string, from = board.sarah) {
  const response = await board.harness.post(board.chat.message(from, text, board.people));
  expect(response.status).toBe(200);
  return board.harness.take().filter((sent) => sent.kind === 'send' || sent.kind === 'reply');
}

test('/action with an @mention and "by Friday" posts an action card with owner, due date and reference', async () => {
  const [reply, ...more] = await say('/action Draft letter to the National Panel <at>Derek Benson</at> by Friday');
  expect(more).toEqual([]);
  const card = cardOf(reply);
  expect(adaptiveCardProblems(card)).toEqual([]);
  const lines = cardText(card);
  expect(lines).toEqual(
    expect.arrayContaining([
      'Action A-1 | Open',
      'Draft letter to the National Panel',
      'Owner: Derek Benson (DB)',
      'Due: Fri 15 Mar 2019',
      'Item: No item',
      'Captured: Sarah Berry · Wed 13 Mar 2019',
    ]),
  );
});

test('owners can be given as initials, and actions are numbered A-1, A-2 in order', async () => {
  await say('/action Final visit to parent NP EF in 2 weeks');
  const [second] = await say('/action Report back on the inquest EF');
  const firstCard = cardText(cardOf(board.harness.connector.messagesIn(board.chat.conversationId)[0]));
  expect(firstCard).toEqual(expect.arrayContaining(['Action A-1 | Open', 'Owner: Nicki Pettitt (NP), Ellen Footman (EF)', 'Due: Wed 27 Mar 2019']));
  expect(cardText(cardOf(second))).toEqual(expect.arrayContaining(['Action A-2 | Open', 'Owner: Ellen Footman (EF)', 'Due: No due date']));
});

test('@mentioning the bot works without the slash', async () => {
  const [reply] = await say(`<at>${BOT_ACCOUNT.name}</at> action Circulate the audit report <at>Ellen Footman</at>`);
  expect(cardText(cardOf(reply))).toEqual(expect.arrayContaining(['Circulate the audit report', 'Owner: Ellen Footman (EF)']));
});

test('ordinary chat gets no reply and is not stored', async () => {
  expect(await say('Thanks all, see you in June')).toEqual([]);
  expect(await say('action items are in the pack')).toEqual([]);
  const [list] = await say('/actions');
  expect(cardText(cardOf(list))).toContain('No open actions in this chat. Capture one with /action.');
});

test('unknown initials list the candidates and save nothing', async () => {
  const [reply] = await say('/action Send the briefing ES');
  expect(textOf(reply)).toContain('Nobody in this chat has the initials "ES"');
  expect(textOf(reply)).toContain('Ellen Footman');
  expect(textOf(reply)).toContain('Nothing was saved');
  const [list] = await say('/actions');
  expect(cardText(cardOf(list))).toContain('No open actions in this chat. Capture one with /action.');
});

test('/action with no owner answers with a form prefilled with the text and due date', async () => {
  const [reply] = await say('/action Review the LADO arrangements by 12 June');
  const card = cardOf(reply);
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(cardText(card)).toEqual(expect.arrayContaining(['New action', 'Who will do it? Choose the owner(s), then save.']));
  const body = JSON.stringify(card);
  expect(body).toContain('"value":"Review the LADO arrangements"');
  expect(body).toContain('"value":"2019-06-12"');
  expect(body).toContain('Derek Benson (DB)');
});

test('the same message delivered twice creates one action and one card', async () => {
  const activity = board.chat.message(board.sarah, '/action Draft the letter DB by Friday', board.people);
  await board.harness.post(activity);
  await board.harness.post(activity);
  const posted = board.harness.take().filter((sent) => sent.kind !== 'update');
  expect(posted).toHaveLength(1);
  const [list] = await say('/actions');
  expect(cardText(cardOf(list)).filter((line) => line.startsWith('A-'))).toHaveLength(1);
});

test('owners named by initials at the start are read too, and the rest is the action', async () => {
  const [reply] = await say('/action EF Send the audit report to the Panel by Friday');
  expect(cardText(cardOf(reply))).toEqual(expect.arrayContaining(['Send the audit report to the Panel', 'Owner: Ellen Footman (EF)', 'Due: Fri 15 Mar 2019']));
  const [acronym] = await say('/action NHS England to confirm the mitigating action NP');
  expect(cardText(cardOf(acronym))).toEqual(expect.arrayContaining(['NHS England to confirm the mitigating action', 'Owner: Nicki Pettitt (NP)']));
});

test('HTML entities in what Teams sends are shown as the characters they stand for', async () => {
  const [reply] = await say('/action Book the Caf&eacute; for &pound;3K &ndash; it&rsquo;s agreed EF');
  expect(cardText(cardOf(reply))).toContain('Book the Café for £3K – it’s agreed');
});
