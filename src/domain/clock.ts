/** Where "now" comes from. Injected everywhere so tests and the scheduler can choose the instant. */
export interface Clock {
  /** The current instant as an ISO-8601 string in UTC. */
  now(): string;
}

/** The real clock, for production. */
export const systemClock: Clock = { now: () => new Date().toISOString() };

/** A clock that says whatever the test sets, so domain code is tested with fixed instants. */
export class FixedClock implements Clock {
  constructor(private instant: string) {}
  /** The instant last set. */
  now(): string {
    return this.instant;
  }
  /** Moves the clock to another instant. */
  set(instant: string): void {
    this.instant = instant;
  }
}
