import { unzipSync, zipSync } from 'fflate';

/** A zip archive of the given files, stored uncompressed (what an artifact download serves). */
export function writeZip(files: Record<string, string | Buffer>): Buffer {
  const entries = Object.fromEntries(
    Object.entries(files).map(([name, content]) => [name, new Uint8Array(Buffer.from(content))]),
  );
  return Buffer.from(zipSync(entries, { level: 0 }));
}

/** The files of a zip archive (stored or deflated). */
export function readZip(zip: Buffer): Record<string, Buffer> {
  const entries = unzipSync(new Uint8Array(zip));
  return Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, Buffer.from(data)]));
}
