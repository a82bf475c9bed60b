import { PEOPLE_DATASETS } from '../../src/cards/people';
import { CARD_VERBS } from '../../src/cards/verbs';
import { LIMITS } from '../../src/domain/limits';
import { cardOf, dialogReply, invokeCard, type DialogReply } from '../../testkit/botHarness';
import { cardText, findExecute, findInput, findSubmit } from '../../testkit/cardText';
import { personalChatWith, TeamsChat, type ChatPerson } from '../../testkit/teamsChat';
import { adaptiveCardProblems } from '../../testkit/validateCard';
import { tickAt } from '../scheduler/schedulerFixture';
import { installBot, useBoardChatPerTest, type BoardChat } from './chatFixture';

// "Create action" from a message's "…" menu, the compose box and the command box: both invokes
// through the real /api/messages endpoint, every card the dialog shows checked with the Adaptive Cards library.

let board: BoardChat;
useBoardChatPerTest((started) => (board = started), installBot);

/** Posts a message-extension invoke; returns how Teams would show the answer, and what the bot posted meanwhile. */
async function invoke(activity: Record<string, unknown>): Promise<{ reply: DialogReply; sent: ReturnType<BoardChat['harness']['take']> }> {
  const response = await board.harness.post(activity);
  expect(response.status).toBe(200);
  const reply = dialogReply(response.body);
  if (reply.kind === 'dialog' || reply.kind === 'preview') {
    expect(adaptiveCardProblems(reply.card)).toEqual([]);
    expect(JSON.stringify(reply.card).length).toBeLessThan(20_000);
  }
  return { reply, sent: board.harness.take() };
}

/** The dialog's form card, failing the test if the answer was anything else. */
function formOf(reply: DialogReply): Record<string, unknown> {
  if (reply.kind !== 'dialog') throw new Error(`expected a dialog, got ${JSON.stringify(reply)}`);
  expect(reply.title).toBe('Create action');
  return reply.card;
}

/** What the form's inputs hold when it opens. */
function formValues(card: Record<string, unknown>) {
  return { text: findInput(card, 'text')?.['value'], owners: findInput(card, 'owners')?.['value'], due: findInput(card, 'due')?.['value'] };
}

/** Sends a chat message and returns what the bot posted. */
async function say(text: string, from: ChatPerson = board.sarah) {
  await board.harness.post(board.chat.message(from, text, board.people));
  return board.harness.take().filter((sent) => sent.kind === 'send' || sent.kind === 'reply');
}

/** The chat's open actions as /actions lists them. */
async function listed(): Promise<string[]> {
  const [list] = await say('/actions');
  return cardText(cardOf(list)).filter((line) => /^A-\d+ \|/.test(line));
}

/** Opens Create action on a message Nicki wrote. */
async function openOn(text: string, options: { html?: string } = {}) {
  const payload = board.chat.messagePayload(board.nicki, text, board.people, options);
  const { reply } = await invoke(board.chat.fetchTask(board.sarah, { context: 'message', messagePayload: payload }));
  return { card: formOf(reply), payload };
}

describe('on a message: More actions → Create action', () => {
  test('opens the form prefilled: the text as plain text, its @mentions as owners, a due date from its words, the current item', async () => {
    await say('/item 2.2 S157/175 Safeguarding Audit');
    const { card } = await openOn('<at>Ellen Footman</at> could you send the <b>audit findings</b> to the National Panel by Friday, please? Thanks <at>Derek Benson</at>');
    expect(cardText(card)).toContain('Item: 2.2 S157/175 Safeguarding Audit');
    expect(formValues(card)).toEqual({
      text: 'could you send the audit findings to the National Panel by Friday, please? Thanks',
      owners: `${board.ellen.aadObjectId},${board.derek.aadObjectId}`,
      due: '2019-03-15',
    });
    expect(findInput(card, 'owners')).toMatchObject({ isMultiSelect: true, 'choices.data': { type: 'Data.Query', dataset: PEOPLE_DATASETS.chat } });
    expect(findSubmit(card)).toEqual({ seriesId: expect.any(String), formId: expect.any(String) });
    // Opening the dialog saves nothing.
    expect(await listed()).toEqual([]);
  });

  test('Save records the action as /action does and posts its card in the chat; Save again or a redelivery makes nothing more', async () => {
    await say('/item 2.2 S157/175 Safeguarding Audit');
    const { card, payload } = await openOn('<at>Ellen Footman</at> please circulate the audit findings by Friday');
    const save = board.chat.submitAction(board.sarah, { context: 'message', messagePayload: payload, data: { ...findSubmit(card), ...formValues(card) } });

    const first = await invoke(save);
    expect(first.reply).toEqual({ kind: 'close' });
    const [posted, ...more] = first.sent;
    expect(more).toEqual([]);
    expect(posted?.conversationId).toBe(board.chat.conversationId);
    expect(cardText(cardOf(posted))).toEqual(
      expect.arrayContaining(['Action A-1 | Open', 'please circulate the audit findings', 'Owner: Ellen Footman (EF)', 'Due: Fri 15 Mar 2019', 'Item: 2.2 S157/175 Safeguarding Audit', 'Captured: Sarah Berry · Wed 13 Mar 2019']),
    );

    // Save pressed again (a new invoke) and the same invoke delivered again: still one action, one card.
    expect((await invoke(board.chat.submitAction(board.sarah, { context: 'message', messagePayload: payload, data: { ...findSubmit(card), ...formValues(card) } }))).sent).toEqual([]);
    expect((await invoke(save)).sent).toEqual([]);
    expect(await listed()).toEqual(['A-1 | please circulate the audit findings | Fri 15 Mar 2019']);
    // Numbered like any other: the next /action is A-2.
    const [next] = await say('/action Book the room EF');
    expect(cardText(cardOf(next))).toContain('Action A-2 | Open');

    // Its reminders are booked, and its card works like any other.
    const reminders = await tickAt(board, '2019-03-15T09:00:00.000Z');
    expect(reminders.map((sent) => cardText(cardOf(sent))[0])).toContain('Reminder: due today (Fri 15 Mar 2019).');
    const close = findExecute(cardOf(posted), CARD_VERBS.close);
    if (!close || !posted?.newId) throw new Error('no Close on the posted card');
    const closed = await board.harness.post(board.chat.cardAction(board.ellen, CARD_VERBS.close, close.data, posted.newId));
    expect(cardText(invokeCard(closed.body))).toContain('Action A-1 | Closed');
  });

  test('Save pressed twice at once still makes one action', async () => {
    const { card, payload } = await openOn('<at>Ellen Footman</at> please circulate the audit findings');
    const data = { ...findSubmit(card), ...formValues(card) };
    const answers = await Promise.all([1, 2].map(() => board.harness.post(board.chat.submitAction(board.sarah, { context: 'message', messagePayload: payload, data }))));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    // One action; which of the two posts its card is the capture use-case's race to settle (both answers close the dialog).
    expect(answers.map((answer) => dialogReply(answer.body))).toEqual([{ kind: 'close' }, { kind: 'close' }]);
    board.harness.take();
    expect(await listed()).toEqual(['A-1 | please circulate the audit findings | No date']);
  });

  test('a form with something to fix comes back saying what, keeps what was typed, and saves nothing', async () => {
    const { card, payload } = await openOn('Book the room for the next meeting');
    const { reply } = await invoke(board.chat.submitAction(board.sarah, { context: 'message', messagePayload: payload, data: { ...findSubmit(card), text: 'Book the room for the next meeting', owners: '' } }));
    const again = formOf(reply);
    expect(cardText(again)).toContain('Choose at least one owner.');
    expect(formValues(again).text).toBe('Book the room for the next meeting');
    expect(findSubmit(again)).toEqual(findSubmit(card));
    expect(await listed()).toEqual([]);
  });

  test('a message with HTML and markdown is prefilled as plain text, markdown kept as the characters typed', async () => {
    const html = '<div><p>Send the <b>audit</b> to <a href="http://evil.example">[the panel](http://evil.example)</a> &amp; **everyone**<br>&lt;script&gt;alert(1)&lt;/script&gt;</p></div>';
    const { card, payload } = await openOn('', { html });
    expect(formValues(card).text).toBe('Send the audit to [the panel](http://evil.example) & **everyone** <script>alert(1)</script>');
    await invoke(board.chat.submitAction(board.sarah, { context: 'message', messagePayload: payload, data: { ...findSubmit(card), ...formValues(card), owners: board.ellen.aadObjectId } }));
    const [posted] = board.harness.connector.messagesIn(board.chat.conversationId).slice(-1);
    const runs = JSON.stringify(cardOf(posted));
    expect(runs).toContain('"type":"TextRun","text":"Send the audit to [the panel](http://evil.example) & **everyone** <script>alert(1)</script>"');
  });

  test('a 20,000-character message is cut to the start, says so, and still saves nothing until Save', async () => {
    const long = 'Review the safeguarding audit findings in full detail. '.repeat(400).slice(0, 20000);
    const { card } = await openOn(long);
    expect(cardText(card)).toContain('That message has 20,000 characters and an action holds at most 2,000, so only its start is below. Shorten it to what is to be done.');
    const text = String(formValues(card).text);
    expect(text.length).toBeLessThanOrEqual(LIMITS.textLength);
    expect(long.startsWith(text.slice(0, -1))).toBe(true);
    expect(await listed()).toEqual([]);
  });
});

describe('from the compose box: a bot-message preview, saved on Send', () => {
  test('opens an empty form; Save shows the action as a preview and saves nothing; Edit reopens it; Send saves and posts once', async () => {
    const opened = formOf((await invoke(board.chat.fetchTask(board.sarah, { context: 'compose' }))).reply);
    expect(formValues(opened)).toEqual({ text: '', owners: '', due: '' });
    const data = { ...findSubmit(opened), text: 'Draft the letter to the National Panel', owners: board.derek.aadObjectId, due: '2019-03-20' };

    const saved = await invoke(board.chat.submitAction(board.sarah, { context: 'compose', data }));
    if (saved.reply.kind !== 'preview') throw new Error(`expected a preview, got ${JSON.stringify(saved.reply)}`);
    const preview = saved.reply.card;
    expect(cardText(preview)).toEqual(expect.arrayContaining(['New action', 'Draft the letter to the National Panel', 'Owner: Derek Benson (DB)', 'Due: Wed 20 Mar 2019']));
    expect(saved.sent).toEqual([]);
    expect(await listed()).toEqual([]);

    const edit = await invoke(board.chat.submitAction(board.sarah, { context: 'compose', botMessagePreviewAction: 'edit', previewCard: preview }));
    expect(formValues(formOf(edit.reply))).toEqual({ text: 'Draft the letter to the National Panel', owners: board.derek.aadObjectId, due: '2019-03-20' });

    const send = board.chat.submitAction(board.sarah, { context: 'compose', botMessagePreviewAction: 'send', previewCard: preview });
    const sent = await invoke(send);
    expect(sent.reply).toEqual({ kind: 'close' });
    expect(sent.sent.map((activity) => cardText(cardOf(activity))[0])).toEqual(['Action A-1 | Open']);
    expect((await invoke(board.chat.submitAction(board.sarah, { context: 'compose', botMessagePreviewAction: 'send', previewCard: preview }))).sent).toEqual([]);
    expect(await listed()).toEqual(['A-1 | Draft the letter to the National Panel | Wed 20 Mar 2019']);
  });

  test('Send with a preview whose hidden fields were tampered with saves nothing and says what to fix', async () => {
    const opened = formOf((await invoke(board.chat.fetchTask(board.sarah, { context: 'compose' }))).reply);
    const saved = await invoke(board.chat.submitAction(board.sarah, { context: 'compose', data: { ...findSubmit(opened), text: 'Draft the letter', owners: board.derek.aadObjectId } }));
    if (saved.reply.kind !== 'preview') throw new Error('expected a preview');
    const tampered = JSON.parse(JSON.stringify(saved.reply.card).replace(board.derek.aadObjectId, 'someone-else')) as Record<string, unknown>;
    const { reply, sent } = await invoke(board.chat.submitAction(board.sarah, { context: 'compose', botMessagePreviewAction: 'send', previewCard: tampered }));
    expect(cardText(formOf(reply))).toContain("Choose owners from this chat's members.");
    expect(sent).toEqual([]);
    expect(await listed()).toEqual([]);
  });
});

describe('where there is no chat, or the bot is not in it', () => {
  test('from the command box in a chat it opens an empty form and Save posts in that chat', async () => {
    const opened = formOf((await invoke(board.chat.fetchTask(board.sarah, { context: 'commandbox' }))).reply);
    const { reply, sent } = await invoke(board.chat.submitAction(board.sarah, { context: 'commandbox', data: { ...findSubmit(opened), text: 'Book the room', owners: board.sarah.aadObjectId } }));
    expect(reply).toEqual({ kind: 'close' });
    expect(sent.map((activity) => activity.conversationId)).toEqual([board.chat.conversationId]);
  });

  test('in a 1:1 chat it says where actions are made, and saves nothing', async () => {
    const personal = personalChatWith(board.sarah, board.harness.connector.url);
    for (const activity of [personal.fetchTask(board.sarah, { context: 'commandbox' }), personal.submitAction(board.sarah, { context: 'compose', data: { formId: 'x', seriesId: 'y', text: 'Book the room', owners: board.sarah.aadObjectId } })]) {
      const { reply, sent } = await invoke(activity);
      expect(reply).toEqual({ kind: 'message', text: expect.stringContaining('Actions are kept in a meeting chat, group chat or channel.') });
      expect(sent).toEqual([]);
    }
  });

  test('in a chat the bot has not been added to, it asks to be added (just-in-time install), then opens the prefilled form', async () => {
    const other = new TeamsChat(board.harness.connector.url);
    board.harness.connector.failNext(new RegExp(`pagedmembers`), 403, 10);
    const payload = other.messagePayload(board.nicki, '<at>Ellen Footman</at> please book the room', board.people);
    const asked = await invoke(other.fetchTask(board.sarah, { context: 'message', messagePayload: payload }));
    if (asked.reply.kind !== 'dialog') throw new Error('expected a dialog');
    expect(cardText(asked.reply.card)[0]).toBe('Add Meeting Actions to this chat');
    expect(findSubmit(asked.reply.card)).toEqual({ msteams: { justInTimeInstall: true } });

    // Teams adds the app, then sends the dialog's Save with justInTimeInstall.
    board.harness.connector.stopFailing();
    board.harness.connector.setMembers(other.conversationId, board.people);
    const installed = await invoke(other.submitAction(board.sarah, { context: 'message', messagePayload: payload, data: { msteams: { justInTimeInstall: true } } }));
    expect(formValues(formOf(installed.reply))).toMatchObject({ text: 'please book the room', owners: board.ellen.aadObjectId });
  });

  test('if the card cannot be posted after saving, the dialog says it was saved and how to find it', async () => {
    const { card, payload } = await openOn('<at>Ellen Footman</at> please circulate the audit findings');
    board.harness.connector.failNext(/^POST \/v3\/conversations\/[^/]+\/activities/, 403, 1);
    const { reply } = await invoke(board.chat.submitAction(board.sarah, { context: 'message', messagePayload: payload, data: { ...findSubmit(card), ...formValues(card) } }));
    expect(reply).toEqual({ kind: 'message', text: 'Saved as A-1, but I could not post its card in this chat just now. Type /actions to see it, or /close A-1 when it is done.' });
    expect(await listed()).toEqual(['A-1 | please circulate the audit findings | No date']);
  });
});

describe('bad input gets a clear answer in the dialog and saves nothing', () => {
  test('no messagePayload, or one that cannot be read, opens an empty form that says so', async () => {
    const missing = formOf((await invoke(board.chat.fetchTask(board.sarah, { context: 'message', messagePayload: null }))).reply);
    expect(cardText(missing)).toContain('Teams sent no message with this request, so the form starts empty: describe the action below.');
    const unreadable = formOf((await invoke(board.chat.fetchTask(board.sarah, { context: 'message', messagePayload: { body: { content: 42 } } }))).reply);
    expect(cardText(unreadable)).toContain('Teams sent that message in a form I could not read, so the form starts empty: describe the action below.');
    expect(formValues(unreadable).text).toBe('');
  });

  test('a message from another chat, or a form from another chat or tenant, is refused', async () => {
    const elsewhere = new TeamsChat(board.harness.connector.url);
    const otherTenant = new TeamsChat(board.harness.connector.url, 'tenant-b', { conversationId: board.chat.conversationId });
    board.harness.connector.setMembers(elsewhere.conversationId, board.people);
    const foreignMessage = elsewhere.messagePayload(board.nicki, 'Planted text', board.people);
    const refusal = { kind: 'message', text: 'That belongs to another chat, so nothing was saved. Open Create action from the chat it came from.' };
    expect((await invoke(board.chat.fetchTask(board.sarah, { context: 'message', messagePayload: foreignMessage }))).reply).toEqual(refusal);

    const form = formOf((await invoke(board.chat.fetchTask(board.sarah, { context: 'compose' }))).reply);
    const data = { ...findSubmit(form), text: 'Planted', owners: board.ellen.aadObjectId };
    for (const chat of [elsewhere, otherTenant]) {
      const { reply, sent } = await invoke(chat.submitAction(board.sarah, { context: 'message', data }));
      expect(reply).toEqual(refusal);
      expect(sent).toEqual([]);
    }
    expect(await listed()).toEqual([]);
  });

  test.each([
    ['no form id', (data: Record<string, unknown>) => ({ ...data, formId: undefined }), 'This form is missing information I need. Close it and choose Create action again.'],
    ['a form id that is not text', (data: Record<string, unknown>) => ({ ...data, formId: { id: 1 } }), 'This form is missing information I need.'],
    ['text that is a number', (data: Record<string, unknown>) => ({ ...data, text: 42 }), 'Describe the action in the text box.'],
    ['no text', (data: Record<string, unknown>) => ({ ...data, text: '  ' }), 'Describe the action in the text box.'],
    ['a 20,000-character text', (data: Record<string, unknown>) => ({ ...data, text: 'x'.repeat(20000) }), `Actions can be at most ${LIMITS.textLength} characters; that one has 20000.`],
    ['owners sent as a list', (data: Record<string, unknown>) => ({ ...data, owners: ['x'] }), 'Choose the owners from the list.'],
    ['nobody chosen', (data: Record<string, unknown>) => ({ ...data, owners: '' }), 'Choose at least one owner.'],
    ['eleven owners', (data: Record<string, unknown>) => ({ ...data, owners: Array.from({ length: 11 }, (_, index) => `id-${index}`).join(',') }), 'An action can have at most 10 owners.'],
    ['a 31st of February', (data: Record<string, unknown>) => ({ ...data, due: '2019-02-31' }), 'Pick the due date with the date picker (or leave it empty).'],
    ['a due date that is a number', (data: Record<string, unknown>) => ({ ...data, due: 20190320 }), 'Pick the due date with the date picker (or leave it empty).'],
    ['data that is not an object', () => 'text', 'This form is missing information I need.'],
  ])('%s', async (_name, spoil, message) => {
    const form = formOf((await invoke(board.chat.fetchTask(board.sarah, { context: 'compose' }))).reply);
    const good = { ...findSubmit(form), text: 'Book the room', owners: board.ellen.aadObjectId };
    const { reply, sent } = await invoke(board.chat.submitAction(board.sarah, { context: 'message', data: spoil(good) }));
    const shown = reply.kind === 'dialog' ? cardText(reply.card).join('\n') : reply.kind === 'message' ? reply.text : JSON.stringify(reply);
    expect(shown).toContain(message);
    expect(sent).toEqual([]);
    expect(await listed()).toEqual([]);
  });

  test('an unknown command, or none, is answered in words, not with an error', async () => {
    for (const activity of [board.chat.fetchTask(board.sarah, { commandId: 'toString' }), { ...board.chat.submitAction(board.sarah), value: 'nonsense' }]) {
      const { reply } = await invoke(activity);
      expect(reply).toEqual({ kind: 'message', text: 'That command is not one I know (the app may have been updated). Close this and choose it again from the menu.' });
    }
  });
});
