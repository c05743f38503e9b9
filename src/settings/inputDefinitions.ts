/**
 * Every input of the action, which is also a `--flag` of the CLI. `action.yml` must list exactly these
 * (a test checks it), so the two front ends cannot drift apart.
 */
export interface InputDefinition {
  name: string;
  description: string;
  /** The default as written in action.yml; undefined = no default. */
  default?: string;
  /** Only the action has it (publishing to GitHub); the CLI has no such flag. */
  actionOnly?: true;
}

export const INPUT_DEFINITIONS: readonly InputDefinition[] = [
  {
    name: 'urls',
    description:
      'URLs to measure, one per line; on one line, a comma separates only when a URL (scheme://) or a path (/) follows it, so a comma inside a URL (?ids=1,2) is kept. Relative paths (starting with /) are joined to base-url and must stay on its host (//host is refused). A user:password@ in a URL is refused: use extra-headers or cookies. {pr}, {sha}, {short-sha} and {branch-slug} are replaced (here, in base-url and in baseline-url). Default with a deployment_status or Netlify status event: / of the deployed preview.',
  },
  {
    name: 'base-url',
    description: 'Origin (and optional path prefix) that relative entries of urls are joined to.',
  },
  {
    name: 'budgets',
    description:
      'Path to a budgets JSON file (see budgets.schema.json), or a Lighthouse budget.json or lighthouserc (.json, .yml, .yaml, .js, .cjs; read as data, never run), converted with a warning for what cannot be mapped. Without it, the Core Web Vitals thresholds apply: "needs improvement" warns, "poor" fails.',
  },
  { name: 'runs', description: 'Page loads per URL, each in a fresh browser context (1-50).', default: '5' },
  {
    name: 'device',
    description: 'Emulated device: mobile (Moto G Power, Slow 4G, 4x CPU) or desktop (Dense 4G).',
    default: 'mobile',
  },
  {
    name: 'throttling',
    description: 'device = apply the device profile network and CPU throttling; none = the machine as it is.',
    default: 'device',
  },
  {
    name: 'lighthouse',
    description: 'Run one Lighthouse navigation per URL for TBT, the performance score and an HTML report.',
    default: 'true',
  },
  {
    name: 'profile-interactions',
    description:
      'For URLs with interaction steps: one extra run with the CPU profiler on, crediting the JavaScript that ran inside each interaction to its script (first or third party), also inside first-party handlers.',
    default: 'true',
  },
  {
    name: 'chrome-path',
    description: 'Chrome or Chromium executable. Default: CHROME_PATH, then the usual install locations.',
  },
  {
    name: 'output-dir',
    description: 'Folder for results.json, report.md and the Lighthouse HTML reports.',
    default: 'vitals-gate-results',
  },
  {
    name: 'trace-url',
    description:
      'Link to a backend trace of each run, with {traceId}, e.g. https://grafana.example/explore?traceId={traceId}. Each run sends a sampled W3C traceparent header on its document request.',
  },
  {
    name: 'baseline-url',
    description:
      'Origin (and optional path prefix) of a baseline, e.g. production: each URL path is also loaded there, alternating with the candidate, and the change is tested for significance.',
  },
  {
    name: 'max-runs',
    description:
      'With baseline-url: the most run pairs per URL; pairs are added past runs while a comparison is inconclusive. Default: twice runs.',
  },
  {
    name: 'regression-tolerance',
    description:
      'With baseline-url: the change (percent of the baseline median) that fails when it is also significant (p < 0.05).',
    default: '10',
  },
  {
    name: 'rum-source',
    description:
      'Production field data to compare with: none, file (rum-file), crux (crux-api-key), prometheus or loki (rum-url). Default: file when rum-file is set, else none (no default value here, so that an explicit none with rum-file is an error, not ignored). Unavailable field data never fails the gate.',
  },
  {
    name: 'rum-file',
    description:
      'rum-source file: a field data snapshot (JSON, see field-data.schema.json; written by `vitals-gate rum`) or web-vitals beacons (NDJSON).',
  },
  {
    name: 'rum-url',
    description: 'rum-source prometheus or loki: the base URL of the server, e.g. http://prometheus:9090.',
  },
  {
    name: 'crux-api-key',
    description:
      'rum-source crux: a Chrome UX Report API key (a secret: pass it from secrets; it is masked).',
  },
  {
    name: 'timeout',
    description:
      'Seconds one run (page load, settling and interaction steps) may take before it is stopped and recorded as failed.',
    default: '60',
  },
  {
    name: 'wait-timeout',
    description:
      'Seconds to wait for every URL to answer (HTTP 2xx or 3xx) before measuring, retrying with exponential backoff; 0 = do not wait.',
    default: '300',
  },
  {
    name: 'extra-headers',
    description:
      'HTTP headers for protected previews, one "Name: value" per line (e.g. x-vercel-protection-bypass). Sent only to the hosts of urls, never to third parties or the baseline; masked in logs, never in the comment, results or artifacts.',
  },
  {
    name: 'cookies',
    description:
      'Cookies for protected previews, one name=value per line. Set HttpOnly for the hosts of urls only; masked in logs, never in the comment, results or artifacts.',
  },
  {
    name: 'block',
    description:
      'URL patterns (* is a wildcard) blocked in every run, separated by newlines or commas; none = block nothing. The default blocks the toolbars Netlify and Vercel inject into previews.',
    default: '*netlify-cdp-loader.netlify.app*, *vercel.live/_next-live/*',
  },
  {
    name: 'plan',
    description:
      'A plan file (plan.schema.json; written by mode: plan or `vitals-gate plan`): measure its pages (paths joined to base-url) on its devices, with its field data, instead of urls. mode: merge: how many shards to expect.',
  },
  {
    name: 'shard',
    description:
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template.
      "K/N: measure only shard K of N of the URL × device list (1-based; balanced by expected time; the same split in every job), e.g. ${{ matrix.shard }} from the plan's matrix output. The shard uploads <name>-results-K-of-N and writes no comment or check run. mode: merge: N, the number of shards to merge.",
  },
  {
    name: 'top',
    description: 'mode: plan: measure at most this many pages (routes) by score, besides urls.',
  },
  {
    name: 'min-share',
    description: 'mode: plan: leave out pages (routes) with less than this percentage of page views.',
  },
  {
    name: 'include',
    description:
      'mode: plan: path patterns (* within a segment, ** across), separated by newlines or commas; only matching pages are candidates.',
  },
  {
    name: 'exclude',
    description: 'mode: plan: path patterns; matching pages are never candidates.',
  },
  {
    name: 'max-minutes',
    description:
      'mode: plan: the wall time one shard may measure for; the plan asks for as many shards as that needs (at least one per device).',
  },
  {
    name: 'name',
    description:
      'Name of this gate: the key of its PR comment, the name of its check run and the prefix of its artifact. Two gates on one pull request need two names.',
    default: 'vitals-gate',
    actionOnly: true,
  },
  {
    name: 'github-token',
    description:
      'Token for the PR comment, the check run and the PR lookup (permissions: pull-requests: write, checks: write).',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template.
    default: '${{ github.token }}',
    actionOnly: true,
  },
  {
    name: 'comment',
    description:
      'Post the report as one PR comment, updated in place on every push (true or false). Without a pull request, only the job summary is written.',
    default: 'true',
    actionOnly: true,
  },
  {
    name: 'check-run',
    description:
      'Also create a check run named after name, with the verdict and summary, for branch protection (true or false; needs checks: write).',
    default: 'false',
    actionOnly: true,
  },
  {
    name: 'upload-artifact',
    description:
      'Upload results.json, report.md and the Lighthouse HTML reports as the artifact <name>-results, linked from the comment (true or false).',
    default: 'true',
    actionOnly: true,
  },
  {
    name: 'mode',
    description:
      'measure = measure and publish; comment-only = measure nothing: read the results a pull_request workflow uploaded (in a workflow_run workflow, from the triggering run) and publish them (the fork-safe setup); plan = choose pages and devices from production field data, write plan.json and the matrix output; merge = download every shard artifact of this run and publish one report, comment and check run.',
    default: 'measure',
    actionOnly: true,
  },
];
