import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { CancelledError, DeadlineError, withDeadline } from '../../src/collect/withDeadline.js';

const never = new Promise<never>(() => undefined);

describe('withDeadline', () => {
  it('settles as the work does when it finishes first', async () => {
    await expect(withDeadline(Promise.resolve(7), Date.now() + 1000, 'x')).resolves.toBe(7);
    await expect(withDeadline(Promise.reject(new Error('no')), Date.now() + 1000, 'x')).rejects.toThrow('no');
  });

  it('rejects with a DeadlineError naming the step when the deadline passes first', async () => {
    const late = withDeadline(never, Date.now() + 20, 'reading the LCP record');
    await expect(late).rejects.toBeInstanceOf(DeadlineError);
    await expect(late).rejects.toThrow('reading the LCP record did not finish in time');
  });

  it('rejects with a CancelledError when the signal aborts, even with no deadline', async () => {
    const controller = new AbortController();
    const waiting = withDeadline(never, Number.POSITIVE_INFINITY, 'waiting');
    const cancelled = withDeadline(never, Number.POSITIVE_INFINITY, 'waiting', controller.signal);
    controller.abort('SIGTERM');
    await expect(cancelled).rejects.toBeInstanceOf(CancelledError);
    const raced = await Promise.race([waiting.then(() => 'settled'), sleep(30, 'pending')]);
    expect(raced).toBe('pending'); // an infinite deadline never fires by itself
    const aborted = new AbortController();
    aborted.abort();
    await expect(
      withDeadline(Promise.resolve(1), Date.now() + 1000, 'x', aborted.signal),
    ).rejects.toBeInstanceOf(CancelledError);
  });
});
