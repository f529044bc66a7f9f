// Short-lived signed links to stored photos: an image source cannot send a bearer token, so the signature, given only
// to those allowed to see the photo, is the authorisation; it expires soon, so a leaked link soon dies.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PhotoSize } from './encoding';

/** Links stay valid this long: long enough to look at a report or a post, short enough that a leaked link soon dies. */
const LINK_TTL_SECONDS = 2 * 3600;

export interface PhotoLinks {
  url(photoId: string, size: PhotoSize, now?: Date): string;
  verify(photoId: string, size: PhotoSize, expires: number, signature: string, now?: Date): boolean;
}

/**
 * `purpose` goes into what is signed, so a link made for one route (a report photo, a post photo for tenants, a post
 * photo for moderators) opens nothing on another; `path` is where that route serves `/<photo id>/<size>`.
 */
export function signedPhotoLinks(secret: string, purpose: string, path: string): PhotoLinks {
  const sign = (photoId: string, size: PhotoSize, expires: number) =>
    createHmac('sha256', secret).update(`${purpose}:${photoId}:${size}:${expires}`).digest('base64url');
  return {
    url(photoId, size, now = new Date()) {
      // Rounded to the quarter-hour, so the same photo keeps the same URL for a while and caches can keep it.
      const quarter = 900;
      const expires = Math.ceil((now.getTime() / 1000 + LINK_TTL_SECONDS) / quarter) * quarter;
      return `${path}/${photoId}/${size}?expires=${expires}&signature=${sign(photoId, size, expires)}`;
    },
    verify(photoId, size, expires, signature, now = new Date()) {
      if (expires * 1000 < now.getTime()) return false;
      const expected = Buffer.from(sign(photoId, size, expires));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
