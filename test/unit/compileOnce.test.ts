import { describe, expect, it } from 'vitest';
import { findBudgetProblems } from '../../src/budgets/findBudgetProblems.js';
import { compileOnce } from '../../src/schema/compileOnce.js';

describe('compileOnce', () => {
  it('makes nothing until first asked, then makes once and keeps it', () => {
    let made = 0;
    const get = compileOnce(() => ({ n: ++made }));
    expect(made).toBe(0);
    const first = get();
    expect(get()).toBe(first);
    expect(made).toBe(1);
  });

  it('keeps the lazily compiled budgets validators working on every call', () => {
    expect(findBudgetProblems({ budgets: [{ path: '/', metrics: { LCP: { max: 'x' } } }] }).count).toBe(1);
    expect(findBudgetProblems({ budgets: [{ path: '/', metrics: { LCP: { max: 2500 } } }] }).count).toBe(0);
  });
});
