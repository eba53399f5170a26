/**
 * Draws the toolbar and store icons (public/icon/<size>.png) from one vector
 * description, so every size stays in step. Run with `npx tsx scripts/make-icons.ts`;
 * the PNGs are committed because the build copies them as they are.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const SUPERSAMPLE = 4;

type Rgba = [number, number, number, number];

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

function encodePng(size: number, pixels: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0;
    Buffer.from(pixels.buffer, y * size * 4, size * 4).copy(rows, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** Distance from p to the segment a–b, all in unit-square coordinates. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function roundedSquareInside(x: number, y: number, radius: number): boolean {
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - radius), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - radius), 0);
  return Math.hypot(qx, qy) <= radius;
}

/** The icon: a blue tile with a white check mark and an amber "second source" dot. */
function colourAt(x: number, y: number): Rgba {
  if (!roundedSquareInside(x, y, 0.22)) return [0, 0, 0, 0];
  const check =
    Math.min(segmentDistance(x, y, 0.25, 0.52, 0.43, 0.7), segmentDistance(x, y, 0.43, 0.7, 0.77, 0.3)) <
    0.075;
  if (check) return [255, 255, 255, 255];
  if (Math.hypot(x - 0.74, y - 0.26) < 0.1) return [255, 200, 61, 255];
  return [29, 78, 216, 255];
}

mkdirSync('public/icon', { recursive: true });
for (const size of SIZES) {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const [r, g, b, a] = colourAt(
            (px + (sx + 0.5) / SUPERSAMPLE) / size,
            (py + (sy + 0.5) / SUPERSAMPLE) / size,
          );
          sum[0]! += r * a;
          sum[1]! += g * a;
          sum[2]! += b * a;
          sum[3]! += a;
        }
      }
      const alpha = sum[3]!;
      const offset = (py * size + px) * 4;
      pixels[offset] = alpha ? Math.round(sum[0]! / alpha) : 0;
      pixels[offset + 1] = alpha ? Math.round(sum[1]! / alpha) : 0;
      pixels[offset + 2] = alpha ? Math.round(sum[2]! / alpha) : 0;
      pixels[offset + 3] = Math.round(alpha / SUPERSAMPLE ** 2);
    }
  }
  writeFileSync(`public/icon/${size}.png`, encodePng(size, pixels));
}
console.log(`wrote ${SIZES.map((s) => `public/icon/${s}.png`).join(', ')}`);
