/**
 * `Storage.writeChatAndJobs`: a chat's records written together with the jobs they bring. On
 * SQLite it is one transaction (a refused batch writes no job); on Cosmos the batch, then one
 * request per job, which the round trips show.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reminderJobId } from '../../src/domain/scheduling/jobIds';
import type { ScheduledJob } from '../../src/domain/scheduling/schedulingTypes';
import type { Action, Series } from '../../src/domain/types';
import { openStorage } from '../../src/store/openStorage';
import type { Storage } from '../../src/store/storage';
import { BatchWriteRefused } from '../../src/store/storeErrors';
import { aSeries, anAction } from '../builders';
import { localCosmosConfig, type LocalCosmosServer, startLocalCosmosServer } from './localCosmosServer';

const dataDir = mkdtempSync(join(tmpdir(), 'meeting-actions-chat-jobs-'));
let cosmos: LocalCosmosServer;
const opened: Storage[] = [];

beforeAll(async () => {
  cosmos = await startLocalCosmosServer();
});
afterAll(async () => {
  await Promise.all(opened.map((storage) => storage.close()));
  await cosmos.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const backends: Array<[string, () => Promise<Storage>, { atomic: boolean }]> = [
  ['sqlite', () => openStorage({ kind: 'sqlite', dataDir }), { atomic: true }],
  [
    'cosmos (local protocol server)',
    () =>
      openStorage(localCosmosConfig(cosmos.endpoint, `chat-jobs-${randomUUID()}`)),
    { atomic: false },
  ],
];

/** A reminder job for one owner of `action`, as a capture books it. */
function reminderOf(action: Action, ownerId: string, dueAt = '2019-03-13T14:00:00.000Z'): ScheduledJob {
  return {
    id: reminderJobId(action.id, ownerId),
    tenantId: action.tenantId,
    kind: 'actionReminder',
    series: { tenantId: action.tenantId, conversationId: action.conversationId },
    actionId: action.id,
    ownerId,
    dueAt,
    unplaced: true,
  };
}

/** A stored series and a new action numbered from it, with its two owners' reminders. */
async function aCapture(storage: Storage) {
  const series = await storage.chats.putSeries(aSeries());
  const action = anAction(series.value, { number: 1 });
  const next: Series = { ...series.value, lastActionNumber: 1 };
  const jobs = [reminderOf(action, 'owner-a'), reminderOf(action, 'owner-b')];
  return { series, next, action, jobs };
}

describe.each(backends)('writeChatAndJobs on %s', (_name, open, { atomic }) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await open();
    opened.push(storage);
  });

  test('writes the records and creates the jobs, and the etags it returns are the stored versions', async () => {
    const { series, next, action, jobs } = await aCapture(storage);

    const written = await storage.writeChatAndJobs(series.value, [{ record: { kind: 'series', value: next }, etag: series.etag }, { record: { kind: 'action', value: action } }], jobs);

    expect(written.jobError).toBeUndefined();
    expect(await storage.chats.getSeries(series.value)).toEqual({ value: next, etag: written.etags[0] });
    expect(await storage.chats.getAction(series.value, action.id)).toEqual({ value: action, etag: written.etags[1] });
    for (const job of jobs) expect((await storage.jobs.getJob(job.tenantId, job.id))?.value).toEqual(job);
  });

  test('leaves a job that exists as it is', async () => {
    const { series, next, action, jobs } = await aCapture(storage);
    const [first] = jobs;
    if (!first) throw new Error('no job');
    await storage.jobs.insertJob({ ...first, dueAt: '2019-04-01T08:00:00.000Z' });
    const before = await storage.jobs.getJob(first.tenantId, first.id);

    await storage.writeChatAndJobs(series.value, [{ record: { kind: 'series', value: next }, etag: series.etag }, { record: { kind: 'action', value: action } }], jobs);

    expect(await storage.jobs.getJob(first.tenantId, first.id)).toEqual(before);
  });

  test('a refused batch throws BatchWriteRefused' + (atomic ? ' and writes no job' : ''), async () => {
    const { series, next, action, jobs } = await aCapture(storage);
    await storage.chats.putSeries({ ...series.value, lastActionNumber: 5 }, series.etag);

    await expect(
      storage.writeChatAndJobs(series.value, [{ record: { kind: 'series', value: next }, etag: series.etag }, { record: { kind: 'action', value: action } }], jobs),
    ).rejects.toEqual(new BatchWriteRefused(0, 'changed'));

    expect(await storage.chats.getAction(series.value, action.id)).toBeUndefined();
    if (atomic) for (const job of jobs) expect(await storage.jobs.getJob(job.tenantId, job.id)).toBeUndefined();
  });
});

test('on Cosmos it costs the batch and one batch of the jobs (a tenant\'s jobs share a partition)', async () => {
  const storage = await backends[1]![1]();
  opened.push(storage);
  const { series, next, action, jobs } = await aCapture(storage);
  cosmos.requests.reset();

  await storage.writeChatAndJobs(series.value, [{ record: { kind: 'series', value: next }, etag: series.etag }, { record: { kind: 'action', value: action } }], jobs);

  expect(cosmos.requests.data().map((request) => request.kind)).toEqual(['batch', 'batch']);
  for (const job of jobs) expect((await storage.jobs.getJob(job.tenantId, job.id))?.value).toEqual(job);
});

test('on Cosmos, when one of the jobs exists the jobs\' batch is refused and each is created on its own unless it exists', async () => {
  const storage = await backends[1]![1]();
  opened.push(storage);
  const { series, next, action, jobs } = await aCapture(storage);
  const [first, second] = jobs;
  if (!first || !second) throw new Error('no jobs');
  await storage.jobs.insertJob({ ...first, dueAt: '2019-04-01T08:00:00.000Z' });
  cosmos.requests.reset();

  const written = await storage.writeChatAndJobs(series.value, [{ record: { kind: 'series', value: next }, etag: series.etag }, { record: { kind: 'action', value: action } }], jobs);

  expect(written.jobError).toBeUndefined();
  expect(cosmos.requests.data().map((request) => request.kind)).toEqual(['batch', 'batch', 'create', 'create']);
  expect((await storage.jobs.getJob(first.tenantId, first.id))?.value.dueAt).toBe('2019-04-01T08:00:00.000Z');
  expect((await storage.jobs.getJob(second.tenantId, second.id))?.value).toEqual(second);
});
