import type { BudgetsFile } from '../budgets/Budgets.js';
import { resolveBudget } from '../budgets/resolveBudget.js';
import { UserError } from '../errors/UserError.js';
import { collectFieldData, type FieldDeps } from '../field/collectFieldData.js';
import type { FieldSnapshot } from '../field/FieldData.js';
import type { Logger } from '../log/Logger.js';
import type { PlanSettings } from '../settings/PlanSettings.js';
import { estimateSeconds } from '../shard/estimateSeconds.js';
import { buildPlan } from './buildPlan.js';
import { chooseDevices, type FormFactors } from './chooseDevices.js';
import { cruxFormFactors } from './cruxFormFactors.js';
import { lokiTraffic } from './lokiTraffic.js';
import type { Plan } from './Plan.js';
import { pageViews } from './pageViews.js';

export interface PlanDeps extends FieldDeps {
  log: Logger;
  /** The CrUX API's origin; a loopback fake's in tests. */
  cruxBaseUrl?: string;
}

/**
 * Reads the field data once per page and once per route, the page views (the source's sample counts;
 * Loki: a count of Faro's LCP lines), the device mix (CrUX form factors of the production origin when a
 * CrUX key is given), and chooses the plan. Field data that cannot be read is a UserError: a plan
 * without production data has nothing to choose from.
 */
export async function makePlan(settings: PlanSettings, budgets: BudgetsFile, deps: PlanDeps): Promise<Plan> {
  const options = budgets.field ?? {};
  const routes = options.routes ?? [];
  const read = async (withRoutes: boolean): Promise<FieldSnapshot> => {
    const outcome = await collectFieldData(
      settings.rum,
      [],
      settings.device,
      { ...options, routes: withRoutes ? routes : [] },
      deps,
    );
    if (!outcome.snapshot) {
      throw new UserError(
        `Field data unavailable (${settings.rum.source}): ${outcome.error ?? 'no data'}. A plan is chosen from production data.`,
      );
    }
    return outcome.snapshot;
  };
  const pages = await read(false);
  const routeLevel = routes.length ? await read(true) : pages;
  let views = pageViews(pages);
  if (settings.rum.source === 'loki' && settings.rum.url) {
    views = await lokiTraffic({ baseUrl: settings.rum.url, ...options.loki }, deps.now(), deps).catch(
      (error) => {
        deps.log.warning(`Loki page views unavailable (${String(error)}): every route weighs the same.`);
        return new Map<string, number>();
      },
    );
  }
  if (views.size === 0) deps.log.info('The field data has no page view counts: every route weighs the same.');
  let formFactors: FormFactors | undefined;
  if (settings.rum.cruxApiKey && settings.origin) {
    const key = settings.rum.cruxApiKey;
    formFactors = await cruxFormFactors(
      settings.origin,
      { apiKey: key, ...(deps.cruxBaseUrl ? { baseUrl: deps.cruxBaseUrl } : {}) },
      deps,
    ).catch((error) => {
      deps.log.warning(`CrUX form factors unavailable: ${String(error).replaceAll(key, '***')}`);
      return undefined;
    });
  }
  const devices = chooseDevices(formFactors, settings.device);
  return buildPlan({
    pages,
    routes: routeLevel,
    views,
    routePatterns: routes,
    devices,
    filters: settings.filters,
    runs: settings.runs,
    estimate: (path, device) =>
      estimateSeconds({
        device,
        throttling: settings.throttling,
        runs: settings.runs,
        lighthouse: settings.lighthouse,
        interactionSteps:
          resolveBudget(budgets, new URL(path, 'http://plan.invalid').href).interactions?.length ?? 0,
        baseline: settings.baseline,
      }),
    now: deps.now(),
  });
}
