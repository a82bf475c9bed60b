import { CARD_VERBS } from '../../src/cards/verbs';
import { cardOf, invokeCard, textOf } from '../../testkit/botHarness';
import { cardButtons, cardText, findExecute } from '../../testkit/cardText';
import type { ChatPerson } from '../../testkit/teamsChat';
import { adaptiveCardProblems } from '../../testkit/validateCard';
import { installBot, useBoardChatPerTest, type BoardChat } from './chatFixture';

let board: BoardChat;
useBoardChatPerTest((started) => (board = started), installBot);

/** Captures an action owned by Ellen and returns the posted card and its message id. */
async function captureEllensAction() {
  await board.harness.post(board.chat.message(board.sarah, '/action Report back to WSCB after the inquest EF by Friday', board.people));
  const posted = board.harness.take().find((sent) => sent.kind === 'send' || sent.kind === 'reply');
  const card = cardOf(posted);
  if (!card || !posted?.newId) throw new Error('no action card was posted');
  return { card, messageId: posted.newId };
}

async function click(from: ChatPerson, verb: string, card: Record<string, unknown>, messageId: string, inputs: Record<string, unknown> = {}) {
  const execute = findExecute(card, verb);
  if (!execute) throw new Error(`card has no ${verb} button`);
  const response = await board.harness.post(board.chat.cardAction(from, verb, { ...execute.data, ...inputs }, messageId));
  expect(response.status).toBe(200);
  const answer = invokeCard(response.body);
  expect(adaptiveCardProblems(answer)).toEqual([]);
  return { answer: cardText(answer), answerCard: answer, sent: board.harness.take() };
}

test('the owner closes from the card with a note: every copy shows it closed, with the note in its history', async () => {
  const { card, messageId } = await captureEllensAction();
  const { answer, sent } = await click(board.ellen, CARD_VERBS.close, card, messageId, { closeNote: 'Reported to the March board.' });
  expect(answer).toEqual(expect.arrayContaining(['Closed. Everyone in the chat now sees it closed.', 'Action A-1 | Closed']));
  const updates = sent.filter((entry) => entry.kind === 'update');
  expect(updates.map((update) => update.activityId)).toEqual([messageId]);
  const shared = cardText(cardOf(updates[0]));
  expect(shared).toEqual(expect.arrayContaining(['Action A-1 | Closed', 'Closed: Ellen Footman · Wed 13 Mar 2019', 'Wed 13 Mar 2019 · Ellen Footman: Reported to the March board. Action closed.']));
  expect(cardButtons(cardOf(updates[0]))).toEqual(['Add update']);
});

test('Close clicked twice closes once and the second click says it was already closed', async () => {
  const { card, messageId } = await captureEllensAction();
  await click(board.ellen, CARD_VERBS.close, card, messageId);
  const second = await click(board.ellen, CARD_VERBS.close, card, messageId);
  expect(second.answer).toContain('A-1 was already closed by Ellen Footman.');
  expect(second.sent.filter((entry) => entry.kind === 'update')).toEqual([]);
  await board.harness.post(board.chat.message(board.sarah, '/actions', board.people));
  expect(cardText(cardOf(board.harness.take()[0]))).toContain('No open actions in this chat. Capture one with /action.');
});

test('someone who is neither owner nor chair cannot close, and is told why; they can add an update', async () => {
  const { card, messageId } = await captureEllensAction();
  const refused = await click(board.nicki, CARD_VERBS.close, card, messageId);
  expect(refused.answer).toContain('Only Ellen Footman or the chair can close A-1. You can add an update instead.');
  expect(refused.answer).toContain('Action A-1 | Open');
  expect(refused.sent).toEqual([]);

  const updated = await click(board.nicki, CARD_VERBS.update, card, messageId, { updateNote: 'Inquest date confirmed for May.' });
  expect(updated.answer).toContain('Update added.');
  expect(cardText(cardOf(updated.sent.find((entry) => entry.kind === 'update')))).toContain('Wed 13 Mar 2019 · Nicki Pettitt: Inquest date confirmed for May.');
});

test('the chair (the meeting organizer) may close anyone\'s action', async () => {
  const { card, messageId } = await captureEllensAction();
  const { answer } = await click(board.derek, CARD_VERBS.close, card, messageId);
  expect(answer).toContain('Action A-1 | Closed');
});

test('a non-owner sees only "Add update" in their own view; the owner sees every button', async () => {
  const { card, messageId } = await captureEllensAction();
  const refresh = card['refresh'] as { userIds: string[] };
  expect(refresh.userIds).toEqual(expect.arrayContaining([board.nicki.id, board.sarah.id]));
  expect(refresh.userIds).not.toContain(board.ellen.id);
  const nickiView = await click(board.nicki, CARD_VERBS.refresh, card, messageId);
  expect(cardButtons(nickiView.answerCard)).toEqual(['Add update']);
  const ellenView = await click(board.ellen, CARD_VERBS.refresh, card, messageId);
  expect(cardButtons(ellenView.answerCard)).toEqual(['Close', 'Add update', 'Reassign', 'Change due date']);
});

test('the owner reassigns and changes the due date; both are kept in the history', async () => {
  const { card, messageId } = await captureEllensAction();
  // Reassign answers the owner with the picker on their copy; the shared copy carries none.
  expect(JSON.stringify(card)).not.toContain('Input.ChoiceSet');
  const picker = await click(board.ellen, CARD_VERBS.reassignPick, card, messageId);
  expect(JSON.stringify(picker.answerCard)).toContain('"label":"Reassign to"');
  expect(findExecute(picker.answerCard, CARD_VERBS.reassign)).toBeDefined();
  expect(cardButtons(picker.answerCard)).toEqual(['Close', 'Add update', 'Change due date']);
  expect(picker.sent).toEqual([]);
  const reassigned = await click(board.ellen, CARD_VERBS.reassign, picker.answerCard ?? {}, messageId, { owners: `${board.nicki.aadObjectId},${board.ellen.aadObjectId}` });
  expect(reassigned.answer).toEqual(expect.arrayContaining(['Reassigned to Nicki Pettitt, Ellen Footman.', 'Owner: Nicki Pettitt (NP), Ellen Footman (EF)']));
  const redated = await click(board.nicki, CARD_VERBS.changeDue, card, messageId, { due: '2019-04-01' });
  expect(redated.answer).toEqual(expect.arrayContaining(['Due date changed.', 'Due: Mon 1 Apr 2019']));
  expect(redated.answer).toEqual(
    expect.arrayContaining(['Wed 13 Mar 2019 · Ellen Footman: Reassigned to Nicki Pettitt, Ellen Footman.', 'Wed 13 Mar 2019 · Nicki Pettitt: Due date changed to Mon 1 Apr 2019.']),
  );
  const cleared = await click(board.ellen, CARD_VERBS.changeDue, card, messageId, { due: '' });
  expect(cleared.answer).toEqual(expect.arrayContaining(['Due date removed.', 'Due: No due date']));
});

test('/close and /update by reference change the action and redraw its card', async () => {
  const { messageId } = await captureEllensAction();
  await board.harness.post(board.chat.message(board.sarah, '/update A-1 Coroner has set a date', board.people));
  let sent = board.harness.take();
  expect(textOf(sent.find((entry) => entry.kind !== 'update'))).toBe('Added your update to A-1 (Report back to WSCB after the inquest).');
  expect(sent.find((entry) => entry.kind === 'update')?.activityId).toBe(messageId);

  await board.harness.post(board.chat.message(board.sarah, '/close A-1', board.people));
  expect(textOf(board.harness.take()[0])).toBe('Only Ellen Footman or the chair can close A-1. You can add an update instead.');

  await board.harness.post(board.chat.message(board.ellen, '/close a-1 Reported back', board.people));
  sent = board.harness.take();
  expect(textOf(sent.find((entry) => entry.kind !== 'update'))).toBe('Closed A-1 (Report back to WSCB after the inquest).');
  expect(cardText(cardOf(sent.find((entry) => entry.kind === 'update')))).toContain('Action A-1 | Closed');
});

test('the form creates the action, turns into its card for everyone, and a double click saves once', async () => {
  await board.harness.post(board.chat.message(board.sarah, '/action', board.people));
  const form = board.harness.take()[0];
  const formCard = cardOf(form);
  if (!formCard || !form?.newId) throw new Error('no form');
  const inputs = { text: 'Circulate the SIP data', owners: board.ellen.aadObjectId, due: '2019-03-20' };
  const first = await click(board.sarah, CARD_VERBS.create, formCard, form.newId, inputs);
  expect(first.answer).toEqual(expect.arrayContaining(['Action A-1 | Open', 'Circulate the SIP data', 'Owner: Ellen Footman (EF)', 'Due: Wed 20 Mar 2019']));
  expect(first.sent.filter((entry) => entry.kind === 'update').map((entry) => entry.activityId)).toEqual([form.newId]);
  const second = await click(board.sarah, CARD_VERBS.create, formCard, form.newId, inputs);
  expect(second.answer).toContain('Action A-1 | Open');
  await board.harness.post(board.chat.message(board.sarah, '/actions', board.people));
  expect(cardText(cardOf(board.harness.take()[0])).filter((line) => line.startsWith('A-'))).toEqual(['A-1 | Circulate the SIP data | Wed 20 Mar 2019']);
});

test('the form with nothing chosen comes back with a message and saves nothing', async () => {
  await board.harness.post(board.chat.message(board.sarah, '/action', board.people));
  const form = board.harness.take()[0];
  const formCard = cardOf(form);
  if (!formCard || !form?.newId) throw new Error('no form');
  const { answer } = await click(board.sarah, CARD_VERBS.create, formCard, form.newId, { text: 'Circulate the SIP data', owners: '' });
  expect(answer).toEqual(expect.arrayContaining(['New action', 'Choose at least one owner.']));
});

test('an owner named by @mention can close their action from the card', async () => {
  await board.harness.post(board.chat.message(board.sarah, '/action Report back after the inquest <at>Ellen Footman</at>', board.people));
  const posted = board.harness.take().find((sent) => sent.kind === 'send' || sent.kind === 'reply');
  const card = cardOf(posted);
  if (!card || !posted?.newId) throw new Error('no action card was posted');
  const { answer } = await click(board.ellen, CARD_VERBS.close, card, posted.newId);
  expect(answer).toContain('Action A-1 | Closed');
});

test('a closing note without a full stop gets one before "Action closed."', async () => {
  const { card, messageId } = await captureEllensAction();
  const { answer } = await click(board.ellen, CARD_VERBS.close, card, messageId, { closeNote: 'Reported to the March board' });
  expect(answer).toContain('Wed 13 Mar 2019 · Ellen Footman: Reported to the March board. Action closed.');
});
