import { ConcurrencyError } from '../store/storeErrors';

/** How many times a read-modify-write is re-run after losing a race before giving up. */
const MAX_ATTEMPTS = 8;

/**
 * Runs a read-modify-write until it wins. Each attempt re-reads, so a change someone else made in
 * between is kept and ours is applied on top of it (never a blind overwrite).
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || tries >= MAX_ATTEMPTS) throw error;
      // A little jitter keeps two instances that collided from colliding again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * tries));
    }
  }
}
