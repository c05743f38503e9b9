import type { FieldOptions } from '../budgets/Budgets.js';
import type { ReadText } from '../budgets/loadBudgets.js';
import { describeReadError } from '../errors/describeReadError.js';
import { describeError } from '../errors/UserError.js';
import type { Device, RumSettings } from '../settings/Settings.js';
import { fetchCrux } from './cruxSource.js';
import type { FieldSnapshot } from './FieldData.js';
import type { HttpDeps } from './httpJson.js';
import { parseFieldFile } from './loadFieldFile.js';
import { fetchLoki } from './lokiSource.js';
import { fetchPrometheus } from './prometheusSource.js';

/** The field data of a run, or why there is none (a source down, a 404, garbage, a timeout). */
export interface FieldOutcome {
  /** Which source was asked, e.g. `prometheus`. */
  source: RumSettings['source'];
  snapshot?: FieldSnapshot;
  error?: string;
}

/** The I/O of reading field data, passed in: files, the clock, and HTTP (`fetch`, `sleep` between retries). */
export interface FieldDeps extends HttpDeps {
  readText: ReadText;
  now: () => Date;
}

/**
 * Reads the configured production field data for the measured URLs. Never throws: whatever goes wrong is
 * the outcome's `error`, and the gate goes on with its absolute budgets.
 */
export async function collectFieldData(
  rum: RumSettings,
  urls: readonly string[],
  device: Device,
  options: FieldOptions,
  deps: FieldDeps,
): Promise<FieldOutcome> {
  const now = deps.now();
  const routes = options.routes ?? [];
  const keepQuery = options.keepQuery ?? false;
  try {
    switch (rum.source) {
      case 'none':
        return { source: 'none' };
      case 'file': {
        const file = rum.file as string;
        let text: string;
        try {
          text = await deps.readText(file);
        } catch (error) {
          throw new Error(
            `cannot read field data file '${file}' (input 'rum-file'): ${describeReadError(error)}`,
          );
        }
        const pageField = options.pageField;
        return {
          source: 'file',
          snapshot: parseFieldFile(
            text,
            file,
            { routes, keepQuery, ...(pageField ? { pageField } : {}) },
            now,
          ),
        };
      }
      case 'crux':
        return {
          source: 'crux',
          snapshot: await fetchCrux(
            urls,
            {
              apiKey: rum.cruxApiKey as string,
              formFactor: device === 'desktop' ? 'DESKTOP' : 'PHONE',
              ...(rum.url ? { baseUrl: rum.url } : {}),
            },
            now,
            deps,
          ),
        };
      case 'prometheus':
        return {
          source: 'prometheus',
          snapshot: await fetchPrometheus(
            { baseUrl: rum.url as string, routes, keepQuery, ...options.prometheus },
            now,
            deps,
          ),
        };
      case 'loki':
        return {
          source: 'loki',
          snapshot: await fetchLoki(
            { baseUrl: rum.url as string, routes, keepQuery, ...options.loki },
            now,
            deps,
          ),
        };
    }
  } catch (error) {
    const message = describeError(error);
    return {
      source: rum.source,
      error: rum.cruxApiKey ? message.replaceAll(rum.cruxApiKey, '***') : message,
    };
  }
}
