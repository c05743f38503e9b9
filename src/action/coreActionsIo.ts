import * as core from '@actions/core';
import type { ActionsIo } from './ActionsIo.js';

/** The Actions runner's I/O through `@actions/core`. */
export const coreActionsIo: ActionsIo = {
  getInput: (name) => core.getInput(name),
  setOutput: (name, value) => core.setOutput(name, value),
  setSecret: (value) => core.setSecret(value),
  setFailed: (message) => core.setFailed(message),
  appendSummary: async (markdown) => {
    await core.summary.addRaw(markdown, true).write();
  },
  info: (message) => core.info(message),
  debug: (message) => core.debug(message),
  warning: (message, properties) => core.warning(message, properties),
  error: (message, properties) => core.error(message, properties),
};
