import * as core from '@actions/core';
import type { Logger } from './Logger.js';

/** Logs to the GitHub Actions log, one collapsible group per stage. */
export const actionsLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  debug: (message) => core.debug(message),
  group: (name, fn) => core.group(name, fn),
};
