import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { TargetReply, TargetRequest } from './targetProcess';

/** Which server is under load: the real bot, or the bare echo bot on the same stack. */
export type TargetKind = 'bot' | 'echo';

/** A target running in its own process. */
export interface Target {
  kind: TargetKind;
  url: string;
  pid: number;
  /** Peak resident memory of the process so far (its high-water mark), and its current RSS, in KiB. */
  memory(): Promise<{ maxRssKb: number; rssKb: number }>;
  /** CPU time (user + system, µs) the process has used since it started, as `process.cpuUsage()` reports it. */
  cpuMicros(): Promise<number>;
  /** Starts sampling the process's CPU (V8's profiler, through the inspector inside it). */
  startProfile(): Promise<void>;
  /** Stops sampling and writes the profile (a `.cpuprofile`, as `--cpu-prof` writes) to `file`. */
  stopProfile(file: string): Promise<void>;
  stop(): Promise<void>;
}

/** Forks `targetProcess.js` and waits until it listens. */
export async function startTarget(kind: TargetKind): Promise<Target> {
  const execArgv: string[] = [];
  // The bot's JSON log goes to stdout as in production, but nobody reads it here.
  const child = fork(join(__dirname, 'targetProcess.js'), [kind], { execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const ready = await nextReply(child, 'ready', 30_000);
  return {
    kind,
    url: ready.url,
    pid: child.pid ?? -1,
    memory: async () => {
      send(child, { type: 'memory' });
      const { maxRssKb, rssKb } = await nextReply(child, 'memory', 10_000);
      return { maxRssKb, rssKb };
    },
    cpuMicros: async () => {
      send(child, { type: 'cpu' });
      return (await nextReply(child, 'cpu', 10_000)).micros;
    },
    startProfile: async () => {
      send(child, { type: 'profileStart' });
      await nextReply(child, 'profileStarted', 10_000);
    },
    stopProfile: async (file) => {
      send(child, { type: 'profileStop', file });
      await nextReply(child, 'profileStopped', 30_000);
    },
    stop: async () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      send(child, { type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function send(child: ChildProcess, message: TargetRequest): void {
  child.send(message);
}

function nextReply<K extends TargetReply['type']>(child: ChildProcess, type: K, timeoutMs: number): Promise<Extract<TargetReply, { type: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: TargetReply) => {
      if (message.type !== type) return;
      cleanup();
      resolve(message as Extract<TargetReply, { type: K }>);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`the target process exited (code ${code}) before answering "${type}"`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`the target process did not answer "${type}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}
