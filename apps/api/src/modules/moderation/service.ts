// Moderation rules: neighbours report, enough distinct reporters hide the content, moderators of the author's residence
// decide (keep, hide, delete, warn, suspend), every decision is logged and the author is told on their TV.
import { randomUUID } from 'node:crypto';
import { Prisma, type ModerationActionKind, type ModerationTargetKind, type PrismaClient } from '@prisma/client';
import type {
  ContentReportReceipt,
  ContentReportRequest,
  ModerationActionRequest,
  ModerationCaseDetail,
  ModerationCaseQuery,
  ModerationCaseSummary,
  ModerationLogEntry,
  ModeratedConversationPage,
  Page,
  PageQuery,
  ProblemLanguage,
} from '@palier/contracts';
import { DomainError } from '../../domain-error';
import type { EventBus } from '../../plugins/event-bus';
import type { Storage } from '../../plugins/storage';
import type { StaffContext } from '../accounts/staff-sessions';
import { deletePostPhotoFiles, photoIdsWhere, photosSelect, toPostPhoto } from '../feed/photos';
import type { PhotoLinks } from '../photos/signed-links';
import type { TenantPlace } from '../places/tenant-place';
import { raiseEvent } from '../realtime/service';
import { decodeCursor, encodeCursor } from '../../pagination';
import { tellAuthor } from './author-notices';

export const MODERATION_ROLES = ['MODERATOR', 'ADMIN'] as const;

export interface ModerationContext {
  db: PrismaClient;
  bus: EventBus;
  /** Distinct neighbours whose reports hide a post or a reply until a moderator reviews it. */
  hideThreshold: number;
  /** Where a deleted post's photos are removed from. */
  storage: Storage;
  /** Moderators' links to a post's photos (they open a hidden post's photos too). */
  photoLinks: PhotoLinks;
}

/** What a case keeps of the content at the first report, so the log survives a deletion. */
interface Snapshot {
  title: string | null;
  body: string;
  createdAt: string | null;
  /** For a reply: the post it answers. */
  postId?: string;
  /** For a private message: its conversation, which staff may then read (logged). */
  conversationId?: string;
}

interface ResolvedTarget {
  authorId: string;
  snapshot: Snapshot;
}

const authorPlaceSelect = {
  id: true,
  home: { select: { buildingId: true, building: { select: { residenceId: true, residence: { select: { landlordId: true } } } } } },
} as const;

/** The tenant's own places: what they can see of the feed is what they can report. */
function visibleAudienceIds(place: TenantPlace): string[] {
  return [place.buildingId, place.residenceId, place.districtId];
}

/** The target as the reporter can see it, or 404: one cannot report what one cannot see. */
async function resolveTarget(db: PrismaClient, place: TenantPlace, kind: ModerationTargetKind, id: string): Promise<ResolvedTarget> {
  const audienceIds = visibleAudienceIds(place);
  switch (kind) {
    case 'POST': {
      const post = await db.post.findFirst({
        where: { id, audienceId: { in: audienceIds }, hiddenAt: null },
        select: { authorId: true, title: true, body: true, createdAt: true },
      });
      // A post whose author left Palier is an empty shell kept for its replies: nothing of it is left to report.
      if (!post || !post.authorId) throw new DomainError('not_found');
      return { authorId: post.authorId, snapshot: { title: post.title, body: post.body, createdAt: post.createdAt.toISOString() } };
    }
    case 'REPLY': {
      const reply = await db.postReply.findFirst({
        where: { id, hiddenAt: null, post: { audienceId: { in: audienceIds }, hiddenAt: null } },
        select: { authorId: true, body: true, createdAt: true, postId: true },
      });
      if (!reply) throw new DomainError('not_found');
      return {
        authorId: reply.authorId,
        snapshot: { title: null, body: reply.body, createdAt: reply.createdAt.toISOString(), postId: reply.postId },
      };
    }
    case 'USER': {
      // A neighbour one can meet on Palier: anyone of one's district.
      const tenant = await db.tenant.findFirst({
        where: { id, home: { building: { residence: { districtId: place.districtId } } } },
        select: { id: true, firstName: true },
      });
      if (!tenant) throw new DomainError('not_found');
      return { authorId: tenant.id, snapshot: { title: null, body: tenant.firstName, createdAt: null } };
    }
    case 'MESSAGE': {
      // Only the other participant of the conversation can report a message: it is private.
      const message = await db.conversationMessage.findFirst({
        where: { id, conversation: { participants: { some: { tenantId: place.tenantId } } } },
        select: { authorId: true, body: true, createdAt: true, conversationId: true },
      });
      if (!message) throw new DomainError('not_found');
      return {
        authorId: message.authorId,
        snapshot: { title: null, body: message.body, createdAt: message.createdAt.toISOString(), conversationId: message.conversationId },
      };
    }
  }
}

function receipt(
  report: { id: string; reason: ContentReportRequest['reason']; createdAt: Date },
  target: ContentReportRequest['target'],
  repeated: boolean,
) {
  return { id: report.id, target, reason: report.reason, createdAt: report.createdAt.toISOString(), repeated };
}

/**
 * One report per reporter and target: the case row is created once (ON CONFLICT), the report too, and only a new
 * report bumps the case's counter, under the case's row lock, so concurrent reports count exactly.
 */
export async function reportContent(
  ctx: ModerationContext,
  place: TenantPlace,
  request: ContentReportRequest,
): Promise<{ receipt: ContentReportReceipt; created: boolean }> {
  const { db } = ctx;
  const { target } = request;
  const already = await db.contentReport.findFirst({
    where: { reporterId: place.tenantId, case: { targetKind: target.kind, targetId: target.id } },
  });
  if (already) return { receipt: receipt(already, target, true), created: false };

  const resolved = await resolveTarget(db, place, target.kind, target.id);
  if (resolved.authorId === place.tenantId) throw new DomainError('cannot_report_oneself');
  const author = await db.tenant.findUniqueOrThrow({ where: { id: resolved.authorId }, select: authorPlaceSelect });
  const { building } = author.home;

  const outcome = await db.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "ModerationCase"
        ("id", "targetKind", "targetId", "authorId", "organisationId", "residenceId", "buildingId", "snapshot", "openedAt", "createdAt", "updatedAt")
      VALUES (${randomUUID()}::uuid, ${target.kind}::"ModerationTargetKind", ${target.id}::uuid, ${resolved.authorId}::uuid,
        ${building.residence.landlordId}::uuid, ${building.residenceId}::uuid, ${author.home.buildingId}::uuid,
        ${JSON.stringify(resolved.snapshot)}::jsonb, now(), now(), now())
      ON CONFLICT ("targetKind", "targetId") DO NOTHING`;
    const [locked] = await tx.$queryRaw<{ id: string; status: string }[]>`SELECT "id", "status"::text FROM "ModerationCase"
      WHERE "targetKind" = ${target.kind}::"ModerationTargetKind" AND "targetId" = ${target.id}::uuid FOR UPDATE`;
    const caseId = locked!.id;
    const reportId = randomUUID();
    const inserted = await tx.$executeRaw`INSERT INTO "ContentReport" ("id", "caseId", "reporterId", "reason", "comment", "createdAt")
      VALUES (${reportId}::uuid, ${caseId}::uuid, ${place.tenantId}::uuid, ${request.reason}::"ContentReportReason",
        ${request.comment?.trim() || null}, now())
      ON CONFLICT ("caseId", "reporterId") DO NOTHING`;
    const report = await tx.contentReport.findUniqueOrThrow({ where: { caseId_reporterId: { caseId, reporterId: place.tenantId } } });
    if (inserted === 0) return { report, created: false, caseId, hidden: false, autoHideId: null, reporterCount: 0 };
    // A kept item reported by someone new goes back to the queue.
    const [updated] = await tx.$queryRaw<{ reporterCount: number }[]>`UPDATE "ModerationCase"
      SET "reporterCount" = "reporterCount" + 1, "updatedAt" = now(),
        "status" = CASE WHEN "status" = 'KEPT' THEN 'OPEN'::"ModerationCaseStatus" ELSE "status" END,
        "openedAt" = CASE WHEN "status" = 'KEPT' THEN now() ELSE "openedAt" END
      WHERE "id" = ${caseId}::uuid RETURNING "reporterCount"`;
    let hidden = false;
    let autoHideId: string | null = null;
    if (updated!.reporterCount >= ctx.hideThreshold && (target.kind === 'POST' || target.kind === 'REPLY')) {
      hidden = await setHidden(tx, target.kind, target.id, true);
      if (hidden) {
        ({ id: autoHideId } = await tx.moderationAction.create({
          data: {
            caseId,
            tenantId: resolved.authorId,
            organisationId: building.residence.landlordId,
            residenceId: building.residenceId,
            kind: 'AUTO_HIDE',
            reason: `threshold:${updated!.reporterCount}`, // worded in the reader's language by toLogEntry
          },
          select: { id: true },
        }));
      }
    }
    return { report, created: true, caseId, hidden, autoHideId, reporterCount: updated!.reporterCount };
  });
  if (outcome.created) {
    await raiseEvent(db, ctx.bus, `ORGANISATION:${building.residence.landlordId}`, {
      name: 'moderation.queue',
      data: { caseId: outcome.caseId },
    });
  }
  if (outcome.hidden) await announceModerated(ctx, target.kind, target.id, resolved.snapshot, false);
  if (outcome.autoHideId) {
    // Keyed by the AUTO_HIDE action: told once per hiding (a post kept, then reported again past the threshold, is a
    // second hiding and a second notice).
    await tellAuthor(ctx, {
      actionId: outcome.autoHideId,
      tenantId: resolved.authorId,
      organisationId: building.residence.landlordId,
      staffId: null,
      decision: 'AUTO_HIDE',
      targetKind: target.kind,
      contentExcerpt: excerpt(resolved.snapshot),
      reason: `threshold:${outcome.reporterCount}`,
      suspendedUntil: null,
    });
  }
  return { receipt: receipt(outcome.report, target, !outcome.created), created: outcome.created };
}

/**
 * Hides or shows a post or a reply; false when it already was so (or is gone). A hidden reply leaves its post's reply
 * count, so the count always matches what neighbours can read.
 */
async function setHidden(tx: Prisma.TransactionClient, kind: 'POST' | 'REPLY', id: string, hide: boolean): Promise<boolean> {
  const hiddenAt = hide ? new Date() : null;
  if (kind === 'POST') {
    const changed = await tx.post.updateMany({ where: { id, hiddenAt: hide ? null : { not: null } }, data: { hiddenAt } });
    return changed.count === 1;
  }
  const reply = await tx.postReply.findUnique({ where: { id }, select: { postId: true } });
  if (!reply) return false;
  const changed = await tx.postReply.updateMany({ where: { id, hiddenAt: hide ? null : { not: null } }, data: { hiddenAt } });
  if (changed.count === 0) return false;
  await tx.post.update({ where: { id: reply.postId }, data: { replyCount: { increment: hide ? -1 : 1 } } });
  return true;
}

/** Tells the TVs of the post's audience to re-read it. */
async function announceModerated(
  ctx: ModerationContext,
  kind: ModerationTargetKind,
  targetId: string,
  snapshot: Snapshot,
  visible: boolean,
) {
  const postId = kind === 'POST' ? targetId : snapshot.postId;
  if (!postId) return;
  const post = await ctx.db.post.findUnique({ where: { id: postId }, select: { audienceKind: true, audienceId: true } });
  if (!post) return;
  await raiseEvent(ctx.db, ctx.bus, `${post.audienceKind}:${post.audienceId}`, {
    name: 'feed.content_moderated',
    data: { postId, replyId: kind === 'REPLY' ? targetId : null, visible },
  });
}

// --- staff: scope ---

/** Cases of the moderator's landlord, narrowed to their residences or buildings when they have a scope. */
function caseScope(staff: StaffContext): Prisma.ModerationCaseWhereInput {
  const { residenceIds, buildingIds } = staff.scope;
  const scoped = residenceIds.length > 0 || buildingIds.length > 0;
  return {
    organisationId: staff.organisation.id,
    ...(scoped ? { OR: [{ residenceId: { in: residenceIds } }, { buildingId: { in: buildingIds } }] } : {}),
  };
}

function actionScope(staff: StaffContext): Prisma.ModerationActionWhereInput {
  const { residenceIds, buildingIds } = staff.scope;
  const scoped = residenceIds.length > 0 || buildingIds.length > 0;
  return {
    organisationId: staff.organisation.id,
    ...(scoped ? { OR: [{ residenceId: { in: residenceIds } }, { case: { buildingId: { in: buildingIds } } }] } : {}),
  };
}

const neighbourSelect = { firstName: true, home: { select: { building: { select: { name: true } } } } } as const;
const neighbour = (tenant: { firstName: string; home: { building: { name: string } } }) => ({
  firstName: tenant.firstName,
  building: tenant.home.building.name,
});

const caseInclude = {
  author: { select: neighbourSelect },
  reports: { where: { dismissedAt: null }, select: { reason: true }, orderBy: { createdAt: 'asc' } },
} satisfies Prisma.ModerationCaseInclude;
type LoadedCase = Prisma.ModerationCaseGetPayload<{ include: typeof caseInclude }>;

async function isHidden(db: PrismaClient, kind: ModerationTargetKind, id: string): Promise<boolean> {
  if (kind === 'POST') return (await db.post.count({ where: { id, hiddenAt: { not: null } } })) > 0;
  if (kind === 'REPLY') return (await db.postReply.count({ where: { id, hiddenAt: { not: null } } })) > 0;
  return false;
}

function excerpt(snapshot: Snapshot): string {
  const text = snapshot.title ? `${snapshot.title} — ${snapshot.body}` : snapshot.body;
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

async function summaries(db: PrismaClient, cases: LoadedCase[]): Promise<ModerationCaseSummary[]> {
  const residences = await db.residence.findMany({
    where: { id: { in: [...new Set(cases.map((item) => item.residenceId))] } },
    select: { id: true, name: true },
  });
  const names = new Map(residences.map((residence) => [residence.id, residence.name]));
  const hiddenPosts = new Set(
    (
      await db.post.findMany({
        where: { id: { in: cases.filter((c) => c.targetKind === 'POST').map((c) => c.targetId) }, hiddenAt: { not: null } },
        select: { id: true },
      })
    ).map((row) => row.id),
  );
  const hiddenReplies = new Set(
    (
      await db.postReply.findMany({
        where: { id: { in: cases.filter((c) => c.targetKind === 'REPLY').map((c) => c.targetId) }, hiddenAt: { not: null } },
        select: { id: true },
      })
    ).map((row) => row.id),
  );
  return cases.map((item) => ({
    id: item.id,
    target: { kind: item.targetKind, id: item.targetId },
    status: item.status,
    hidden: hiddenPosts.has(item.targetId) || hiddenReplies.has(item.targetId),
    reporterCount: item.reporterCount,
    reasons: [...new Set(item.reports.map((report) => report.reason))],
    author: neighbour(item.author),
    residence: { id: item.residenceId, name: names.get(item.residenceId) ?? '' },
    excerpt: excerpt(item.snapshot as unknown as Snapshot),
    openedAt: item.openedAt.toISOString(),
  }));
}

/** The queue: open cases first-come first-served (oldest openedAt first), keyset on (openedAt, id). */
export async function listCases(db: PrismaClient, staff: StaffContext, query: ModerationCaseQuery): Promise<Page<ModerationCaseSummary>> {
  const limit = query.limit ?? 20;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const filters: Prisma.ModerationCaseWhereInput[] = [caseScope(staff), { status: query.status ?? 'OPEN' }];
  if (query.residenceId) filters.push({ residenceId: query.residenceId });
  if (after) filters.push({ OR: [{ openedAt: { gt: after.at } }, { openedAt: after.at, id: { gt: after.id } }] });
  const cases = await db.moderationCase.findMany({
    where: { AND: filters },
    orderBy: [{ openedAt: 'asc' }, { id: 'asc' }],
    take: limit + 1,
    include: caseInclude,
  });
  const items = cases.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: await summaries(db, items),
    nextCursor: cases.length > limit && last ? encodeCursor({ at: last.openedAt, id: last.id }) : null,
  };
}

/** A case the moderator covers; any other is "not found", so ids outside one's scope reveal nothing. */
async function scopedCase(db: PrismaClient, staff: StaffContext, caseId: string): Promise<LoadedCase> {
  const found = await db.moderationCase.findFirst({ where: { AND: [{ id: caseId }, caseScope(staff)] }, include: caseInclude });
  if (!found) throw new DomainError('not_found');
  return found;
}

const actionInclude = { tenant: { select: neighbourSelect } } satisfies Prisma.ModerationActionInclude;
type LoadedAction = Prisma.ModerationActionGetPayload<{ include: typeof actionInclude }>;

/** The automatic hiding stores `threshold:<n>`; people read it in their own language. */
function reasonText(action: LoadedAction, language: ProblemLanguage): string {
  const threshold = action.kind === 'AUTO_HIDE' ? /^threshold:(\d+)$/.exec(action.reason) : null;
  if (!threshold) return action.reason;
  return language === 'en' ? `Reported by ${threshold[1]} different neighbours` : `Signalé par ${threshold[1]} voisins différents`;
}

function toLogEntry(action: LoadedAction, language: ProblemLanguage): ModerationLogEntry {
  return {
    id: action.id,
    caseId: action.caseId,
    kind: action.kind,
    staffName: action.staffName,
    reason: reasonText(action, language),
    suspendedUntil: action.suspendedUntil?.toISOString() ?? null,
    author: neighbour(action.tenant),
    at: action.createdAt.toISOString(),
  };
}

export async function caseDetail(
  { db, photoLinks }: Pick<ModerationContext, 'db' | 'photoLinks'>,
  staff: StaffContext,
  caseId: string,
  language: ProblemLanguage = 'fr',
): Promise<ModerationCaseDetail> {
  const found = await scopedCase(db, staff, caseId);
  const snapshot = found.snapshot as unknown as Snapshot;
  const [summary] = await summaries(db, [found]);
  // The context: the post a reply answers, or the post a reported private message's conversation is about.
  const contextPostId =
    snapshot.postId ??
    (snapshot.conversationId
      ? ((await db.conversation.findUnique({ where: { id: snapshot.conversationId }, select: { postId: true } }))?.postId ?? null)
      : null);
  const [reports, actions, history, suspension, post, photos] = await Promise.all([
    db.contentReport.findMany({ where: { caseId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.moderationAction.findMany({ where: { caseId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: actionInclude }),
    db.moderationAction.findMany({
      where: { tenantId: found.authorId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 50,
      include: actionInclude,
    }),
    db.moderationAction.findFirst({
      where: { tenantId: found.authorId, kind: 'SUSPEND', suspendedUntil: { gt: new Date() } },
      orderBy: { suspendedUntil: 'desc' },
    }),
    contextPostId
      ? db.post.findUnique({
          where: { id: contextPostId },
          select: { id: true, title: true, body: true, author: { select: neighbourSelect } },
        })
      : null,
    // A reported post's photos, as they are now: hidden ones too (that is what the moderator judges), none once deleted.
    found.targetKind === 'POST' ? db.postPhoto.findMany({ where: { postId: found.targetId }, ...photosSelect }) : [],
  ]);
  return {
    ...summary!,
    content: { title: snapshot.title, body: snapshot.body, createdAt: snapshot.createdAt },
    // The answered post's author may have left Palier (an erased shell): shown without a name.
    inReplyTo: post
      ? { id: post.id, title: post.title, body: post.body, author: post.author ? neighbour(post.author) : { firstName: '—', building: '' } }
      : null,
    photos: photos.map((photo) => toPostPhoto(photoLinks, photo)),
    reports: reports.map((report) => ({
      reason: report.reason,
      comment: report.comment,
      at: report.createdAt.toISOString(),
      dismissed: report.dismissedAt !== null,
    })),
    actions: actions.map((action) => toLogEntry(action, language)),
    authorHistory: history.map((action) => toLogEntry(action, language)),
    authorSuspendedUntil: suspension?.suspendedUntil?.toISOString() ?? null,
  };
}

// --- staff: decisions ---

const CONTENT_KINDS: ModerationTargetKind[] = ['POST', 'REPLY'];

/**
 * One decision, under the case's row lock: the content changes and the log line are one transaction. The author is
 * told afterwards (a personal notice in their language, keyed by the action, so a retry never tells them twice).
 */
export async function decide(
  ctx: ModerationContext,
  staff: StaffContext,
  caseId: string,
  request: ModerationActionRequest,
  language: ProblemLanguage = 'fr',
  now = new Date(),
): Promise<ModerationCaseDetail> {
  const { db } = ctx;
  const found = await scopedCase(db, staff, caseId);
  const snapshot = found.snapshot as unknown as Snapshot;
  const { decision } = request;
  const content = CONTENT_KINDS.includes(found.targetKind);
  const reason = request.reason.trim();
  if (reason.length < 3) {
    throw new DomainError('validation_failed', undefined, { errors: [{ field: 'body.reason', message: 'a reason is required' }] });
  }
  let suspendedUntil: Date | null = null;
  if (decision === 'SUSPEND') {
    suspendedUntil = request.suspendedUntil ? new Date(request.suspendedUntil) : null;
    if (!suspendedUntil || suspendedUntil <= now) {
      throw new DomainError('validation_failed', undefined, {
        errors: [{ field: 'body.suspendedUntil', message: 'a suspension needs an end in the future' }],
      });
    }
  }
  // A private message cannot be hidden from the one neighbour who reads it: it is kept or deleted.
  if (decision === 'HIDE' && !content) throw new DomainError('moderation_action_refused');
  if (decision === 'DELETE' && !content && found.targetKind !== 'MESSAGE') throw new DomainError('moderation_action_refused');

  // A deleted post's photos: their rows go with it (cascade), their files once the decision is committed.
  let deletedPhotoIds: string[] = [];
  const result = await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text FROM "ModerationCase"
      WHERE "id" = ${caseId}::uuid FOR UPDATE`;
    const status = locked!.status;
    if (status === 'DELETED' && decision !== 'WARN' && decision !== 'SUSPEND') throw new DomainError('moderation_action_refused');
    let visibility: boolean | null = null; // what changed for the neighbours, if anything
    switch (decision) {
      case 'KEEP': {
        if (content && (await setHidden(tx, found.targetKind as 'POST' | 'REPLY', found.targetId, false))) visibility = true;
        await tx.contentReport.updateMany({ where: { caseId, dismissedAt: null }, data: { dismissedAt: now } });
        await tx.moderationCase.update({ where: { id: caseId }, data: { status: 'KEPT', reporterCount: 0, updatedAt: now } });
        break;
      }
      case 'HIDE': {
        if (status === 'HIDDEN') throw new DomainError('moderation_action_refused');
        if (await setHidden(tx, found.targetKind as 'POST' | 'REPLY', found.targetId, true)) visibility = false;
        await tx.moderationCase.update({ where: { id: caseId }, data: { status: 'HIDDEN', updatedAt: now } });
        break;
      }
      case 'DELETE': {
        const wasVisible = !(await isHiddenTx(tx, found.targetKind, found.targetId));
        if (found.targetKind === 'POST') {
          deletedPhotoIds = await photoIdsWhere(tx, { postId: found.targetId });
          await tx.post.deleteMany({ where: { id: found.targetId } });
        } else if (found.targetKind === 'MESSAGE') {
          await tx.conversationMessage.deleteMany({ where: { id: found.targetId } });
        } else {
          const reply = await tx.postReply.findUnique({ where: { id: found.targetId }, select: { postId: true, hiddenAt: true } });
          if (reply) {
            await tx.postReply.delete({ where: { id: found.targetId } });
            if (!reply.hiddenAt) await tx.post.update({ where: { id: reply.postId }, data: { replyCount: { decrement: 1 } } });
          }
        }
        if (wasVisible) visibility = false;
        await tx.moderationCase.update({ where: { id: caseId }, data: { status: 'DELETED', updatedAt: now } });
        break;
      }
      case 'WARN':
      case 'SUSPEND':
        // About the author, not the content: the case stays where it is until a decision on the content.
        await tx.moderationCase.update({ where: { id: caseId }, data: { updatedAt: now } });
        break;
    }
    const action = await tx.moderationAction.create({
      data: {
        caseId,
        tenantId: found.authorId,
        organisationId: found.organisationId,
        residenceId: found.residenceId,
        kind: decision as ModerationActionKind,
        staffId: staff.id,
        staffName: staff.fullName,
        reason,
        suspendedUntil,
        createdAt: now,
      },
    });
    return { action, visibility };
  });

  await deletePostPhotoFiles(ctx.storage, deletedPhotoIds);
  if (result.visibility !== null && content) {
    await announceModerated(ctx, found.targetKind, found.targetId, snapshot, result.visibility);
  }
  await raiseEvent(db, ctx.bus, `ORGANISATION:${found.organisationId}`, { name: 'moderation.queue', data: { caseId } });
  if (decision !== 'KEEP') {
    await tellAuthor(ctx, {
      actionId: result.action.id,
      tenantId: found.authorId,
      organisationId: found.organisationId,
      staffId: staff.id,
      decision,
      targetKind: found.targetKind,
      contentExcerpt: excerpt(snapshot),
      reason,
      suspendedUntil,
    });
  }
  return caseDetail(ctx, staff, caseId, language);
}

async function isHiddenTx(tx: Prisma.TransactionClient, kind: ModerationTargetKind, id: string): Promise<boolean> {
  return isHidden(tx as PrismaClient, kind, id);
}

/** The moderation log of the moderator's scope, newest first, keyset on (createdAt, id). */
export async function moderationLog(
  db: PrismaClient,
  staff: StaffContext,
  query: PageQuery,
  language: ProblemLanguage = 'fr',
): Promise<Page<ModerationLogEntry>> {
  const limit = query.limit ?? 20;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const actions = await db.moderationAction.findMany({
    where: {
      AND: [
        actionScope(staff),
        ...(after ? [{ OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }] : []),
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    include: actionInclude,
  });
  const items = actions.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((action) => toLogEntry(action, language)),
    nextCursor: actions.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

// --- staff: reading a reported private conversation ---

/**
 * Only for a case about a private message (so one of the two neighbours reported it), within the moderator's scope; every
 * read is logged with who, when and why, and shows in the author's history.
 */
export async function readReportedConversation(
  db: PrismaClient,
  staff: StaffContext,
  caseId: string,
  reason: string,
  page: PageQuery,
): Promise<ModeratedConversationPage> {
  const found = await scopedCase(db, staff, caseId);
  const conversationId = (found.snapshot as unknown as Snapshot).conversationId;
  if (found.targetKind !== 'MESSAGE' || !conversationId) throw new DomainError('forbidden');
  const why = reason.trim();
  if (why.length < 3) {
    throw new DomainError('validation_failed', undefined, { errors: [{ field: 'body.reason', message: 'a reason is required' }] });
  }
  await db.moderationAction.create({
    data: {
      caseId,
      tenantId: found.authorId,
      organisationId: found.organisationId,
      residenceId: found.residenceId,
      kind: 'READ_CONVERSATION',
      staffId: staff.id,
      staffName: staff.fullName,
      reason: why,
    },
  });
  const limit = page.limit ?? 50;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const messages = await db.conversationMessage.findMany({
    where: {
      conversationId,
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    select: { id: true, body: true, createdAt: true, author: { select: neighbourSelect } },
  });
  const items = messages.slice(0, limit);
  const last = items[items.length - 1];
  return {
    conversationId,
    items: items.map((message) => ({
      id: message.id,
      author: neighbour(message.author),
      body: message.body,
      createdAt: message.createdAt.toISOString(),
      reported: message.id === found.targetId,
    })),
    nextCursor: messages.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}
