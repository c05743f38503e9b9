/**
 * Every output of the action. `action.yml` must list exactly these, in this order (a test checks it), and
 * `ActionsIo.setOutput` takes only these names.
 */
export const OUTPUT_DEFINITIONS = [
  {
    name: 'result',
    description:
      'pass, warn or fail (the verdict); error when the gate could not run (bad input, no Chrome, the preview never answered); skipped when the event needs no measurement (a failed deployment, another status).',
  },
  { name: 'results-path', description: 'Path of results.json (settings, every run, aggregates, verdicts).' },
  {
    name: 'report-path',
    description: 'Path of report.md (the markdown report, also written to the job summary).',
  },
  { name: 'comment-url', description: 'URL of the PR comment, when one was written or updated.' },
  {
    name: 'report-url',
    description:
      'Where the full report can be read: the check run when check-run is on, else the workflow run (its job summary).',
  },
  {
    name: 'matrix',
    description:
      'mode: plan (or a measure step with shard): the shards as JSON for strategy.matrix via fromJSON, {"include": [{"shard": "1/3", "device": "mobile"}, …]}.',
  },
  {
    name: 'plan-path',
    description: 'mode: plan: path of the written plan.json (also uploaded as the artifact <name>-plan).',
  },
] as const;

export type OutputName = (typeof OUTPUT_DEFINITIONS)[number]['name'];
