/** Where progress goes: the Actions log (`core.info`/`startGroup`) or the CLI's stderr. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  /** Runs `fn` inside a collapsible group (the Actions log) or under a heading (CLI). */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}
