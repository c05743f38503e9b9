import type { OutputName } from './outputNames.js';

/**
 * What the action reads from and writes to the Actions runner, passed in (as `CliIo` is for the CLI):
 * `coreActionsIo` binds it to `@actions/core`; unit tests pass a recording fake.
 */
export interface ActionsIo {
  /** The input's value as the runner passes it (`''` when unset; action.yml's defaults already applied). */
  getInput(name: string): string;
  setOutput(name: OutputName, value: string): void;
  /** Masks the value in every later log line. */
  setSecret(value: string): void;
  /** Fails the step with one message. */
  setFailed(message: string): void;
  /** Appends markdown to the job summary. */
  appendSummary(markdown: string): Promise<void>;
  info(message: string): void;
  debug(message: string): void;
  /** A warning line; with a title it becomes an annotation on the run. */
  warning(message: string, properties?: { title?: string }): void;
  /** An error line; with a title it becomes an annotation on the run. */
  error(message: string, properties?: { title?: string }): void;
}
