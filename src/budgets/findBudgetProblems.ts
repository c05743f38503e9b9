import { Ajv } from 'ajv';
import schema from '../../budgets.schema.json' with { type: 'json' };
import { compileOnce } from '../schema/compileOnce.js';
import { describeSchemaErrors, relevantErrors } from '../schema/jsonErrors.js';
import { ProblemList } from '../schema/ProblemList.js';
import type { BudgetEntry, MetricBudget, Threshold } from './Budgets.js';
import { checkInteractionStep } from './checkInteractionStep.js';

/** The file without its entries (they are checked one by one), and one entry of `budgets` alone: a
 * 200,000-entry file is checked entry by entry. Compiled when the first budgets file is checked. */
const validators = compileOnce(() => {
  const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true });
  ajv.addSchema(schema);
  const { $id: _id, ...rest } = schema;
  return {
    validateEntry: ajv.getSchema(`${schema.$id}#/definitions/budget`) as ReturnType<typeof ajv.compile>,
    validateRoot: ajv.compile({ ...rest, properties: { ...schema.properties, budgets: { type: 'array' } } }),
  };
});

function checkWarnBelowMax(threshold: Threshold | undefined, path: string, problems: ProblemList): void {
  if (threshold?.max !== undefined && threshold.warn !== undefined && threshold.warn > threshold.max) {
    problems.add(`${path}: warn (${threshold.warn}) must not be greater than max (${threshold.max})`);
  }
}

function checkMetric(budget: MetricBudget, path: string, problems: ProblemList): void {
  checkWarnBelowMax(budget, path, problems);
  for (const [subpart, threshold] of Object.entries(budget.subparts ?? {})) {
    checkWarnBelowMax(threshold, `${path}.subparts.${subpart}`, problems);
  }
  checkWarnBelowMax(budget.thirdPartyScripts, `${path}.thirdPartyScripts`, problems);
  if (
    budget.tolerance !== undefined &&
    budget.warnTolerance !== undefined &&
    budget.warnTolerance > budget.tolerance
  ) {
    problems.add(
      `${path}: warnTolerance (${budget.warnTolerance}) must not be greater than tolerance (${budget.tolerance})`,
    );
  }
}

/** Resource budgets: warn ≤ max and warnRequests ≤ maxRequests; score budgets: warn ≥ min. */
function checkResourceBudgets(entry: BudgetEntry, path: string, problems: ProblemList): void {
  for (const [category, budget] of Object.entries(entry.resources ?? {})) {
    checkWarnBelowMax(budget, `${path}.resources.${category}`, problems);
    if (
      budget.maxRequests !== undefined &&
      budget.warnRequests !== undefined &&
      budget.warnRequests > budget.maxRequests
    ) {
      problems.add(
        `${path}.resources.${category}: warnRequests (${budget.warnRequests}) must not be greater than maxRequests (${budget.maxRequests})`,
      );
    }
  }
  const score = entry.performanceScore;
  if (score?.min !== undefined && score.warn !== undefined && score.warn < score.min) {
    problems.add(`${path}.performanceScore: warn (${score.warn}) must not be below min (${score.min})`);
  }
}

/**
 * Every problem of a parsed budgets file: the schema (budgets.schema.json), then what a schema cannot
 * say — warn ≤ max (metrics, subparts, third-party scripts, resources), warnTolerance ≤ tolerance, a
 * score's warn ≥ min, and each
 * interaction step's key, selectors and wait. Entries are validated one at a time and only the first 20
 * problems are described in full, so the answer stays fast and short for any size.
 */
export function findBudgetProblems(data: unknown): ProblemList {
  const problems = new ProblemList();
  const { validateRoot, validateEntry } = validators();
  if (!validateRoot(data)) {
    problems.addAll(describeSchemaErrors(validateRoot.errors ?? []));
    const budgets = (data as { budgets?: unknown } | null)?.budgets;
    if (!Array.isArray(budgets)) return problems;
  }
  const budgets = (data as { budgets: unknown[] }).budgets;
  for (let index = 0; index < budgets.length; index++) {
    const entry = budgets[index];
    if (!validateEntry(entry)) {
      const errors = validateEntry.errors ?? [];
      // Past the 20 listed problems, errors are only counted: describing 400,000 of them costs seconds.
      if (problems.full) problems.countMore(relevantErrors(errors).length);
      else problems.addAll(describeSchemaErrors(errors, `/budgets/${index}`));
      continue;
    }
    const { metrics, interactions } = entry as BudgetEntry;
    for (const [name, budget] of Object.entries(metrics ?? {})) {
      checkMetric(budget, `budgets[${index}].metrics.${name}`, problems);
    }
    checkResourceBudgets(entry as BudgetEntry, `budgets[${index}]`, problems);
    for (const [position, step] of (interactions ?? []).entries()) {
      problems.addAll(checkInteractionStep(step, `budgets[${index}].interactions[${position}]`));
    }
  }
  return problems;
}
