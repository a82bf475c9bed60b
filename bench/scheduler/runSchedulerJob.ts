import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { SchedulerJobReply, SchedulerJobRequest } from './schedulerProcess';

/**
 * Runs one scheduler bench job in a fresh child process (`schedulerProcess.js`) and returns its
 * answer. The child's stdout (the bot's JSON log) is discarded as in the load sections.
 */
export function runSchedulerJob<K extends SchedulerJobRequest['kind']>(request: Extract<SchedulerJobRequest, { kind: K }>, timeoutMs = 15 * 60 * 1000): Promise<Extract<SchedulerJobReply, { kind: K }>> {
  const child = fork(join(__dirname, 'schedulerProcess.js'), [JSON.stringify(request)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let answer: SchedulerJobReply | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('message', (message: SchedulerJobReply) => {
      answer = message;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (answer?.kind === request.kind && code === 0) resolve(answer as Extract<SchedulerJobReply, { kind: K }>);
      else reject(new Error(`the scheduler bench job "${request.kind}" exited with code ${code} without an answer`));
    });
  });
}
