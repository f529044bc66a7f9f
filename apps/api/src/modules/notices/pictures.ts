// Pictures on notices: staff upload one in the console; it is cleaned and re-encoded like a report photo (no
// metadata, EXIF orientation applied), then resized for the TV so a 2 Mbit/s line shows it in well under a second.
import { randomUUID } from 'node:crypto';
import type { PrismaClient, NoticePicture as StoredPicture } from '@prisma/client';
import sharp from 'sharp';
import type { NoticePicture } from '@palier/contracts';
import { DomainError } from '../../domain-error';
import type { Storage } from '../../plugins/storage';
import type { StaffContext } from '../accounts/staff-sessions';
import { reencodePhoto } from '../photos/encoding';

/** The TV shows the picture in a 960 × 540 box at most; ~60–150 KB at this quality. */
const SCREEN_BOX = { width: 960, height: 540, quality: 76 };

export function pictureKey(pictureId: string): string {
  return `notice-pictures/${pictureId}/screen.jpg`;
}

/**
 * The URL carries the picture's random id and nothing else: a TV loads it as an image source, which cannot send a
 * bearer token. Only the audience of the notice learns the id, and the picture never changes, so caches keep it.
 */
export function toNoticePicture(picture: Pick<StoredPicture, 'id' | 'width' | 'height' | 'bytes'>): NoticePicture {
  const { id, width, height, bytes } = picture;
  return { id, url: `/api/v1/notice-pictures/${id}`, width, height, bytes };
}

export async function uploadNoticePicture(db: PrismaClient, storage: Storage, staff: StaffContext, bytes: Buffer): Promise<NoticePicture> {
  const cleaned = await reencodePhoto(bytes);
  const screen = await sharp(cleaned.full)
    .resize({ width: SCREEN_BOX.width, height: SCREEN_BOX.height, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: SCREEN_BOX.quality, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  const id = randomUUID();
  await storage.put(pictureKey(id), screen.data, 'image/jpeg');
  const picture = await db.noticePicture.create({
    data: {
      id,
      organisationId: staff.organisation.id,
      uploadedById: staff.id,
      storageKey: pictureKey(id),
      width: screen.info.width,
      height: screen.info.height,
      bytes: screen.data.length,
    },
  });
  return toNoticePicture(picture);
}

/** Attaches an uploaded picture to the notice being published, inside its transaction. */
export async function claimPicture(
  db: Pick<PrismaClient, 'noticePicture'>,
  staff: StaffContext,
  pictureId: string,
  noticeId: string,
): Promise<void> {
  const { count } = await db.noticePicture.updateMany({
    where: { id: pictureId, organisationId: staff.organisation.id, noticeId: null },
    data: { noticeId },
  });
  if (count === 1) return;
  const exists = await db.noticePicture.findFirst({ where: { id: pictureId, organisationId: staff.organisation.id } });
  throw new DomainError(exists ? 'picture_in_use' : 'not_found');
}

/** Only pictures of a published notice are served; one still being drafted is not. */
export async function pictureBytes(db: PrismaClient, storage: Storage, pictureId: string): Promise<Buffer> {
  const picture = await db.noticePicture.findFirst({ where: { id: pictureId, noticeId: { not: null } } });
  const bytes = picture ? await storage.get(picture.storageKey) : null;
  if (!bytes) throw new DomainError('not_found');
  return bytes;
}
