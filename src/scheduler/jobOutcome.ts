import type { ScheduledJob } from '../domain/scheduling/schedulingTypes';

/**
 * What a job asks for after it ran: to be removed, or to come back at another time; `retime` when
 * it did nothing yet but find its right time (a reminder a capture booked, timed in its owner's
 * zone; one that woke early), so the pass can report sends apart from re-timings.
 */
export type JobOutcome = { kind: 'delete' } | { kind: 'reschedule' | 'retime'; job: ScheduledJob };
