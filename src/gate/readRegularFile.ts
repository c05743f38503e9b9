import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** Larger input files are refused: a budgets, field data or results file is kilobytes to a few MB. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Why a path cannot be read as an input file, as an error with a `code` the callers explain. */
function refused(path: string, code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${path}: ${message}`), { code, path });
}

/**
 * Reads an input file as UTF-8 text, refusing anything but a regular file without waiting on it: the file
 * is opened non-blocking and checked with fstat before any read, so a FIFO with no writer, a device such
 * as /dev/zero or /dev/stdin, a socket or a folder is refused at once (code `ENOTREG` or `EISDIR`), as
 * is a file over 64 MB (`EFBIG`).
 */
export async function readRegularFile(path: string): Promise<string> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw refused(path, 'EISDIR', 'is a folder');
    if (!stats.isFile()) throw refused(path, 'ENOTREG', 'is not a regular file');
    if (stats.size > MAX_INPUT_BYTES) throw refused(path, 'EFBIG', 'is larger than 64 MB');
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
