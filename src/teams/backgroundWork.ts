import type { Logger } from '../observability/logger';

/**
 * Work a turn leaves running after Teams has its answer (redrawing the other copies of a card),
 * kept track of so that shutdown, and tests, can wait for it to finish. A failure is logged: the
 * change behind the work is saved, and nobody is waiting to be told.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** Starts `work` without waiting for it. */
  run(what: string, work: () => Promise<void>): void {
    const task: Promise<void> = work()
      .catch((error: unknown) => this.logger.error({ err: error, work: what }, 'background work failed'))
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  /** Resolves once nothing is running (work started meanwhile included). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
