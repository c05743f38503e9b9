import type { Device } from '../settings/Settings.js';

/** Screen emulation, user agent and throttling of one device class. */
export interface DeviceProfile {
  device: Device;
  description: string;
  viewport: {
    width: number;
    height: number;
    deviceScaleFactor: number;
    isMobile: boolean;
    hasTouch: boolean;
  };
  userAgent: string;
  /** CDP network throttling (Network.emulateNetworkConditions): latency in ms, throughput in bytes/s. */
  network: { latencyMs: number; downloadBytesPerSecond: number; uploadBytesPerSecond: number };
  /** CDP CPU slowdown multiplier (Emulation.setCPUThrottlingRate). */
  cpuSlowdown: number;
}

const kbpsToBytesPerSecond = (kbps: number) => (kbps * 1024) / 8;

/**
 * Lighthouse 13's presets (core/config/constants.js and the lantern throttling constants), so the lab
 * numbers mean what Lighthouse's mean. Mobile uses the DevTools-adjusted mobileSlow4G values Lighthouse
 * applies with `throttlingMethod: devtools` (request latency 150 ms × 3.75, throughput × 0.9). Desktop's
 * devtools values are unset in Lighthouse; we apply desktopDense4G's rtt and throughput as is.
 */
export const DEVICE_PROFILES: Readonly<Record<Device, DeviceProfile>> = {
  mobile: {
    device: 'mobile',
    description: 'mobile (Moto G Power 412×823 @1.75, Slow 4G, 4× CPU slowdown)',
    viewport: { width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
    userAgent:
      'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Mobile Safari/537.36',
    network: {
      latencyMs: 150 * 3.75,
      downloadBytesPerSecond: kbpsToBytesPerSecond(1.6 * 1024 * 0.9),
      uploadBytesPerSecond: kbpsToBytesPerSecond(750 * 0.9),
    },
    cpuSlowdown: 4,
  },
  desktop: {
    device: 'desktop',
    description: 'desktop (1350×940, Dense 4G: 40 ms RTT, 10 Mbit/s)',
    viewport: { width: 1350, height: 940, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Safari/537.36',
    network: {
      latencyMs: 40,
      downloadBytesPerSecond: kbpsToBytesPerSecond(10 * 1024),
      uploadBytesPerSecond: kbpsToBytesPerSecond(10 * 1024),
    },
    cpuSlowdown: 1,
  },
};

/** How the report describes the profile and throttling in use. */
export function describeProfile(device: Device, throttled: boolean): string {
  const profile = DEVICE_PROFILES[device];
  return throttled ? profile.description : `${profile.device} screen emulation, no throttling`;
}
