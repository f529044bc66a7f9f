// PNG icons: their size from the header, and the smaller sizes a platform asks for (webOS: 80 and 130 px).
import { PNG } from 'pngjs';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(SIGNATURE) || bytes.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A square icon scaled down by averaging each target pixel's source area (clean edges, no dependency on native code). */
export function resizeSquarePng(bytes: Buffer, size: number): Buffer {
  const source = PNG.sync.read(bytes);
  const target = new PNG({ width: size, height: size });
  const scale = source.width / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      let count = 0;
      const x0 = Math.floor(x * scale);
      const y0 = Math.floor(y * scale);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * scale));
      const y1 = Math.max(y0 + 1, Math.floor((y + 1) * scale));
      for (let sy = y0; sy < y1 && sy < source.height; sy++) {
        for (let sx = x0; sx < x1 && sx < source.width; sx++) {
          const i = (sy * source.width + sx) * 4;
          for (let c = 0; c < 4; c++) sum[c] += source.data[i + c];
          count++;
        }
      }
      const o = (y * size + x) * 4;
      for (let c = 0; c < 4; c++) target.data[o + c] = Math.round(sum[c] / count);
    }
  }
  return PNG.sync.write(target);
}
