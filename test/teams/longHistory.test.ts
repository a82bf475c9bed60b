import { CARD_BUDGET_BYTES } from '../../src/cards/listPage';
import { CARD_VERBS } from '../../src/cards/verbs';
import { addUpdate } from '../../src/domain/actionTransitions';
import { createLogger } from '../../src/observability/logger';
import { createUseCases } from '../../src/services/useCases';
import { cardOf, invokeCard } from '../../testkit/botHarness';
import { cardText, findExecute } from '../../testkit/cardText';
import { useBoardChatPerTest, type BoardChat } from './chatFixture';

// Anyone may add any number of updates (each up to 2,000 characters) to an action, and a Cosmos
// document holds at most 2 MB: the record keeps its newest events and moves older ones to pages
// beside it, so an action with 5,000 updates can still be closed, and its minutes still say it all.

const UPDATES = 5000;

let board: BoardChat;
useBoardChatPerTest((started) => (board = started));

async function say(text: string, from = board.sarah) {
  await board.harness.post(board.chat.message(from, text, board.people));
  return board.harness.take().filter((sent) => sent.kind === 'send' || sent.kind === 'reply');
}

/** The text of update `index`: about 420 characters, so 5,000 of them are over 2 MB. */
function note(index: number): string {
  return `Update ${index}: the inquest office confirmed the papers were received and the coroner's list is being reviewed again this week`.padEnd(420, '.');
}

test(`an action with ${UPDATES.toLocaleString('en-GB')} updates stays a small record, can still be closed from its card, and the minutes report every update`, async () => {
  await board.harness.post(board.chat.installationUpdate(board.sarah));
  await say('/meeting start');
  const [posted] = (await say('/action Report back to WSCB after the inquest EF')).filter((sent) => cardOf(sent));
  const card = cardOf(posted);
  if (!posted?.newId || !card) throw new Error('no action card');
  board.clock.set('2019-03-13T17:00:00.000Z');
  await say('/meeting end');

  // Between the meetings: 5,000 updates from Nicki, a minute apart, through the real use-case and store
  // (5,000 messages through the endpoint would take hours at Teams' pace of 60 per 30 seconds).
  const useCases = createUseCases({ storage: board.harness.bot.storage, logger: createLogger('silent'), defaultTimeZone: 'Europe/London', chairDigestLeadHours: 24 });
  const key = { tenantId: board.chat.tenantId, conversationId: board.chat.conversationId };
  const actionId = String(findExecute(card, CARD_VERBS.close)?.data['actionId']);
  const nicki = { id: board.nicki.aadObjectId, name: board.nicki.name, teamsId: board.nicki.id };
  for (let index = 1; index <= UPDATES; index += 1) {
    const at = new Date(Date.parse('2019-03-14T09:00:00.000Z') + index * 60_000).toISOString();
    const result = await useCases.actions.change(key, { id: actionId }, { eventId: `update-${index}`, at, person: nicki }, (action, change) => addUpdate(action, change, note(index)));
    expect(result.kind).toBe('changed');
  }
  const stored = await board.harness.bot.storage.chats.getAction(key, actionId);
  const recordBytes = Buffer.byteLength(JSON.stringify(stored?.value), 'utf8');
  // All 5,000 in the record would be about 2.4 MB, past Cosmos DB's 2 MB.
  expect(recordBytes).toBeLessThan(100 * 1024);

  // The next meeting: Ellen closes it from its card, and the copy in the chat shows it closed.
  board.clock.set('2019-04-10T14:00:00.000Z');
  await say('/meeting start');
  const close = findExecute(card, CARD_VERBS.close);
  const answer = await board.harness.post(board.chat.cardAction(board.ellen, CARD_VERBS.close, { ...close?.data, closeNote: 'Reported to the April board.' }, posted.newId));
  expect(cardText(invokeCard(answer.body))).toEqual(expect.arrayContaining(['Closed. Everyone in the chat now sees it closed.', 'Action A-1 | Closed']));
  const [redrawn] = board.harness.take().filter((sent) => sent.kind === 'update');
  expect(cardText(cardOf(redrawn))).toContain('Action A-1 | Closed');
  expect(Buffer.byteLength(JSON.stringify(cardOf(redrawn)), 'utf8')).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
  board.clock.set('2019-04-10T17:00:00.000Z');
  await say('/meeting end');

  // The April minutes' action log reports every update since March, in order, and the close.
  const [minutes] = await say('/minutes');
  const links = ((cardOf(minutes)?.['actions'] as Array<{ url: string }> | undefined) ?? []).map((action) => action.url);
  const markdown = await (await fetch(links[1] ?? '')).text();
  const line = markdown.split('\n').find((candidate) => candidate.includes('Report back to WSCB after the inquest')) ?? '';
  const reported = [...line.matchAll(/Update (\d+): the inquest office/g)].map((match) => Number(match[1]));
  expect(reported).toEqual(Array.from({ length: UPDATES }, (_, index) => index + 1));
  expect(line).toMatch(/Reported to the April board\. Action closed\.$/);
});
