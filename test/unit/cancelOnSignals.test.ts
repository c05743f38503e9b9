import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { cancelOnSignals } from '../../src/gate/cancelOnSignals.js';

describe('cancelOnSignals', () => {
  it('aborts with the first signal as the reason and leaves a second one to end the process', () => {
    const source = new EventEmitter();
    const { signal } = cancelOnSignals(source);
    expect(signal.aborted).toBe(false);
    source.emit('SIGINT');
    expect(signal.reason).toBe('SIGINT');
    // The runner follows its SIGINT with SIGTERM 7.5 s later: no handler of ours is left to swallow it.
    expect(source.listenerCount('SIGINT') + source.listenerCount('SIGTERM')).toBe(0);
  });

  it('removes its handlers when disposed', () => {
    const source = new EventEmitter();
    const { signal, dispose } = cancelOnSignals(source);
    dispose();
    source.emit('SIGTERM');
    expect(signal.aborted).toBe(false);
    expect(source.listenerCount('SIGTERM')).toBe(0);
  });
});
