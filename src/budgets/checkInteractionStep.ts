import { parsePSelectors } from 'puppeteer-core/internal/common/PSelectorParser.js';
import { _keyDefinitions } from 'puppeteer-core/internal/common/USKeyboardLayout.js';
import { DEFAULT_STEP_TIMEOUT_MS, type InteractionStep } from './InteractionStep.js';

/** Puppeteer's own key names (its US keyboard layout): what `page.keyboard.press` accepts. */
const KEY_NAMES: ReadonlySet<string> = new Set(Object.keys(_keyDefinitions));
const KEYS_BY_LOWER_CASE = new Map([...KEY_NAMES].map((name) => [name.toLowerCase(), name]));

/** Why Puppeteer would refuse this selector, or undefined when its selector parser accepts it. */
export function selectorProblem(selector: string): string | undefined {
  try {
    parsePSelectors(selector);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A known key name, or a suggestion for a near one (`enter` → `Enter`). */
export function keyProblem(key: string): string | undefined {
  if (KEY_NAMES.has(key)) return undefined;
  const near = KEYS_BY_LOWER_CASE.get(key.toLowerCase());
  return near
    ? `unknown key '${key}'; did you mean '${near}'?`
    : `unknown key '${key.slice(0, 40)}'; expected a key name of Puppeteer's US keyboard layout, e.g. Enter, Tab, Escape, ArrowDown, Space, KeyA, a, F5`;
}

/**
 * What the schema cannot say about one interaction step, found before any page loads: the key of a
 * `press` exists, every selector parses as Puppeteer parses it, and a `wait` in ms is a whole number
 * from 0 to the step's `timeout`. `path` is the step's JSON path, e.g. `budgets[0].interactions[2]`.
 */
export function checkInteractionStep(step: InteractionStep, path: string): string[] {
  const problems: string[] = [];
  if ('press' in step) {
    const problem = keyProblem(step.press);
    if (problem) problems.push(`${path}.press: ${problem}`);
  }
  for (const action of ['click', 'tap', 'type', 'hover', 'scroll', 'wait'] as const) {
    const selector = (step as Record<string, unknown>)[action];
    if (typeof selector !== 'string') continue;
    const problem = selectorProblem(selector);
    if (problem) {
      problems.push(
        `${path}.${action}: '${selector.slice(0, 80)}' is not a valid selector (${problem}); expected a CSS selector such as #buy or button.primary`,
      );
    }
  }
  if ('wait' in step && typeof step.wait === 'number') {
    const timeout = step.timeout ?? DEFAULT_STEP_TIMEOUT_MS;
    if (!Number.isInteger(step.wait) || step.wait < 0) {
      problems.push(`${path}.wait: ${step.wait} is not a whole number of milliseconds from 0 up`);
    } else if (step.wait > timeout) {
      problems.push(
        `${path}.wait: ${step.wait} ms is longer than the step's timeout (${timeout} ms${step.timeout === undefined ? ', the default' : ''}); wait less, or raise the step's timeout (at most 120000)`,
      );
    }
  }
  return problems;
}
