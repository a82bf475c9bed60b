/**
 * The promises `UserProfiles` and `ScheduledJobs` make, run against each backend through
 * `openStorage` so the scheduler behaves the same on the embedded store and on Cosmos DB. Ported
 * from `schedulingStoreContract.ts`, plus `insertJob` and deleting without an etag.
 */
import { randomUUID } from 'node:crypto';
import { chairDigestJobId, digestJobId, reminderJobId, userProfileId } from '../../src/domain/scheduling/jobIds';
import { DEFAULT_PREFERENCES, type ScheduledJob, type UserProfile } from '../../src/domain/scheduling/schedulingTypes';
import type { Storage } from '../../src/store/storage';
import { ConcurrencyError } from '../../src/store/storeErrors';

/** A job that reminds one owner of one action. */
type ReminderJob = Extract<ScheduledJob, { kind: 'actionReminder' }>;

/** A reminder job for a fresh action and owner in a tenant. */
function aReminder(tenantId: string, dueAt: string | undefined, ownerId = `owner-${randomUUID()}`): ReminderJob {
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

/** Registers the contract for one backend. */
export function describeProfilesAndJobsContract(name: string, open: () => Promise<Storage>, cleanup?: () => Promise<void>): void {
  describe(`${name}: user profiles and scheduled jobs`, () => {
    let storage: Storage;
    let tenantId: string;
    beforeAll(async () => {
      storage = await open();
    });
    afterAll(async () => {
      await storage.close();
      await cleanup?.();
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
      const created = await storage.users.putProfile(profile);
      await expect(storage.users.putProfile(profile)).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await storage.users.getProfile(tenantId, 'ellen'))?.value).toEqual(profile);
      await storage.users.putProfile({ ...profile, timeZone: 'Europe/Paris' }, created.etag);
      await expect(storage.users.putProfile({ ...profile, timeZone: 'Asia/Tokyo' }, created.etag)).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await storage.users.getProfile(tenantId, 'ellen'))?.value.timeZone).toBe('Europe/Paris');
      expect(await storage.users.getProfile(`other-${tenantId}`, 'ellen')).toBeUndefined();
    });

    test('a profile is read with the etag its last write handed out', async () => {
      const profile: UserProfile = { id: userProfileId(tenantId, 'nicki'), tenantId, userId: 'nicki', name: 'Nicki', preferences: DEFAULT_PREFERENCES };
      const created = await storage.users.putProfile(profile);
      expect(await storage.users.getProfile(tenantId, 'nicki')).toEqual({ value: profile, etag: created.etag });
    });

    test('due jobs come oldest first; dormant, future and claimed jobs are left out', async () => {
      const now = '2019-03-14T09:00:00.000Z';
      const old = aReminder(tenantId, '2019-03-14T08:00:00.000Z');
      const exact = aReminder(tenantId, now);
      const future = aReminder(tenantId, '2019-03-14T09:00:01.000Z');
      const dormant = aReminder(tenantId, undefined);
      const claimed = { ...aReminder(tenantId, '2019-03-14T07:00:00.000Z'), leaseUntil: '2019-03-14T09:05:00.000Z', leaseOwner: 'other' };
      const lapsed = { ...aReminder(tenantId, '2019-03-14T06:00:00.000Z'), leaseUntil: '2019-03-14T08:59:00.000Z', leaseOwner: 'dead' };
      for (const job of [old, exact, future, dormant, claimed, lapsed]) await storage.jobs.putJob(job);
      const due = (await storage.jobs.listDueJobs(now, 100))
        .map((job) => job.value.id)
        .filter((id) => [old, exact, future, dormant, claimed, lapsed].some((job) => job.id === id));
      expect(due).toEqual([lapsed.id, old.id, exact.id]);
    });

    test('due jobs come with the etag a claim must quote, and at most `limit` of them', async () => {
      const now = '1970-01-02T00:00:00.000Z';
      // Earlier than anything another test writes, so these are the oldest due jobs in the store; deleted after.
      const oldest = aReminder(tenantId, '1970-01-01T00:00:01.000Z');
      const next = aReminder(tenantId, '1970-01-01T00:00:02.000Z');
      const third = aReminder(tenantId, '1970-01-01T00:00:03.000Z');
      try {
        const first = await storage.jobs.putJob(oldest);
        const second = await storage.jobs.putJob(next);
        await storage.jobs.putJob(third);

        const due = await storage.jobs.listDueJobs(now, 2);

        expect(due).toEqual([first, second]);
        await storage.jobs.putJob({ ...first.value, leaseUntil: '1970-01-02T00:05:00.000Z', leaseOwner: 'me' }, due[0]?.etag);
      } finally {
        for (const job of [oldest, next, third]) await storage.jobs.deleteJob(tenantId, job.id);
      }
    });

    test('claiming is an etag write: of two claimers with the same version, one wins', async () => {
      const job = aReminder(tenantId, '2019-03-14T08:00:00.000Z');
      const stored = await storage.jobs.putJob(job);
      const claims = await Promise.allSettled([
        storage.jobs.putJob({ ...job, leaseUntil: '2019-03-14T09:05:00.000Z', leaseOwner: 'a' }, stored.etag),
        storage.jobs.putJob({ ...job, leaseUntil: '2019-03-14T09:05:00.000Z', leaseOwner: 'b' }, stored.etag),
      ]);
      expect(claims.filter((claim) => claim.status === 'fulfilled')).toHaveLength(1);
      const rejected = claims.find((claim) => claim.status === 'rejected');
      expect(rejected?.status === 'rejected' && rejected.reason instanceof ConcurrencyError).toBe(true);
    });

    test('creating a job twice with putJob is refused', async () => {
      const job = aReminder(tenantId, undefined);
      await storage.jobs.putJob(job);
      await expect(storage.jobs.putJob({ ...job, dueAt: '2019-03-14T08:00:00.000Z' })).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await storage.jobs.getJob(tenantId, job.id))?.value).toEqual(job);
    });

    test('deleting needs the current etag; deleting twice is fine', async () => {
      const job = aReminder(tenantId, '2019-03-14T08:00:00.000Z');
      const first = await storage.jobs.putJob(job);
      const second = await storage.jobs.putJob({ ...job, dueAt: '2019-03-15T08:00:00.000Z' }, first.etag);
      await expect(storage.jobs.deleteJob(tenantId, job.id, first.etag)).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await storage.jobs.getJob(tenantId, job.id))?.etag).toBe(second.etag);
      await storage.jobs.deleteJob(tenantId, job.id, second.etag);
      await storage.jobs.deleteJob(tenantId, job.id, second.etag);
      expect(await storage.jobs.getJob(tenantId, job.id)).toBeUndefined();
    });

    test('deleting without an etag removes whatever version is stored; a missing job is fine', async () => {
      const job = aReminder(tenantId, '2019-03-14T08:00:00.000Z');
      const first = await storage.jobs.putJob(job);
      await storage.jobs.putJob({ ...job, leaseUntil: '2019-03-14T09:05:00.000Z', leaseOwner: 'a' }, first.etag);

      await storage.jobs.deleteJob(tenantId, job.id);

      expect(await storage.jobs.getJob(tenantId, job.id)).toBeUndefined();
      await expect(storage.jobs.deleteJob(tenantId, job.id)).resolves.toBeUndefined();
      await expect(storage.jobs.deleteJob(tenantId, `never-${randomUUID()}`)).resolves.toBeUndefined();
    });

    test('insertJob creates a job once and leaves an existing one as it is', async () => {
      const job = aReminder(tenantId, '2019-03-14T08:00:00.000Z');

      expect(await storage.jobs.insertJob(job)).toBe(true);
      const stored = await storage.jobs.getJob(tenantId, job.id);
      expect(await storage.jobs.insertJob({ ...job, dueAt: '2019-04-01T08:00:00.000Z' })).toBe(false);

      expect(stored?.value).toEqual(job);
      expect(await storage.jobs.getJob(tenantId, job.id)).toEqual(stored);
    });

    test('insertJob creates again a job that was deleted', async () => {
      const job = aReminder(tenantId, undefined);
      await storage.jobs.insertJob(job);
      await storage.jobs.deleteJob(tenantId, job.id);

      expect(await storage.jobs.insertJob(job)).toBe(true);
      expect((await storage.jobs.getJob(tenantId, job.id))?.value).toEqual(job);
    });

    test("an owner's reminder jobs are found in their tenant only, dormant ones included", async () => {
      const mine = [aReminder(tenantId, undefined, 'ellen'), aReminder(tenantId, '2019-03-14T08:00:00.000Z', 'ellen')];
      const othersTenant = `other-${tenantId}`;
      await storage.jobs.putJob(aReminder(tenantId, undefined, 'nicki'));
      await storage.jobs.putJob(aReminder(othersTenant, undefined, 'ellen'));
      await storage.jobs.putJob({ id: digestJobId(tenantId, 'ellen'), tenantId, kind: 'weeklyDigest', userId: 'ellen', dueAt: '2019-03-18T09:00:00.000Z' });
      for (const job of mine) await storage.jobs.putJob(job);
      const found = await storage.jobs.listReminderJobsOfOwner(tenantId, 'ellen');
      expect(found.map((job) => job.id).sort()).toEqual(mine.map((job) => job.id).sort());
      expect(found.find((job) => job.id === mine[0]?.id)).toEqual(mine[0]);
      const digest = await storage.jobs.getJob(tenantId, digestJobId(tenantId, 'ellen'));
      expect(digest?.value).toEqual({ id: digestJobId(tenantId, 'ellen'), tenantId, kind: 'weeklyDigest', userId: 'ellen', dueAt: '2019-03-18T09:00:00.000Z' });
    });

    test('every kind of job round-trips exactly, with nothing the store added', async () => {
      const series = { tenantId, conversationId: `19:${randomUUID()}@thread.v2` };
      const jobs: ScheduledJob[] = [
        { ...aReminder(tenantId, '2019-03-14T08:00:00.000Z'), lastSentAt: '2019-03-13T08:00:00.000Z', snoozedUntil: '2019-03-15T08:00:00.000Z' },
        { id: digestJobId(tenantId, 'derek'), tenantId, kind: 'weeklyDigest', userId: 'derek' },
        { id: chairDigestJobId(series), tenantId, kind: 'chairDigest', series, meetingAt: '2019-06-12T14:00:00.000Z', dueAt: '2019-06-11T09:00:00.000Z' },
      ];
      for (const job of jobs) {
        const written = await storage.jobs.putJob(job);
        expect(await storage.jobs.getJob(tenantId, job.id)).toEqual({ value: job, etag: written.etag });
      }
    });
  });
}
