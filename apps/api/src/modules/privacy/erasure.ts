// A tenant leaves Palier (RGPD right to erasure): what is theirs goes, what the landlord must keep is detached from them.
//
// Erased: profile, devices and refresh tokens, device authorizations, notice read receipts, posts, replies, event
// seats, the draft, conversation messages and seats, blocks both ways, phone hand-offs, draft report photos, the photos
// of their posts and of their post draft (rows and files), "me too"s, realtime events about them (their helpers' too),
// and every Redis key naming them. A post others replied to stays as an empty shell (removedAt) so their replies stay,
// "answering a removed message", without its photos.
// Kept but detached (Tenant row gone, foreign keys set to null, names scrubbed from free text): fault reports with their
// timeline and photos, and calls. The landlord needs them for the home (maintenance history, warranty and insurance
// claims, service-level reporting); they stay tied to the flat, which outlives its tenant, not to the person.
// Everything else referencing Tenant is deleted by the cascade of the Tenant row itself, so tables added later with
// `onDelete: Cascade` are covered; the "leaves no trace" test finds any that are not.
import type { PrismaClient } from '@prisma/client';
import type { EventBus } from '../../plugins/event-bus';
import type { RedisClient } from '../../plugins/redis';
import type { Storage } from '../../plugins/storage';
import { LIVE_STATES } from '../calls/state-machine';
import { deletePostPhotoFiles, photoIdsWhere } from '../feed/photos';
import { deletePhotoFiles } from '../photos/files';
import { raiseEvent } from '../realtime/service';

export interface ErasureContext {
  db: PrismaClient;
  bus: EventBus;
  redis: RedisClient | null;
  /** This deployment's Redis key prefix: only our own keys are swept. */
  redisPrefix: string;
  storage: Storage;
}

export interface ErasureOutcome {
  postsDeleted: number;
  postsKeptForReplies: number;
  reportsDetached: number;
  callsDetached: number;
  redisKeysDeleted: number;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces whole-word occurrences of the tenant's names in text the landlord keeps, with or without accents, any case. */
export function nameScrubber(names: string[]): (text: string | null) => string | null {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  const variants = new Set<string>();
  for (const name of names.map((value) => value.trim().normalize('NFC')).filter((value) => value.length >= 2)) {
    variants.add(name);
    variants.add(fold(name));
  }
  if (variants.size === 0) return (text) => text;
  const alternatives = [...variants].sort((a, b) => b.length - a.length).map(escapeRegex);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => (text === null ? null : text.normalize('NFC').replace(pattern, '[…]'));
}

export async function eraseTenant(ctx: ErasureContext, tenantId: string): Promise<ErasureOutcome> {
  const { db } = ctx;
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { firstName: true, lastName: true, reference: true } });
  if (!tenant) return { postsDeleted: 0, postsKeptForReplies: 0, reportsDetached: 0, callsDetached: 0, redisKeysDeleted: 0 };
  const scrub = nameScrubber([tenant.firstName, tenant.lastName, tenant.reference]);
  const now = new Date();

  const draftPhotos = await db.reportPhoto.findMany({ where: { tenantId, reportId: null }, select: { id: true } });
  const conversations = await db.conversationParticipant.findMany({ where: { tenantId }, select: { conversationId: true } });
  const conversationIds = conversations.map((row) => row.conversationId);
  // The mandates they gave: what their helpers heard about them names one (mandate.*), and goes too.
  const mandates = await db.mandate.findMany({ where: { tenantId }, select: { id: true } });

  let postPhotoIds: string[] = [];
  const outcome = await db.$transaction(
    async (tx) => {
      // --- the feed: their photos first (the draft locked, so none arrives from the phone meanwhile), on every post
      // of theirs, the shells included; the files go after the commit ---
      await tx.$queryRaw`SELECT "id" FROM "PostDraft" WHERE "tenantId" = ${tenantId}::uuid FOR UPDATE`;
      postPhotoIds = await photoIdsWhere(tx, { authorId: tenantId });
      await tx.postPhoto.deleteMany({ where: { authorId: tenantId } });
      // --- the leaver's replies and seats on others' posts go, and the counters follow ---
      const repliedTo = await tx.postReply.findMany({ where: { authorId: tenantId }, select: { postId: true }, distinct: ['postId'] });
      await tx.postReply.deleteMany({ where: { authorId: tenantId } });
      const seats = await tx.eventSignup.findMany({ where: { tenantId }, select: { postId: true } });
      await tx.eventSignup.deleteMany({ where: { tenantId } });
      for (const { postId } of seats) {
        await tx.$executeRaw`UPDATE "Post" SET "eventTaken" = GREATEST("eventTaken" - 1, 0) WHERE "id" = ${postId}::uuid`;
      }
      // A post others replied to becomes an empty shell; the others' seats at an erased event go with the event.
      const kept = await tx.$executeRaw`UPDATE "Post" SET "title" = '', "body" = '', "eventPlace" = NULL, "eventCapacity" = NULL,
          "eventTaken" = 0, "idempotencyKey" = NULL, "removedAt" = ${now}, "authorId" = NULL
        WHERE "authorId" = ${tenantId}::uuid
          AND EXISTS (SELECT 1 FROM "PostReply" r WHERE r."postId" = "Post"."id")`;
      await tx.$executeRaw`DELETE FROM "EventSignup" s USING "Post" p WHERE s."postId" = p."id" AND p."removedAt" = ${now} AND p."authorId" IS NULL`;
      const ownPosts = await tx.post.findMany({ where: { authorId: tenantId }, select: { id: true } });
      const { count: postsDeleted } = await tx.post.deleteMany({ where: { authorId: tenantId } });
      const touched = repliedTo.map((row) => row.postId);
      if (touched.length > 0) {
        await tx.$executeRaw`UPDATE "Post" SET "replyCount" = (SELECT COUNT(*) FROM "PostReply" r WHERE r."postId" = "Post"."id")
          WHERE "id" = ANY(${touched}::uuid[])`;
      }

      // What others wrote to her stays theirs, with her name taken out: replies on her kept posts, messages to her.
      const othersWords = [
        ...(await tx.postReply.findMany({ where: { post: { removedAt: now, authorId: null } }, select: { id: true, body: true } })).map(
          (row) => ({ ...row, table: 'reply' as const }),
        ),
        ...(
          await tx.conversationMessage.findMany({
            where: { conversationId: { in: conversationIds }, authorId: { not: tenantId } },
            select: { id: true, body: true },
          })
        ).map((row) => ({ ...row, table: 'message' as const })),
      ];
      for (const row of othersWords) {
        const body = scrub(row.body) ?? '';
        if (body === row.body) continue;
        if (row.table === 'reply') await tx.postReply.update({ where: { id: row.id }, data: { body } });
        else await tx.conversationMessage.update({ where: { id: row.id }, data: { body } });
      }

      // --- conversations: the leaver's messages and seat go; the other side keeps theirs, closed, nothing unread ---
      if (conversationIds.length > 0) {
        await tx.conversation.updateMany({
          where: { id: { in: conversationIds }, closedAt: null },
          data: { closedAt: now, closedBy: null },
        });
        await tx.conversationParticipant.updateMany({
          where: { conversationId: { in: conversationIds }, tenantId: { not: tenantId } },
          data: { unreadCount: 0 },
        });
      }

      // --- calls: a live one ends; all are kept for the landlord without the person ---
      const calls = await tx.call.findMany({
        where: { OR: [{ callerTenantId: tenantId }, { calleeTenantId: tenantId }] },
        select: { id: true, state: true, note: true },
      });
      for (const call of calls) {
        const live = LIVE_STATES.includes(call.state);
        await tx.call.update({
          where: { id: call.id },
          data: {
            note: scrub(call.note),
            // <tenantId>:<key>: the key names her.
            idempotencyKey: null,
            ...(live ? { state: 'ENDED', endedAt: now, endReason: 'tenant_left', ringDeadline: null } : {}),
          },
        });
      }
      const callIds = calls.map((call) => call.id);
      await tx.callLine.deleteMany({ where: { OR: [{ tenantId }, { callId: { in: callIds } }] } });
      await tx.callTransition.updateMany({ where: { by: `TENANT:${tenantId}` }, data: { by: 'TENANT' } });
      await tx.callPresence.deleteMany({ where: { identity: { contains: tenantId } } });

      // --- fault reports: kept for the home, names scrubbed from what people wrote ---
      const reports = await tx.report.findMany({
        where: { tenantId },
        select: { id: true, description: true, ratingComment: true },
      });
      for (const report of reports) {
        await tx.report.update({
          where: { id: report.id },
          data: { description: scrub(report.description) ?? '', ratingComment: scrub(report.ratingComment), idempotencyKey: null },
        });
        const events = await tx.reportEvent.findMany({
          where: { reportId: report.id },
          select: { id: true, body: true, authorKind: true },
        });
        for (const event of events) {
          await tx.reportEvent.update({
            where: { id: event.id },
            data: { body: scrub(event.body), ...(event.authorKind === 'TENANT' ? { authorName: null } : {}) },
          });
        }
      }
      await tx.reportPhoto.deleteMany({ where: { tenantId, reportId: null } });

      // --- appointments: their rows go with the Tenant row, but a booked seat must be given back first ---
      await tx.$executeRaw`UPDATE "AppointmentSlot" s SET "booked" = GREATEST(s."booked" - a.seats, 0)
        FROM (SELECT "slotId", COUNT(*)::int AS seats FROM "Appointment"
               WHERE "tenantId" = ${tenantId}::uuid AND "status" = 'BOOKED' GROUP BY "slotId") a
        WHERE s."id" = a."slotId"`;

      // --- realtime events addressed to them, or naming them or what they did ---
      const mentions = [tenantId, ...callIds, ...conversationIds, ...ownPosts.map((post) => post.id), ...mandates.map((row) => row.id)].map(
        (id) => `%${id}%`,
      );
      await tx.$executeRaw`DELETE FROM "RealtimeEvent"
        WHERE ("audienceKind" = 'TENANT' AND "audienceId" = ${tenantId})
           OR "payload"::text LIKE ANY(${mentions}::text[])`;

      // The rest — profile, devices and refresh tokens, authorizations, read receipts, draft, blocks, hand-offs, seats in
      // conversations and their messages, "me too"s — goes with the Tenant row; reports, photos, calls and
      // conversations keep their rows with the reference set to null.
      await tx.tenant.delete({ where: { id: tenantId } });
      return { postsDeleted, postsKeptForReplies: Number(kept), reportsDetached: reports.length, callsDetached: calls.length };
    },
    { timeout: 60_000 },
  );

  // After the commit: files, Redis, and the other side of each conversation.
  await deletePhotoFiles(
    ctx.storage,
    'report-photos',
    draftPhotos.map((photo) => photo.id),
  );
  await deletePostPhotoFiles(ctx.storage, postPhotoIds);
  const redisKeysDeleted = await sweepRedis(ctx, [tenantId, tenant.reference]);
  for (const conversationId of conversationIds) {
    const others = await db.conversationParticipant.findMany({ where: { conversationId }, select: { tenantId: true } });
    for (const other of others) {
      await raiseEvent(db, ctx.bus, `TENANT:${other.tenantId}`, { name: 'conversation.closed', data: { conversationId } });
    }
  }
  return { ...outcome, redisKeysDeleted };
}

/**
 * Every key of this deployment whose name holds the tenant's id or reference: rate-limit and brute-force counters
 * (activation by reference), presence, and whatever another module keys by tenant. SCAN walks the keyspace in small
 * steps without blocking Redis; an erasure is rare enough for that to be the right trade.
 */
async function sweepRedis(ctx: ErasureContext, needles: string[]): Promise<number> {
  if (!ctx.redis) return 0;
  let deleted = 0;
  for (const needle of needles) {
    const pattern = `${ctx.redisPrefix}*${needle.replace(/[*?[\]\\]/g, '\\$&')}*`;
    for await (const keys of ctx.redis.scanIterator({ MATCH: pattern, COUNT: 1000 })) {
      if (keys.length > 0) deleted += await ctx.redis.del(keys);
    }
  }
  return deleted;
}
