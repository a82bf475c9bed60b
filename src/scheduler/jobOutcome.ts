import type { ScheduledJob } from '../domain/scheduling/schedulingTypes';

/** What a job asks for after it ran: to be removed, or to come back at another time. */
export type JobOutcome = { kind: 'delete' } | { kind: 'reschedule'; job: ScheduledJob };
