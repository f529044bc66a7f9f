// Photos on neighbourhood posts: the author's phone sends them for the draft being written (post_photos hand-off), the
// TV shows them as they arrive and may take one off, publishing moves them to the post; whatever removes a post or a
// draft removes their files too. Encoding and links are the ones fault reports use (modules/photos).
import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '@prisma/client';
import { MAX_POST_PHOTOS, type PostPhoto } from '@palier/contracts';
import { DomainError } from '../../domain-error';
import type { EventBus } from '../../plugins/event-bus';
import type { Storage } from '../../plugins/storage';
import { reencodePhoto, type PhotoSize } from '../photos/encoding';
import { deletePhotoFiles, photoKey, storePhoto } from '../photos/files';
import { signedPhotoLinks, type PhotoLinks } from '../photos/signed-links';
import { raiseEvent } from '../realtime/service';

export interface PostPhotoLinks {
  /** For tenants who may read the post (feed, post, draft): refused once the post is hidden. */
  tenant: PhotoLinks;
  /** For the moderators' console: also while the post is hidden, and only with a moderator's session. */
  moderation: PhotoLinks;
}

export function postPhotoLinks(secret: string): PostPhotoLinks {
  return {
    tenant: signedPhotoLinks(secret, 'post-photo', '/api/v1/post-photos'),
    moderation: signedPhotoLinks(secret, 'post-photo-moderation', '/api/v1/moderation/post-photos'),
  };
}

/** What a post's or a draft's select reads of its photos, in their order. */
export const photosSelect = {
  select: { id: true, width: true, height: true },
  orderBy: [{ position: 'asc' }, { id: 'asc' }],
} satisfies Prisma.Post$photosArgs;

export function toPostPhoto(links: PhotoLinks, photo: { id: string; width: number; height: number }, now = new Date()): PostPhoto {
  return {
    id: photo.id,
    url: links.url(photo.id, 'full', now),
    thumbUrl: links.url(photo.id, 'thumb', now),
    width: photo.width,
    height: photo.height,
  };
}

export interface PostPhotoContext {
  db: PrismaClient;
  bus: EventBus;
  storage: Storage;
  links: PostPhotoLinks;
}

/**
 * A photo from a post_photos hand-off, for the draft it names. The draft row is locked while the photo is counted and
 * added, so neither a fifth photo from two phones at once nor a photo racing the publication gets through; the files
 * are written first (encoding is slow) and removed again if the row is refused.
 */
export async function uploadPostPhoto(
  ctx: PostPhotoContext,
  handoff: { tenantId: string; handoffId: string; subjectId: string | null },
  bytes: Buffer,
  now = new Date(),
): Promise<PostPhoto> {
  const { db } = ctx;
  const draftId = handoff.subjectId;
  if (!draftId) throw new DomainError('post_draft_closed');
  const draft = await db.postDraft.findFirst({
    where: { id: draftId, tenantId: handoff.tenantId },
    select: { _count: { select: { photos: true } } },
  });
  // Checked before the slow encoding too, so a fifth photo is refused at once.
  if (!draft) throw new DomainError('post_draft_closed');
  if (draft._count.photos >= MAX_POST_PHOTOS) throw new DomainError('too_many_post_photos');

  const encoded = await reencodePhoto(bytes);
  const id = randomUUID();
  const storageKey = await storePhoto(ctx.storage, 'post-photos', id, encoded);
  let photo;
  try {
    photo = await db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "PostDraft"
        WHERE "id" = ${draftId}::uuid AND "tenantId" = ${handoff.tenantId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new DomainError('post_draft_closed');
      const taken = await tx.postPhoto.aggregate({ where: { draftId }, _count: { _all: true }, _max: { position: true } });
      if (taken._count._all >= MAX_POST_PHOTOS) throw new DomainError('too_many_post_photos');
      return tx.postPhoto.create({
        data: {
          id,
          authorId: handoff.tenantId,
          draftId,
          position: (taken._max.position ?? 0) + 1,
          handoffId: handoff.handoffId,
          storageKey,
          width: encoded.width,
          height: encoded.height,
          bytes: encoded.full.length,
          createdAt: now,
        },
        select: { id: true, width: true, height: true },
      });
    });
  } catch (error) {
    await deletePhotoFiles(ctx.storage, 'post-photos', [id]);
    throw error;
  }
  await raiseEvent(db, ctx.bus, `TENANT:${handoff.tenantId}`, {
    name: 'feed.draft_photos',
    data: { draftId, photoId: id, change: 'added' },
  });
  return toPostPhoto(ctx.links.tenant, photo, now);
}

/**
 * The TV takes a photo off the draft before publishing: the row, then its files. Taking off one that is already gone
 * (a retry) changes nothing, as does another tenant's id (it is not theirs to know of); a published one is not found.
 */
export async function removeDraftPhoto(ctx: PostPhotoContext, tenantId: string, photoId: string): Promise<void> {
  const photo = await ctx.db.postPhoto.findFirst({
    where: { id: photoId, authorId: tenantId },
    select: { draftId: true, postId: true },
  });
  if (!photo) return;
  if (!photo.draftId) throw new DomainError('not_found');
  await ctx.db.postPhoto.deleteMany({ where: { id: photoId, draftId: photo.draftId } });
  await deletePhotoFiles(ctx.storage, 'post-photos', [photoId]);
  await raiseEvent(ctx.db, ctx.bus, `TENANT:${tenantId}`, {
    name: 'feed.draft_photos',
    data: { draftId: photo.draftId, photoId, change: 'removed' },
  });
}

/** The ids of the photos whose files must go once these rows are deleted (read before, removed after the commit). */
export async function photoIdsWhere(db: Pick<PrismaClient, 'postPhoto'>, where: Prisma.PostPhotoWhereInput): Promise<string[]> {
  const rows = await db.postPhoto.findMany({ where, select: { id: true } });
  return rows.map((row) => row.id);
}

export function deletePostPhotoFiles(storage: Storage, photoIds: readonly string[]): Promise<void> {
  return deletePhotoFiles(storage, 'post-photos', photoIds);
}

/**
 * Serves a stored photo, given a link the API signed (the signature is the authorisation). Tenants' links open a
 * draft's photos and those of a visible post, not a hidden one's; moderators' links open a post's photos, hidden or not.
 */
export async function postPhotoBytes(
  db: PrismaClient,
  storage: Storage,
  photoId: string,
  size: PhotoSize,
  viewer: 'tenant' | 'moderator',
): Promise<Buffer> {
  const photo = await db.postPhoto.findUnique({ where: { id: photoId }, select: { postId: true, post: { select: { hiddenAt: true } } } });
  if (!photo) throw new DomainError('not_found');
  if (viewer === 'tenant' && photo.post?.hiddenAt) throw new DomainError('not_found');
  if (viewer === 'moderator' && !photo.postId) throw new DomainError('not_found');
  const bytes = await storage.get(photoKey('post-photos', photoId, size));
  if (!bytes) throw new DomainError('not_found');
  return bytes;
}
