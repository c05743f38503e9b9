import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors/UserError.js';
import { parsePublishSettings } from '../../src/settings/parsePublishSettings.js';
import { baselineFor, parseSettings, parseUrls, secretValues } from '../../src/settings/parseSettings.js';

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
      profileInteractions: true,
      outputDir: 'vitals-gate-results',
      timeoutMs: 60_000,
      rum: { source: 'none' },
      maxRuns: 10,
      regressionTolerance: 0.1,
      waitTimeoutMs: 300_000,
      request: {
        headers: {},
        cookies: [],
        block: ['*netlify-cdp-loader.netlify.app*', '*vercel.live/_next-live/*'],
      },
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
        'profile-interactions': 'false',
        'chrome-path': '/opt/chrome',
        'output-dir': 'out',
        timeout: '30',
        'wait-timeout': '0',
        'extra-headers': 'x-vercel-protection-bypass: abc123\n# a comment\nAuthorization: Basic dTpw',
        cookies: 'session=s1\n  theme=dark  ',
        block: 'none',
      }),
    );
    expect(settings).toEqual({
      urls: ['https://preview.example/pr-7/a', 'https://preview.example/pr-7/b'],
      budgetsPath: 'perf/budgets.json',
      runs: 9,
      device: 'desktop',
      throttling: 'none',
      lighthouse: false,
      profileInteractions: false,
      chromePath: '/opt/chrome',
      outputDir: 'out',
      timeoutMs: 30_000,
      rum: { source: 'none' },
      baseUrl: 'https://preview.example/pr-7/',
      maxRuns: 18,
      regressionTolerance: 0.1,
      waitTimeoutMs: 0,
      request: {
        headers: { 'x-vercel-protection-bypass': 'abc123', Authorization: 'Basic dTpw' },
        cookies: [
          { name: 'session', value: 's1' },
          { name: 'theme', value: 'dark' },
        ],
        block: [],
      },
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
    ['wait-timeout', '-1', "Invalid input 'wait-timeout': '-1'. Expected a whole number from 0 to 3600."],
    [
      'extra-headers',
      'x-token secret-value',
      `Invalid input 'extra-headers': a line without a header name is not a header. Expected one "Name: value" per line.`,
    ],
    [
      'extra-headers',
      'x-token:',
      `Invalid input 'extra-headers': a line for 'x-token' is not a header. Expected one "Name: value" per line.`,
    ],
    [
      'extra-headers',
      'Cookie: a=b',
      "Invalid input 'extra-headers': 'Cookie' cannot be set here; use the cookies input.",
    ],
    [
      'cookies',
      'session=a b',
      "Invalid input 'cookies': a line for 'session' is not a cookie. Expected one name=value per line (no ; or spaces in the value).",
    ],
    [
      'urls',
      'https://preview-{nope}.example/',
      "Invalid input 'urls': unknown placeholder {nope}. Expected {pr}, {sha}, {short-sha}, {branch-slug}.",
    ],
  ])('rejects %s=%s naming the input and the expected format', (name, value, message) => {
    const read = () => parseSettings(inputs({ urls: 'https://a.example/', [name]: value }));
    expect(read).toThrow(UserError);
    expect(read).toThrow(message);
  });
});

describe('URL templates and preview URLs', () => {
  const values = { pr: '42', sha: 'abcdef1234567890', branch: 'feature/New_UI', eventName: 'pull_request' };

  it('fills {pr}, {sha}, {short-sha} and {branch-slug} in urls, base-url and baseline-url', () => {
    const settings = parseSettings(
      inputs({
        urls: '/, /p/{short-sha}',
        'base-url': 'https://deploy-preview-{pr}--shop.netlify.app',
        'baseline-url': 'https://shop-git-{branch-slug}.vercel.app',
      }),
      values,
    );
    expect(settings.urls).toEqual([
      'https://deploy-preview-42--shop.netlify.app/',
      'https://deploy-preview-42--shop.netlify.app/p/abcdef1',
    ]);
    expect(settings.baselineUrl).toBe('https://shop-git-feature-new-ui.vercel.app/');
  });

  it('says which placeholder this trigger cannot fill', () => {
    expect(() =>
      parseSettings(inputs({ urls: 'https://deploy-preview-{pr}--shop.netlify.app/' }), {
        eventName: 'workflow_dispatch',
      }),
    ).toThrow(
      "Invalid input 'urls': {pr} has no value in a workflow_dispatch run (it needs a pull request). Give the URL without it for this trigger.",
    );
  });

  it('measures / of a deployed preview when neither urls nor base-url is given', () => {
    const settings = parseSettings(inputs({}), {}, 'https://shop-abc123.vercel.app');
    expect(settings.urls).toEqual(['https://shop-abc123.vercel.app/']);
    const paths = parseSettings(inputs({ urls: '/, /cart' }), {}, 'https://shop-abc123.vercel.app');
    expect(paths.urls).toEqual(['https://shop-abc123.vercel.app/', 'https://shop-abc123.vercel.app/cart']);
  });
});

describe('secrets in settings', () => {
  it('lists header values, cookie values and the CrUX key for masking', () => {
    const settings = parseSettings(
      inputs({
        urls: 'https://a.example/',
        'extra-headers': 'x-bypass: h-secret',
        cookies: 'sid=c-secret',
        'rum-source': 'crux',
        'crux-api-key': 'k-secret',
      }),
    );
    expect(secretValues(settings)).toEqual(['h-secret', 'c-secret', 'k-secret']);
  });
});

describe('parsePublishSettings', () => {
  it('applies the defaults and reads every publishing input', () => {
    expect(parsePublishSettings(inputs({}))).toEqual({
      name: 'vitals-gate',
      comment: true,
      checkRun: false,
      uploadArtifact: true,
      mode: 'measure',
    });
    expect(
      parsePublishSettings(
        inputs({
          name: 'perf mobile',
          'github-token': 't0k',
          comment: 'false',
          'check-run': 'true',
          'upload-artifact': 'false',
          mode: 'comment-only',
        }),
      ),
    ).toEqual({
      name: 'perf mobile',
      token: 't0k',
      comment: false,
      checkRun: true,
      uploadArtifact: false,
      mode: 'comment-only',
    });
  });

  it.each([
    ['name', 'a/b', "Invalid input 'name': 'a/b'. Expected up to 100 letters, digits, spaces and . _ -"],
    [
      'mode',
      'publish',
      "Invalid input 'mode': 'publish'. Expected one of: measure, comment-only, plan, merge.",
    ],
    ['check-run', 'yes', "Invalid input 'check-run': 'yes'. Expected true or false."],
  ])('rejects %s=%s naming the input', (name, value, message) => {
    expect(() => parsePublishSettings(inputs({ [name]: value }))).toThrow(message);
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
