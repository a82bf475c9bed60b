import { randomUUID } from 'node:crypto';
import { cardOf } from '../../testkit/botHarness';
import { cardText } from '../../testkit/cardText';
import { chatPerson, TeamsChat } from '../../testkit/teamsChat';
import type { ActionLogResponse, ChangeResponse, MyActionsResponse } from '../../src/web/tabApiTypes';
import { startTabBoard, TAB_RESOURCE, type TabBoard } from './tabFixture';

let board: TabBoard;
beforeEach(async () => {
  board = await startTabBoard();
});
afterEach(async () => {
  await board.stop();
});

type Person = { aadObjectId: string; name: string };

/** A Teams SSO token for a person in the chat's tenant (or another). */
function tokenFor(person: Person, claims: Partial<Parameters<TabBoard['entra']['token']>[0]> = {}) {
  return board.entra.token({ tenantId: board.chat.tenantId, userId: person.aadObjectId, name: person.name, ...claims });
}

async function call(path: string, token: string | undefined, init: { method?: string; body?: unknown; etag?: string } = {}) {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers['authorization'] = token.includes(' ') ? token : `Bearer ${token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.etag) headers['if-none-match'] = init.etag;
  const response = await fetch(`${board.harness.bot.server.url}${path}`, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  const text = await response.text();
  return { status: response.status, etag: response.headers.get('etag') ?? undefined, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

const logPath = (chat: TeamsChat = board.chat) => `/api/tabs/log?chat=${encodeURIComponent(chat.conversationId)}`;

async function close(person: Person, actionId: string, requestId: string, note?: string) {
  return call('/api/tabs/change', await tokenFor(person), { method: 'POST', body: { chatId: board.chat.conversationId, actionId, requestId, change: { kind: 'close', ...(note ? { note } : {}) } } });
}

describe('sign-in', () => {
  test('a request without a token, or with a token that is not good, is refused with 401 and says why', async () => {
    await board.capture('/action Report back to WSCB after the inquest EF by Friday');
    const refusals: Array<[string | undefined, RegExp]> = [
      [undefined, /Sign in first/],
      ['Bearer not-a-jwt', /names no tenant|not valid/],
      [await tokenFor(board.ellen, { expiresIn: -600 }), /expired/],
      [await tokenFor(board.ellen, { audience: 'api://someone-else.example.org/other' }), /not for this app/],
      [await tokenFor(board.ellen, { foreignKey: true }), /not signed by Microsoft Entra ID/],
      [await tokenFor(board.ellen, { issuer: 'https://login.example.com/evil/v2.0' }), /not for this app \(iss/],
      [await tokenFor(board.ellen, { scope: 'User.Read' }), /does not grant access_as_user/],
      // The development sign-in is off: this bot has Teams SSO.
      [`Dev ${Buffer.from(JSON.stringify({ tenantId: board.chat.tenantId, userId: board.ellen.aadObjectId, name: 'Ellen' })).toString('base64url')}`, /only for a bot in local mode/],
    ];
    for (const [token, reason] of refusals) {
      const answer = await call(logPath(), token);
      expect({ status: answer.status, error: answer.body?.['error'] }).toEqual({ status: 401, error: expect.stringMatching(reason) });
    }
  });

  test('a v1.0 token addressed to the Application ID URI is accepted as well as a v2.0 one for the client id', async () => {
    const v1 = await tokenFor(board.ellen, { audience: TAB_RESOURCE, issuer: `${board.entra.url}/${board.chat.tenantId}/v2.0` });
    expect((await call(logPath(), v1)).status).toBe(200);
    expect((await call(logPath(), await tokenFor(board.ellen))).status).toBe(200);
  });
});

describe('who may see a chat', () => {
  test('a member sees the chat\'s action log: open actions by owner, overdue first', async () => {
    await board.capture('/action Circulate the SCR briefing EF', board.sarah, '2019-03-01');
    await board.capture('/action Report back after the inquest EF by Friday');
    await board.capture('/action Update the audit tool NP');
    const answer = await call(logPath(), await tokenFor(board.nicki));
    expect(answer.status).toBe(200);
    const log = answer.body as unknown as ActionLogResponse;
    expect(log.chat.title).toBe('Safeguarding Children Board');
    expect(log.viewer).toEqual({ id: board.nicki.aadObjectId, name: 'Nicki Pettitt', isChair: false });
    const groups = log.openByOwner.map((group) => [group.owner.name, group.actionIds.map((id) => `${log.actions[id]?.ref} ${log.actions[id]?.dueLabel}`)]);
    expect(groups).toEqual([
      ['Ellen Footman', ['A-1 Fri 1 Mar 2019 (overdue)', 'A-2 Fri 15 Mar 2019']],
      ['Nicki Pettitt', ['A-3 No due date']],
    ]);
    expect(log.actions[log.openByOwner[1]?.actionIds[0] ?? '']).toMatchObject({ mine: true, canManage: true });
    expect(log.actions[log.openByOwner[0]?.actionIds[0] ?? '']).toMatchObject({ mine: false, canManage: false });
    expect(log.meeting?.label).toBe('This meeting · Wed 13 Mar 2019');
    expect(log.meeting?.actionIds.map((id) => log.actions[id]?.ref)).toEqual(['A-1', 'A-2', 'A-3']);
  });

  test('someone not in the chat gets 403 and nothing else, even after the roster is re-read; another chat\'s member too', async () => {
    await board.capture('/action Report back after the inquest EF by Friday');
    const olivia = chatPerson('Olivia Outsider');
    const otherChat = new TeamsChat(board.harness.connector.url, board.chat.tenantId);
    board.harness.connector.setMembers(otherChat.conversationId, [olivia]);
    await board.say('/action Her own action OO', olivia, otherChat);
    expect((await call(logPath(otherChat), await tokenFor(olivia))).status).toBe(200);

    const refused = await call(logPath(), await tokenFor(olivia));
    expect(refused).toEqual({ status: 403, etag: undefined, body: { error: "This action log is only for members of the meeting's chat." } });
    // And her own chat is not open to Ellen.
    expect((await call(logPath(otherChat), await tokenFor(board.ellen))).body).toEqual({ error: "This action log is only for members of the meeting's chat." });
  });

  test('another tenant\'s token never reaches this chat, even for the same person id', async () => {
    await board.capture('/action Report back after the inquest EF by Friday');
    const answer = await call(logPath(), await tokenFor(board.ellen, { tenantId: randomUUID() }));
    expect(answer).toEqual({ status: 403, etag: undefined, body: { error: "This action log is only for members of the meeting's chat." } });
  });

  test('someone who joined the chat since the roster was read is let in after one re-read from Teams', async () => {
    await board.capture('/action Report back after the inquest EF by Friday');
    const hazel = chatPerson('Hazel Harding');
    board.harness.connector.setMembers(board.chat.conversationId, [...board.people, hazel]);
    // Within a minute of the last read the roster is not read again (a refused page polls), so she waits…
    expect((await call(logPath(), await tokenFor(hazel))).status).toBe(403);
    // …and a minute on, Teams is asked again and she is in.
    board.clock.set('2019-03-13T14:02:00.000Z');
    const answer = await call(logPath(), await tokenFor(hazel));
    expect(answer.status).toBe(200);
    const series = await board.harness.bot.storage.chats.getSeries(board.chat);
    expect(series?.value.members.map((member) => member.name)).toContain('Hazel Harding');
  });
});

describe('changes from a page', () => {
  test('the owner closes with a note: the chat\'s card is redrawn closed; the same request again changes nothing more', async () => {
    const { messageId, actionId } = await board.capture('/action Report back to WSCB after the inquest EF by Friday');
    const requestId = randomUUID();
    const first = await close(board.ellen, actionId, requestId, 'Reported to the March board.');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ outcome: 'changed', message: 'Closed. Everyone in the chat now sees it closed.', action: { ref: 'A-1', status: 'closed' } });
    const updates = board.harness.take().filter((sent) => sent.kind === 'update');
    expect(updates.map((update) => [update.conversationId, update.activityId])).toEqual([[board.chat.conversationId, messageId]]);
    expect(cardText(cardOf(updates[0]))).toEqual(expect.arrayContaining(['Action A-1 | Closed', 'Wed 13 Mar 2019 · Ellen Footman: Reported to the March board. Action closed.']));

    // A retried request (the page lost the answer) or a double click: same id, nothing more.
    const again = await close(board.ellen, actionId, requestId, 'Reported to the March board.');
    expect(again.body).toMatchObject({ outcome: 'unchanged', message: 'That change was already made.' });
    expect(board.harness.take()).toEqual([]);
    // A new request to close it again is told it is closed.
    const later = await close(board.derek, actionId, randomUUID());
    expect((later.body as unknown as ChangeResponse).message).toBe('A-1 was already closed by Ellen Footman.');
    const history = (await board.harness.bot.storage.chats.getAction(board.chat, actionId))?.value.history.map((event) => event.kind);
    expect(history).toEqual(['created', 'closed']);
  });

  test('an update sent twice with one request id is recorded once; anyone in the chat may add one', async () => {
    const { actionId } = await board.capture('/action Report back after the inquest EF by Friday');
    const body = { chatId: board.chat.conversationId, actionId, requestId: randomUUID(), change: { kind: 'update', note: 'Inquest date confirmed for May.' } };
    const token = await tokenFor(board.nicki);
    const [one, two] = await Promise.all([call('/api/tabs/change', token, { method: 'POST', body }), call('/api/tabs/change', token, { method: 'POST', body })]);
    expect([one.status, two.status]).toEqual([200, 200]);
    expect([one.body?.['outcome'], two.body?.['outcome']].sort()).toEqual(['changed', 'unchanged']);
    const history = (await board.harness.bot.storage.chats.getAction(board.chat, actionId))?.value.history ?? [];
    expect(history.filter((event) => event.kind === 'update').map((event) => `${event.by.name}: ${event.note}`)).toEqual(['Nicki Pettitt: Inquest date confirmed for May.']);
  });

  test('a member who is neither owner nor chair cannot close or re-date, and is told why; the chair can', async () => {
    const { actionId } = await board.capture('/action Report back after the inquest EF by Friday');
    const refused = await close(board.nicki, actionId, randomUUID());
    expect(refused).toMatchObject({ status: 403, body: { error: 'Only Ellen Footman or the chair can close A-1. You can add an update instead.' } });
    const redate = await call('/api/tabs/change', await tokenFor(board.nicki), { method: 'POST', body: { chatId: board.chat.conversationId, actionId, requestId: randomUUID(), change: { kind: 'due', due: '2019-04-01' } } });
    expect(redate.status).toBe(403);
    expect(board.harness.take().filter((sent) => sent.kind === 'update')).toEqual([]);
    const byChair = await call('/api/tabs/change', await tokenFor(board.derek), { method: 'POST', body: { chatId: board.chat.conversationId, actionId, requestId: randomUUID(), change: { kind: 'due', due: '2019-04-01' } } });
    expect(byChair.body).toMatchObject({ outcome: 'changed', message: 'Due date changed.', action: { dueLabel: 'Mon 1 Apr 2019' } });
  });

  test('bad input is refused with what to fix and changes nothing; another chat\'s action cannot be reached', async () => {
    const { actionId } = await board.capture('/action Report back after the inquest EF by Friday');
    const token = await tokenFor(board.ellen);
    const bad: Array<[unknown, RegExp]> = [
      [{ chatId: board.chat.conversationId, actionId, change: { kind: 'close' } }, /no request id/],
      [{ chatId: board.chat.conversationId, actionId, requestId: randomUUID(), change: { kind: 'update', note: '  ' } }, /Write the update first/],
      [{ chatId: board.chat.conversationId, actionId, requestId: randomUUID(), change: { kind: 'due', due: '2019-02-30' } }, /date picker/],
      [{ chatId: board.chat.conversationId, actionId, requestId: randomUUID(), change: { kind: 'update', note: 'x'.repeat(2001) } }, /at most 2000/],
      [{ chatId: board.chat.conversationId, actionId, requestId: randomUUID(), change: { kind: 'delete' } }, /do not know/],
      ['not json at all', /names no action/],
    ];
    for (const [body, reason] of bad) {
      const answer = await call('/api/tabs/change', token, { method: 'POST', body });
      expect({ status: answer.status, error: answer.body?.['error'] }).toEqual({ status: 400, error: expect.stringMatching(reason) });
    }
    const otherChat = new TeamsChat(board.harness.connector.url, board.chat.tenantId);
    const elsewhere = await call('/api/tabs/change', token, { method: 'POST', body: { chatId: otherChat.conversationId, actionId, requestId: randomUUID(), change: { kind: 'close' } } });
    expect(elsewhere.status).toBe(403);
    expect((await board.harness.bot.storage.chats.getAction(board.chat, actionId))?.value.status).toBe('open');
  });
});

describe('polling', () => {
  test('an unchanged log answers 304; a close made in the chat shows on the next poll', async () => {
    await board.capture('/action Report back after the inquest EF by Friday');
    const token = await tokenFor(board.sarah);
    const first = await call(logPath(), token);
    expect(first.etag).toBeDefined();
    expect((await call(logPath(), token, { etag: first.etag })).status).toBe(304);

    await board.say('/close A-1 Reported back', board.ellen);
    // Polls of one chat share a read for a moment; the close shows once that passes.
    let answer = await call(logPath(), token, { etag: first.etag });
    for (let tries = 0; answer.status === 304 && tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await call(logPath(), token, { etag: first.etag });
    }
    const log = answer.body as unknown as ActionLogResponse;
    expect(log.openByOwner).toEqual([]);
    expect(log.closedSinceLastMeeting.actionIds.map((id) => log.actions[id]?.closed)).toEqual(['Closed by Ellen Footman · Wed 13 Mar 2019']);
  });
});

describe('My actions', () => {
  test('lists the open actions a person owns across their chats, overdue first, and nobody else\'s', async () => {
    await board.capture('/action Report back after the inquest EF by Friday');
    await board.capture('/action Circulate the SCR briefing EF', board.sarah, '2019-03-01');
    await board.capture('/action Update the audit tool NP');
    const otherChat = new TeamsChat(board.harness.connector.url, board.chat.tenantId);
    board.harness.connector.setMembers(otherChat.conversationId, board.people);
    await board.say('/action Book the venue EF by 20 March 2019', board.sarah, otherChat);
    const answer = await call('/api/tabs/mine', await tokenFor(board.ellen));
    expect(answer.status).toBe(200);
    const mine = answer.body as unknown as MyActionsResponse;
    expect(mine.actions.map((action) => `${action.ref} ${action.text} · ${action.dueLabel}`)).toEqual([
      'A-2 Circulate the SCR briefing · Fri 1 Mar 2019 (overdue)',
      'A-1 Report back after the inquest · Fri 15 Mar 2019',
      'A-1 Book the venue · Wed 20 Mar 2019',
    ]);
    expect(mine.actions.every((action) => action.canManage && action.mine)).toBe(true);
  });
});
