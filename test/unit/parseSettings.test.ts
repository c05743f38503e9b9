import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors/UserError.js';
import { baselineFor, parseSettings, parseUrls } from '../../src/settings/parseSettings.js';

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
      maxRuns: 10,
      regressionTolerance: 0.1,
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
      baseUrl: 'https://preview.example/pr-7/',
      maxRuns: 18,
      regressionTolerance: 0.1,
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

describe('baseline settings', () => {
  it('maps each measured path to the baseline, dropping the candidate prefix', () => {
    const settings = parseSettings(
      inputs({
        urls: '/product/1?ref=x',
        'base-url': 'https://preview.example/pr-7/',
        'baseline-url': 'https://www.example.com/shop',
        runs: '4',
        'max-runs': '12',
        'regression-tolerance': '5',
      }),
    );
    expect(settings.baselineUrl).toBe('https://www.example.com/shop');
    expect(settings.maxRuns).toBe(12);
    expect(settings.regressionTolerance).toBeCloseTo(0.05);
    expect(baselineFor(settings.urls[0] as string, settings.baselineUrl as string, settings.baseUrl)).toBe(
      'https://www.example.com/shop/product/1?ref=x',
    );
    expect(baselineFor('https://pr.example/', 'https://prod.example')).toBe('https://prod.example/');
  });

  it('keeps max-runs at or above runs', () => {
    expect(() => parseSettings(inputs({ urls: 'https://a.example/', runs: '5', 'max-runs': '3' }))).toThrow(
      "Invalid input 'max-runs': '3'. Expected a whole number from 5 to 50.",
    );
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
