import { PEOPLE_DATASETS, PICKER_CHOICES_MAX } from '../../src/cards/people';
import { CARD_VERBS } from '../../src/cards/verbs';
import { cardOf, invokeCard } from '../../testkit/botHarness';
import { cardText, findExecute, findInput } from '../../testkit/cardText';
import { chatPerson, personalChatWith, type ChatPerson } from '../../testkit/teamsChat';
import { adaptiveCardProblems } from '../../testkit/validateCard';
import { tickAt } from '../scheduler/schedulerFixture';
import { installBot, useBoardChatPerTest, type BoardChat } from './chatFixture';

// The owner field is Teams' people picker, in the /action form and in Reassign, through the real endpoint.

let board: BoardChat;
useBoardChatPerTest((started) => (board = started), installBot);

/** Sends a chat message and returns the new messages the bot posted. */
async function say(text: string, from: ChatPerson = board.sarah) {
  const response = await board.harness.post(board.chat.message(from, text, board.people));
  expect(response.status).toBe(200);
  return board.harness.take().filter((sent) => sent.kind === 'send' || sent.kind === 'reply');
}

/** Clicks a button on a card and returns the answering card, checked with the Adaptive Cards library. */
async function click(from: ChatPerson, verb: string, card: Record<string, unknown>, messageId: string, inputs: Record<string, unknown> = {}, chat = board.chat) {
  const execute = findExecute(card, verb);
  if (!execute) throw new Error(`card has no ${verb} button`);
  const response = await board.harness.post(chat.cardAction(from, verb, { ...execute.data, ...inputs }, messageId));
  expect(response.status).toBe(200);
  const answer = invokeCard(response.body) ?? {};
  expect(adaptiveCardProblems(answer)).toEqual([]);
  return { card: answer, lines: cardText(answer) };
}

/** The owner picker of a card, checked to be Teams' people picker searching `dataset`. */
function peoplePicker(card: unknown, dataset: string) {
  const picker = findInput(card, 'owners');
  expect(picker).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, 'choices.data': { type: 'Data.Query', dataset } });
  return picker as { value?: string; choices: Array<{ title: string; value: string }> };
}

/** Someone who joins the chat: Teams' roster has them, and the bot hears that members changed. */
async function joins(person: ChatPerson, leaving: ChatPerson[] = []) {
  const roster = [...board.people.filter((member) => !leaving.includes(member)), person];
  board.harness.connector.setMembers(board.chat.conversationId, roster);
  return roster;
}

test('in a 600-member chat the form offers a short list (you, the chair, recent owners) and lets Teams search the rest', async () => {
  const crowd = Array.from({ length: 596 }, (_, index) => chatPerson(`Member ${String(index).padStart(3, '0')} Example`));
  board.harness.connector.setMembers(board.chat.conversationId, [...board.people, ...crowd]);
  await say('/action Circulate the audit report NP by Friday');

  const [form] = await say('/action');
  const card = cardOf(form);
  expect(adaptiveCardProblems(card)).toEqual([]);
  const picker = peoplePicker(card, PEOPLE_DATASETS.chat);
  expect(picker.choices.length).toBeLessThanOrEqual(PICKER_CHOICES_MAX);
  expect(picker.choices.slice(0, 3).map((choice) => choice.title)).toEqual(['Sarah Berry (SB)', 'Derek Benson (DB)', 'Nicki Pettitt (NP)']);
  expect(picker.choices.map((choice) => choice.value)).toContain(board.nicki.aadObjectId);
  // Compact whatever the chat's size: no checkbox per member.
  expect(JSON.stringify(card).length).toBeLessThan(4000);
});

test('the form saves an owner Teams found who joined after the bot last read the chat', async () => {
  const [form] = await say('/action');
  const formCard = cardOf(form);
  if (!formCard || !form?.newId) throw new Error('no form');
  const priya = chatPerson('Priya Shah');
  await joins(priya);
  const saved = await click(board.sarah, CARD_VERBS.create, formCard, form.newId, { text: 'Book the venue', owners: priya.aadObjectId });
  expect(saved.lines).toEqual(expect.arrayContaining(['Action A-1 | Open', 'Owner: Priya Shah (PS)']));
});

test('the form refuses an id nobody in the chat has, and saves nothing', async () => {
  const [form] = await say('/action');
  const formCard = cardOf(form);
  if (!formCard || !form?.newId) throw new Error('no form');
  const refused = await click(board.sarah, CARD_VERBS.create, formCard, form.newId, { text: 'Book the venue', owners: chatPerson('Not In Chat').aadObjectId });
  expect(refused.lines).toEqual(expect.arrayContaining(['New action', "Choose owners from the list of this chat's members."]));
  const [list] = await say('/actions');
  expect(cardText(cardOf(list))).toContain('No open actions in this chat. Capture one with /action.');
});

test('Reassign offers the people picker with the owners chosen; an owner who left keeps their name; a newcomer can be chosen', async () => {
  const [posted] = await say('/action Report back after the inquest EF NP by Friday');
  const card = cardOf(posted);
  if (!card || !posted?.newId) throw new Error('no action card');
  // Nicki leaves and Priya joins.
  const priya = chatPerson('Priya Shah');
  await joins(priya, [board.nicki]);
  await board.harness.post(board.chat.membersAdded(board.sarah, [priya]));

  const picking = await click(board.ellen, CARD_VERBS.reassignPick, card, posted.newId);
  const picker = peoplePicker(picking.card, PEOPLE_DATASETS.chat);
  expect(picker.value).toBe(`${board.ellen.aadObjectId},${board.nicki.aadObjectId}`);
  expect(picker.choices.find((choice) => choice.value === board.nicki.aadObjectId)?.title).toBe('Nicki Pettitt (NP)');

  const stranger = await click(board.ellen, CARD_VERBS.reassign, picking.card, posted.newId, { owners: chatPerson('Not In Chat').aadObjectId });
  expect(stranger.lines).toContain('One of the people chosen is not a member of this chat. Choose owners from the list.');

  const reassigned = await click(board.ellen, CARD_VERBS.reassign, picking.card, posted.newId, { owners: `${board.nicki.aadObjectId},${priya.aadObjectId}` });
  expect(reassigned.lines).toEqual(expect.arrayContaining(['Reassigned to Nicki Pettitt, Priya Shah.', 'Owner: Nicki Pettitt (NP), Priya Shah (PS)']));
});

test('Reassign from a 1:1 reminder searches the organisation, and accepts only members of the meeting chat', async () => {
  await say('/action Circulate the audit report EF by Monday');
  const [reminder] = await tickAt(board, '2019-03-14T09:00:00.000Z');
  const card = cardOf(reminder);
  if (!card || !reminder?.newId) throw new Error('no reminder');
  const ellensChat = personalChatWith(board.ellen, board.harness.connector.url);

  const picking = await click(board.ellen, CARD_VERBS.reassignPick, card, reminder.newId, {}, ellensChat);
  peoplePicker(picking.card, PEOPLE_DATASETS.organisation);
  const outsider = await click(board.ellen, CARD_VERBS.reassign, picking.card, reminder.newId, { owners: chatPerson('Someone Elsewhere').aadObjectId }, ellensChat);
  expect(outsider.lines).toContain('One of the people chosen is not a member of this chat. Choose owners from the list.');
  const reassigned = await click(board.ellen, CARD_VERBS.reassign, picking.card, reminder.newId, { owners: board.sarah.aadObjectId }, ellensChat);
  expect(reassigned.lines).toContain('Reassigned to Sarah Berry.');
});
