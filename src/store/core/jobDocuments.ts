import type { ScheduledJob } from '../../domain/scheduling/schedulingTypes';

/**
 * A job as stored in the `schedule` collection: `ownerId` is lifted to the top level of every kind
 * (null for jobs that are not reminders), so one indexed condition finds a person's reminders.
 */
export type JobDocument = ScheduledJob & { ownerId: string | null };

/** The document a job is stored as. */
export function jobDocumentOf(job: ScheduledJob): JobDocument {
  // Spreading a union loses which variant it was; the kind is unchanged, so the document is that variant.
  return { ...job, ownerId: job.kind === 'actionReminder' ? job.ownerId : null } as JobDocument;
}

/** The job a document holds: only reminders really have an `ownerId`. */
export function jobOf(document: JobDocument): ScheduledJob {
  if (document.kind === 'actionReminder') return document;
  const job: unknown = Object.fromEntries(Object.entries(document).filter(([name]) => name !== 'ownerId'));
  return job as ScheduledJob;
}
