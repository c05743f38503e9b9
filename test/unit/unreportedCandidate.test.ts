import { describe, expect, it } from 'vitest';
import { type LcpCheck, unreportedCandidate } from '../../src/collect/checkLcp.js';

const check = (startTime: number, size: number): LcpCheck => ({
  last: { startTime, size },
  missedImage: null,
});

describe('unreportedCandidate', () => {
  it('is the last candidate when nothing was reported', () => {
    expect(unreportedCandidate(check(800, 5000), undefined)).toBe(800);
  });
  it('is the last candidate when it is later than the reported value', () => {
    expect(unreportedCandidate(check(900, 5000), { value: 800, size: 5000 })).toBe(900);
  });
  it('is an as-early but larger candidate (recorded in the same frame)', () => {
    expect(unreportedCandidate(check(800, 90_000), { value: 800, size: 5000 })).toBe(800);
  });
  it('is nothing when the reported entry is the last one, or the one handed on 0.01 ms later', () => {
    expect(unreportedCandidate(check(800, 5000), { value: 800, size: 5000 })).toBeUndefined();
    expect(unreportedCandidate(check(800, 90_000), { value: 800.01, size: 90_000 })).toBeUndefined();
  });
  it('is nothing when the browser has no record', () => {
    expect(unreportedCandidate(undefined, { value: 800 })).toBeUndefined();
    expect(unreportedCandidate({ last: null, missedImage: null }, undefined)).toBeUndefined();
  });
});
