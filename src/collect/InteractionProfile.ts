/** JavaScript self time of one script URL within an interaction (from the CPU profile). */
export interface ScriptSelfTime {
  /** The script's URL; the document's URL for inline scripts; `''` for code without a URL (untrusted). */
  url: string;
  selfMs: number;
}

/** One interaction of the profiled run: its event-timing window and the code that ran inside it. */
export interface ProfiledInteraction {
  /** `pointer` or `keyboard` (from the event names). */
  type: string;
  /** Event names of the interaction, e.g. `pointerdown`, `pointerup`, `click`. */
  events: string[];
  /** Start (the input's timestamp) and duration to the next paint, page time in ms. */
  startTime: number;
  duration: number;
  /** JavaScript self time by script URL inside the window, most first, at most 50 scripts. */
  scripts: ScriptSelfTime[];
}

/**
 * The diagnostic run with the CPU profiler on (one per URL with interactions, separate from the measured
 * runs): every interaction's window, and which scripts' code ran in it, by self time.
 */
export interface InteractionProfile {
  url: string;
  interactions: ProfiledInteraction[];
  /** The profiler's sampling interval (µs): self times are multiples of roughly this. */
  samplingIntervalUs: number;
  interactionSteps?: number;
  interactionError?: string;
  /** Set when the profiled run failed; no attribution then. */
  error?: string;
  wallMs: number;
}
