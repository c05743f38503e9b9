import { UserError } from '../errors/UserError.js';
import type { PlanSettings } from './PlanSettings.js';
import {
  type InputReader,
  parseBoolean,
  parseChoice,
  parseRum,
  read,
  readDefaulted,
} from './parseSettings.js';
import type { Device, Throttling } from './Settings.js';

function number(
  get: InputReader,
  name: string,
  min: number,
  max: number,
  expected: string,
): number | undefined {
  const raw = read(get, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || value < min || value > max) {
    throw new UserError(`Invalid input '${name}': '${raw}'. Expected ${expected}.`);
  }
  return value;
}

const list = (raw: string | undefined) =>
  (raw ?? '')
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry && !entry.startsWith('#'));

/** Parses the plan's inputs (the field source, device, runs, and `top`, `min-share`, `include`, `exclude`, `urls`, `max-minutes`). */
export function parsePlanSettings(get: InputReader): PlanSettings {
  const rum = parseRum(get);
  if (rum.source === 'none' || rum.source === 'crux') {
    throw new UserError(
      `Invalid input 'rum-source': '${rum.source}'. A plan needs a source that lists pages with their traffic: prometheus, loki or file (CrUX cannot list pages; with crux-api-key it chooses the devices).`,
    );
  }
  const always = list(read(get, 'urls'));
  for (const entry of always) {
    if (!entry.startsWith('/') && !URL.canParse(entry)) {
      throw new UserError(
        `Invalid input 'urls': '${entry}'. Expected a path starting with / or an absolute URL.`,
      );
    }
  }
  const top = number(get, 'top', 1, 1000, 'a whole number from 1 to 1000');
  if (top !== undefined && !Number.isInteger(top)) {
    throw new UserError(
      `Invalid input 'top': '${read(get, 'top')}'. Expected a whole number from 1 to 1000.`,
    );
  }
  const minShare = number(get, 'min-share', 0, 100, 'a percentage from 0 to 100');
  const maxMinutes = number(get, 'max-minutes', 1, 360, 'minutes from 1 to 360');
  const include = list(read(get, 'include'));
  const exclude = list(read(get, 'exclude'));
  const origin = read(get, 'baseline-url') ?? read(get, 'base-url');
  const budgetsPath = read(get, 'budgets');
  return {
    rum,
    device: parseChoice<Device>(get, 'device', ['mobile', 'desktop']),
    throttling: parseChoice<Throttling>(get, 'throttling', ['device', 'none']),
    runs: number(get, 'runs', 1, 50, 'a whole number from 1 to 50') ?? 5,
    lighthouse: parseBoolean(get, 'lighthouse'),
    ...(origin && URL.canParse(origin) ? { origin: new URL(origin).origin } : {}),
    baseline: Boolean(read(get, 'baseline-url')),
    ...(budgetsPath ? { budgetsPath } : {}),
    filters: {
      ...(top !== undefined ? { top } : {}),
      ...(minShare !== undefined ? { minShare: minShare / 100 } : {}),
      ...(include.length ? { include } : {}),
      ...(exclude.length ? { exclude } : {}),
      ...(always.length ? { always } : {}),
      ...(maxMinutes !== undefined ? { maxMinutes } : {}),
    },
    outputDir: readDefaulted(get, 'output-dir'),
  };
}
