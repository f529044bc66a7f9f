// Photos from the tenant's phone: re-encoded to plain JPEG with no metadata (no GPS, no camera serial), size-bounded,
// stored through the storage module and served back through short-lived signed links.
import { createHmac, timingSafeEqual } from 'node:crypto';
import sharp, { type OutputInfo } from 'sharp';
import { DomainError } from '../../domain-error';

/** What a phone may send: a photo straight from a recent camera is 3–8 MB. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export const photoSizes = ['full', 'thumb'] as const;
export type PhotoSize = (typeof photoSizes)[number];

/** Sized for a 1080p screen and a 2 Mbit/s line: the full photo is ~200–400 KB, the thumbnail ~15 KB. */
const BOXES: Record<PhotoSize, { edge: number; quality: number }> = {
  full: { edge: 1600, quality: 80 },
  thumb: { edge: 360, quality: 70 },
};

export interface EncodedPhoto {
  full: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

export async function reencodePhoto(input: Buffer): Promise<EncodedPhoto> {
  let full: { data: Buffer; info: OutputInfo };
  try {
    // rotate() applies the EXIF orientation to the pixels, since the metadata that carried it is dropped.
    full = await sharp(input, { limitInputPixels: 50_000_000, failOn: 'error' })
      .rotate()
      .resize({ width: BOXES.full.edge, height: BOXES.full.edge, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: BOXES.full.quality, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new DomainError('photo_unreadable');
  }
  const thumb = await sharp(full.data)
    .resize({ width: BOXES.thumb.edge, height: BOXES.thumb.edge, fit: 'inside' })
    .jpeg({ quality: BOXES.thumb.quality })
    .toBuffer();
  return { full: full.data, thumb, width: full.info.width, height: full.info.height };
}

export function photoKey(photoId: string, size: PhotoSize): string {
  return `report-photos/${photoId}/${size}.jpg`;
}

/** Links stay valid this long: long enough to look at a report, short enough that a leaked link soon dies. */
const LINK_TTL_SECONDS = 2 * 3600;

export interface PhotoLinks {
  url(photoId: string, size: PhotoSize, now?: Date): string;
  verify(photoId: string, size: PhotoSize, expires: number, signature: string, now?: Date): boolean;
}

export function photoLinks(secret: string): PhotoLinks {
  const sign = (photoId: string, size: PhotoSize, expires: number) =>
    createHmac('sha256', secret).update(`report-photo:${photoId}:${size}:${expires}`).digest('base64url');
  return {
    url(photoId, size, now = new Date()) {
      // Rounded to the quarter-hour, so the same photo keeps the same URL for a while and caches can keep it.
      const quarter = 900;
      const expires = Math.ceil((now.getTime() / 1000 + LINK_TTL_SECONDS) / quarter) * quarter;
      return `/api/v1/report-photos/${photoId}/${size}?expires=${expires}&signature=${sign(photoId, size, expires)}`;
    },
    verify(photoId, size, expires, signature, now = new Date()) {
      if (expires * 1000 < now.getTime()) return false;
      const expected = Buffer.from(sign(photoId, size, expires));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
