// Where a cleaned photo's two sizes are stored: `<folder>/<photo id>/<size>.jpg`, one folder per kind of photo.
import type { Storage } from '../../plugins/storage';
import { photoSizes, type EncodedPhoto, type PhotoSize } from './encoding';

export type PhotoFolder = 'report-photos' | 'post-photos';

export function photoKey(folder: PhotoFolder, photoId: string, size: PhotoSize): string {
  return `${folder}/${photoId}/${size}.jpg`;
}

/** Stores both sizes; the full photo's key is what a row keeps (`storageKey`). */
export async function storePhoto(storage: Storage, folder: PhotoFolder, photoId: string, photo: EncodedPhoto): Promise<string> {
  await storage.put(photoKey(folder, photoId, 'full'), photo.full, 'image/jpeg');
  await storage.put(photoKey(folder, photoId, 'thumb'), photo.thumb, 'image/jpeg');
  return photoKey(folder, photoId, 'full');
}

/**
 * Removes both sizes. Called after the rows are gone (their transaction committed): a failure leaves an orphan file
 * nobody can reach (links name rows), never a row whose file is missing.
 */
export async function deletePhotoFiles(storage: Storage, folder: PhotoFolder, photoIds: readonly string[]): Promise<void> {
  for (const photoId of photoIds) {
    for (const size of photoSizes) await storage.delete(photoKey(folder, photoId, size)).catch(() => undefined);
  }
}
