import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors/UserError.js';
import { parseSettings, parseUrls } from '../../src/settings/parseSettings.js';

const inputs = (values: Record<string, string>) => (name: string) => values[name];

describe('parseSettings', () => {
  it('applies the documented defaults', () => {
    const settings = parseSettings(inputs({ urls: 'https://a.example/' }));
    expect(settings).toEqual({
      urls: ['https://a.example/'],
      runs: 5,
      device: 'mobile',
      throttling: 'device',
      lighthouse: true,
      outputDir: 'vitals-gate-results',
      timeoutMs: 60_000,
      rum: { source: 'none' },
    });
  });

  it('reads every input', () => {
    const settings = parseSettings(
      inputs({
        urls: '/a, /b',
        'base-url': 'https://preview.example/pr-7/',
        budgets: 'perf/budgets.json',
        runs: '9',
        device: 'Desktop',
        throttling: 'none',
        lighthouse: 'FALSE',
        'chrome-path': '/opt/chrome',
        'output-dir': 'out',
        timeout: '30',
      }),
    );
    expect(settings).toEqual({
      urls: ['https://preview.example/pr-7/a', 'https://preview.example/pr-7/b'],
      budgetsPath: 'perf/budgets.json',
      runs: 9,
      device: 'desktop',
      throttling: 'none',
      lighthouse: false,
      chromePath: '/opt/chrome',
      outputDir: 'out',
      timeoutMs: 30_000,
      rum: { source: 'none' },
    });
  });

  it.each([
    ['runs', '0', "Invalid input 'runs': '0'. Expected a whole number from 1 to 50."],
    ['runs', '51', "Invalid input 'runs': '51'. Expected a whole number from 1 to 50."],
    ['runs', 'five', "Invalid input 'runs': 'five'. Expected a whole number from 1 to 50."],
    ['runs', '2.5', "Invalid input 'runs': '2.5'. Expected a whole number from 1 to 50."],
    ['device', 'tablet', "Invalid input 'device': 'tablet'. Expected one of: mobile, desktop."],
    ['throttling', 'fast', "Invalid input 'throttling': 'fast'. Expected one of: device, none."],
    ['lighthouse', 'yes', "Invalid input 'lighthouse': 'yes'. Expected true or false."],
    ['timeout', '0', "Invalid input 'timeout': '0'. Expected a whole number from 1 to 600."],
  ])('rejects %s=%s naming the input and the expected format', (name, value, message) => {
    const read = () => parseSettings(inputs({ urls: 'https://a.example/', [name]: value }));
    expect(read).toThrow(UserError);
    expect(read).toThrow(message);
  });
});

describe('parseUrls', () => {
  it('splits on newlines and commas, skips blanks and # comments, removes duplicates', () => {
    expect(
      parseUrls('https://a.example/\n\n# staging\nhttps://b.example/x , https://a.example/', undefined),
    ).toEqual(['https://a.example/', 'https://b.example/x']);
  });

  it('joins relative paths to base-url, keeping its path prefix and the query', () => {
    expect(parseUrls('/\n/product/1?ref=ci', 'https://pr-12.preview.example/shop')).toEqual([
      'https://pr-12.preview.example/shop/',
      'https://pr-12.preview.example/shop/product/1?ref=ci',
    ]);
  });

  it('explains a relative path without base-url', () => {
    expect(() => parseUrls('/checkout', undefined)).toThrow(
      "Invalid input 'urls': '/checkout' is a relative path but 'base-url' is not set.",
    );
  });

  it('rejects missing URLs, non-http schemes and garbage', () => {
    expect(() => parseUrls('  \n ', undefined)).toThrow("Missing input 'urls'");
    expect(() => parseUrls('ftp://a.example/', undefined)).toThrow('Expected an http:// or https:// URL.');
    expect(() => parseUrls('not a url', undefined)).toThrow(
      "Invalid input 'urls': 'not a url'. Expected an absolute http(s) URL or a path starting with /.",
    );
    expect(() => parseUrls('/', 'preview.example')).toThrow("Invalid input 'base-url': 'preview.example'.");
  });
});
