import type { Logger } from '../observability/logger';

/** A running timer and how to stop it (waiting for a pass in progress). */
export interface SchedulerTimer {
  stop(): Promise<void>;
}

/**
 * Runs the scheduler every `intervalMs` inside the bot process. A pass never overlaps the previous
 * one, and the timer does not keep the process alive on its own.
 */
export function startSchedulerTimer(runPass: () => Promise<unknown>, intervalMs: number, logger: Logger): SchedulerTimer {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = runPass()
      .catch((error: unknown) => logger.error({ err: error }, 'scheduler pass failed'))
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
