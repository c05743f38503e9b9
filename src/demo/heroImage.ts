import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * A 1200×600 RGB PNG of about 20 KB: a blue gradient with a few rows of pseudo-random noise (fixed seed:
 * the same bytes on every machine). Two Chrome rules shape it: an upscaled image counts for LCP at its
 * intrinsic size (so it is as large as the slot it fills), and low-entropy images (< 0.05 bits per displayed
 * pixel) are not LCP candidates (so it carries ≈ 0.19 bits per pixel even over a 1318×659 desktop slot).
 */
export function heroImage(width = 1200, height = 600, noisyRows = 6): Buffer {
  let seed = 0x2545f491;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0x100000000;
  };
  const every = Math.max(1, Math.floor(height / noisyRows));
  const rows: Buffer[] = [];
  let previous: Buffer | undefined;
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3); // filter byte, then RGB
    const noisy = y % every === every - 1;
    for (let x = 0; x < width; x++) {
      const t = x / width;
      const noise = () => (noisy ? Math.floor(random() * 64) : 0);
      row[1 + x * 3] = Math.min(255, 10 + t * 30 + noise());
      row[2 + x * 3] = Math.min(255, 60 + t * 110 + noise());
      row[3 + x * 3] = Math.min(255, 140 + t * 90 + noise());
    }
    // A row equal to the one above is stored with PNG's "Up" filter (2): all zero bytes, nearly free.
    const same = previous?.subarray(1).equals(row.subarray(1)) ?? false;
    previous = Buffer.from(row);
    if (same) {
      row.fill(0);
      row[0] = 2;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
