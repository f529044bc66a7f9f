// Photos from a tenant's phone or a staff member's computer, cleaned before anything keeps them: re-encoded to plain
// JPEG with no metadata (no GPS, no camera serial, no owner's name), EXIF orientation applied, size-bounded.
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
