import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { FixedClock } from '../../src/domain/clock';
import { openStorage } from '../../src/store/openStorage';
import { startHarness } from '../../testkit/botHarness';
import { FakeConnector } from '../../testkit/fakeConnector';
import { chatPerson, TeamsChat } from '../../testkit/teamsChat';
import { runScript } from '../http/entryPoint';
import { headline } from './schedulerFixture';

// `npm run tick -- --at …` through the real script: only a real ISO-8601 instant, within a week of
// the real clock unless forced, and even a forced pass never moves a job past the real clock.

let dataDir: string;
let connector: FakeConnector;
const env = () => ({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'meeting-actions-tick-at-'));
  connector = await new FakeConnector().start();
});
afterEach(async () => {
  await connector.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Captures an action for Ellen, due a week from the real clock, through the bot (stopped again after). */
async function captureActionDueNextWeek(): Promise<{ due: string; ellensChat: string }> {
  const now = new Date().toISOString();
  const chat = new TeamsChat(connector.url);
  const ellen = chatPerson('Ellen Footman');
  connector.setMembers(chat.conversationId, [ellen]);
  const bot = await startHarness({ dataDir, connector, clock: new FixedClock(now) });
  const due = DateTime.fromISO(now, { zone: 'Europe/London' }).plus({ days: 7 }).toISODate() ?? '';
  await bot.post(chat.message(ellen, `/action Circulate the audit report EF by ${due}`, [ellen]));
  expect(bot.turnErrors).toEqual([]);
  await bot.bot.stop();
  return { due, ellensChat: `a:1${ellen.id.slice(3)}` };
}

test.each([
  ['2020-02-30T09:00:00Z', '--at 2020-02-30T09:00:00Z is not a real instant'],
  ['12', '--at needs an ISO-8601 instant with its zone, e.g. --at 2019-03-13T09:00:00Z; got "12".'],
  ['2019-03-13T09:00', '--at needs an ISO-8601 instant with its zone, e.g. --at 2019-03-13T09:00:00Z; got "2019-03-13T09:00".'],
  ['2019-03-13', '--at needs an ISO-8601 instant with its zone, e.g. --at 2019-03-13T09:00:00Z; got "2019-03-13".'],
])('--at %s is refused with a message and a non-zero exit, and nothing is sent', async (at, message) => {
  await captureActionDueNextWeek();
  const sentBefore = connector.sent.length;
  const result = await runScript('scripts/tick.ts', ['--at', at, '--force'], env());
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(message);
  expect(result.stdout).not.toContain('tick at');
  expect(connector.sent.length).toBe(sentBefore);
});

test('an instant far from the real clock is refused unless forced; a forced pass moves no job past the real clock, and the next real pass still reminds', async () => {
  const { ellensChat } = await captureActionDueNextWeek();
  const refused = await runScript('scripts/tick.ts', ['--at', '9999-01-01T09:00Z'], env());
  expect(refused.status).toBe(1);
  expect(refused.stderr).toMatch(/--at 9999-01-01T09:00Z is [\d,]+ days from the clock \(.+\): a pass runs as of a time within 7 days of it\. Check the date, or add --force to run as of it anyway\./);
  expect(connector.sent.filter((sent) => sent.conversationId === ellensChat)).toEqual([]);

  const forced = await runScript('scripts/tick.ts', ['--at', '9999-01-01T09:00:00Z', '--force'], env());
  expect(forced.status).toBe(0);
  const afterForced = Date.now();
  const storage = await openStorage({ kind: 'sqlite', dataDir });
  try {
    const jobs = await storage.jobs.listDueJobs('9999-12-31T00:00:00.000Z', 100);
    expect(jobs.length).toBeGreaterThan(0);
    // Every job is due by the real clock (to be timed afresh), none in the year 9999.
    for (const job of jobs) expect(Date.parse(job.value.dueAt ?? '')).toBeLessThanOrEqual(afterForced);
    for (const job of jobs) expect(job.value.leaseUntil).toBeUndefined();
  } finally {
    await storage.close();
  }

  // Six days on, by the real clock: the reminder before the due date still goes out.
  const sixDaysOn = new Date(Date.now() + 6 * 24 * 60 * 60 * 1000).toISOString();
  const before = connector.sent.filter((sent) => sent.conversationId === ellensChat).length;
  const real = await runScript('scripts/tick.ts', ['--at', sixDaysOn], env());
  expect(real.status).toBe(0);
  const reminders = connector.sent.filter((sent) => sent.conversationId === ellensChat).slice(before).map(headline);
  expect(reminders).toEqual([expect.stringMatching(/^Reminder: due (in 1 day|today)/)]);
});
