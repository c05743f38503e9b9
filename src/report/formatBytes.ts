const kib = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Bytes as KiB (1 KiB = 1024 bytes) to one decimal: `< 0.1 KiB`, `20.5 KiB`, `1,600 KiB`. */
export function formatKiB(bytes: number): string {
  const value = bytes / 1024;
  if (value !== 0 && Math.abs(value) < 0.1) return '< 0.1 KiB';
  return `${kib.format(value)} KiB`;
}

/** A signed change in KiB: `+48 KiB`, `-1.5 KiB`. */
export function formatKiBChange(bytes: number): string {
  return `${bytes > 0 ? '+' : bytes < 0 ? '-' : '±'}${formatKiB(Math.abs(bytes))}`;
}

const bytes = new Intl.NumberFormat('en-US');

/** Bytes as a whole number: `204,833 bytes`. */
export function formatBytes(value: number): string {
  return `${bytes.format(value)} bytes`;
}
