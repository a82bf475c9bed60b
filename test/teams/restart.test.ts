import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock } from '../../src/domain/clock';
import { cardOf, startHarness } from '../../testkit/botHarness';
import { cardText } from '../../testkit/cardText';
import { FakeConnector } from '../../testkit/fakeConnector';
import { chatPerson, TeamsChat } from '../../testkit/teamsChat';

test('actions captured before a restart are still there after it, and numbering continues', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'meeting-actions-restart-'));
  const connector = await new FakeConnector().start();
  const clock = new FixedClock('2019-03-13T14:00:00.000Z');
  const chat = new TeamsChat(connector.url);
  const derek = chatPerson('Derek Benson');
  connector.setMembers(chat.conversationId, [derek]);
  try {
    const first = await startHarness({ dataDir, connector, clock });
    await first.post(chat.message(derek, '/action Draft the letter DB by Friday', [derek]));
    expect(first.turnErrors).toEqual([]);
    await first.bot.stop();

    const second = await startHarness({ dataDir, connector, clock });
    await second.post(chat.message(derek, '/action Book the venue DB', [derek]));
    await second.post(chat.message(derek, '/actions', [derek]));
    const list = cardText(cardOf(connector.messagesIn(chat.conversationId).at(-1)));
    expect(list).toEqual(expect.arrayContaining(['A-1 | Draft the letter | Fri 15 Mar 2019', 'A-2 | Book the venue | No date']));
    expect(second.turnErrors).toEqual([]);
    await second.bot.stop();
  } finally {
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
