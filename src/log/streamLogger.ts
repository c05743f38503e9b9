import type { Logger } from './Logger.js';

/** Logs progress to a stream (the CLI's stderr), so stdout carries only the report. */
export function streamLogger(stream: NodeJS.WritableStream, verbose = false): Logger {
  let indent = '';
  return {
    info: (message) => stream.write(`${indent}${message}\n`),
    warning: (message) => stream.write(`${indent}warning: ${message}\n`),
    debug: (message) => {
      if (verbose) stream.write(`${indent}debug: ${message}\n`);
    },
    group: async (name, fn) => {
      stream.write(`${indent}▸ ${name}\n`);
      const outer = indent;
      indent = `${outer}  `;
      try {
        return await fn();
      } finally {
        indent = outer;
      }
    },
  };
}
