import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/**
 * Samples this process's CPU between two IPC messages, through V8's profiler on an in-process
 * inspector session, so a profile covers exactly one measured round (not start-up, warm-up or the
 * unmeasured seeding, as `--cpu-prof` would). The file is a `.cpuprofile` like `--cpu-prof` writes.
 */
export class RoundProfiler {
  private session: Session | undefined;

  /** Starts sampling every 250 µs (V8's default is 1 ms; a turn takes about that long). */
  async start(): Promise<void> {
    if (this.session) throw new Error('a profile is already being taken');
    const session = new Session();
    session.connect();
    this.session = session;
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: 250 });
    await post(session, 'Profiler.start');
  }

  /** Stops sampling and writes the profile to `file`. */
  async stop(file: string): Promise<void> {
    const session = this.session;
    if (!session) throw new Error('no profile is being taken');
    this.session = undefined;
    const { profile } = (await post(session, 'Profiler.stop')) as { profile: unknown };
    session.disconnect();
    writeFileSync(file, JSON.stringify(profile));
  }
}

function post(session: Session, method: string, params?: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result)));
  });
}
