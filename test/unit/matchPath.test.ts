import { describe, expect, it } from 'vitest';
import { compilePathPattern, matchPath } from '../../src/budgets/matchPath.js';

/** The regular expression the patterns used to compile to: the reference for the semantics. */
function referenceRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '*' && pattern[i + 1] === '*') {
      if (source.endsWith('/') && (i + 2 === pattern.length || pattern[i + 2] === '/')) {
        source = `${source.slice(0, -1)}(?:/.*)?`;
        i += pattern[i + 2] === '/' ? 2 : 1;
        continue;
      }
      source += '.*';
      i++;
    } else if (char === '*') source += '[^/]*';
    else source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** A deterministic pseudo-random sequence (the same cases on every run). */
function* lcg(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    yield state / 2 ** 31;
  }
}

describe('compilePathPattern', () => {
  it('agrees with the regular-expression semantics on 20,000 random short patterns and paths', () => {
    const random = lcg(42);
    const pick = (alphabet: string, max: number) => {
      const length = Math.floor((random.next().value as number) * max);
      let text = '';
      for (let i = 0; i < length; i++) {
        text += alphabet[Math.floor((random.next().value as number) * alphabet.length)];
      }
      return text;
    };
    let matches = 0;
    for (let n = 0; n < 20_000; n++) {
      const pattern = `/${pick('ab/*.', 7)}`;
      const path = `/${pick('ab/.', 8)}`;
      const expected = referenceRegExp(pattern).test(path);
      if (expected) matches++;
      expect(compilePathPattern(pattern).test(path), `${pattern} vs ${path}`).toBe(expected);
    }
    // Both outcomes are exercised, not only "no match".
    expect(matches).toBeGreaterThan(1000);
  });

  it('answers a pattern that makes a backtracking regular expression explode', () => {
    const pattern = '/*a*a*a*a*a*a*a*a*a*a*a*a*b';
    const path = `/${'a'.repeat(39)}`;
    expect(matchPath(pattern, `https://x.example${path}`)).toBe(false);
    expect(compilePathPattern(pattern).test(`${path}b`)).toBe(true);
  });

  it('handles a 100,000-character pattern of /** segments without deep recursion', () => {
    const pattern = '/**'.repeat(33_000);
    expect(compilePathPattern(pattern).test('/a/b/c')).toBe(true);
  });
});
