import type { ElementHandle, KeyInput, Page } from 'puppeteer-core';
import { DEFAULT_STEP_TIMEOUT_MS, describeStep, type InteractionStep } from '../budgets/InteractionStep.js';
import { describeError } from '../errors/UserError.js';

/** What the interactions of one run achieved. */
export interface InteractionOutcome {
  /** Steps that ran to completion. */
  completed: number;
  /** `step 2 of /checkout: no element matches `#buy` (waited 5000 ms)` when a step failed. */
  error?: string;
}

class StepError extends Error {}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function findElement(page: Page, selector: string, timeout: number): Promise<ElementHandle<Element>> {
  try {
    const element = await page.waitForSelector(selector, { visible: true, timeout });
    if (element) return element;
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'TimeoutError') {
      throw new StepError(`invalid selector \`${selector}\`: ${describeError(error)}`);
    }
  }
  const hidden = await page.$(selector).catch(() => null);
  throw new StepError(
    hidden
      ? `\`${selector}\` matches an element that did not become visible (waited ${timeout} ms)`
      : `no element matches \`${selector}\` (waited ${timeout} ms)`,
  );
}

/**
 * Headless Chromium presents no frame by itself after a CDP input, so no event-timing entry is delivered
 * and INP never arrives. A tiny screenshot forces a frame (the report then arrives within ~20 ms).
 */
export async function forceFrame(page: Page): Promise<void> {
  await page.screenshot({
    clip: { x: 0, y: 0, width: 8, height: 8 },
    type: 'jpeg',
    quality: 1,
    captureBeyondViewport: false,
  });
}

/** How long a pointer or key is held down, as a user does (web-vitals' own e2e tests pause ~50 ms). */
export const HOLD_MS = 50;

/**
 * Holds for `HOLD_MS` with a frame forced in the meantime: the pointerdown / keydown is presented before
 * the release, as when a person presses. With no pause (`element.click()`) the event-timing entries lost
 * their target in 4 of 6 iterations and sometimes the long-animation-frame data.
 */
async function hold(page: Page): Promise<void> {
  const started = Date.now();
  await forceFrame(page);
  await delay(Math.max(0, HOLD_MS - (Date.now() - started)));
}

/** Key down, hold, key up; characters not on a US keyboard are sent as text input. */
async function pressKey(page: Page, key: string): Promise<void> {
  try {
    await page.keyboard.down(key as KeyInput);
  } catch (error) {
    if (key.length > 2 || !(error instanceof Error) || !/unknown key/i.test(error.message)) throw error;
    await page.keyboard.sendCharacter(key);
    return;
  }
  await hold(page);
  await page.keyboard.up(key as KeyInput);
}

async function performStep(page: Page, step: InteractionStep): Promise<void> {
  const timeout = step.timeout ?? DEFAULT_STEP_TIMEOUT_MS;
  if ('click' in step) {
    // Move to the element (as `hover` does: scrolled into view if needed), press, hold, release.
    await (await findElement(page, step.click, timeout)).hover();
    await page.mouse.down();
    await hold(page);
    await page.mouse.up();
  } else if ('tap' in step) {
    const touch = await (await findElement(page, step.tap, timeout)).touchStart();
    await hold(page);
    await touch.end();
  } else if ('type' in step) {
    await (await findElement(page, step.type, timeout)).focus();
    for (const character of step.text) {
      await pressKey(page, character);
      await forceFrame(page);
    }
    return;
  } else if ('press' in step) {
    await pressKey(page, step.press);
  } else if ('hover' in step) {
    await (await findElement(page, step.hover, timeout)).hover();
  } else if ('scroll' in step) {
    if (typeof step.scroll === 'number') await page.mouse.wheel({ deltaY: step.scroll });
    else await (await findElement(page, step.scroll, timeout)).scrollIntoView();
  } else if ('wait' in step) {
    if (typeof step.wait === 'number') await delay(step.wait);
    else await findElement(page, step.wait, timeout);
    return;
  }
  await forceFrame(page);
}

/**
 * Performs the steps in order on the loaded page, forcing a frame after each input. Stops at the first
 * failing step and says which step of which page failed and why; never throws.
 */
export async function performInteractions(
  page: Page,
  steps: readonly InteractionStep[],
  pageLabel: string,
): Promise<InteractionOutcome> {
  for (const [index, step] of steps.entries()) {
    try {
      await performStep(page, step);
    } catch (error) {
      const reason =
        error instanceof StepError ? error.message : `${describeStep(step)} failed: ${describeError(error)}`;
      return { completed: index, error: `step ${index + 1} of ${pageLabel}: ${reason}` };
    }
  }
  return { completed: steps.length };
}
