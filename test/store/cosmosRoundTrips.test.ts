/**
 * The round trips each store method costs are part of its contract: counted here, per method,
 * against the local Cosmos protocol server through the real SDK. A request is what reaches the
 * server, except the query-plan lookup the SDK sends alongside every query (in parallel with the
 * query itself, so it adds no round trip; see `ReceivedRequests.data`). Storage is opened before
 * counting, so the SDK's one-off metadata reads (containers, partition keys) are done.
 */
import { randomUUID } from 'node:crypto';
import { digestJobId, reminderJobId, userProfileId } from '../../src/domain/scheduling/jobIds';
import type { ScheduledJob, UserProfile } from '../../src/domain/scheduling/schedulingTypes';
import { openStorage } from '../../src/store/openStorage';
import type { Storage } from '../../src/store/storage';
import { aDecision, aSeries, anAction } from '../builders';
import { aMeeting, aNote } from '../meetingBuilders';
import { localCosmosConfig, type LocalCosmosServer, type RequestKind, startLocalCosmosServer } from './localCosmosServer';

let server: LocalCosmosServer;
let storage: Storage;

beforeAll(async () => {
  server = await startLocalCosmosServer();
  storage = await openStorage(localCosmosConfig(server.endpoint, `round-trips-${randomUUID()}`));
});
afterAll(async () => {
  await storage.close();
  await server.stop();
});

/** The data requests `call` sent, by kind, in order. */
async function requestsOf(call: () => Promise<unknown>): Promise<RequestKind[]> {
  server.requests.reset();
  await call();
  return server.requests.data().map((request) => request.kind);
}

/** A chat with a series, a meeting, two actions, a decision and a note, and the etags they were written with. */
async function aChat() {
  const series = aSeries();
  const meeting = aMeeting(series);
  const action = anAction(series, { number: 1, meetingId: meeting.id });
  const other = anAction(series, { number: 2 });
  const decision = aDecision(series);
  const note = aNote(series, meeting);
  const [seriesEtag, meetingEtag, actionEtag] = await storage.chats.writeTogether(series, [
    { record: { kind: 'series', value: { ...series, lastActionNumber: 2 } } },
    { record: { kind: 'meeting', value: meeting } },
    { record: { kind: 'action', value: action } },
    { record: { kind: 'action', value: other } },
    { record: { kind: 'decision', value: decision } },
    { record: { kind: 'note', value: note } },
  ]);
  return { series, meeting, action, decision, note, seriesEtag: seriesEtag ?? '', meetingEtag: meetingEtag ?? '', actionEtag: actionEtag ?? '' };
}

describe('ChatRecords round trips against Cosmos', () => {
  it('point reads and writes are one request each', async () => {
    const chat = await aChat();
    const fresh = aSeries();

    expect(await requestsOf(() => storage.chats.getSeries(chat.series))).toEqual(['read']);
    expect(await requestsOf(() => storage.chats.putSeries(fresh))).toEqual(['create']);
    expect(await requestsOf(() => storage.chats.putSeries({ ...chat.series, title: 'Board' }, chat.seriesEtag))).toEqual(['replace']);
    expect(await requestsOf(() => storage.chats.getAction(chat.series, chat.action.id))).toEqual(['read']);
    expect(await requestsOf(() => storage.chats.replaceAction({ ...chat.action, text: 'edited' }, chat.actionEtag))).toEqual(['replace']);
    expect(await requestsOf(() => storage.chats.getDecision(chat.series, chat.decision.id))).toEqual(['read']);
    expect(await requestsOf(() => storage.chats.getMeeting(chat.series, chat.meeting.id))).toEqual(['read']);
    expect(await requestsOf(() => storage.chats.putMeeting({ ...chat.meeting, title: 'Board' }, chat.meetingEtag))).toEqual(['replace']);
    expect(await requestsOf(() => storage.chats.putMeeting(aMeeting(chat.series, { date: '2019-06-12' })))).toEqual(['create']);
  });

  it('reads the series and an action together in one request: a batch of reads by id (no query plan), a query by number', async () => {
    const chat = await aChat();

    expect(await requestsOf(() => storage.chats.getSeriesAndAction(chat.series, { id: chat.action.id }))).toEqual(['batch']);
    expect(await requestsOf(() => storage.chats.getSeriesAndAction(chat.series, { number: 2 }))).toEqual(['query']);
    expect(await requestsOf(() => storage.chats.getSeriesAndAction(aSeries(), { number: 2 }))).toEqual(['query']);
    // A missing action fails the batch of reads; on real Cosmos DB (atomic batches) the series is
    // then read on its own, while the local server has already answered it.
    let found: Awaited<ReturnType<typeof storage.chats.getSeriesAndAction>> = {};
    const missing = await requestsOf(async () => (found = await storage.chats.getSeriesAndAction(chat.series, { id: 'action-gone' })));
    expect(missing[0]).toBe('batch');
    expect(missing.length).toBeLessThanOrEqual(2);
    expect(found.series?.value.id).toBe(chat.series.id);
    expect(found.action).toBeUndefined();
  });

  it('reads the series and its actions together in one query', async () => {
    const chat = await aChat();

    expect(await requestsOf(() => storage.chats.getSeriesAndActions(chat.series, { status: 'open' }))).toEqual(['query']);
    expect(await requestsOf(() => storage.chats.getSeriesAndActions(aSeries()))).toEqual(['query']);
  });

  it('finds and lists with one query each', async () => {
    const chat = await aChat();

    expect(await requestsOf(() => storage.chats.getActionByNumber(chat.series, 1))).toEqual(['query']);
    expect(await requestsOf(() => storage.chats.listActions(chat.series))).toEqual(['query']);
    expect(await requestsOf(() => storage.chats.listActions(chat.series, { status: 'open' }))).toEqual(['query']);
    expect(await requestsOf(() => storage.chats.listActionHistory(chat.series))).toEqual(['query']);
    expect(await requestsOf(() => storage.chats.listDecisions(chat.series))).toEqual(['query']);
    expect(await requestsOf(() => storage.chats.getOpenMeeting(chat.series))).toEqual(['query']);
    expect(await requestsOf(() => storage.chats.listMeetings(chat.series))).toEqual(['query']);
    expect(await requestsOf(() => storage.chats.listNotes(chat.series, chat.meeting.id))).toEqual(['query']);
  });

  it('inserts once with one request, and reads back with a second only when the record exists', async () => {
    const chat = await aChat();

    expect(await requestsOf(() => storage.chats.insertAction(anAction(chat.series, { number: 3 })))).toEqual(['create']);
    expect(await requestsOf(() => storage.chats.insertAction(chat.action))).toEqual(['create', 'read']);
    expect(await requestsOf(() => storage.chats.insertDecision(aDecision(chat.series)))).toEqual(['create']);
    expect(await requestsOf(() => storage.chats.insertDecision(chat.decision))).toEqual(['create', 'read']);
    expect(await requestsOf(() => storage.chats.insertNote(aNote(chat.series, chat.meeting)))).toEqual(['create']);
    expect(await requestsOf(() => storage.chats.insertNote(chat.note))).toEqual(['create', 'read']);
  });

  it('writes several records together in one transactional batch, and a refused one costs no more', async () => {
    const chat = await aChat();
    const next = anAction(chat.series, { number: 3 });

    expect(
      await requestsOf(() =>
        storage.chats.writeTogether(chat.series, [
          { record: { kind: 'series', value: { ...chat.series, lastActionNumber: 3 } }, etag: chat.seriesEtag },
          { record: { kind: 'action', value: next } },
          { record: { kind: 'decision', value: aDecision(chat.series) } },
        ]),
      ),
    ).toEqual(['batch']);
    expect(
      await requestsOf(() => storage.chats.writeTogether(chat.series, [{ record: { kind: 'action', value: next } }]).catch((error: unknown) => error)),
    ).toEqual(['batch']);
    expect(await requestsOf(() => storage.chats.writeTogether(chat.series, []))).toEqual([]);
  });
});

describe('UserProfiles and ScheduledJobs round trips against Cosmos', () => {
  const tenantId = `tenant-${randomUUID()}`;
  const reminder: ScheduledJob = {
    id: reminderJobId('action-1', 'ellen'),
    tenantId,
    kind: 'actionReminder',
    series: { tenantId, conversationId: '19:chat@thread.v2' },
    actionId: 'action-1',
    ownerId: 'ellen',
    dueAt: '2019-03-14T08:00:00.000Z',
  };

  it('reads and writes a profile with one request each', async () => {
    const profile: UserProfile = { id: userProfileId(tenantId, 'ellen'), tenantId, userId: 'ellen', name: 'Ellen', preferences: { digestDay: 1, hour: 9, digestEnabled: true } };
    let etag = '';

    expect(await requestsOf(async () => (etag = (await storage.users.putProfile(profile)).etag))).toEqual(['create']);
    expect(await requestsOf(() => storage.users.getProfile(tenantId, 'ellen'))).toEqual(['read']);
    expect(await requestsOf(() => storage.users.putProfile({ ...profile, timeZone: 'Europe/Paris' }, etag))).toEqual(['replace']);
  });

  it('reads, writes, inserts and deletes a job with one request each', async () => {
    let etag = '';
    const digest: ScheduledJob = { id: digestJobId(tenantId, 'ellen'), tenantId, kind: 'weeklyDigest', userId: 'ellen' };

    expect(await requestsOf(async () => (etag = (await storage.jobs.putJob(reminder)).etag))).toEqual(['create']);
    expect(await requestsOf(() => storage.jobs.getJob(tenantId, reminder.id))).toEqual(['read']);
    expect(await requestsOf(async () => (etag = (await storage.jobs.putJob({ ...reminder, leaseOwner: 'me' }, etag)).etag))).toEqual(['replace']);
    expect(await requestsOf(() => storage.jobs.insertJob(digest))).toEqual(['create']);
    expect(await requestsOf(() => storage.jobs.insertJob(digest))).toEqual(['create']);
    expect(await requestsOf(() => storage.jobs.deleteJob(tenantId, digest.id))).toEqual(['delete']);
    expect(await requestsOf(() => storage.jobs.deleteJob(tenantId, reminder.id, etag))).toEqual(['delete']);
  });

  it('lists due jobs and an owner\'s reminders with one query each', async () => {
    await storage.jobs.insertJob(reminder);

    expect(await requestsOf(() => storage.jobs.listDueJobs('2019-03-14T09:00:00.000Z', 10))).toEqual(['query']);
    expect(await requestsOf(() => storage.jobs.listReminderJobsOfOwner(tenantId, 'ellen'))).toEqual(['query']);
  });

  it('answers a ping with one request', async () => {
    expect(await requestsOf(() => storage.ping())).toEqual(['read']);
  });
});
