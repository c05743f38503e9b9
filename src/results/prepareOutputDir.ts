import { describeError, UserError } from '../errors/UserError.js';
import type { OutputFiles } from './writeOutputs.js';

/**
 * Creates the output folder before anything is measured, so an `output-dir` that is a file (or lies under
 * one, or cannot be created) is an input error at once instead of after minutes of measuring.
 */
export async function prepareOutputDir(outputDir: string, files: OutputFiles): Promise<void> {
  try {
    await files.mkdir(outputDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const reason =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? 'it is a file (or lies under one), not a folder'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : describeError(error);
    throw new UserError(
      `Invalid input 'output-dir': '${outputDir}' cannot be used: ${reason}. Expected a folder path for results.json and report.md (created when missing).`,
    );
  }
}
