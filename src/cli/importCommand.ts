import { resolve } from 'node:path';
import { loadBudgets } from '../budgets/loadBudgets.js';
import { UserError } from '../errors/UserError.js';
import type { GateDeps } from '../gate/runGate.js';

/** Where the schema lives, for editors' completion in the written file (as the README's example says). */
export const BUDGETS_SCHEMA_URL =
  'https://raw.githubusercontent.com/vitals-gate/vitals-gate/main/budgets.schema.json';

/**
 * `vitals-gate import FILE [--out F]`: reads a Lighthouse budget.json or LHCI config (or a vitals-gate
 * budgets file) as `--budgets` would, logs every warning, and writes the equivalent vitals-gate budgets file
 * (with `$schema`) to F, or to stdout without `--out`. Never overwrites FILE.
 */
export async function importCommand(
  positionals: readonly string[],
  out: string | undefined,
  deps: Pick<GateDeps, 'log' | 'readText' | 'files'>,
  stdout: NodeJS.WritableStream,
): Promise<void> {
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) {
    throw new UserError(
      'Usage: vitals-gate import FILE [--out budgets.json]. FILE: a Lighthouse budget.json or an LHCI config (lighthouserc.json, .yml, .yaml, .js or .cjs).',
    );
  }
  if (out !== undefined && resolve(out) === resolve(file)) {
    throw new UserError(`Invalid flag '--out': '${out}' is the file being imported. Expected another path.`);
  }
  const budgets = await loadBudgets(file, deps.readText);
  for (const warning of budgets.warnings ?? []) deps.log.warning(warning);
  const text = `${JSON.stringify(
    {
      $schema: BUDGETS_SCHEMA_URL,
      budgets: budgets.budgets,
      ...(budgets.field ? { field: budgets.field } : {}),
    },
    null,
    2,
  )}\n`;
  const summary = `${budgets.budgets.length} entr${budgets.budgets.length === 1 ? 'y' : 'ies'}, ${budgets.warnings?.length ?? 0} warning(s)`;
  if (out === undefined) {
    stdout.write(text);
    deps.log.info(`Imported ${budgets.source}: ${summary}.`);
    return;
  }
  await deps.files.writeFile(out, text);
  deps.log.info(`Imported ${budgets.source}: ${summary}. Wrote ${out}; use it with --budgets ${out}.`);
}
