// The neighbours' feed: who sees a post (its building, residence or district), keyset pages, replies, event seats, drafts.
import { Prisma, type PrismaClient } from '@prisma/client';
import type {
  CreatePostRequest,
  CreateReplyRequest,
  EventSeat,
  FeedAudience,
  FeedPost,
  FeedQuery,
  MoveEventRequest,
  Page,
  PageQuery,
  PostDraft,
  PostDraftContent,
  PostKind,
  PostReply,
  ProblemLanguage,
} from '@palier/contracts';
import { DomainError } from '../../domain-error';
import type { EventBus } from '../../plugins/event-bus';
import type { Storage } from '../../plugins/storage';
import type { TenantPlace } from '../places/tenant-place';
import { raiseEvent } from '../realtime/service';
import { decodeCursor, encodeCursor } from '../../pagination';
import type { SubmissionGuard } from '../moderation/submission-guard';
import { eventReminderDue } from './event-reminders';
import { deletePostPhotoFiles, photoIdsWhere, photosSelect, toPostPhoto, type PostPhotoLinks } from './photos';

export interface FeedContext {
  db: PrismaClient;
  bus: EventBus;
  guard: SubmissionGuard;
  /** Paris minute of the day at which an event's reminder is due (EVENT_REMINDER_TIME). */
  eventReminderMinute: number;
  storage: Storage;
  links: PostPhotoLinks;
}

/** What reading the feed needs: the database, and the links it signs for the photos of the posts it shows. */
export type FeedReader = Pick<FeedContext, 'db' | 'links'>;

/** Moderation decides what may be submitted: forbidden words (per landlord and city), and no post while suspended. */
function refuseForbidden(ctx: FeedContext, place: TenantPlace, fields: Record<string, string | undefined>, language?: ProblemLanguage) {
  return ctx.guard.check(place, fields, language);
}

// --- audience ---

function audienceIdOf(place: TenantPlace, audience: FeedAudience): string {
  return audience === 'BUILDING' ? place.buildingId : audience === 'DISTRICT' ? place.districtId : place.residenceId;
}

/** The places whose posts a tenant sees: theirs, and nothing else. */
export function visibleAudienceIds(place: TenantPlace): string[] {
  return [place.buildingId, place.residenceId, place.districtId];
}

const postSelect = {
  id: true,
  kind: true,
  audienceKind: true,
  title: true,
  body: true,
  authorId: true,
  createdAt: true,
  replyCount: true,
  eventStartsAt: true,
  eventPlace: true,
  eventCapacity: true,
  eventTaken: true,
  removedAt: true,
  photos: photosSelect,
  // First name and building only: the select is the guarantee that nothing else leaves the database.
  author: { select: { firstName: true, home: { select: { building: { select: { name: true } } } } } },
} satisfies Prisma.PostSelect;

type LoadedPost = Prisma.PostGetPayload<{ select: typeof postSelect }>;

function neighbour(author: { firstName: string; home: { building: { name: string } } } | null) {
  // null: the author left Palier; the TV shows "a removed message" instead of a name.
  return author ? { firstName: author.firstName, building: author.home.building.name } : { firstName: '', building: '' };
}

function toFeedPost(links: PostPhotoLinks, post: LoadedPost, place: TenantPlace, signedUp: Set<string>, now = new Date()): FeedPost {
  return {
    id: post.id,
    kind: post.kind,
    audience: post.audienceKind,
    title: post.title,
    body: post.body,
    author: neighbour(post.author),
    mine: post.authorId === place.tenantId,
    createdAt: post.createdAt.toISOString(),
    replyCount: post.replyCount,
    ...(post.removedAt ? { removed: true } : {}),
    event:
      post.kind === 'EVENT' && post.eventStartsAt
        ? {
            startsAt: post.eventStartsAt.toISOString(),
            place: post.eventPlace ?? '',
            capacity: post.eventCapacity,
            taken: post.eventTaken,
            signedUp: signedUp.has(post.id),
          }
        : null,
    // Links are signed here, for a tenant the caller already checked may read the post.
    photos: post.removedAt ? [] : post.photos.map((photo) => toPostPhoto(links.tenant, photo, now)),
  };
}

async function signedUpTo(db: PrismaClient, tenantId: string, posts: { id: string; kind: PostKind }[]): Promise<Set<string>> {
  const events = posts.filter((post) => post.kind === 'EVENT').map((post) => post.id);
  if (events.length === 0) return new Set();
  const rows = await db.eventSignup.findMany({ where: { tenantId, postId: { in: events } }, select: { postId: true } });
  return new Set(rows.map((row) => row.postId));
}

/** A post the tenant may see, or 404: outside the audience it does not exist. */
async function visiblePost(db: PrismaClient, place: TenantPlace, postId: string): Promise<LoadedPost> {
  const post = await db.post.findFirst({
    where: { id: postId, audienceId: { in: visibleAudienceIds(place) }, hiddenAt: null },
    select: postSelect,
  });
  if (!post) throw new DomainError('not_found');
  return post;
}

// --- the feed ---

/**
 * Newest first, one keyset scan per audience place (building, residence, district) on the index
 * (audienceId[, kind], createdAt DESC, id DESC), each stopped after limit+1 rows, merged: a page reads at most
 * 3 × (limit+1) index entries however many posts exist.
 */
export async function listFeed({ db, links }: FeedReader, place: TenantPlace, query: FeedQuery): Promise<Page<FeedPost>> {
  const limit = query.limit ?? 20;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const ids = await db.$queryRaw<{ id: string }[]>(feedPageSql(place, limit, query.kind, after));
  const page = ids.slice(0, limit).map((row) => row.id);
  const posts = await db.post.findMany({ where: { id: { in: page }, hiddenAt: null }, select: postSelect });
  const byId = new Map(posts.map((post) => [post.id, post]));
  // A post deleted between the two reads is simply left out.
  const ordered = page.map((id) => byId.get(id)).filter((post): post is LoadedPost => post !== undefined);
  const signedUp = await signedUpTo(db, place.tenantId, ordered);
  const last = ordered[ordered.length - 1];
  return {
    items: ordered.map((post) => toFeedPost(links, post, place, signedUp)),
    nextCursor: ids.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

export function feedPageSql(place: TenantPlace, limit: number, kind: PostKind | undefined, after: { at: Date; id: string } | null) {
  const scans = visibleAudienceIds(place).map(
    (audienceId) => Prisma.sql`(SELECT "id", "createdAt" FROM "Post"
      WHERE "audienceId" = ${audienceId}::uuid AND "hiddenAt" IS NULL
      ${kind ? Prisma.sql`AND "kind" = ${kind}::"PostKind"` : Prisma.empty}
      ${after ? Prisma.sql`AND ("createdAt", "id") < (${after.at}::timestamp(3), ${after.id}::uuid)` : Prisma.empty}
      ORDER BY "createdAt" DESC, "id" DESC LIMIT ${limit + 1})`,
  );
  return Prisma.sql`SELECT "id" FROM (${Prisma.join(scans, ' UNION ALL ')}) AS page
    ORDER BY "createdAt" DESC, "id" DESC LIMIT ${limit + 1}`;
}

export async function feedPost({ db, links }: FeedReader, place: TenantPlace, postId: string): Promise<FeedPost> {
  const post = await visiblePost(db, place, postId);
  return toFeedPost(links, post, place, await signedUpTo(db, place.tenantId, [post]));
}

export async function createPost(
  ctx: FeedContext,
  place: TenantPlace,
  request: CreatePostRequest,
  idempotencyKey: string | undefined,
  language?: ProblemLanguage,
): Promise<{ post: FeedPost; created: boolean }> {
  const { db } = ctx;
  const key = idempotencyKey ? `${place.tenantId}:${idempotencyKey}` : undefined;
  if (key) {
    const existing = await db.post.findUnique({ where: { idempotencyKey: key }, select: { id: true } });
    if (existing) return { post: await feedPost(ctx, place, existing.id), created: false };
  }
  if (request.kind === 'EVENT' && !request.event) {
    throw new DomainError('validation_failed', undefined, {
      errors: [{ field: 'body.event', message: 'an event needs a date and a place' }],
    });
  }
  if (request.kind !== 'EVENT' && request.event) {
    throw new DomainError('validation_failed', undefined, {
      errors: [{ field: 'body.event', message: 'only events have a date and a place' }],
    });
  }
  if (request.event && new Date(request.event.startsAt) <= new Date()) {
    throw new DomainError('validation_failed', undefined, { errors: [{ field: 'body.event.startsAt', message: 'must be in the future' }] });
  }
  await refuseForbidden(ctx, place, { title: request.title, body: request.body, 'event.place': request.event?.place }, language);
  const audience = request.audience ?? 'RESIDENCE';
  const audienceId = audienceIdOf(place, audience);
  let id: string;
  try {
    id = await db.$transaction(async (tx) => {
      const created = await tx.post.create({
        data: {
          authorId: place.tenantId,
          kind: request.kind,
          audienceKind: audience,
          audienceId,
          title: request.title.trim(),
          body: request.body.trim(),
          eventStartsAt: request.event ? new Date(request.event.startsAt) : null,
          eventPlace: request.event?.place.trim() ?? null,
          eventCapacity: request.event?.capacity ?? null,
          idempotencyKey: key,
        },
        select: { id: true },
      });
      // The draft's photos become the post's, in their order. The draft row is locked first, so a photo the phone is
      // sending right now lands either before (and moves) or after (refused: the draft is gone), never in between.
      const [draft] = await tx.$queryRaw<
        { id: string }[]
      >`SELECT "id" FROM "PostDraft" WHERE "tenantId" = ${place.tenantId}::uuid FOR UPDATE`;
      if (draft) {
        await tx.postPhoto.updateMany({ where: { draftId: draft.id }, data: { draftId: null, postId: created.id } });
        await tx.postDraft.delete({ where: { tenantId: place.tenantId } });
      }
      return created.id;
    });
  } catch (error) {
    // Two retries raced: the other one created it.
    if (key && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const existing = await db.post.findUniqueOrThrow({ where: { idempotencyKey: key }, select: { id: true } });
      return { post: await feedPost(ctx, place, existing.id), created: false };
    }
    throw error;
  }
  await raiseEvent(db, ctx.bus, `${audience}:${audienceId}`, { name: 'feed.post_created', data: { postId: id, kind: request.kind } });
  return { post: await feedPost(ctx, place, id), created: true };
}

/** Only the author deletes their post; replies, seats and photos (rows and files) go with it. */
export async function deletePost(ctx: FeedContext, place: TenantPlace, postId: string): Promise<void> {
  const { db } = ctx;
  const post = await visiblePost(db, place, postId);
  if (post.authorId !== place.tenantId) throw new DomainError('forbidden');
  const photoIds = post.photos.map((photo) => photo.id);
  await db.post.deleteMany({ where: { id: postId, authorId: place.tenantId } });
  await deletePostPhotoFiles(ctx.storage, photoIds);
}

// --- replies ---

const replySelect = {
  id: true,
  postId: true,
  body: true,
  authorId: true,
  createdAt: true,
  author: { select: { firstName: true, home: { select: { building: { select: { name: true } } } } } },
} satisfies Prisma.PostReplySelect;

function toReply(reply: Prisma.PostReplyGetPayload<{ select: typeof replySelect }>, place: TenantPlace): PostReply {
  return {
    id: reply.id,
    postId: reply.postId,
    body: reply.body,
    author: neighbour(reply.author),
    mine: reply.authorId === place.tenantId,
    createdAt: reply.createdAt.toISOString(),
  };
}

/** Oldest first, as a conversation reads. */
export async function listReplies(db: PrismaClient, place: TenantPlace, postId: string, page: PageQuery): Promise<Page<PostReply>> {
  await visiblePost(db, place, postId);
  const limit = page.limit ?? 20;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const replies = await db.postReply.findMany({
    where: {
      postId,
      hiddenAt: null,
      ...(after ? { OR: [{ createdAt: { gt: after.at } }, { createdAt: after.at, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: limit + 1,
    select: replySelect,
  });
  const items = replies.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((reply) => toReply(reply, place)),
    nextCursor: replies.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

export async function createReply(
  ctx: FeedContext,
  place: TenantPlace,
  postId: string,
  request: CreateReplyRequest,
  idempotencyKey: string | undefined,
  language?: ProblemLanguage,
): Promise<{ reply: PostReply; created: boolean }> {
  const { db } = ctx;
  const post = await visiblePost(db, place, postId);
  // Its author left: the replies already written stay, nobody adds to them.
  if (post.removedAt) throw new DomainError('conflict');
  const key = idempotencyKey ? `${place.tenantId}:${idempotencyKey}` : undefined;
  if (key) {
    const existing = await db.postReply.findUnique({ where: { idempotencyKey: key }, select: replySelect });
    if (existing) return { reply: toReply(existing, place), created: false };
  }
  await refuseForbidden(ctx, place, { body: request.body }, language);
  let reply;
  let replyCount: number;
  try {
    [reply, { replyCount }] = await db.$transaction([
      db.postReply.create({
        data: { postId, authorId: place.tenantId, body: request.body.trim(), idempotencyKey: key },
        select: replySelect,
      }),
      db.post.update({ where: { id: postId }, data: { replyCount: { increment: 1 } }, select: { replyCount: true } }),
    ]);
  } catch (error) {
    if (key && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const existing = await db.postReply.findUniqueOrThrow({ where: { idempotencyKey: key }, select: replySelect });
      return { reply: toReply(existing, place), created: false };
    }
    // The post was deleted meanwhile.
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === 'P2025' || error.code === 'P2003')) {
      throw new DomainError('not_found');
    }
    throw error;
  }
  const event = { name: 'feed.reply_created', data: { postId, replyId: reply.id, replyCount } } as const;
  const full = await db.post.findUniqueOrThrow({ where: { id: postId }, select: { audienceKind: true, audienceId: true } });
  await raiseEvent(db, ctx.bus, `${full.audienceKind}:${full.audienceId}`, event);
  if (post.authorId && post.authorId !== place.tenantId) await raiseEvent(db, ctx.bus, `TENANT:${post.authorId}`, event);
  return { reply: toReply(reply, place), created: true };
}

// --- event seats ---

/**
 * A seat is a row in EventSignup and one more in Post.eventTaken, in one transaction; the counter only grows through
 * `UPDATE … WHERE eventTaken < eventCapacity`, so concurrent sign-ups never overbook.
 */
export async function signUp(ctx: FeedContext, place: TenantPlace, postId: string): Promise<EventSeat> {
  const { db } = ctx;
  const post = await visiblePost(db, place, postId);
  if (post.kind !== 'EVENT') throw new DomainError('not_an_event');
  const { tenantId } = place;
  // The reminder of the day is scheduled with the seat (and moved with the event's date, see moveEvent).
  const reminderDueAt = post.eventStartsAt ? eventReminderDue(post.eventStartsAt, ctx.eventReminderMinute) : null;
  await db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`INSERT INTO "EventSignup" ("postId", "tenantId", "reminderDueAt")
      VALUES (${postId}::uuid, ${tenantId}::uuid, ${reminderDueAt})
      ON CONFLICT DO NOTHING`;
    if (inserted === 0) return; // already signed up: idempotent
    const taken = await tx.$executeRaw`UPDATE "Post" SET "eventTaken" = "eventTaken" + 1
      WHERE "id" = ${postId}::uuid AND ("eventCapacity" IS NULL OR "eventTaken" < "eventCapacity")`;
    if (taken === 0) throw new DomainError('event_full');
  });
  return seat(db, tenantId, postId);
}

/**
 * The author moves their event (day, time, and the place if given). Under the post's row lock, so a sign-up racing it
 * cannot keep the old reminder time: every seat's reminder is scheduled again, unsent, for the new day; one already
 * sent for the old date does not stop the new one (its key names the start).
 */
export async function moveEvent(
  ctx: FeedContext,
  place: TenantPlace,
  postId: string,
  request: MoveEventRequest,
  language?: ProblemLanguage,
): Promise<FeedPost> {
  const { db } = ctx;
  const post = await visiblePost(db, place, postId);
  if (post.authorId !== place.tenantId) throw new DomainError('forbidden');
  if (post.kind !== 'EVENT') throw new DomainError('not_an_event');
  const startsAt = new Date(request.startsAt);
  if (startsAt <= new Date()) {
    throw new DomainError('validation_failed', undefined, { errors: [{ field: 'body.startsAt', message: 'must be in the future' }] });
  }
  await refuseForbidden(ctx, place, { place: request.place }, language);
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Post" WHERE "id" = ${postId}::uuid FOR UPDATE`;
    const previous = await tx.post.findUniqueOrThrow({ where: { id: postId }, select: { eventStartsAt: true } });
    await tx.post.update({
      where: { id: postId },
      data: { eventStartsAt: startsAt, ...(request.place ? { eventPlace: request.place.trim() } : {}) },
    });
    // The same start again (a retried request) leaves the reminders as they are.
    if (previous.eventStartsAt?.getTime() === startsAt.getTime()) return;
    await tx.eventSignup.updateMany({
      where: { postId },
      data: { reminderDueAt: eventReminderDue(startsAt, ctx.eventReminderMinute), reminderClaimedAt: null, reminderSentAt: null },
    });
  });
  return feedPost(ctx, place, postId);
}

export async function cancelSignUp(db: PrismaClient, place: TenantPlace, postId: string): Promise<EventSeat> {
  const post = await visiblePost(db, place, postId);
  if (post.kind !== 'EVENT') throw new DomainError('not_an_event');
  const { tenantId } = place;
  await db.$transaction(async (tx) => {
    const removed = await tx.eventSignup.deleteMany({ where: { postId, tenantId } });
    if (removed.count === 1) await tx.$executeRaw`UPDATE "Post" SET "eventTaken" = "eventTaken" - 1 WHERE "id" = ${postId}::uuid`;
  });
  return seat(db, tenantId, postId);
}

async function seat(db: PrismaClient, tenantId: string, postId: string): Promise<EventSeat> {
  const [post, mine] = await Promise.all([
    db.post.findUniqueOrThrow({ where: { id: postId }, select: { eventTaken: true, eventCapacity: true } }),
    db.eventSignup.findUnique({ where: { postId_tenantId: { postId, tenantId } } }),
  ]);
  return { postId, signedUp: mine !== null, taken: post.eventTaken, capacity: post.eventCapacity };
}

// --- the draft ---

const draftSelect = { id: true, content: true, updatedAt: true, photos: photosSelect } satisfies Prisma.PostDraftSelect;

function toDraft(links: PostPhotoLinks, draft: Prisma.PostDraftGetPayload<{ select: typeof draftSelect }> | null): PostDraft {
  return draft
    ? {
        id: draft.id,
        content: draft.content as PostDraftContent,
        updatedAt: draft.updatedAt.toISOString(),
        photos: draft.photos.map((photo) => toPostPhoto(links.tenant, photo)),
      }
    : { id: null, content: null, updatedAt: null, photos: [] };
}

export async function loadDraft({ db, links }: FeedReader, place: TenantPlace): Promise<PostDraft> {
  return toDraft(links, await db.postDraft.findUnique({ where: { tenantId: place.tenantId }, select: draftSelect }));
}

/** Replaces the content; the draft keeps its id (and so its photos and the phone hand-off naming it). */
export async function saveDraft({ db, links }: FeedReader, place: TenantPlace, content: PostDraftContent): Promise<PostDraft> {
  const draft = await db.postDraft.upsert({
    where: { tenantId: place.tenantId },
    create: { tenantId: place.tenantId, content },
    update: { content },
    select: draftSelect,
  });
  return toDraft(links, draft);
}

/** Throws the draft away, with its photos' rows (cascade) and files. */
export async function clearDraft(ctx: FeedContext, place: TenantPlace): Promise<void> {
  // Locked first, so a photo arriving meanwhile is either counted here or refused (the draft is gone): no lost file.
  const photoIds = await ctx.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "PostDraft" WHERE "tenantId" = ${place.tenantId}::uuid FOR UPDATE`;
    const ids = await photoIdsWhere(tx, { draft: { tenantId: place.tenantId } });
    await tx.postDraft.deleteMany({ where: { tenantId: place.tenantId } });
    return ids;
  });
  await deletePostPhotoFiles(ctx.storage, photoIds);
}
