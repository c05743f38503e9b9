import { describe, expect, it } from 'vitest';
import { valueForScore } from '../../src/budgets/lighthouse/lighthouseMetrics.js';
import { budgetPathToPattern, urlPatternToPath } from '../../src/budgets/lighthouse/lighthousePaths.js';
import { parseJsConfig } from '../../src/budgets/lighthouse/parseJsLiteral.js';
import { matchPath } from '../../src/budgets/matchPath.js';

describe('reading a lighthouserc.js as data', () => {
  it('takes literals: quotes and escapes, template strings without substitutions, numbers, export default', () => {
    const text = `export default {
      a: 'it\\'s', b: "tab\\tend", c: \`multi
line\`, d: -1.5e3, e: 0x10, f: .5, g: [true, false, null,], 'h-i': { 1: 'one' }, j: '\\u00e9\\u{1F600}',
    };`;
    expect(parseJsConfig(text, 'f.js')).toEqual({
      a: "it's",
      b: 'tab\tend',
      c: 'multi\nline',
      d: -1500,
      e: 16,
      f: 0.5,
      g: [true, false, null],
      'h-i': { 1: 'one' },
      j: 'é😀',
    });
  });

  it('refuses what would need running: substitutions, identifiers, calls, code after the object', () => {
    const message = (text: string) => {
      try {
        parseJsConfig(text, 'f.js');
      } catch (error) {
        return (error as Error).message.split('. vitals-gate')[0];
      }
      return 'no error';
    };
    const substitution = ['$', '{y}'].join(''); // a template substitution, written without one
    expect(message(`module.exports = { a: \`x${substitution}\` };`)).toBe(
      `f.js at line 1, column 25: expected a string without substitutions ($ then {), found '${substitution}\` };'`,
    );
    expect(message('module.exports = { a: process.env.X };')).toBe(
      "f.js at line 1, column 23: expected a plain value (object, array, string, number, true, false or null), found 'process.env.X };'",
    );
    expect(message('module.exports = { a: 1 };\nconsole.log(1);')).toBe(
      "f.js at line 2, column 1: expected the end of the file after the exported object, found 'console.log(1);'",
    );
    expect(message("module.exports = { a: 'open")).toBe(
      "f.js at line 1, column 23: expected the end of the string, found ''open'",
    );
  });
});

describe('Lighthouse paths and URL patterns', () => {
  it.each([
    ['/', '/shop', true],
    ['/blog', '/blogger', true], // a prefix, as Lighthouse matches
    ['/blog', '/news', false],
    ['/about$', '/about', true],
    ['/about$', '/about/team', false],
    ['/product/*.html$', '/product/a/b.html', true],
    ['/product/*.html$', '/product/a/b.htm', false],
  ])('budget.json path %s on %s: %s', (path, url, matches) => {
    expect(matchPath(budgetPathToPattern(path), `https://x.example${url}`)).toBe(matches);
  });

  it.each([
    ['https?://[^/]+/blog/.*', '/blog/**'],
    ['.*', '/**'],
    ['^http://localhost:3000/$', '/'],
    ['http://localhost:3000/product/[^/]+$', '/product/*'],
    ['^https://shop\\.example\\.com/cart', '/cart**'],
    ['/checkout', '/**/checkout**'],
    ['https?://[^/]+/(en|de)/checkout', undefined],
    ['https?://[^/]+/item/\\d+', undefined],
  ])('matchingUrlPattern %s → %s', (pattern, path) => {
    expect(urlPatternToPath(pattern)).toBe(path);
  });
});

describe("minScore through Lighthouse's mobile scoring curves", () => {
  it('gives the p10 for 0.9 and the median for 0.5, in between otherwise', () => {
    expect(valueForScore('largest-contentful-paint', 0.9)).toBe(2500);
    expect(valueForScore('largest-contentful-paint', 0.5)).toBe(4000);
    expect(valueForScore('first-contentful-paint', 0.9)).toBe(1800);
    expect(valueForScore('total-blocking-time', 0.9)).toBe(200);
    expect(valueForScore('cumulative-layout-shift', 0.9)).toBe(0.1);
    expect(valueForScore('total-byte-weight', 0.9)).toBe(2667 * 1024);
    const between = valueForScore('largest-contentful-paint', 0.75) as number;
    expect(between).toBeGreaterThan(2500);
    expect(between).toBeLessThan(4000);
    expect(valueForScore('speed-index', 0.9)).toBeUndefined();
    expect(valueForScore('largest-contentful-paint', 1)).toBeUndefined();
  });
});
