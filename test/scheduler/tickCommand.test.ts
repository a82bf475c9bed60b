import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock } from '../../src/domain/clock';
import { startHarness } from '../../testkit/botHarness';
import { FakeConnector } from '../../testkit/fakeConnector';
import { chatPerson, TeamsChat } from '../../testkit/teamsChat';
import { refusedBy, runScript } from '../http/entryPoint';
import { headline } from './schedulerFixture';

test('`npm run tick -- --at <instant>` runs one pass as of that instant and exits', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'meeting-actions-tick-'));
  const connector = await new FakeConnector().start();
  try {
    const chat = new TeamsChat(connector.url);
    const ellen = chatPerson('Ellen Footman');
    connector.setMembers(chat.conversationId, [ellen]);
    const bot = await startHarness({ dataDir, connector, clock: new FixedClock('2019-03-13T14:00:00.000Z') });
    await bot.post(chat.message(ellen, '/action Circulate the audit report EF by Monday', [ellen]));
    await bot.bot.stop();
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent' };

    // 2019 is years from the real clock: a pass as of then is run only when forced.
    const early = await runScript('scripts/tick.ts', ['--at', '2019-03-14T08:00:00Z', '--force'], env);
    expect(early.stdout).toContain('tick at 2019-03-14T08:00:00.000Z: 0 ran, 0 taken by another instance, 0 failed');
    expect(early.status).toBe(0);

    const due = await runScript('scripts/tick.ts', ['--at', '2019-03-14T09:00:00Z', '--force'], env);
    expect(due.stdout).toContain('tick at 2019-03-14T09:00:00.000Z: 1 ran');
    expect(due.status).toBe(0);
    expect(refusedBy(due.stderr)).toEqual([]);
    expect(connector.sent.filter((entry) => entry.kind !== 'update').map(headline).slice(-1)).toEqual(['Reminder: due in 4 days (Mon 18 Mar 2019).']);

    const bad = await runScript('scripts/tick.ts', ['--at', 'tomorrow'], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--at needs an ISO-8601 instant with its zone, e.g. --at 2019-03-13T09:00:00Z; got "tomorrow".');
  } finally {
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
