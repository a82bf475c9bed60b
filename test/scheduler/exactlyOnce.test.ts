import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock } from '../../src/domain/clock';
import { claimJob } from '../../src/scheduler/tick';
import { startHarness, type BotHarness } from '../../testkit/botHarness';
import { FakeConnector } from '../../testkit/fakeConnector';
import { chatPerson, TeamsChat } from '../../testkit/teamsChat';
import { headline } from './schedulerFixture';

let dataDir: string;
let connector: FakeConnector;
let first: BotHarness;
let second: BotHarness;
let chat: TeamsChat;
const clock = new FixedClock('2019-03-13T14:00:00.000Z');
const ellen = chatPerson('Ellen Footman');
const sarah = chatPerson('Sarah Berry');

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'meeting-actions-once-'));
  connector = await new FakeConnector().start();
  chat = new TeamsChat(connector.url);
  connector.setMembers(chat.conversationId, [ellen, sarah]);
  clock.set('2019-03-13T14:00:00.000Z');
  // Two bot instances on one database, as two App Service instances share one Cosmos account.
  first = await startHarness({ dataDir, connector, clock, instanceId: 'instance-a' });
  second = await startHarness({ dataDir, connector, clock, instanceId: 'instance-b' });
  await first.post(chat.message(sarah, '/action Circulate the audit report EF by Monday', [ellen, sarah]));
  await second.post(chat.message(sarah, '/action Book the venue SB by Monday', [ellen, sarah]));
});
afterEach(async () => {
  expect(first.turnErrors).toEqual([]);
  expect(second.turnErrors).toEqual([]);
  await first.bot.stop();
  await second.bot.stop();
  await connector.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const remindersSent = () => connector.sent.filter((entry) => entry.kind !== 'update' && headline(entry).startsWith('Reminder'));

test('two instances ticking at the same moment send each reminder once', async () => {
  const at = '2019-03-14T09:00:00.000Z';
  const [a, b] = await Promise.all([first.bot.tick(at), second.bot.tick(at)]);
  expect(a.ran + b.ran).toBe(2);
  expect(a.failed + b.failed).toBe(0);
  expect(remindersSent().map((entry) => entry.conversationId).sort()).toEqual([`a:1${ellen.id.slice(3)}`, `a:1${sarah.id.slice(3)}`].sort());
  // Repeating the pass on either instance sends nothing more.
  await Promise.all([first.bot.tick(at), second.bot.tick(at)]);
  expect(remindersSent()).toHaveLength(2);
});

test('a reminder claimed by an instance that died before sending is sent once, by a later pass, after the claim lapses', async () => {
  const at = '2019-03-14T09:00:00.000Z';
  const due = await first.bot.storage.jobs.listDueJobs(at, 10);
  const ellens = due.find((job) => job.value.kind === 'actionReminder' && job.value.ownerId === ellen.aadObjectId);
  if (!ellens) throw new Error("Ellen's reminder is not due");
  // Instance A claims it and dies: it never sends and never finishes.
  expect(await claimJob({ storage: first.bot.storage, instanceId: 'instance-a', leaseMs: 5 * 60 * 1000 }, ellens, at)).toBeDefined();

  await second.bot.tick(at);
  expect(remindersSent().map((entry) => entry.conversationId)).toEqual([`a:1${sarah.id.slice(3)}`]);
  await second.bot.tick('2019-03-14T09:04:59.000Z');
  expect(remindersSent()).toHaveLength(1);
  await second.bot.tick('2019-03-14T09:05:00.000Z');
  const sent = remindersSent();
  expect(sent.map((entry) => entry.conversationId)).toEqual([`a:1${sarah.id.slice(3)}`, `a:1${ellen.id.slice(3)}`]);
  expect(headline(sent[1])).toBe('Reminder: due in 4 days (Mon 18 Mar 2019).');
  await Promise.all([first.bot.tick('2019-03-14T09:10:00.000Z'), second.bot.tick('2019-03-14T09:10:00.000Z')]);
  expect(remindersSent()).toHaveLength(2);
});
