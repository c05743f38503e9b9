import { describe, expect, it } from 'vitest';
import { untrustedCode, untrustedText } from '../../src/report/escapeMarkdown.js';

describe('untrustedCode', () => {
  it('wraps text in a code span, with a fence longer than any backtick run inside', () => {
    expect(untrustedCode('div.hero')).toBe('`div.hero`');
    expect(untrustedCode('a`b``c', { inTable: false })).toBe('```a`b``c```');
    expect(untrustedCode('`x`', { inTable: false })).toBe('`` `x` ``');
  });

  it('escapes pipes only inside tables, and folds newlines', () => {
    expect(untrustedCode('a|b')).toBe('`a\\|b`');
    expect(untrustedCode('a|b', { inTable: false })).toBe('`a|b`');
    expect(untrustedCode('line1\nline2\r\n| x |')).toBe('`line1 line2 \\| x \\|`');
  });

  it('truncates very long strings', () => {
    const code = untrustedCode('x'.repeat(500));
    expect(code.length).toBeLessThan(210);
    expect(code).toContain('…');
  });
});

describe('untrustedText', () => {
  it('neutralises HTML, links, autolinks, mentions and table pipes', () => {
    const text = untrustedText('<img src=x onerror=alert(1)> [click](https://evil.example) @octocat | *b*');
    expect(text).not.toMatch(/<img/);
    expect(text).toContain('&lt;img');
    expect(text).toContain('\\[click\\]');
    expect(text).toContain('https&#58;//evil.example');
    expect(text).toContain('@\u200doctocat');
    expect(text).toContain('\\|');
    expect(text).toContain('\\*b\\*');
  });
});
