import type { ScheduledJob } from '../../src/domain/scheduling/schedulingTypes';
import { afterFailure, MAX_JOB_FAILURES } from '../../src/scheduler/jobFailures';

const NOW = '2019-03-13T10:00:00.000Z';
const series = { tenantId: 'tenant-a', conversationId: '19:meeting@thread.v2' };

function failedInARow(job: ScheduledJob, times: number): ReturnType<typeof afterFailure> {
  let outcome = afterFailure(job, 'Teams answered 404 (the chat no longer exists)', NOW);
  for (let failure = 2; failure <= times; failure += 1) outcome = afterFailure(outcome.job, 'Teams answered 404 (the chat no longer exists)', NOW);
  return outcome;
}

test("a plan's watch that keeps failing gives up that run and looks again an hour later, so a linked plan never stops syncing for good", () => {
  const watch: ScheduledJob = { id: 'watch-1', tenantId: 'tenant-a', kind: 'plannerWatch', series, planId: 'plan-1', dueAt: NOW };
  const outcome = failedInARow(watch, MAX_JOB_FAILURES);
  expect(outcome.kind).toBe('gaveUp');
  expect(outcome.job.dueAt).toBe('2019-03-13T11:00:00.000Z');
  expect(outcome.job.lastFailure).toMatchObject({ attempts: MAX_JOB_FAILURES, reason: 'Teams answered 404 (the chat no longer exists)' });
});

test("a chair's digest that keeps failing is kept dormant with why: it was for one meeting", () => {
  const digest: ScheduledJob = { id: 'chair-1', tenantId: 'tenant-a', kind: 'chairDigest', series, meetingAt: '2019-03-14T10:00:00.000Z', dueAt: NOW };
  const outcome = failedInARow(digest, MAX_JOB_FAILURES);
  expect(outcome.kind).toBe('gaveUp');
  expect(outcome.job.dueAt).toBeUndefined();
  expect(outcome.job.lastFailure?.attempts).toBe(MAX_JOB_FAILURES);
});
