// A tenant's right of access (RGPD art. 15 and 20): everything Palier holds about them, as one JSON document.
// Other people appear as they appear to the tenant in Palier: neighbours by first name and building, staff by name.
import type { PrismaClient } from '@prisma/client';
import type { TenantDataExport } from '@palier/contracts';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);
/** A photo as the export lists it: what it is, not the picture (the TV shows it; the file is one request away). */
const photoEntry = (photo: { width: number; height: number; bytes: number; createdAt: Date }) => ({
  width: photo.width,
  height: photo.height,
  bytes: photo.bytes,
  createdAt: iso(photo.createdAt),
});
const neighbourSelect = { firstName: true, home: { select: { building: { select: { name: true } } } } } as const;
const neighbourOf = (tenant: { firstName: string; home: { building: { name: string } } } | null) =>
  tenant ? { firstName: tenant.firstName, building: tenant.home.building.name } : null;

export async function exportTenantData(db: PrismaClient, tenantId: string, now = new Date()): Promise<TenantDataExport> {
  const tenant = await db.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    include: { home: { include: { building: { include: { residence: { include: { landlord: { select: { name: true } } } } } } } } },
  });
  const [devices, authorizations, noticeReads, posts, replies, signups, draft, seats, blocks, reports, supports, calls, handoffs, events] =
    await Promise.all([
      db.device.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } }),
      db.deviceAuthorization.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } }),
      db.noticeRead.findMany({ where: { tenantId }, orderBy: { readAt: 'asc' }, include: { notice: { select: { title: true } } } }),
      db.post.findMany({
        where: { authorId: tenantId },
        orderBy: { createdAt: 'asc' },
        include: { photos: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
      }),
      db.postReply.findMany({
        where: { authorId: tenantId },
        orderBy: { createdAt: 'asc' },
        include: { post: { select: { title: true } } },
      }),
      db.eventSignup.findMany({
        where: { tenantId },
        orderBy: { createdAt: 'asc' },
        include: { post: { select: { title: true, eventStartsAt: true } } },
      }),
      db.postDraft.findUnique({ where: { tenantId }, include: { photos: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } } }),
      db.conversationParticipant.findMany({
        where: { tenantId },
        orderBy: { lastMessageAt: 'asc' },
        include: {
          conversation: {
            include: {
              post: { select: { title: true } },
              participants: { where: { tenantId: { not: tenantId } }, include: { tenant: { select: neighbourSelect } } },
              messages: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
            },
          },
        },
      }),
      db.tenantBlock.findMany({ where: { blockerId: tenantId }, include: { blocked: { select: neighbourSelect } } }),
      db.report.findMany({
        where: { tenantId },
        orderBy: { createdAt: 'asc' },
        include: { events: { orderBy: { id: 'asc' } }, photos: true, slots: true },
      }),
      db.reportSupport.findMany({
        where: { tenantId },
        include: { report: { select: { serial: true, createdAt: true, category: true } } },
      }),
      db.call.findMany({
        where: { OR: [{ callerTenantId: tenantId }, { calleeTenantId: tenantId }] },
        orderBy: { createdAt: 'asc' },
        include: {
          callerTenant: { select: neighbourSelect },
          calleeTenant: { select: neighbourSelect },
          organisation: { select: { name: true } },
        },
      }),
      db.phoneHandoff.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } }),
      db.realtimeEvent.findMany({ where: { audienceKind: 'TENANT', audienceId: tenantId }, orderBy: { id: 'asc' } }),
    ]);
  const reportNumber = (serial: number, createdAt: Date) => `R-${createdAt.getUTCFullYear()}-${String(serial).padStart(6, '0')}`;
  const { home } = tenant;
  return {
    format: 'palier-tenant-export/1',
    generatedAt: now.toISOString(),
    controller: home.building.residence.landlord.name,
    profile: {
      firstName: tenant.firstName,
      lastName: tenant.lastName,
      reference: tenant.reference,
      language: tenant.language,
      callableBy: tenant.callableBy,
      createdAt: iso(tenant.createdAt),
      activatedAt: iso(tenant.activatedAt),
      activationLetterIssuedAt: iso(tenant.activationCodeIssuedAt),
      home: {
        residence: home.building.residence.name,
        building: home.building.name,
        address: home.building.address,
        floor: home.floor,
        door: home.door,
      },
    },
    devices: devices.map((device) => ({
      kind: device.kind,
      label: device.label,
      createdAt: iso(device.createdAt),
      lastSeenAt: iso(device.lastSeenAt),
      revokedAt: iso(device.revokedAt),
    })),
    deviceAuthorizations: authorizations.map((row) => ({
      deviceLabel: row.deviceLabel,
      status: row.status,
      createdAt: iso(row.createdAt),
    })),
    noticeReads: noticeReads.map((read) => ({ noticeId: read.noticeId, title: read.notice.title, readAt: iso(read.readAt) })),
    posts: posts.map((post) => ({
      id: post.id,
      kind: post.kind,
      audience: post.audienceKind,
      title: post.title,
      body: post.body,
      event: post.eventStartsAt
        ? { startsAt: iso(post.eventStartsAt), place: post.eventPlace, capacity: post.eventCapacity, taken: post.eventTaken }
        : null,
      replyCount: post.replyCount,
      photos: post.photos.map(photoEntry),
      createdAt: iso(post.createdAt),
    })),
    replies: replies.map((reply) => ({
      id: reply.id,
      postId: reply.postId,
      postTitle: reply.post.title,
      body: reply.body,
      createdAt: iso(reply.createdAt),
    })),
    eventSignups: signups.map((signup) => ({
      postId: signup.postId,
      title: signup.post.title,
      startsAt: iso(signup.post.eventStartsAt),
      signedUpAt: iso(signup.createdAt),
    })),
    postDraft: draft ? { content: draft.content, updatedAt: iso(draft.updatedAt), photos: draft.photos.map(photoEntry) } : null,
    conversations: seats.map(({ conversation, role, lastReadAt }) => ({
      id: conversation.id,
      intent: conversation.intent,
      role,
      postTitle: conversation.post?.title ?? null,
      neighbour: neighbourOf(conversation.participants[0]?.tenant ?? null),
      createdAt: iso(conversation.createdAt),
      closedAt: iso(conversation.closedAt),
      lastReadAt: iso(lastReadAt),
      messages: conversation.messages.map((message) => ({
        from: message.authorId === tenantId ? 'me' : 'neighbour',
        body: message.body,
        createdAt: iso(message.createdAt),
      })),
    })),
    blockedNeighbours: blocks.map((block) => ({ ...neighbourOf(block.blocked), blockedAt: iso(block.createdAt) })),
    faultReports: reports.map((report) => ({
      number: reportNumber(report.serial, report.createdAt),
      category: report.category,
      location: report.location,
      spot: report.spot,
      urgency: report.urgency,
      description: report.description,
      status: report.status,
      createdAt: iso(report.createdAt),
      resolvedAt: iso(report.resolvedAt),
      rating: report.rating,
      ratingComment: report.ratingComment,
      timeline: report.events.map((event) => ({
        kind: event.kind,
        author: event.authorKind,
        authorName: event.authorName,
        status: event.status,
        body: event.body,
        at: iso(event.at),
      })),
      photos: report.photos.map(photoEntry),
      appointmentSlots: report.slots.map((slot) => ({
        startsAt: iso(slot.startsAt),
        endsAt: iso(slot.endsAt),
        acceptedAt: iso(slot.acceptedAt),
        withdrawnAt: iso(slot.withdrawnAt),
      })),
    })),
    meToo: supports.map((support) => ({
      report: reportNumber(support.report.serial, support.report.createdAt),
      category: support.report.category,
      at: iso(support.createdAt),
    })),
    calls: calls.map((call) => {
      const outgoing = call.callerTenantId === tenantId;
      return {
        kind: call.kind,
        direction: outgoing ? 'outgoing' : 'incoming',
        with:
          call.kind === 'NEIGHBOUR' ? neighbourOf(outgoing ? call.calleeTenant : call.callerTenant) : { landlord: call.organisation.name },
        state: call.state,
        createdAt: iso(call.createdAt),
        answeredAt: iso(call.answeredAt),
        endedAt: iso(call.endedAt),
        endReason: call.endReason,
      };
    }),
    phoneHandoffs: handoffs.map((handoff) => ({
      purpose: handoff.purpose,
      createdAt: iso(handoff.createdAt),
      expiresAt: iso(handoff.expiresAt),
      claimedAt: iso(handoff.claimedAt),
    })),
    realtimeEvents: events.map((event) => ({ type: event.type, createdAt: iso(event.createdAt) })),
  };
}
