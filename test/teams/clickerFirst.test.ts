import { CARD_VERBS } from '../../src/cards/verbs';
import { cardOf, invokeCard } from '../../testkit/botHarness';
import { cardText, findExecute } from '../../testkit/cardText';
import { useBoardChatPerTest, type BoardChat } from './chatFixture';

// Teams gives an Action.Execute a few seconds: the clicker's answer must not wait for the other
// copies of the card to be redrawn, let alone for Teams' retries of them.

let board: BoardChat;
useBoardChatPerTest((started) => (board = started));

test('Close answers the clicker while the shared copy is still failing to update, and the copy is redrawn after, in the background', async () => {
  await board.harness.post(board.chat.message(board.sarah, '/action Report back to WSCB after the inquest EF by Friday', board.people));
  const [posted] = board.harness.take();
  const card = cardOf(posted);
  const close = findExecute(card, CARD_VERBS.close);
  if (!posted?.newId || !close) throw new Error('no action card');
  const copyUpdates = new RegExp(`^PUT /v3/conversations/.+/activities/${posted.newId}$`);
  // The shared copy's update keeps failing for a while (502 three times, each answered slowly).
  board.harness.connector.delayNext(copyUpdates, 300, 3);
  board.harness.connector.failNext(copyUpdates, 502, 3);

  const answer = await board.harness.postAndAnswer(board.chat.cardAction(board.ellen, CARD_VERBS.close, close.data, posted.newId));
  expect(answer.status).toBe(200);
  expect(cardText(invokeCard(answer.body))).toEqual(expect.arrayContaining(['Closed. Everyone in the chat now sees it closed.', 'Action A-1 | Closed']));
  // Answered before any update of the copy got through.
  expect(board.harness.connector.updatesIn(board.chat.conversationId)).toEqual([]);

  await board.harness.bot.idle();
  expect(board.harness.connector.failed.filter((request) => copyUpdates.test(request))).toHaveLength(3);
  const [update, ...more] = board.harness.connector.updatesIn(board.chat.conversationId);
  expect(more).toEqual([]);
  expect(cardText(cardOf(update))).toContain('Action A-1 | Closed');
});

test('/close A-1 answers in the chat without waiting for the card to be redrawn', async () => {
  await board.harness.post(board.chat.message(board.sarah, '/action Report back to WSCB after the inquest EF by Friday', board.people));
  const [posted] = board.harness.take();
  board.harness.connector.delayNext(/^PUT /, 300, 3);
  board.harness.connector.failNext(/^PUT /, 502, 3);
  const answer = await board.harness.postAndAnswer(board.chat.message(board.ellen, '/close A-1 Letter sent', board.people));
  expect(answer.status).toBe(200);
  expect(board.harness.connector.messagesIn(board.chat.conversationId).map((sent) => sent.body['text']).at(-1)).toBe(
    'Closed A-1 (Report back to WSCB after the inquest).',
  );
  expect(board.harness.connector.updatesIn(board.chat.conversationId)).toEqual([]);
  await board.harness.bot.idle();
  expect(board.harness.connector.updatesIn(board.chat.conversationId).map((update) => update.activityId)).toEqual([posted?.newId]);
});
