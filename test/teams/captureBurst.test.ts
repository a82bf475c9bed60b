/**
 * Many captures in one chat at the same moment: each is numbered once, in some order, and none is
 * lost to the race for the chat's counter (the store waits for the disk between commit and answer,
 * so a race left to the etag alone could run out of attempts).
 */
import { cardOf, startHarness, type BotHarness } from '../../testkit/botHarness';
import { cardText } from '../../testkit/cardText';
import { FixedClock } from '../../src/domain/clock';
import { chatPerson, TeamsChat } from '../../testkit/teamsChat';

let harness: BotHarness;
const derek = chatPerson('Derek Benson');
const ellen = chatPerson('Ellen Footman');
const people = [derek, ellen];

beforeAll(async () => {
  harness = await startHarness({ clock: new FixedClock('2019-03-13T14:00:00.000Z') });
});
afterAll(async () => {
  await harness.stop();
});

test('sixteen /actions sent at once in one chat are all captured, numbered A-1 to A-16', async () => {
  const chat = new TeamsChat(harness.connector.url);
  harness.connector.setMembers(chat.conversationId, people);
  expect((await harness.post(chat.message(derek, '/action Warm the chat up EF', people))).status).toBe(200);
  harness.take();

  const answers = await Promise.all(Array.from({ length: 16 }, (_, index) => harness.post(chat.message(derek, `/action Burst ${index} EF by Friday`, people))));

  expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 16 }, () => 200));
  expect(harness.turnErrors).toEqual([]);
  const refs = harness
    .take()
    .filter((sent) => sent.kind === 'send' || sent.kind === 'reply')
    .map((sent) => cardText(cardOf(sent)).find((line) => /^Action A-\d+/.test(line)));
  expect(refs.sort()).toEqual(Array.from({ length: 16 }, (_, index) => `Action A-${index + 2} | Open`).sort());
});
