/**
 * Every output of the action. `action.yml` must declare exactly these, in this order, each with its
 * description there (a test checks it), and `ActionsIo.setOutput` takes only these names.
 */
export const OUTPUT_NAMES = [
  'result',
  'results-path',
  'report-path',
  'comment-url',
  'report-url',
  'matrix',
  'plan-path',
] as const;

export type OutputName = (typeof OUTPUT_NAMES)[number];
