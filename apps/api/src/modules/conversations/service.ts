// Private conversations between two neighbours, opened from a feed post: who may open, read and write, and read state.
import { Prisma, type PrismaClient } from '@prisma/client';
import type {
  Conversation,
  ConversationIntent,
  ConversationMessage,
  Page,
  PageQuery,
  StartConversationRequest,
  UnreadConversations,
} from '@palier/contracts';
import { DomainError } from '../../domain-error';
import type { EventBus } from '../../plugins/event-bus';
import type { TenantPlace } from '../places/tenant-place';
import { raiseEvent } from '../realtime/service';
import { visibleAudienceIds } from '../feed/service';
import type { SubmissionGuard } from '../moderation/submission-guard';
import { decodeCursor, encodeCursor } from '../../pagination';

export interface ConversationsContext {
  db: PrismaClient;
  bus: EventBus;
  /** Moderation's check: forbidden words, and no message while the author is suspended. */
  guard: SubmissionGuard;
}

type Role = 'AUTHOR' | 'RESPONDER';

// First name and building only: the select is the guarantee that nothing else about a neighbour leaves the database.
const neighbourSelect = { firstName: true, home: { select: { building: { select: { name: true } } } } } as const;

const conversationSelect = {
  id: true,
  intent: true,
  closedAt: true,
  closedBy: true,
  createdAt: true,
  post: { select: { id: true, kind: true, title: true, removedAt: true } },
  participants: {
    select: {
      tenantId: true,
      role: true,
      lastMessageAt: true,
      lastReadAt: true,
      unreadCount: true,
      tenant: { select: neighbourSelect },
    },
  },
  messages: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1, select: { body: true, authorId: true, createdAt: true } },
} satisfies Prisma.ConversationSelect;

type LoadedConversation = Prisma.ConversationGetPayload<{ select: typeof conversationSelect }>;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

function refuseForbidden(ctx: ConversationsContext, place: TenantPlace, fields: Record<string, string | undefined>) {
  return ctx.guard.check(place, fields);
}

/** Tenant pairs where one blocked the other, among `others`, as seen from `tenantId`. */
async function blocksWith(db: PrismaClient, tenantId: string, others: string[]) {
  if (others.length === 0) return { byMe: new Set<string>(), either: new Set<string>() };
  const rows = await db.tenantBlock.findMany({
    where: {
      OR: [
        { blockerId: tenantId, blockedId: { in: others } },
        { blockedId: tenantId, blockerId: { in: others } },
      ],
    },
    select: { blockerId: true, blockedId: true },
  });
  const byMe = new Set(rows.filter((row) => row.blockerId === tenantId).map((row) => row.blockedId));
  const either = new Set(rows.map((row) => (row.blockerId === tenantId ? row.blockedId : row.blockerId)));
  return { byMe, either };
}

function toConversation(
  conversation: LoadedConversation,
  tenantId: string,
  blocks: { byMe: Set<string>; either: Set<string> },
): Conversation {
  const me = conversation.participants.find((participant) => participant.tenantId === tenantId);
  if (!me) throw new DomainError('not_found');
  const other = conversation.participants.find((participant) => participant.tenantId !== tenantId) ?? null;
  const last = conversation.messages[0] ?? null;
  const blocked = other !== null && blocks.either.has(other.tenantId);
  return {
    id: conversation.id,
    intent: conversation.intent as ConversationIntent,
    post:
      conversation.post && !conversation.post.removedAt
        ? { id: conversation.post.id, kind: conversation.post.kind, title: conversation.post.title }
        : null,
    neighbour: other ? { firstName: other.tenant.firstName, building: other.tenant.home.building.name } : null,
    role: me.role as Role,
    closed: conversation.closedAt !== null,
    closedByMe: conversation.closedAt !== null && conversation.closedBy === me.role,
    canWrite: conversation.closedAt === null && other !== null && !blocked,
    blockedByMe: other !== null && blocks.byMe.has(other.tenantId),
    unread: me.unreadCount,
    lastMessage: last ? { body: last.body, mine: last.authorId === tenantId, createdAt: last.createdAt.toISOString() } : null,
    lastMessageAt: me.lastMessageAt.toISOString(),
    neighbourReadAt: other?.lastReadAt ? other.lastReadAt.toISOString() : null,
    createdAt: conversation.createdAt.toISOString(),
  };
}

async function loadForReader(db: PrismaClient, tenantId: string, conversationId: string): Promise<Conversation> {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, participants: { some: { tenantId } } },
    select: conversationSelect,
  });
  // Someone outside the conversation learns nothing, not even that it exists.
  if (!conversation) throw new DomainError('not_found');
  const others = conversation.participants.filter((p) => p.tenantId !== tenantId).map((p) => p.tenantId);
  return toConversation(conversation, tenantId, await blocksWith(db, tenantId, others));
}

/** Both participants' TENANT audiences: each TV re-reads what changed. */
async function tellParticipants(ctx: ConversationsContext, conversationId: string, body: Parameters<typeof raiseEvent>[3]) {
  const participants = await ctx.db.conversationParticipant.findMany({ where: { conversationId }, select: { tenantId: true } });
  for (const { tenantId } of participants) await raiseEvent(ctx.db, ctx.bus, `TENANT:${tenantId}`, body);
}

// --- opening ---

/**
 * "I can help" / "I am interested": opens the conversation between the responder and the post's author, with the
 * first message. Only a neighbour who sees the post may; opening it again returns the same conversation.
 */
export async function startConversation(
  ctx: ConversationsContext,
  place: TenantPlace,
  request: StartConversationRequest,
): Promise<{ conversation: Conversation; created: boolean }> {
  const { db } = ctx;
  const me = place.tenantId;
  const post = await db.post.findFirst({
    where: { id: request.postId, audienceId: { in: visibleAudienceIds(place) }, hiddenAt: null },
    select: { id: true, authorId: true },
  });
  // A post whose author left Palier has nobody to talk to.
  if (!post || !post.authorId) throw new DomainError('not_found');
  const authorId = post.authorId;
  if (authorId === me) throw new DomainError('own_post');
  const existing = await db.conversation.findUnique({
    where: { postId_responderId: { postId: post.id, responderId: me } },
    select: { id: true },
  });
  if (existing) return { conversation: await loadForReader(db, me, existing.id), created: false };
  if ((await blocksWith(db, me, [authorId])).either.size > 0) throw new DomainError('neighbour_unavailable');
  await refuseForbidden(ctx, place, { message: request.message });

  let created: { id: string; messageId: string };
  try {
    created = await db.$transaction(async (tx) => {
      const now = new Date();
      const conversation = await tx.conversation.create({
        data: {
          postId: post.id,
          responderId: me,
          intent: request.intent,
          createdAt: now,
          participants: {
            create: [
              { tenantId: me, role: 'RESPONDER', lastMessageAt: now, lastReadAt: now },
              { tenantId: authorId, role: 'AUTHOR', lastMessageAt: now, unreadCount: 1 },
            ],
          },
        },
        select: { id: true },
      });
      const message = await tx.conversationMessage.create({
        data: { conversationId: conversation.id, authorId: me, body: request.message.trim(), createdAt: now },
        select: { id: true },
      });
      return { id: conversation.id, messageId: message.id };
    });
  } catch (error) {
    // The same "I can help" pressed twice at once: the other request opened it.
    if (!isUniqueViolation(error)) throw error;
    const raced = await db.conversation.findUniqueOrThrow({
      where: { postId_responderId: { postId: post.id, responderId: me } },
      select: { id: true },
    });
    return { conversation: await loadForReader(db, me, raced.id), created: false };
  }
  await tellParticipants(ctx, created.id, {
    name: 'conversation.message',
    data: { conversationId: created.id, messageId: created.messageId },
  });
  return { conversation: await loadForReader(db, me, created.id), created: true };
}

// --- reading ---

/** The most recently active first: one keyset scan of the tenant's participant rows. */
export async function listConversations(db: PrismaClient, place: TenantPlace, page: PageQuery): Promise<Page<Conversation>> {
  const limit = page.limit ?? 20;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const me = place.tenantId;
  const seats = await db.conversationParticipant.findMany({
    where: {
      tenantId: me,
      ...(after ? { OR: [{ lastMessageAt: { lt: after.at } }, { lastMessageAt: after.at, conversationId: { lt: after.id } }] } : {}),
    },
    orderBy: [{ lastMessageAt: 'desc' }, { conversationId: 'desc' }],
    take: limit + 1,
    select: { conversationId: true, lastMessageAt: true },
  });
  const pageSeats = seats.slice(0, limit);
  const conversations = await db.conversation.findMany({
    where: { id: { in: pageSeats.map((seat) => seat.conversationId) } },
    select: conversationSelect,
  });
  const byId = new Map(conversations.map((conversation) => [conversation.id, conversation]));
  const others = conversations.flatMap((c) => c.participants.filter((p) => p.tenantId !== me).map((p) => p.tenantId));
  const blocks = await blocksWith(db, me, others);
  const items = pageSeats
    .map((seat) => byId.get(seat.conversationId))
    .filter((conversation): conversation is LoadedConversation => conversation !== undefined)
    .map((conversation) => toConversation(conversation, me, blocks));
  const last = pageSeats[pageSeats.length - 1];
  return {
    items,
    nextCursor: seats.length > limit && last ? encodeCursor({ at: last.lastMessageAt, id: last.conversationId }) : null,
  };
}

export async function conversation(db: PrismaClient, place: TenantPlace, conversationId: string): Promise<Conversation> {
  return loadForReader(db, place.tenantId, conversationId);
}

/** The home badge: a sum over the tenant's own rows, however many messages exist. */
export async function unreadConversations(db: PrismaClient, place: TenantPlace): Promise<UnreadConversations> {
  const [row] = await db.$queryRaw<{ messages: bigint | null; conversations: bigint }[]>`
    SELECT SUM("unreadCount") AS messages, COUNT(*) FILTER (WHERE "unreadCount" > 0) AS conversations
    FROM "ConversationParticipant" WHERE "tenantId" = ${place.tenantId}::uuid`;
  return { messages: Number(row?.messages ?? 0), conversations: Number(row?.conversations ?? 0) };
}

async function requireSeat(db: PrismaClient, tenantId: string, conversationId: string) {
  const seat = await db.conversationParticipant.findUnique({
    where: { conversationId_tenantId: { conversationId, tenantId } },
    select: { role: true, unreadCount: true },
  });
  if (!seat) throw new DomainError('not_found');
  return { role: seat.role as Role, unreadCount: seat.unreadCount };
}

/** Newest first, as a thread opens on its latest message; the next page goes further back. */
export async function listMessages(
  db: PrismaClient,
  place: TenantPlace,
  conversationId: string,
  page: PageQuery,
): Promise<Page<ConversationMessage>> {
  await requireSeat(db, place.tenantId, conversationId);
  const limit = page.limit ?? 20;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const messages = await db.conversationMessage.findMany({
    where: {
      conversationId,
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    select: { id: true, body: true, authorId: true, createdAt: true },
  });
  const items = messages.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((message) => toMessage(message, conversationId, place.tenantId)),
    nextCursor: messages.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

function toMessage(
  message: { id: string; body: string; authorId: string; createdAt: Date },
  conversationId: string,
  tenantId: string,
): ConversationMessage {
  return {
    id: message.id,
    conversationId,
    body: message.body,
    mine: message.authorId === tenantId,
    createdAt: message.createdAt.toISOString(),
  };
}

// --- writing ---

export async function sendMessage(
  ctx: ConversationsContext,
  place: TenantPlace,
  conversationId: string,
  body: string,
  idempotencyKey: string | undefined,
): Promise<{ message: ConversationMessage; created: boolean }> {
  const { db } = ctx;
  const me = place.tenantId;
  await requireSeat(db, me, conversationId);
  const key = idempotencyKey ? `${me}:${idempotencyKey}` : undefined;
  const messageSelect = { id: true, body: true, authorId: true, createdAt: true, conversationId: true } as const;
  if (key) {
    const existing = await db.conversationMessage.findUnique({ where: { idempotencyKey: key }, select: messageSelect });
    if (existing) return { message: toMessage(existing, existing.conversationId, me), created: false };
  }
  await refuseForbidden(ctx, place, { body });
  let message;
  try {
    message = await db.$transaction(async (tx) => {
      // The row lock orders this message against a close or a block of the same conversation.
      const [locked] = await tx.$queryRaw<{ closedAt: Date | null }[]>`
        SELECT "closedAt" FROM "Conversation" WHERE "id" = ${conversationId}::uuid FOR UPDATE`;
      if (!locked) throw new DomainError('not_found');
      if (locked.closedAt) throw new DomainError('conversation_closed');
      const others = await tx.conversationParticipant.findMany({
        where: { conversationId, tenantId: { not: me } },
        select: { tenantId: true },
      });
      const other = others[0];
      // The other neighbour left Palier: nobody would read it.
      if (!other) throw new DomainError('conversation_closed');
      const blocked = await tx.tenantBlock.findFirst({
        where: {
          OR: [
            { blockerId: me, blockedId: other.tenantId },
            { blockerId: other.tenantId, blockedId: me },
          ],
        },
        select: { blockerId: true },
      });
      if (blocked) throw new DomainError('neighbour_unavailable');
      const now = new Date();
      const created = await tx.conversationMessage.create({
        data: { conversationId, authorId: me, body: body.trim(), idempotencyKey: key, createdAt: now },
        select: messageSelect,
      });
      await tx.conversationParticipant.update({
        where: { conversationId_tenantId: { conversationId, tenantId: me } },
        data: { lastMessageAt: now, lastReadAt: now, unreadCount: 0 },
      });
      await tx.conversationParticipant.update({
        where: { conversationId_tenantId: { conversationId, tenantId: other.tenantId } },
        data: { lastMessageAt: now, unreadCount: { increment: 1 } },
      });
      return created;
    });
  } catch (error) {
    if (key && isUniqueViolation(error)) {
      const existing = await db.conversationMessage.findUniqueOrThrow({ where: { idempotencyKey: key }, select: messageSelect });
      return { message: toMessage(existing, existing.conversationId, me), created: false };
    }
    throw error;
  }
  await tellParticipants(ctx, conversationId, { name: 'conversation.message', data: { conversationId, messageId: message.id } });
  return { message: toMessage(message, conversationId, me), created: true };
}

/** Everything up to now is read by this side; tells both TVs only when it changed something. */
export async function markRead(ctx: ConversationsContext, place: TenantPlace, conversationId: string): Promise<Conversation> {
  const seat = await requireSeat(ctx.db, place.tenantId, conversationId);
  if (seat.unreadCount > 0) {
    await ctx.db.conversationParticipant.update({
      where: { conversationId_tenantId: { conversationId, tenantId: place.tenantId } },
      data: { lastReadAt: new Date(), unreadCount: 0 },
    });
    await tellParticipants(ctx, conversationId, { name: 'conversation.read', data: { conversationId } });
  }
  return loadForReader(ctx.db, place.tenantId, conversationId);
}

/** Either side closes; nobody can write after. Closing a closed conversation changes nothing. */
export async function closeConversation(ctx: ConversationsContext, place: TenantPlace, conversationId: string): Promise<Conversation> {
  const seat = await requireSeat(ctx.db, place.tenantId, conversationId);
  const { count } = await ctx.db.conversation.updateMany({
    where: { id: conversationId, closedAt: null },
    data: { closedAt: new Date(), closedBy: seat.role },
  });
  if (count > 0) await tellParticipants(ctx, conversationId, { name: 'conversation.closed', data: { conversationId } });
  return loadForReader(ctx.db, place.tenantId, conversationId);
}

/**
 * Closes the conversation and blocks the other neighbour through the same TenantBlock the calls use: from then on
 * neither can write to, open a conversation with, or call the other.
 */
export async function blockNeighbourInConversation(
  ctx: ConversationsContext,
  place: TenantPlace,
  conversationId: string,
): Promise<Conversation> {
  await requireSeat(ctx.db, place.tenantId, conversationId);
  const other = await ctx.db.conversationParticipant.findFirst({
    where: { conversationId, tenantId: { not: place.tenantId } },
    select: { tenantId: true },
  });
  if (other) {
    await ctx.db.tenantBlock.createMany({ data: [{ blockerId: place.tenantId, blockedId: other.tenantId }], skipDuplicates: true });
  }
  return closeConversation(ctx, place, conversationId);
}
