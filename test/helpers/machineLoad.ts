import { availableParallelism, loadavg } from 'node:os';

/**
 * Runnable threads per core over the last minute: 1 or less on a quiet machine (CI runs the suite alone),
 * ~7.5 while eight helpers share a 2-core machine (load average ~15). Timing assertions use it to tell a
 * quiet machine, where the tight bounds hold, from a loaded one, where only the directions that load
 * cannot change stay tight.
 */
export function machineLoad(): number {
  return (loadavg()[0] ?? 0) / availableParallelism();
}

/** More threads want the CPU than there are cores: the renderer and the test's servers wait for it. */
export const machineIsLoaded = (): boolean => machineLoad() > 1;
