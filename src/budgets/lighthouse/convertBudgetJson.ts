import type { BudgetEntry, MetricBudget, ResourceCategory } from '../Budgets.js';
import { RESOURCE_CATEGORIES } from '../Budgets.js';
import type { ImportedBudgets } from './ImportedBudgets.js';
import { describeValue, isRecord, jsonPath } from './jsonPath.js';
import { BUDGET_JSON_METRICS, MAPPED_METRICS, UNMAPPED_METRICS } from './lighthouseMetrics.js';
import { budgetPathProblem, budgetPathToPattern } from './lighthousePaths.js';

const ENTRY_KEYS = ['path', 'options', 'resourceSizes', 'resourceCounts', 'timings'];

/** Lighthouse budget.json → problems (invalid, as Lighthouse's validator would refuse it) and entries. */
export interface BudgetJsonOutcome {
  problems: string[];
  imported: ImportedBudgets;
}

function unknownKeys(
  value: Record<string, unknown>,
  allowed: string[],
  at: string,
  problems: string[],
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      problems.push(`${at || '(root)'}: unknown property '${key}'; expected one of: ${allowed.join(', ')}`);
    }
  }
}

function numberAt(value: unknown, at: string, problems: string[]): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  problems.push(`${at}: expected a number >= 0, got ${describeValue(value)}`);
  return undefined;
}

/** Reads `[{key, budget}]` lists (resourceSizes, resourceCounts, timings), one problem per bad item. */
function readList(
  list: unknown,
  at: string,
  key: 'resourceType' | 'metric',
  allowed: readonly string[],
  problems: string[],
): { name: string; budget: number; at: string }[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    problems.push(`${at}: expected an array of {${key}, budget}`);
    return [];
  }
  const seen = new Set<string>();
  const items: { name: string; budget: number; at: string }[] = [];
  list.forEach((item, index) => {
    const itemAt = jsonPath(at, index);
    if (!isRecord(item)) {
      problems.push(`${itemAt}: expected an object {${key}, budget}`);
      return;
    }
    unknownKeys(item, [key, 'budget'], itemAt, problems);
    const name = item[key];
    if (typeof name !== 'string' || !allowed.includes(name)) {
      problems.push(
        `${jsonPath(itemAt, key)}: unknown ${key === 'metric' ? 'metric' : 'resource type'} ${JSON.stringify(name)}; expected one of: ${allowed.join(', ')}`,
      );
      return;
    }
    if (seen.has(name)) problems.push(`${jsonPath(itemAt, key)}: '${name}' is given twice in ${at}`);
    seen.add(name);
    const budget = numberAt(item.budget, jsonPath(itemAt, 'budget'), problems);
    if (budget !== undefined) items.push({ name, budget, at: itemAt });
  });
  return items;
}

/**
 * Converts a Lighthouse budget.json (an array of `{path, options, resourceSizes, resourceCounts,
 * timings}`) to vitals-gate entries, validating it as Lighthouse does (unknown keys, metrics and resource
 * types, duplicates, paths with more than one `*`). Sizes stay KiB; counts become `maxRequests`; timings
 * `max` in ms (CLS unitless). Every entry gets `override`, keeping Lighthouse's "the last matching budget
 * applies". Metrics vitals-gate does not measure and `firstPartyHostnames` become warnings.
 */
export function convertBudgetJson(data: unknown[], file: string): BudgetJsonOutcome {
  const problems: string[] = [];
  const warnings: string[] = [];
  const budgets: BudgetEntry[] = [];
  const warn = (at: string, message: string) => warnings.push(`${file}: ${at}: ${message}`);
  data.forEach((raw, index) => {
    const at = `[${index}]`;
    if (!isRecord(raw)) {
      problems.push(`${at}: expected a budget object {path, resourceSizes, resourceCounts, timings}`);
      return;
    }
    unknownKeys(raw, ENTRY_KEYS, at, problems);
    let path = '/';
    if (raw.path !== undefined) {
      const problem = typeof raw.path === 'string' ? budgetPathProblem(raw.path) : 'expected a string';
      if (problem) problems.push(`${at}.path: ${problem}`);
      else path = raw.path as string;
    }
    if (path.includes('?')) warn(`${at}.path`, 'vitals-gate matches paths without the query string');
    if (raw.options !== undefined) {
      if (!isRecord(raw.options)) problems.push(`${at}.options: expected an object`);
      else {
        unknownKeys(raw.options, ['firstPartyHostnames'], `${at}.options`, problems);
        const hosts = raw.options.firstPartyHostnames;
        if (hosts !== undefined && (!Array.isArray(hosts) || hosts.some((h) => typeof h !== 'string'))) {
          problems.push(`${at}.options.firstPartyHostnames: expected an array of host names`);
        } else if (hosts !== undefined) {
          warn(
            `${at}.options.firstPartyHostnames`,
            'not used: vitals-gate counts a request as third party by its registrable domain and entity (as for scripts), not by a host list',
          );
        }
      }
    }
    const entry: BudgetEntry = { path: budgetPathToPattern(path), override: true };
    const resources: Partial<Record<ResourceCategory, { max?: number; maxRequests?: number }>> = {};
    for (const size of readList(
      raw.resourceSizes,
      `${at}.resourceSizes`,
      'resourceType',
      RESOURCE_CATEGORIES,
      problems,
    )) {
      const category = size.name as ResourceCategory;
      resources[category] = { ...resources[category], max: size.budget };
      if (size.budget === 0)
        warn(size.at, `a size of 0 KiB fails as soon as one ${category} byte is loaded; is that meant?`);
    }
    for (const count of readList(
      raw.resourceCounts,
      `${at}.resourceCounts`,
      'resourceType',
      RESOURCE_CATEGORIES,
      problems,
    )) {
      const category = count.name as ResourceCategory;
      if (!Number.isInteger(count.budget)) {
        problems.push(`${count.at}.budget: expected a whole number of requests, got ${count.budget}`);
        continue;
      }
      resources[category] = { ...resources[category], maxRequests: count.budget };
    }
    const metrics: Partial<Record<string, MetricBudget>> = {};
    for (const timing of readList(raw.timings, `${at}.timings`, 'metric', BUDGET_JSON_METRICS, problems)) {
      const metric = MAPPED_METRICS[timing.name];
      if (!metric) {
        warn(
          timing.at,
          `'${timing.name}' is not mapped: ${UNMAPPED_METRICS[timing.name] ?? 'not measured by vitals-gate'}`,
        );
        continue;
      }
      if (metric === 'CLS' && timing.budget >= 1) {
        warn(timing.at, `CLS is unitless; did you mean 0.1? (budget ${timing.budget})`);
      }
      metrics[metric] = { max: timing.budget };
    }
    if (Object.keys(metrics).length) entry.metrics = metrics;
    if (Object.keys(resources).length) entry.resources = resources;
    budgets.push(entry);
  });
  return { problems, imported: { format: 'Lighthouse budget.json', budgets, warnings } };
}
