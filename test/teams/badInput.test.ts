import { CARD_VERBS } from '../../src/cards/verbs';
import { LIMITS } from '../../src/domain/limits';
import { ConcurrencyError } from '../../src/store/storeErrors';
import { cardOf, invokeCard, textOf } from '../../testkit/botHarness';
import { cardText, findExecute } from '../../testkit/cardText';
import { BOT_ACCOUNT, chatPerson, TeamsChat, type ChatPerson } from '../../testkit/teamsChat';
import { adaptiveCardProblems } from '../../testkit/validateCard';
import { installBot, startBoardChat, type BoardChat } from './chatFixture';

// What people (and clients) get wrong, through the real endpoint: every mistake gets an answer that
// says what to do, nothing half-saved, and no failed turn.

let board: BoardChat;
beforeEach(async () => {
  board = await startBoardChat();
  await installBot(board);
});
afterEach(async () => {
  jest.restoreAllMocks();
  expect(board.harness.turnErrors).toEqual([]);
  await board.harness.stop();
});

/** Sends a chat message and returns the new messages the bot posted (not card updates). */
async function say(text: string, from: ChatPerson = board.sarah) {
  const response = await board.harness.post(board.chat.message(from, text, board.people));
  expect(response.status).toBe(200);
  return board.harness.take().filter((sent) => sent.kind === 'send' || sent.kind === 'reply');
}

/** The lines of /actions that list an action. */
async function listedActions(): Promise<string[]> {
  const [list] = await say('/actions');
  return cardText(cardOf(list)).filter((line) => /^A-\d+ \|/.test(line));
}

/** Captures an action owned by Ellen and returns its posted card and message id. */
async function captureEllensAction(text = 'Report back to WSCB after the inquest') {
  const [posted] = await say(`/action ${text} EF by Friday`);
  const card = cardOf(posted);
  if (!card || !posted?.newId) throw new Error('no action card was posted');
  return { card, messageId: posted.newId };
}

/** Posts an `adaptiveCard/action` invoke and returns the HTTP status and the answering card's lines. */
async function invoke(activity: Record<string, unknown>) {
  const response = await board.harness.post(activity);
  const card = invokeCard(response.body);
  return { status: response.status, card, lines: cardText(card), sent: board.harness.take() };
}

/** What the chair sees on the action's card right now (its full state, history included). */
async function currentCard(card: Record<string, unknown>, messageId: string): Promise<string[]> {
  const refresh = findExecute(card, CARD_VERBS.refresh);
  if (!refresh) throw new Error('card has no refresh action');
  const { lines } = await invoke(board.chat.cardAction(board.derek, CARD_VERBS.refresh, refresh.data, messageId));
  return lines;
}

/** The data a button on the card sends, before the user's inputs are merged in. */
function buttonData(card: Record<string, unknown>, verb: string): Record<string, unknown> {
  const execute = findExecute(card, verb);
  if (!execute) throw new Error(`card has no ${verb} button`);
  return execute.data;
}

/** A button's data as Ellen finds it: Reassign's own button is on her copy after she clicks Reassign. */
async function buttonDataOf(card: Record<string, unknown>, verb: string, messageId: string): Promise<Record<string, unknown>> {
  if (verb !== CARD_VERBS.reassign) return buttonData(card, verb);
  const picker = await invoke(board.chat.cardAction(board.ellen, CARD_VERBS.reassignPick, buttonData(card, CARD_VERBS.reassignPick), messageId));
  return buttonData(picker.card ?? {}, CARD_VERBS.reassign);
}

/** The TextRuns of the card's RichTextBlocks: where user text is drawn, never parsed as markdown. */
function textRuns(card: unknown): string[] {
  const runs: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record['type'] === 'TextRun') runs.push(String(record['text']));
    Object.values(record).forEach(visit);
  };
  visit(card);
  return runs;
}

describe('/action with text that is missing, too long or unusual', () => {
  test('an empty /action answers with the form and saves nothing', async () => {
    const [reply, ...more] = await say('/action');
    expect(more).toEqual([]);
    const card = cardOf(reply);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(cardText(card)).toEqual(expect.arrayContaining(['New action', 'Item: No item']));
    expect(findExecute(card, CARD_VERBS.create)).toBeDefined();
    expect(await listedActions()).toEqual([]);
  });

  test('a 20,000-character action is refused with the limit, and nothing is saved', async () => {
    const long = 'Review the safeguarding audit findings in full detail. '.repeat(400).slice(0, 20000);
    const [reply, ...more] = await say(`/action ${long} EF`);
    expect(more).toEqual([]);
    expect(textOf(reply)).toContain(`the limit is ${LIMITS.textLength}`);
    expect(textOf(reply)).toContain('Shorten it');
    expect(await listedActions()).toEqual([]);
    // The refusal did not use up a number: the next action is A-1.
    await captureEllensAction();
    expect(await listedActions()).toEqual(['A-1 | Report back to WSCB after the inquest | Fri 15 Mar 2019']);
  });

  test('emoji and right-to-left text are saved and shown exactly as typed', async () => {
    const texts = ['Send 🎉 thanks to the café team 👩🏽‍⚕️', 'إرسال التقرير إلى المجلس', 'לשלוח את הדוח לוועדה'];
    for (const text of texts) {
      const [reply] = await say(`/action ${text} EF`);
      expect(textRuns(cardOf(reply))).toContain(text);
    }
    expect(await listedActions()).toEqual(texts.map((text, index) => `A-${index + 1} | ${text} | No date`));
  });

  test('HTML formatting is stripped and markdown is kept as literal characters in a TextRun', async () => {
    // Teams sends bold as <b>…</b>; what a person types as "<script>" arrives escaped as &lt;script&gt;.
    const [reply] = await say('/action Check <b>x</b> and **y** via [link](http://evil) &lt;script&gt;alert(1)&lt;/script&gt; EF');
    const card = cardOf(reply);
    expect(adaptiveCardProblems(card)).toEqual([]);
    const expected = 'Check x and **y** via [link](http://evil) <script>alert(1)</script>';
    expect(textRuns(card)).toContain(expected);
    // User text appears nowhere else, in particular not in a TextBlock, where Teams would render markdown.
    const body = JSON.stringify(card);
    expect(body.split('**y**')).toHaveLength(2);
    expect(body).not.toContain('<b>');
    // The text read by clients that cannot draw the card keeps the words and never makes a link or a tag.
    expect(card?.['fallbackText']).toContain('Check x and \\*\\*y\\*\\* via \\[link\\](http://evil) \\<script\\>alert(1)\\</script\\>');
    expect(card?.['speak']).toContain('Check x and y via link (http://evil) script alert(1) /script. Owner');
  });

  test('raw HTML tags sent by a client never reach the card', async () => {
    const [reply] = await say('/action <script>alert(1)</script><img src=x onerror=alert(2)>Tidy the <a href="http://evil">pack</a> EF');
    const runs = textRuns(cardOf(reply));
    expect(runs).toContain('alert(1)Tidy the pack');
    expect(runs.join('')).not.toMatch(/<[a-z/]/i);
  });

  test('text that looks like a card template expression is shown as typed', async () => {
    const [reply] = await say('/action Budget line ${total} and ${verbs.close} EF');
    const card = cardOf(reply);
    expect(textRuns(card)).toContain('Budget line ${total} and ${verbs.close}');
    expect(await listedActions()).toEqual(['A-1 | Budget line ${total} and ${verbs.close} | No date']);
  });
});

describe('/close and /update that cannot be followed', () => {
  test.each([
    ['/close', "Which action? Type the reference shown on the action's card, e.g. /close A-12 Letter sent. /actions lists them."],
    ['/close X-9', `"X-9" is not an action reference. Type the reference shown on the action's card, e.g. /close A-12 Letter sent. /actions lists them.`],
    ['/close A-99', "There is no action A-99 in this chat. Type /actions to see this chat's open actions."],
    ['/update A-1', 'What is the update? Type it after the reference, e.g. /update A-12 Draft circulated.'],
    ['/update A-1   ', 'What is the update? Type it after the reference, e.g. /update A-12 Draft circulated.'],
  ])('%s says what to type and changes nothing', async (command, answer) => {
    const { card, messageId } = await captureEllensAction();
    const before = await currentCard(card, messageId);
    const replies = await say(command, board.ellen);
    expect(replies.map(textOf)).toEqual([answer]);
    expect(board.harness.connector.updatesIn(board.chat.conversationId)).toEqual([]);
    expect(await currentCard(card, messageId)).toEqual(before);
    expect(await listedActions()).toEqual(['A-1 | Report back to WSCB after the inquest | Fri 15 Mar 2019']);
  });
});

test('replies that quote what someone typed are plain text, so markdown in it is shown, not followed', async () => {
  const quoted = [
    ...(await say('/close [x](http://evil.example)')),
    ...(await say(`<at>${BOT_ACCOUNT.name}</at> **shout**`)),
    ...(await say('/item 2.2 **Bold** [link](http://evil.example)')),
  ];
  expect(quoted.map(textOf)).toEqual([
    `"[x](http://evil.example)" is not an action reference. Type the reference shown on the action's card, e.g. /close A-12 Letter sent. /actions lists them.`,
    'I don\'t know "**shout**". Type /help to see what I can do.',
    'Now on item 2.2 **Bold** [link](http://evil.example). Actions and decisions from here on are filed under it.',
  ]);
  expect(quoted.map((reply) => reply.body['textFormat'])).toEqual(['plain', 'plain', 'plain']);
});

describe('card clicks with data that is missing, stale or forged', () => {
  test.each<[string, string, (data: Record<string, unknown>) => Record<string, unknown>, string]>([
    ['no data at all', CARD_VERBS.close, () => ({}), 'This card is missing information I need. Type /actions to get a fresh list, or /help.'],
    ['a numeric actionId', CARD_VERBS.close, (data) => ({ ...data, actionId: 42 }), 'This card is missing information I need.'],
    ['an impossible due date', CARD_VERBS.changeDue, (data) => ({ ...data, due: '31/02/2019' }), 'Pick the due date with the date picker (or leave it empty).'],
    ['a 31st of February in ISO form', CARD_VERBS.changeDue, (data) => ({ ...data, due: '2019-02-31' }), 'Pick the due date with the date picker (or leave it empty).'],
    ['an owner who is not in the chat', CARD_VERBS.reassign, (data) => ({ ...data, owners: 'aad-stranger' }), 'One of the people chosen is not a member of this chat.'],
    ['owners sent as a list, not text', CARD_VERBS.reassign, (data) => ({ ...data, owners: ['x'] }), 'Choose the owners from the list.'],
    ['a note that is not text', CARD_VERBS.update, (data) => ({ ...data, updateNote: { html: 'x' } }), 'The note must be text.'],
  ])('%s is answered with a card that explains, and nothing changes', async (_case, verb, forge, message) => {
    const { card, messageId } = await captureEllensAction();
    const before = await currentCard(card, messageId);
    const answer = await invoke(board.chat.cardAction(board.ellen, verb, forge(await buttonDataOf(card, verb, messageId)), messageId));
    expect(answer.status).toBe(200);
    expect(adaptiveCardProblems(answer.card)).toEqual([]);
    expect(answer.lines.join('\n')).toContain(message);
    expect(answer.sent).toEqual([]);
    expect(await currentCard(card, messageId)).toEqual(before);
  });

  test.each(['action.bogus', 'toString', 'constructor', '__proto__', 42])('an unknown verb (%p) is answered with a card that explains', async (verb) => {
    const { card, messageId } = await captureEllensAction();
    const activity = board.chat.cardAction(board.ellen, 'placeholder', buttonData(card, CARD_VERBS.close), messageId);
    (activity['value'] as { action: { verb: unknown } }).action.verb = verb;
    const answer = await invoke(activity);
    expect(answer.status).toBe(200);
    expect(answer.lines).toEqual([
      'Nothing was changed',
      'This button is not one I know (the card may be from an older version). Type /help to see what I can do.',
    ]);
    expect(await currentCard(card, messageId)).toContain('Action A-1 | Open');
  });

  test('an invoke with no value at all is answered, not failed', async () => {
    const activity = board.chat.cardAction(board.ellen, CARD_VERBS.close, {});
    delete activity['value'];
    const answer = await invoke(activity);
    expect(answer.status).toBe(200);
    expect(answer.lines).toContain('Nothing was changed');
  });

  test('a click whose seriesId belongs to another chat is refused', async () => {
    const { card, messageId } = await captureEllensAction();
    const other = new TeamsChat(board.harness.connector.url);
    board.harness.connector.setMembers(other.conversationId, board.people);
    await board.harness.post(other.message(board.ellen, '/action Unrelated task EF', board.people));
    const theirCard = cardOf(board.harness.take()[0]);
    if (!theirCard) throw new Error('no card in the other chat');
    // Our action's id, with the other chat's series: the card data does not hang together.
    const forged = { ...buttonData(card, CARD_VERBS.close), seriesId: buttonData(theirCard, CARD_VERBS.close)['seriesId'] };
    const answer = await invoke(board.chat.cardAction(board.ellen, CARD_VERBS.close, forged, messageId));
    expect(answer.status).toBe(200);
    expect(answer.lines.join('\n')).toContain('That action belongs to another chat, so it cannot be changed from here.');
    expect(await currentCard(card, messageId)).toContain('Action A-1 | Open');
  });

  test('a click from another tenant\'s chat on this chat\'s action is refused and changes nothing', async () => {
    const { card, messageId } = await captureEllensAction();
    const elsewhere = new TeamsChat(board.harness.connector.url, 'tenant-b');
    const mallory = chatPerson('Mallory Other');
    board.harness.connector.setMembers(elsewhere.conversationId, [mallory]);
    for (const verb of [CARD_VERBS.close, CARD_VERBS.update, CARD_VERBS.reassign, CARD_VERBS.changeDue, CARD_VERBS.refresh]) {
      const inputs = { closeNote: 'Closed from outside', updateNote: 'Injected', owners: mallory.aadObjectId, due: '2030-01-01' };
      const answer = await invoke(elsewhere.cardAction(mallory, verb, { ...buttonData(card, CARD_VERBS.close), ...inputs }, messageId));
      expect(answer.status).toBe(200);
      expect(answer.lines.join('\n')).toContain('another chat');
      expect(answer.sent).toEqual([]);
    }
    const after = await currentCard(card, messageId);
    expect(after).toEqual(expect.arrayContaining(['Action A-1 | Open', 'Owner: Ellen Footman (EF)', 'Due: Fri 15 Mar 2019']));
    expect(after.join('\n')).not.toMatch(/Injected|Mallory/);
  });

  test('a click in a 1:1 chat of another tenant, naming this chat, is refused', async () => {
    const { card, messageId } = await captureEllensAction();
    const elsewhere = new TeamsChat(board.harness.connector.url, 'tenant-b');
    const data = { ...buttonData(card, CARD_VERBS.close), conversationId: board.chat.conversationId };
    const activity = elsewhere.cardAction(board.ellen, CARD_VERBS.close, data, messageId);
    // A reminder card in someone's 1:1 chat: the tenant still comes from the activity, not the card.
    (activity['conversation'] as Record<string, unknown>)['conversationType'] = 'personal';
    const answer = await invoke(activity);
    expect(answer.status).toBe(200);
    expect(answer.lines.join('\n')).toContain('another chat');
    expect(answer.sent).toEqual([]);
    expect(await currentCard(card, messageId)).toContain('Action A-1 | Open');
  });

  test('a form whose seriesId belongs to another chat saves nothing', async () => {
    const [form] = await say('/action');
    const formCard = cardOf(form);
    if (!formCard || !form?.newId) throw new Error('no form');
    const elsewhere = new TeamsChat(board.harness.connector.url, 'tenant-b');
    const answer = await invoke(
      elsewhere.cardAction(board.sarah, CARD_VERBS.create, { ...buttonData(formCard, CARD_VERBS.create), text: 'Planted', owners: board.ellen.aadObjectId }, form.newId),
    );
    expect(answer.lines.join('\n')).toContain('This form belongs to another chat.');
    expect(await listedActions()).toEqual([]);
  });
});

describe('malformed activities', () => {
  /** A well-formed /action message with one field changed by `spoil`. */
  function spoiled(spoil: (activity: Record<string, unknown>) => void): () => Record<string, unknown> {
    return () => {
      const activity = board.chat.message(board.sarah, '/action Draft the letter EF', board.people);
      spoil(activity);
      return activity;
    };
  }

  test.each<[string, unknown, number]>([
    ['an empty object', {}, 400],
    ['a list instead of an activity', [], 400],
    ['a message with no conversation', spoiled((activity) => delete activity['conversation']), 400],
    ['a message with a conversation but no id', spoiled((activity) => (activity['conversation'] = { tenantId: 'tenant-a' })), 400],
    ['a message with no sender', spoiled((activity) => delete activity['from']), 400],
    ['a message with no recipient', spoiled((activity) => delete activity['recipient']), 400],
    ['a message with no serviceUrl', spoiled((activity) => delete activity['serviceUrl']), 400],
    ['a message with entities that are not a list', spoiled((activity) => (activity['entities'] = 'mention')), 400],
    // Not a command the bot can read, so, like ordinary chat, it gets no reply.
    ['a message whose text is not a string', spoiled((activity) => (activity['text'] = { html: '/action x' })), 200],
  ])('%s is refused without a server error, and the bot keeps serving', async (_case, body, status) => {
    const response = await board.harness.post((typeof body === 'function' ? body() : body) as Record<string, unknown>);
    expect(response.status).toBe(status);
    expect(board.harness.take()).toEqual([]);
    const health = await fetch(`${board.harness.bot.server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await listedActions()).toEqual([]);
    // Still serving commands after it.
    await captureEllensAction();
    expect(await listedActions()).toEqual(['A-1 | Report back to WSCB after the inquest | Fri 15 Mar 2019']);
  });

  test('a body that is not JSON is not a server error', async () => {
    const response = await fetch(`${board.harness.bot.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":"message",',
    });
    expect(response.status).toBe(400);
    expect((await fetch(`${board.harness.bot.server.url}/healthz`)).status).toBe(200);
  });
});

describe('two people changing one action at the same moment', () => {
  /**
   * Makes the next two reads of an action wait for each other, so two requests certainly start from
   * the same version and one of them loses the etag race; returns how many saves were rejected.
   */
  function readTogether(): { conflicts: () => number } {
    const store = board.harness.bot.storage.chats;
    const getSeriesAndAction = store.getSeriesAndAction.bind(store);
    const replaceAction = store.replaceAction.bind(store);
    const release: Array<() => void> = [];
    let held = 0;
    let conflicts = 0;
    jest.spyOn(store, 'getSeriesAndAction').mockImplementation(async (...args) => {
      const found = await getSeriesAndAction(...args);
      if (held < 2) {
        held += 1;
        if (held === 2) release.forEach((go) => go());
        else await new Promise<void>((resolve) => release.push(resolve));
      }
      return found;
    });
    jest.spyOn(store, 'replaceAction').mockImplementation(async (...args) => {
      try {
        return await replaceAction(...args);
      } catch (error) {
        if (error instanceof ConcurrencyError) conflicts += 1;
        throw error;
      }
    });
    return { conflicts: () => conflicts };
  }

  test('an update and a reassignment sent together both end up in the history', async () => {
    const { card, messageId } = await captureEllensAction();
    const reassignData = await buttonDataOf(card, CARD_VERBS.reassign, messageId);
    const race = readTogether();
    const [update, reassign] = await Promise.all([
      invoke(board.chat.cardAction(board.nicki, CARD_VERBS.update, { ...buttonData(card, CARD_VERBS.update), updateNote: 'Inquest date confirmed for May.' }, messageId)),
      invoke(board.chat.cardAction(board.ellen, CARD_VERBS.reassign, { ...reassignData, owners: board.sarah.aadObjectId }, messageId)),
    ]);
    expect(race.conflicts()).toBeGreaterThan(0);
    expect(update.lines).toContain('Update added.');
    expect(reassign.lines).toContain('Reassigned to Sarah Berry.');
    const after = await currentCard(card, messageId);
    expect(after).toEqual(
      expect.arrayContaining([
        'Owner: Sarah Berry (SB)',
        'Wed 13 Mar 2019 · Nicki Pettitt: Inquest date confirmed for May.',
        'Wed 13 Mar 2019 · Ellen Footman: Reassigned to Sarah Berry.',
      ]),
    );
  });

  test('the owner and the chair clicking Close together close it once', async () => {
    const { card, messageId } = await captureEllensAction();
    const race = readTogether();
    const answers = await Promise.all(
      [board.ellen, board.derek].map((person) => invoke(board.chat.cardAction(person, CARD_VERBS.close, buttonData(card, CARD_VERBS.close), messageId))),
    );
    expect(race.conflicts()).toBeGreaterThan(0);
    const notices = answers.map((answer) => answer.lines[0] ?? '');
    expect(notices.filter((line) => line === 'Closed. Everyone in the chat now sees it closed.')).toHaveLength(1);
    expect(notices.filter((line) => /^A-1 was already closed by (Ellen Footman|Derek Benson)\.$/.test(line))).toHaveLength(1);
    const after = await currentCard(card, messageId);
    expect(after.filter((line) => line.endsWith('Action closed.'))).toHaveLength(1);
    expect(await listedActions()).toEqual([]);
  });
});
