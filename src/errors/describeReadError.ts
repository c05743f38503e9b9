/** A short reason for a failed read of an input file, from its error code. */
export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTREG':
      return 'it is not a regular file (a FIFO, device or socket would block or never end)';
    case 'EFBIG':
      return 'it is larger than 64 MB';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
