/**
 * One step of the interactions performed after load, as written in the budgets file: exactly one action
 * key, plus an optional `timeout` (ms) for finding its element.
 */
export type InteractionStep =
  | { click: string; timeout?: number }
  | { tap: string; timeout?: number }
  | { type: string; text: string; timeout?: number }
  | { press: string; timeout?: number }
  | { hover: string; timeout?: number }
  | { scroll: string | number; timeout?: number }
  | { wait: string | number; timeout?: number };

export const STEP_ACTIONS = ['click', 'tap', 'type', 'press', 'hover', 'scroll', 'wait'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/** Default time a step waits for its element. */
export const DEFAULT_STEP_TIMEOUT_MS = 5000;

/** The action key of a step. */
export function stepAction(step: InteractionStep): StepAction {
  const action = STEP_ACTIONS.find((name) => name in step);
  if (!action) throw new Error(`not an interaction step: ${JSON.stringify(step)}`);
  return action;
}

/** `click #buy`, `type "shoes" into #q`, `wait 500 ms` — how a step is named in messages. */
export function describeStep(step: InteractionStep): string {
  if ('type' in step) return `type ${JSON.stringify(step.text)} into ${step.type}`;
  if ('press' in step) return `press ${step.press}`;
  if ('scroll' in step)
    return typeof step.scroll === 'number' ? `scroll ${step.scroll} px` : `scroll to ${step.scroll}`;
  if ('wait' in step) return typeof step.wait === 'number' ? `wait ${step.wait} ms` : `wait for ${step.wait}`;
  const action = stepAction(step);
  return `${action} ${(step as Record<string, unknown>)[action]}`;
}
