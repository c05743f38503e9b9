import { Ajv } from 'ajv';
import schema from '../../plan.schema.json' with { type: 'json' };
import type { ReadText } from '../budgets/loadBudgets.js';
import { UserError } from '../errors/UserError.js';
import { parseFieldSnapshot } from '../field/loadFieldFile.js';
import { compileOnce } from '../schema/compileOnce.js';
import { describeSchemaErrors, parseJson } from '../schema/jsonErrors.js';
import type { Plan } from './Plan.js';

const validator = compileOnce(() =>
  new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true }).compile(schema),
);

/** Parses a plan file and validates it against plan.schema.json (its field data against field-data.schema.json). */
export function parsePlan(text: string, file: string, now: Date): Plan {
  const data = parseJson(text, `Plan file '${file}'`);
  const validate = validator();
  if (!validate(data)) {
    const list = describeSchemaErrors(validate.errors ?? [])
      .map((problem) => `  - ${problem}`)
      .join('\n');
    throw new UserError(`Plan file '${file}' is invalid (see plan.schema.json):\n${list}`);
  }
  const plan = data as unknown as Plan;
  if (plan.field) plan.field = parseFieldSnapshot(JSON.stringify(plan.field), `${file} (field)`, now);
  return plan;
}

/** Reads and validates a plan file; a missing file says what writes one. */
export async function readPlanFile(file: string, readText: ReadText, now: Date): Promise<Plan> {
  let text: string;
  try {
    text = await readText(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      `Plan file '${file}' cannot be read (${code === 'ENOENT' ? 'no such file' : code}): 'vitals-gate plan' (action mode: plan) writes it.`,
    );
  }
  return parsePlan(text, file, now);
}
