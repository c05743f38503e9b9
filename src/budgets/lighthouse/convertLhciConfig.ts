import type { MetricName } from '../../metrics/metricDefinitions.js';
import type { BudgetEntry, MetricBudget, ResourceBudget, ResourceCategory } from '../Budgets.js';
import { RESOURCE_CATEGORIES } from '../Budgets.js';
import type { ImportedBudgets } from './ImportedBudgets.js';
import { describeValue, isRecord, jsonPath } from './jsonPath.js';
import { MAPPED_METRICS, UNMAPPED_METRICS, valueForScore } from './lighthouseMetrics.js';
import { urlPatternToPath } from './lighthousePaths.js';

/** LHCI's presets as on its main branch in 2024 (`all`, `recommended` = all with the flaky metrics at warn, `no-pwa` = recommended):
 * their assertions on Lighthouse metrics; the rest assert audits vitals-gate does not run. */
const RECOMMENDED: Record<string, unknown> = {
  'first-contentful-paint': ['warn', {}],
  'largest-contentful-paint': ['warn', {}],
  'cumulative-layout-shift': ['warn', {}],
  'server-response-time': ['warn', {}],
  'total-byte-weight': ['error', {}],
};
const PRESETS: Readonly<Record<string, Record<string, unknown>>> = {
  'lighthouse:all': {
    'first-contentful-paint': ['error', {}],
    'largest-contentful-paint': ['error', {}],
    'cumulative-layout-shift': ['error', {}],
    'server-response-time': ['error', {}],
    'total-byte-weight': ['error', {}],
  },
  'lighthouse:recommended': RECOMMENDED,
  'lighthouse:no-pwa': RECOMMENDED,
};

const ASSERT_KEYS = [
  'assertions',
  'assertMatrix',
  'budgetsFile',
  'preset',
  'aggregationMethod',
  'matchingUrlPattern',
  'includePassedAssertions',
];
const OPTION_KEYS = ['minScore', 'maxLength', 'maxNumericValue', 'aggregationMethod', 'numericValue'];
const AGGREGATIONS = ['median', 'optimistic', 'pessimistic', 'median-run'];

export interface LhciOutcome {
  problems: string[];
  imported: ImportedBudgets;
  /** `ci.assert.budgetsFile`: the caller reads and converts that budget.json instead. */
  budgetsFile?: string;
}

/** `largestContentfulPaint` → `largest-contentful-paint`, as LHCI normalises assertion keys. */
function kebab(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

interface Context {
  file: string;
  problems: string[];
  warnings: string[];
}

/** One vitals-gate entry being built from one LHCI options block. */
interface Draft {
  metrics: Partial<Record<MetricName, MetricBudget>>;
  resources: Partial<Record<ResourceCategory, ResourceBudget>>;
  performanceScore?: { min?: number; warn?: number };
}

function setLimit(target: { max?: number; warn?: number }, level: 'error' | 'warn', value: number): void {
  if (level === 'error') target.max = value;
  else target.warn = value;
}

/** Reads one assertion `"off" | "warn" | "error" | [level, options]`; undefined when off or invalid. */
function readAssertion(
  value: unknown,
  at: string,
  context: Context,
  inheritedAggregation: string | undefined,
): { level: 'error' | 'warn'; options: Record<string, unknown> } | undefined {
  const [level, options = {}] = Array.isArray(value) ? value : [value];
  if (level !== 'off' && level !== 'warn' && level !== 'error') {
    context.problems.push(
      `${at}: expected "off", "warn", "error" or [level, {options}], got ${describeValue(level)}`,
    );
    return undefined;
  }
  if (Array.isArray(value) && value.length > 2) context.problems.push(`${at}: expected [level, {options}]`);
  if (!isRecord(options)) {
    context.problems.push(`${jsonPath(at, 1)}: expected an object of assertion options`);
    return undefined;
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.includes(key)) {
      context.problems.push(
        `${jsonPath(jsonPath(at, 1), key)}: unknown assertion option '${key}'; expected one of: minScore, maxLength, maxNumericValue, aggregationMethod`,
      );
    }
  }
  for (const key of ['minScore', 'maxLength', 'maxNumericValue']) {
    const option = options[key];
    if (option !== undefined && (typeof option !== 'number' || !Number.isFinite(option) || option < 0)) {
      context.problems.push(
        `${jsonPath(jsonPath(at, 1), key)}: expected a number >= 0, got ${describeValue(option)}`,
      );
    }
  }
  if (typeof options.minScore === 'number' && options.minScore > 1) {
    context.problems.push(
      `${jsonPath(jsonPath(at, 1), 'minScore')}: expected a score from 0 to 1, got ${options.minScore}`,
    );
  }
  const aggregation = options.aggregationMethod ?? inheritedAggregation;
  if (options.aggregationMethod !== undefined && !AGGREGATIONS.includes(String(options.aggregationMethod))) {
    context.problems.push(
      `${jsonPath(jsonPath(at, 1), 'aggregationMethod')}: expected one of: ${AGGREGATIONS.join(', ')}`,
    );
  } else if (options.aggregationMethod === 'optimistic' || options.aggregationMethod === 'pessimistic') {
    context.warnings.push(
      `${context.file}: ${jsonPath(jsonPath(at, 1), 'aggregationMethod')}: '${String(aggregation)}' (the ${aggregation === 'optimistic' ? 'best' : 'worst'} run) is not offered: vitals-gate compares the median of the runs`,
    );
  }
  if (options.numericValue !== undefined) {
    context.warnings.push(
      `${context.file}: ${jsonPath(jsonPath(at, 1), 'numericValue')}: not an assertion option and not mapped (did you mean maxNumericValue?)`,
    );
  }
  if (level === 'off') return undefined;
  return { level, options };
}

function mapAssertion(
  key: string,
  value: unknown,
  at: string,
  draft: Draft,
  context: Context,
  aggregation?: string,
): void {
  const warn = (message: string): void => {
    context.warnings.push(`${context.file}: ${at}: ${message}`);
  };
  const [auditId = '', ...property] = kebab(key).split(/[.:]/).filter(Boolean);
  const assertion = readAssertion(value, at, context, aggregation);
  if (!assertion) return;
  const { level, options } = assertion;
  const maxNumericValue = typeof options.maxNumericValue === 'number' ? options.maxNumericValue : undefined;
  const explicitScore = typeof options.minScore === 'number' ? options.minScore : undefined;
  // LHCI asserts minScore 0.9 when an assertion gives neither a numeric limit nor maxLength.
  const minScore =
    explicitScore ?? (maxNumericValue === undefined && options.maxLength === undefined ? 0.9 : undefined);
  const known =
    auditId === 'categories' ||
    auditId === 'resource-summary' ||
    auditId === 'total-byte-weight' ||
    MAPPED_METRICS[auditId] !== undefined;
  if (known && options.maxLength !== undefined) {
    warn('maxLength (the number of items an audit lists) is not mapped');
  }
  if (auditId === 'categories') {
    if (property.join('.') !== 'performance') {
      warn(
        `the ${property.join('.') || '(no)'} category is not measured (vitals-gate measures performance only)`,
      );
      return;
    }
    if (minScore === undefined) {
      warn('only minScore is mapped for categories:performance');
      return;
    }
    draft.performanceScore = { ...draft.performanceScore };
    if (level === 'error') draft.performanceScore.min = Math.round(minScore * 100);
    else draft.performanceScore.warn = Math.round(minScore * 100);
    return;
  }
  if (auditId === 'resource-summary') {
    const [type, measure] = property;
    if (
      !RESOURCE_CATEGORIES.includes(type as ResourceCategory) ||
      (measure !== 'size' && measure !== 'count') ||
      property.length !== 2
    ) {
      context.problems.push(
        `${at}: expected resource-summary:<type>:size or :count with a type among ${RESOURCE_CATEGORIES.join(', ')}`,
      );
      return;
    }
    if (maxNumericValue === undefined) {
      warn('only maxNumericValue is mapped for resource-summary');
      return;
    }
    const category = type as ResourceCategory;
    const budget: ResourceBudget = { ...draft.resources[category] };
    if (measure === 'size') {
      // Lighthouse's resource summary is in bytes; vitals-gate budgets are KiB.
      if (level === 'error') budget.max = maxNumericValue / 1024;
      else budget.warn = maxNumericValue / 1024;
      if (maxNumericValue === 0)
        warn(`a size of 0 fails as soon as one ${category} byte is loaded; is that meant?`);
    } else {
      if (level === 'error') budget.maxRequests = Math.floor(maxNumericValue);
      else budget.warnRequests = Math.floor(maxNumericValue);
    }
    draft.resources[category] = budget;
    return;
  }
  if (auditId === 'total-byte-weight') {
    const bytes = maxNumericValue ?? (minScore !== undefined ? valueForScore(auditId, minScore) : undefined);
    if (bytes === undefined) {
      warn('no limit to map');
      return;
    }
    if (maxNumericValue === undefined) {
      warn(
        `minScore ${minScore} mapped to total ≤ ${bytes / 1024} KiB (Lighthouse's scoring curve for total-byte-weight)`,
      );
    }
    const budget: ResourceBudget = { ...draft.resources.total };
    setLimit(budget, level, bytes / 1024);
    draft.resources.total = budget;
    return;
  }
  const metric = MAPPED_METRICS[auditId];
  if (!metric) {
    if (auditId === 'performance-budget' || auditId === 'timing-budget') {
      warn(
        'Lighthouse budget audits are not run: import the budget.json itself (ci.assert.budgetsFile or --budgets budget.json)',
      );
      return;
    }
    const reason = UNMAPPED_METRICS[auditId];
    warn(
      reason
        ? `'${auditId}' is not mapped: ${reason}`
        : `'${auditId}' is an audit vitals-gate does not run; not mapped`,
    );
    return;
  }
  let limit = maxNumericValue;
  if (limit === undefined && minScore !== undefined) {
    limit = valueForScore(auditId, minScore);
    if (limit === undefined) {
      warn(`minScore on '${auditId}' is not mapped (give maxNumericValue)`);
      return;
    }
    warn(
      `minScore ${minScore} mapped to ${metric} ≤ ${limit}${metric === 'CLS' ? '' : ' ms'} (Lighthouse's mobile scoring curve)`,
    );
  }
  if (limit === undefined) return;
  if (metric === 'TTFB')
    warn(
      "mapped to TTFB, which web-vitals measures from navigation start (Lighthouse's server response time does not include redirects and connection)",
    );
  if (metric === 'CLS' && limit >= 1) warn(`CLS is unitless; did you mean 0.1? (limit ${limit})`);
  const budget: MetricBudget = { ...draft.metrics[metric] };
  setLimit(budget, level, limit);
  draft.metrics[metric] = budget;
}

/** One LHCI options block (`ci.assert` or an `assertMatrix` item) → one vitals-gate entry. */
function convertOptions(
  options: Record<string, unknown>,
  at: string,
  context: Context,
  allowed: string[],
): BudgetEntry | undefined {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      context.problems.push(
        `${jsonPath(at, key)}: unknown property '${key}'; expected one of: ${allowed.join(', ')}`,
      );
    }
  }
  let path = '/**';
  if (options.matchingUrlPattern !== undefined) {
    const pattern = options.matchingUrlPattern;
    const converted = typeof pattern === 'string' ? urlPatternToPath(pattern) : undefined;
    if (typeof pattern !== 'string') {
      context.problems.push(
        `${jsonPath(at, 'matchingUrlPattern')}: expected a regular expression as a string`,
      );
    } else if (!converted) {
      context.warnings.push(
        `${context.file}: ${jsonPath(at, 'matchingUrlPattern')}: ${JSON.stringify(pattern)} is not a simple path pattern (groups, alternatives or classes); this block is not imported: write its path pattern by hand`,
      );
      return undefined;
    } else path = converted;
  }
  const aggregation = typeof options.aggregationMethod === 'string' ? options.aggregationMethod : undefined;
  if (aggregation !== undefined && !AGGREGATIONS.includes(aggregation)) {
    context.problems.push(
      `${jsonPath(at, 'aggregationMethod')}: expected one of: ${AGGREGATIONS.join(', ')}`,
    );
  } else if (aggregation === 'optimistic' || aggregation === 'pessimistic') {
    context.warnings.push(
      `${context.file}: ${jsonPath(at, 'aggregationMethod')}: '${aggregation}' is not offered: vitals-gate compares the median of the runs`,
    );
  }
  const draft: Draft = { metrics: {}, resources: {} };
  if (options.preset !== undefined) {
    const preset = PRESETS[String(options.preset)];
    if (!preset) {
      context.problems.push(`${jsonPath(at, 'preset')}: expected one of: ${Object.keys(PRESETS).join(', ')}`);
    } else {
      context.warnings.push(
        `${context.file}: ${jsonPath(at, 'preset')}: of '${String(options.preset)}' only its Lighthouse-metric assertions are mapped (${Object.keys(preset).join(', ')}); its audit-score assertions (accessibility, SEO, best practices, diagnostics) are not run by vitals-gate`,
      );
      // The file's own assertions replace the preset's for the same audit.
      const own = new Set(Object.keys(isRecord(options.assertions) ? options.assertions : {}).map(kebab));
      const quiet: Context = { ...context, warnings: [] };
      for (const [key, value] of Object.entries(preset)) {
        if (!own.has(key)) mapAssertion(key, value, jsonPath(at, 'preset'), draft, quiet);
      }
    }
  }
  if (options.assertions !== undefined) {
    if (!isRecord(options.assertions)) {
      context.problems.push(`${jsonPath(at, 'assertions')}: expected an object of assertions by audit id`);
    } else {
      for (const [key, value] of Object.entries(options.assertions)) {
        mapAssertion(key, value, jsonPath(jsonPath(at, 'assertions'), key), draft, context, aggregation);
      }
    }
  }
  const entry: BudgetEntry = { path };
  if (Object.keys(draft.metrics).length) entry.metrics = draft.metrics;
  if (Object.keys(draft.resources).length) entry.resources = draft.resources;
  if (draft.performanceScore) entry.performanceScore = draft.performanceScore;
  return entry;
}

/**
 * Converts an LHCI configuration (`{ci: {assert: …}}`, from lighthouserc.json/.yml/.js) to vitals-gate
 * entries: `assertions` (or each `assertMatrix` item, its `matchingUrlPattern` turned into a path pattern),
 * the Lighthouse-metric part of a `preset`; `budgetsFile` is handed back for the caller to read. Lighthouse
 * metrics map by `maxNumericValue`, or by `minScore` through Lighthouse's mobile scoring curve; `error` is a
 * budget's `max`, `warn` its `warn`; `resource-summary:<type>:size` bytes become KiB.
 */
export function convertLhciConfig(data: Record<string, unknown>, file: string): LhciOutcome {
  const context: Context = { file, problems: [], warnings: [] };
  const imported: ImportedBudgets = { format: 'LHCI config', budgets: [], warnings: context.warnings };
  for (const key of Object.keys(data)) {
    if (key === 'extends') {
      context.warnings.push(
        `${file}: extends: not followed: copy the extended configuration's assertions into this file`,
      );
    } else if (key !== 'ci') {
      context.problems.push(
        `(root): unknown property '${key}'; expected ci (LHCI's configuration lives under ci)`,
      );
    }
  }
  const ci = data.ci;
  if (!isRecord(ci)) {
    context.problems.push(`ci: expected an object with assert`);
    return { problems: context.problems, imported };
  }
  for (const key of Object.keys(ci)) {
    if (key === 'collect') {
      context.warnings.push(
        `${file}: ci.collect: not read: the urls, runs and device inputs say what vitals-gate measures`,
      );
    } else if (!['assert', 'upload', 'server', 'wizard'].includes(key)) {
      context.problems.push(
        `ci: unknown property '${key}'; expected one of: collect, assert, upload, server, wizard`,
      );
    }
  }
  const assert = ci.assert;
  if (!isRecord(assert)) {
    context.problems.push(
      `ci.assert: expected an object with assertions, assertMatrix, preset or budgetsFile`,
    );
    return { problems: context.problems, imported };
  }
  if (assert.budgetsFile !== undefined) {
    if (typeof assert.budgetsFile !== 'string')
      context.problems.push('ci.assert.budgetsFile: expected a path');
    const others = ['assertions', 'assertMatrix', 'preset'].filter((key) => assert[key] !== undefined);
    if (others.length) {
      context.problems.push(
        `ci.assert.budgetsFile: cannot be combined with ${others.join(', ')} (LHCI refuses it too)`,
      );
    }
    return {
      problems: context.problems,
      imported,
      ...(typeof assert.budgetsFile === 'string' ? { budgetsFile: assert.budgetsFile } : {}),
    };
  }
  if (assert.assertMatrix !== undefined) {
    const others = ['assertions', 'preset', 'matchingUrlPattern'].filter((key) => assert[key] !== undefined);
    if (others.length) {
      context.problems.push(
        `ci.assert.assertMatrix: cannot be combined with ${others.join(', ')} (LHCI refuses it too)`,
      );
    }
    if (!Array.isArray(assert.assertMatrix)) {
      context.problems.push(
        'ci.assert.assertMatrix: expected an array of {matchingUrlPattern, assertions, preset}',
      );
    } else {
      assert.assertMatrix.forEach((item, index) => {
        const at = `ci.assert.assertMatrix[${index}]`;
        if (!isRecord(item)) {
          context.problems.push(`${at}: expected an object {matchingUrlPattern, assertions, preset}`);
          return;
        }
        const entry = convertOptions(item, at, context, [
          'matchingUrlPattern',
          'assertions',
          'preset',
          'aggregationMethod',
        ]);
        if (entry) imported.budgets.push(entry);
      });
    }
    return { problems: context.problems, imported };
  }
  const entry = convertOptions(assert, 'ci.assert', context, ASSERT_KEYS);
  if (entry) imported.budgets.push(entry);
  return { problems: context.problems, imported };
}
