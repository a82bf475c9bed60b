import { KeyedQueue } from '../../src/services/keyedQueue';

test('runs the tasks of one key one after another, in order, and of different keys side by side', async () => {
  const queue = new KeyedQueue();
  const log: string[] = [];
  const task = (name: string, ms: number) => async () => {
    log.push(`${name} start`);
    await new Promise((resolve) => setTimeout(resolve, ms));
    log.push(`${name} end`);
    return name;
  };
  const results = await Promise.all([queue.run('a', task('a1', 20)), queue.run('a', task('a2', 1)), queue.run('b', task('b1', 5))]);
  expect(results).toEqual(['a1', 'a2', 'b1']);
  expect(log.indexOf('a2 start')).toBeGreaterThan(log.indexOf('a1 end'));
  expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
});

test('a failed task fails its own caller only; the next task of the key still runs', async () => {
  const queue = new KeyedQueue();
  const failed = queue.run('a', async () => {
    throw new Error('refused');
  });
  const next = queue.run('a', async () => 'ran');
  await expect(failed).rejects.toThrow('refused');
  await expect(next).resolves.toBe('ran');
});
