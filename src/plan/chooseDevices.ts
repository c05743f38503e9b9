import type { Device } from '../settings/Settings.js';
import type { PlanDevice } from './Plan.js';

/** A device class is measured when it carries at least this share of page views. */
export const MIN_DEVICE_SHARE = 0.2;

/** CrUX `form_factors` fractions of an origin (phone, desktop, tablet). */
export type FormFactors = Partial<Record<'phone' | 'desktop' | 'tablet', number>>;

const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * The device classes to measure: from CrUX form factors, every class with at least 20 % of page views
 * (phones and tablets count as mobile: both get the mobile profile), mobile first; without form factors,
 * or when no class reaches 20 %, the configured device.
 */
export function chooseDevices(formFactors: FormFactors | undefined, configured: Device): PlanDevice[] {
  if (!formFactors) {
    return [{ device: configured, reason: 'the configured device (no CrUX form factors)' }];
  }
  const shares: Record<Device, number> = {
    mobile: (formFactors.phone ?? 0) + (formFactors.tablet ?? 0),
    desktop: formFactors.desktop ?? 0,
  };
  const chosen = (['mobile', 'desktop'] as const)
    .filter((device) => shares[device] >= MIN_DEVICE_SHARE)
    .map((device) => ({
      device,
      share: shares[device],
      reason: `${percent(shares[device])} of page views${device === 'mobile' ? ', phones and tablets' : ''} (CrUX form factors)`,
    }));
  if (chosen.length) return chosen;
  return [{ device: configured, reason: 'the configured device (no class carries 20 % of page views)' }];
}
