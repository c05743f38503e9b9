/** Where termination signals come from: `process`, or a test's emitter. */
export interface SignalSource {
  once(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  off(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

/** The exit code of a process ended by a signal: 128 + its number. */
export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

export interface Cancellation {
  /** Aborts, with the signal's name as its reason, on the first SIGINT or SIGTERM. */
  signal: AbortSignal;
  /** Removes the handlers; the first signal removes them too, so a second one ends the process. */
  dispose(): void;
}

/**
 * Turns the first SIGINT or SIGTERM (the runner's cancel, Ctrl-C) into an aborted signal for the gate,
 * which then stops and writes what it measured. Installed by the CLI and the action only, for their run.
 */
export function cancelOnSignals(source: SignalSource): Cancellation {
  const controller = new AbortController();
  const dispose = () => {
    for (const [name, handler] of handlers) source.off(name, handler);
  };
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((name) => {
    const handler = () => {
      dispose(); // a second signal of either kind (the runner's SIGTERM after its SIGINT) ends the process
      controller.abort(name);
    };
    source.once(name, handler);
    return [name, handler] as const;
  });
  return { signal: controller.signal, dispose };
}
