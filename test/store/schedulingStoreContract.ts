import { randomUUID } from 'node:crypto';
import { digestJobId, reminderJobId, userProfileId } from '../../src/domain/scheduling/jobIds';
import { DEFAULT_PREFERENCES, type ScheduledJob, type UserProfile } from '../../src/domain/scheduling/schedulingTypes';
import { ConcurrencyError } from '../../src/store/storeErrors';
import type { Stores } from '../../src/store/stores';

/** A reminder job for a fresh action and owner in a tenant. */
function aReminder(tenantId: string, dueAt: string | undefined, ownerId = `owner-${randomUUID()}`): ScheduledJob {
  const actionId = `action-${randomUUID()}`;
  return {
    id: reminderJobId(actionId, ownerId),
    tenantId,
    kind: 'actionReminder',
    series: { tenantId, conversationId: `19:${randomUUID()}@thread.v2` },
    actionId,
    ownerId,
    ...(dueAt ? { dueAt } : {}),
  };
}

/**
 * The promises every store makes about people and scheduled work, run against each implementation
 * so the scheduler behaves the same on the embedded store and on Cosmos DB.
 */
export function describeSchedulingStoreContract(name: string, open: () => Promise<Stores>): void {
  describe(`${name}: users and scheduled jobs`, () => {
    let stores: Stores;
    let tenantId: string;
    beforeAll(async () => {
      stores = await open();
    });
    afterAll(async () => {
      await stores.close();
    });
    beforeEach(() => {
      tenantId = `tenant-${randomUUID()}`;
    });

    test('a profile round-trips, and a stale etag changes nothing', async () => {
      const profile: UserProfile = {
        id: userProfileId(tenantId, 'ellen'),
        tenantId,
        userId: 'ellen',
        name: 'Ellen Footman',
        teamsId: '29:ellen',
        personalChat: { conversationId: 'a:1ellen', serviceUrl: 'https://smba.example/' },
        timeZone: 'Europe/London',
        preferences: DEFAULT_PREFERENCES,
      };
      const created = await stores.users.putUser(profile);
      await expect(stores.users.putUser(profile)).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await stores.users.getUser(tenantId, 'ellen'))?.value).toEqual(profile);
      await stores.users.putUser({ ...profile, timeZone: 'Europe/Paris' }, created.etag);
      await expect(stores.users.putUser({ ...profile, timeZone: 'Asia/Tokyo' }, created.etag)).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await stores.users.getUser(tenantId, 'ellen'))?.value.timeZone).toBe('Europe/Paris');
      expect(await stores.users.getUser(`other-${tenantId}`, 'ellen')).toBeUndefined();
    });

    test('due jobs come oldest first; dormant, future and claimed jobs are left out', async () => {
      const now = '2019-03-14T09:00:00.000Z';
      const old = aReminder(tenantId, '2019-03-14T08:00:00.000Z');
      const exact = aReminder(tenantId, now);
      const future = aReminder(tenantId, '2019-03-14T09:00:01.000Z');
      const dormant = aReminder(tenantId, undefined);
      const claimed = { ...aReminder(tenantId, '2019-03-14T07:00:00.000Z'), leaseUntil: '2019-03-14T09:05:00.000Z', leaseOwner: 'other' };
      const lapsed = { ...aReminder(tenantId, '2019-03-14T06:00:00.000Z'), leaseUntil: '2019-03-14T08:59:00.000Z', leaseOwner: 'dead' };
      for (const job of [old, exact, future, dormant, claimed, lapsed]) await stores.schedule.putJob(job);
      const due = (await stores.schedule.listDueJobs(now, 100)).map((job) => job.value.id).filter((id) => [old, exact, future, dormant, claimed, lapsed].some((job) => job.id === id));
      expect(due).toEqual([lapsed.id, old.id, exact.id]);
    });

    test('claiming is an etag write: of two claimers with the same version, one wins', async () => {
      const job = aReminder(tenantId, '2019-03-14T08:00:00.000Z');
      const stored = await stores.schedule.putJob(job);
      const claims = await Promise.allSettled([
        stores.schedule.putJob({ ...job, leaseUntil: '2019-03-14T09:05:00.000Z', leaseOwner: 'a' }, stored.etag),
        stores.schedule.putJob({ ...job, leaseUntil: '2019-03-14T09:05:00.000Z', leaseOwner: 'b' }, stored.etag),
      ]);
      expect(claims.filter((claim) => claim.status === 'fulfilled')).toHaveLength(1);
      const rejected = claims.find((claim) => claim.status === 'rejected');
      expect(rejected?.status === 'rejected' && rejected.reason instanceof ConcurrencyError).toBe(true);
    });

    test('deleting needs the current etag; deleting twice is fine', async () => {
      const job = aReminder(tenantId, '2019-03-14T08:00:00.000Z');
      const first = await stores.schedule.putJob(job);
      const second = await stores.schedule.putJob({ ...job, dueAt: '2019-03-15T08:00:00.000Z' }, first.etag);
      await expect(stores.schedule.deleteJob(tenantId, job.id, first.etag)).rejects.toBeInstanceOf(ConcurrencyError);
      await stores.schedule.deleteJob(tenantId, job.id, second.etag);
      await stores.schedule.deleteJob(tenantId, job.id, second.etag);
      expect(await stores.schedule.getJob(tenantId, job.id)).toBeUndefined();
    });

    test("an owner's reminder jobs are found in their tenant only, dormant ones included", async () => {
      const mine = [aReminder(tenantId, undefined, 'ellen'), aReminder(tenantId, '2019-03-14T08:00:00.000Z', 'ellen')];
      const othersTenant = `other-${tenantId}`;
      await stores.schedule.putJob(aReminder(tenantId, undefined, 'nicki'));
      await stores.schedule.putJob(aReminder(othersTenant, undefined, 'ellen'));
      await stores.schedule.putJob({ id: digestJobId(tenantId, 'ellen'), tenantId, kind: 'weeklyDigest', userId: 'ellen', dueAt: '2019-03-18T09:00:00.000Z' });
      for (const job of mine) await stores.schedule.putJob(job);
      const found = await stores.schedule.listReminderJobsOfOwner(tenantId, 'ellen');
      expect(found.map((job) => job.id).sort()).toEqual(mine.map((job) => job.id).sort());
      expect(found.find((job) => job.id === mine[0]?.id)).toEqual(mine[0]);
      const digest = await stores.schedule.getJob(tenantId, digestJobId(tenantId, 'ellen'));
      expect(digest?.value).toEqual({ id: digestJobId(tenantId, 'ellen'), tenantId, kind: 'weeklyDigest', userId: 'ellen', dueAt: '2019-03-18T09:00:00.000Z' });
    });
  });
}
