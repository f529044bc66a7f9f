// Video calls: starting, queueing, ringing, claiming, answering and ending calls, every transition stored and told.
// PostgreSQL holds the truth (state, transitions, busy lines); LiveKit only carries media in room `call-<id>`.
import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient, type CallKind, type CallState } from '@prisma/client';
import type {
  AgentAvailability,
  BlockedNeighbour,
  CallableNeighbour,
  CallCentreStatus,
  CallerIdentity,
  CallSettings,
  CallToken,
  CallTokenRequest,
  OpeningHours,
  Page,
  ProblemLanguage,
  QueueEntry,
  StaffCall,
  StartCallRequest,
  TenantCall,
} from '@palier/contracts';
import type { WebhookEvent } from 'livekit-server-sdk';
import { DomainError } from '../../domain-error';
import type { EventBus } from '../../plugins/event-bus';
import type { Livekit, PublishSource } from '../../plugins/livekit';
import { decodeCursor, encodeCursor } from '../../pagination';
import type { StaffContext } from '../accounts/staff-sessions';
import type { TenantPlace } from '../places/tenant-place';
import { raiseEvent, type Audience } from '../realtime/service';
import type { AgentPresence } from './agent-presence';
import { describeOpening, isOpen, nextOpening } from './opening-hours';
import { isTerminal, transition, type CallAction } from './state-machine';
import { reportNumber } from '../reports/service';
import { openReportStatuses, type ReportCategory } from '@palier/contracts';

export const AGENT_ROLES = ['AGENT'] as const;
export const CALL_TOKEN_TTL_SECONDS = 300;
/** Until the call-centre has history, a call is assumed to take this long. */
export const DEFAULT_HANDLE_SECONDS = 240;

export interface CallsContext {
  db: PrismaClient;
  bus: EventBus;
  livekit: Livekit | null;
  presence: AgentPresence;
  ringTimeoutSeconds: number;
  log: { warn(object: object, message: string): void };
}

const tenantIdentitySelect = {
  id: true,
  firstName: true,
  lastName: true,
  reference: true,
  reports: {
    where: { status: { in: openReportStatuses.slice() } },
    orderBy: { createdAt: 'desc' },
    take: 5,
    select: { id: true, serial: true, category: true, status: true, createdAt: true },
  },
  home: {
    select: {
      floor: true,
      door: true,
      building: { select: { id: true, name: true, residence: { select: { id: true, name: true, address: true, landlordId: true } } } },
    },
  },
} as const;

const callInclude = {
  callerTenant: { select: tenantIdentitySelect },
  calleeTenant: { select: tenantIdentitySelect },
  organisation: { select: { id: true, name: true } },
  agent: { select: { id: true, fullName: true } },
} as const;

type CallRow = Prisma.CallGetPayload<{ include: typeof callInclude }>;
type TenantRow = NonNullable<CallRow['callerTenant']>;

function toCallerIdentity(tenant: TenantRow): CallerIdentity {
  const { building } = tenant.home;
  return {
    tenantId: tenant.id,
    firstName: tenant.firstName,
    lastName: tenant.lastName,
    fullName: `${tenant.firstName} ${tenant.lastName}`,
    reference: tenant.reference,
    home: { floor: tenant.home.floor, door: tenant.home.door, building: { id: building.id, name: building.name } },
    residence: { id: building.residence.id, name: building.residence.name, address: building.residence.address },
    openReports: tenant.reports.map((report) => ({
      id: report.id,
      number: reportNumber(report),
      category: report.category as ReportCategory,
      status: report.status,
      createdAt: report.createdAt.toISOString(),
    })),
  };
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

async function loadCall(db: PrismaClient, callId: string): Promise<CallRow> {
  const call = await db.call.findUnique({ where: { id: callId }, include: callInclude });
  if (!call) throw new DomainError('not_found');
  return call;
}

/** The tenant on the call-centre side of a call-centre call or a call-back. */
function serviceTenant(call: CallRow): TenantRow {
  return (call.kind === 'CALL_BACK' ? call.calleeTenant : call.callerTenant)!;
}

// --- transitions -----------------------------------------------------------------------------------------------

function stamps(to: CallState, now: Date, ringTimeoutSeconds: number, reason: string | undefined): Prisma.CallUncheckedUpdateManyInput {
  switch (to) {
    case 'QUEUED':
      return { queuedAt: now };
    case 'RINGING':
      return { ringDeadline: new Date(now.getTime() + ringTimeoutSeconds * 1000) };
    case 'ANSWERED':
      return { answeredAt: now, ringDeadline: null };
    case 'REQUESTED':
      return {};
    default:
      return { endedAt: now, ringDeadline: null, endReason: reason ?? to.toLowerCase() };
  }
}

interface MoveOptions {
  reason?: string;
  data?: Prisma.CallUncheckedUpdateManyInput;
  /** Extra conditions the conditional update must meet (e.g. the ring deadline has passed). */
  where?: Prisma.CallWhereInput;
}

/**
 * Applies an action with a conditional update (`WHERE state = <from>`), so concurrent actions on one call, from any
 * API instance, cannot both win; the loser is judged again against the state that won.
 */
async function move(ctx: CallsContext, callId: string, action: CallAction, by: string, options: MoveOptions = {}): Promise<CallRow> {
  const current = await ctx.db.call.findUnique({ where: { id: callId }, select: { kind: true, state: true } });
  if (!current) throw new DomainError('not_found');
  const result = transition(current.kind, current.state, action);
  if (!result.ok) throw new DomainError(result.code);
  const now = new Date();
  const won = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.call.updateMany({
      where: { id: callId, state: result.from, ...options.where },
      data: { state: result.to, ...stamps(result.to, now, ctx.ringTimeoutSeconds, options.reason), ...options.data },
    });
    if (count !== 1) return false;
    await tx.callTransition.create({ data: { callId, from: result.from, to: result.to, at: now, by, reason: options.reason ?? null } });
    if (isTerminal(result.to)) await tx.callLine.deleteMany({ where: { callId } });
    return true;
  });
  if (!won) {
    const after = await ctx.db.call.findUniqueOrThrow({ where: { id: callId }, select: { kind: true, state: true } });
    const again = transition(after.kind, after.state, action);
    throw new DomainError(again.ok ? 'call_transition_refused' : again.code);
  }
  const call = await loadCall(ctx.db, callId);
  await afterTransition(ctx, call, result.from, result.to, options.reason ?? null);
  return call;
}

/** Tells everyone concerned, and closes the room of a finished call. */
async function afterTransition(ctx: CallsContext, call: CallRow, from: CallState | null, to: CallState, reason: string | null) {
  const audiences: Audience[] = [];
  if (call.callerTenantId) audiences.push(`TENANT:${call.callerTenantId}`);
  if (call.calleeTenantId) audiences.push(`TENANT:${call.calleeTenantId}`);
  if (call.agentId) audiences.push(`STAFF:${call.agentId}`);
  for (const audience of audiences) {
    await raiseEvent(ctx.db, ctx.bus, audience, { name: 'call.state', data: { callId: call.id, state: to, reason } });
  }
  if (to === 'RINGING' && call.calleeTenantId && call.kind !== 'CALL_CENTRE') {
    const from =
      call.kind === 'CALL_BACK'
        ? { name: call.organisation.name, building: null }
        : { name: call.callerTenant!.firstName, building: call.callerTenant!.home.building.name };
    await raiseEvent(ctx.db, ctx.bus, `TENANT:${call.calleeTenantId}`, {
      name: 'call.incoming',
      data: { callId: call.id, kind: call.kind, from, ringDeadline: call.ringDeadline!.toISOString() },
    });
  }
  if (call.kind === 'CALL_CENTRE' && (to === 'QUEUED' || from === 'QUEUED')) await queueChanged(ctx, call.organisationId, call.id);
  if (isTerminal(to) && ctx.livekit) await ctx.livekit.deleteRoom(call.roomName);
}

async function queueChanged(ctx: CallsContext, organisationId: string, changedCallId: string) {
  const waiting = await ctx.db.call.findMany({
    where: { organisationId, state: 'QUEUED' },
    orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }],
    select: { id: true, callerTenantId: true },
    take: 100,
  });
  await raiseEvent(ctx.db, ctx.bus, `ORGANISATION:${organisationId}`, {
    name: 'call.queue',
    data: { waiting: await ctx.db.call.count({ where: { organisationId, state: 'QUEUED' } }), changedCallId },
  });
  const estimate = await waitEstimator(ctx, organisationId);
  for (const [index, entry] of waiting.entries()) {
    await raiseEvent(ctx.db, ctx.bus, `TENANT:${entry.callerTenantId}`, {
      name: 'call.position',
      data: { callId: entry.id, position: index + 1, estimatedWaitSeconds: estimate(index + 1) },
    });
  }
}

/** Ringing calls past their deadline become MISSED. Any instance may run it; the conditional update decides once. */
export async function sweepRingingCalls(ctx: CallsContext, where: Prisma.CallWhereInput = {}, now = new Date()): Promise<number> {
  const due = await ctx.db.call.findMany({
    where: { ...where, state: 'RINGING', ringDeadline: { lte: now } },
    select: { id: true },
    take: 100,
  });
  let missed = 0;
  for (const { id } of due) {
    try {
      await move(ctx, id, 'time_out', 'SYSTEM', { reason: 'ring_timeout', where: { ringDeadline: { lte: now } } });
      missed += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error; // another instance, or an answer, got there first
    }
  }
  return missed;
}

/**
 * Calls still waiting when the call-centre closes would wait all night: they end as MISSED with the reason
 * `call_centre_closed`, so the TV says so and offers a fault report instead. Any instance may run it.
 */
export async function sweepQueuedCallsAtClosing(ctx: CallsContext, now = new Date()): Promise<number> {
  const organisations = await ctx.db.call.findMany({
    where: { kind: 'CALL_CENTRE', state: 'QUEUED' },
    distinct: ['organisationId'],
    select: { organisationId: true, organisation: { select: { callCentreHours: true } } },
  });
  let missed = 0;
  for (const { organisationId, organisation } of organisations) {
    if (isOpen(organisation.callCentreHours as OpeningHours | null, now)) continue;
    const waiting = await ctx.db.call.findMany({ where: { organisationId, kind: 'CALL_CENTRE', state: 'QUEUED' }, select: { id: true }, take: 500 });
    for (const { id } of waiting) {
      try {
        await move(ctx, id, 'time_out', 'SYSTEM', { reason: 'call_centre_closed' });
        missed += 1;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error; // claimed or cancelled meanwhile
      }
    }
  }
  return missed;
}

// --- estimates ---------------------------------------------------------------------------------------------------

async function averageHandleSeconds(db: PrismaClient, organisationId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ seconds: number | null }[]>`
    SELECT EXTRACT(EPOCH FROM AVG("endedAt" - "answeredAt"))::float8 AS seconds FROM "Call"
     WHERE "organisationId" = ${organisationId}::uuid AND kind = 'CALL_CENTRE' AND state = 'ENDED'
       AND "answeredAt" IS NOT NULL AND "endedAt" > now() - interval '30 days'`;
  return row?.seconds && row.seconds > 0 ? row.seconds : DEFAULT_HANDLE_SECONDS;
}

/** position → seconds: callers ahead share the available agents, each call taking the recent average. */
async function waitEstimator(ctx: CallsContext, organisationId: string): Promise<(position: number) => number> {
  const [handle, agents] = await Promise.all([averageHandleSeconds(ctx.db, organisationId), ctx.presence.count(organisationId)]);
  return (position) => Math.round(((position - 1) / Math.max(1, agents) + 0.5) * handle);
}

async function queuePosition(db: PrismaClient, call: { id: string; organisationId: string; queuedAt: Date | null }): Promise<number> {
  const ahead = await db.call.count({
    where: {
      organisationId: call.organisationId,
      state: 'QUEUED',
      OR: [{ queuedAt: { lt: call.queuedAt! } }, { queuedAt: call.queuedAt!, id: { lt: call.id } }],
    },
  });
  return ahead + 1;
}

// --- the tenant ----------------------------------------------------------------------------------------------------

async function toTenantCall(ctx: CallsContext, call: CallRow, tenantId: string): Promise<TenantCall> {
  const outgoing = call.callerTenantId === tenantId;
  const other = outgoing ? call.calleeTenant : call.callerTenant;
  const peer =
    call.kind === 'NEIGHBOUR' && other
      ? { kind: 'TENANT' as const, name: other.firstName, tenantId: other.id, building: other.home.building.name }
      : { kind: 'CALL_CENTRE' as const, name: call.organisation.name, tenantId: null, building: null };
  let queue: TenantCall['queue'] = null;
  if (call.state === 'QUEUED') {
    const position = await queuePosition(ctx.db, call);
    queue = { position, estimatedWaitSeconds: (await waitEstimator(ctx, call.organisationId))(position) };
  }
  return {
    id: call.id,
    kind: call.kind,
    state: call.state,
    direction: outgoing ? 'OUTGOING' : 'INCOMING',
    peer,
    roomName: call.roomName,
    createdAt: call.createdAt.toISOString(),
    ringDeadline: iso(call.ringDeadline),
    answeredAt: iso(call.answeredAt),
    endedAt: iso(call.endedAt),
    endReason: call.endReason,
    queue,
  };
}

async function landlordOf(db: PrismaClient, place: TenantPlace) {
  const residence = await db.residence.findUniqueOrThrow({
    where: { id: place.residenceId },
    select: { landlord: { select: { id: true, name: true, callCentreHours: true } } },
  });
  return { ...residence.landlord, hours: residence.landlord.callCentreHours as OpeningHours | null };
}

export async function callCentreStatus(ctx: CallsContext, place: TenantPlace, now = new Date()): Promise<CallCentreStatus> {
  const landlord = await landlordOf(ctx.db, place);
  const waiting = await ctx.db.call.count({ where: { organisationId: landlord.id, state: 'QUEUED' } });
  const opensAt = nextOpening(landlord.hours, now);
  return {
    name: landlord.name,
    open: isOpen(landlord.hours, now),
    hours: landlord.hours,
    opensAt: iso(opensAt),
    waiting,
    estimatedWaitSeconds: (await waitEstimator(ctx, landlord.id))(waiting + 1),
  };
}

async function isBlockedEitherWay(db: PrismaClient, a: string, b: string): Promise<boolean> {
  const block = await db.tenantBlock.findFirst({
    where: {
      OR: [
        { blockerId: a, blockedId: b },
        { blockerId: b, blockedId: a },
      ],
    },
  });
  return block !== null;
}

/** The neighbour may be called by this tenant: opted in for them, not blocked, with a TV that can ring. */
async function checkCallable(db: PrismaClient, place: TenantPlace, calleeId: string) {
  if (calleeId === place.tenantId) {
    throw new DomainError('validation_failed', undefined, { errors: [{ field: 'body.to.tenantId', message: 'cannot call yourself' }] });
  }
  const callee = await db.tenant.findUnique({
    where: { id: calleeId },
    select: {
      callableBy: true,
      home: { select: { buildingId: true, building: { select: { residenceId: true } } } },
      devices: { where: { revokedAt: null }, select: { id: true }, take: 1 },
    },
  });
  const reachable =
    callee &&
    ((callee.callableBy === 'BUILDING' && callee.home.buildingId === place.buildingId) ||
      (callee.callableBy === 'RESIDENCE' && callee.home.building.residenceId === place.residenceId)) &&
    callee.devices.length > 0;
  // Not callable, blocked or unknown all read the same to the caller: a block is never revealed.
  if (!reachable || (await isBlockedEitherWay(db, place.tenantId, calleeId))) throw new DomainError('callee_unavailable');
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

interface NewCall {
  kind: CallKind;
  organisationId: string;
  callerTenantId: string | null;
  calleeTenantId: string | null;
  agentId: string | null;
  idempotencyKey: string | undefined;
  by: string;
}

/** Creates the call REQUESTED and routes it (QUEUED or RINGING) in one transaction, taking the tenants' lines. */
async function createCall(ctx: CallsContext, input: NewCall): Promise<{ call: CallRow; created: boolean }> {
  if (input.idempotencyKey) {
    const existing = await ctx.db.call.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } });
    if (existing) return { call: await loadCall(ctx.db, existing.id), created: false };
  }
  const tenants = [input.callerTenantId, input.calleeTenantId].filter((id): id is string => id !== null);
  // A line held by a call whose ringing has timed out is freed before we look at it.
  await sweepRingingCalls(ctx, { lines: { some: { tenantId: { in: tenants } } } });
  const id = randomUUID();
  const routed = transition(input.kind, 'REQUESTED', 'route');
  if (!routed.ok) throw new DomainError(routed.code);
  const now = new Date();
  try {
    await ctx.db.$transaction(async (tx) => {
      await tx.call.create({
        data: {
          id,
          kind: input.kind,
          state: 'REQUESTED',
          organisationId: input.organisationId,
          callerTenantId: input.callerTenantId,
          calleeTenantId: input.calleeTenantId,
          agentId: input.agentId,
          roomName: `call-${id}`,
          idempotencyKey: input.idempotencyKey ?? null,
          createdAt: now,
        },
      });
      await tx.callTransition.create({ data: { callId: id, from: null, to: 'REQUESTED', at: now, by: input.by } });
      await tx.callLine.createMany({ data: tenants.map((tenantId) => ({ tenantId, callId: id })) });
      await tx.call.update({ where: { id }, data: { state: routed.to, ...stamps(routed.to, now, ctx.ringTimeoutSeconds, undefined) } });
      await tx.callTransition.create({ data: { callId: id, from: 'REQUESTED', to: routed.to, at: now, by: input.by } });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    if (input.idempotencyKey) {
      const raced = await ctx.db.call.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } });
      if (raced) return { call: await loadCall(ctx.db, raced.id), created: false };
    }
    const busy = await ctx.db.callLine.findMany({ where: { tenantId: { in: tenants } }, select: { tenantId: true } });
    if (input.callerTenantId && busy.some((line) => line.tenantId === input.callerTenantId)) throw new DomainError('caller_busy');
    throw new DomainError('callee_busy');
  }
  const call = await loadCall(ctx.db, id);
  if (ctx.livekit) await ctx.livekit.ensureRoom(call.roomName);
  await afterTransition(ctx, call, 'REQUESTED', routed.to, null);
  return { call, created: true };
}

export async function startCall(
  ctx: CallsContext,
  place: TenantPlace,
  request: StartCallRequest,
  idempotencyKey: string | undefined,
  language: ProblemLanguage,
  now = new Date(),
): Promise<{ call: TenantCall; created: boolean }> {
  const key = idempotencyKey ? `tenant:${place.tenantId}:${idempotencyKey}` : undefined;
  if (key) {
    const existing = await ctx.db.call.findUnique({ where: { idempotencyKey: key }, select: { id: true } });
    if (existing) return { call: await toTenantCall(ctx, await loadCall(ctx.db, existing.id), place.tenantId), created: false };
  }
  const landlord = await landlordOf(ctx.db, place);
  let input: NewCall;
  if (request.to.kind === 'CALL_CENTRE') {
    if (!landlord.hours) throw new DomainError('callee_unavailable');
    if (!isOpen(landlord.hours, now)) {
      const opensAt = nextOpening(landlord.hours, now);
      const when = opensAt ? describeOpening(opensAt, landlord.hours.timeZone, language) : null;
      const detail =
        language === 'fr'
          ? `Le service d’accueil de ${landlord.name} est fermé.${when ? ` Il rouvre ${when}.` : ''} Vous pouvez signaler un problème dès maintenant.`
          : `${landlord.name}’s call-centre is closed.${when ? ` It opens again on ${when}.` : ''} You can report a problem now.`;
      throw new DomainError('outside_opening_hours', detail, { opensAt: opensAt?.toISOString() });
    }
    input = {
      kind: 'CALL_CENTRE',
      organisationId: landlord.id,
      callerTenantId: place.tenantId,
      calleeTenantId: null,
      agentId: null,
      idempotencyKey: key,
      by: `TENANT:${place.tenantId}`,
    };
  } else {
    await checkCallable(ctx.db, place, request.to.tenantId);
    input = {
      kind: 'NEIGHBOUR',
      organisationId: landlord.id,
      callerTenantId: place.tenantId,
      calleeTenantId: request.to.tenantId,
      agentId: null,
      idempotencyKey: key,
      by: `TENANT:${place.tenantId}`,
    };
  }
  const { call, created } = await createCall(ctx, input);
  return { call: await toTenantCall(ctx, call, place.tenantId), created };
}

async function tenantsCall(ctx: CallsContext, place: TenantPlace, callId: string): Promise<CallRow> {
  await sweepRingingCalls(ctx, { id: callId });
  const call = await loadCall(ctx.db, callId);
  if (call.callerTenantId !== place.tenantId && call.calleeTenantId !== place.tenantId) throw new DomainError('not_found');
  return call;
}

export async function tenantCall(ctx: CallsContext, place: TenantPlace, callId: string): Promise<TenantCall> {
  return toTenantCall(ctx, await tenantsCall(ctx, place, callId), place.tenantId);
}

/** The call the tenant is in right now (waiting, ringing either way, or answered), if any. */
export async function currentCall(ctx: CallsContext, place: TenantPlace): Promise<{ call: TenantCall | null }> {
  await sweepRingingCalls(ctx, { lines: { some: { tenantId: place.tenantId } } });
  const line = await ctx.db.callLine.findUnique({ where: { tenantId: place.tenantId } });
  if (!line) return { call: null };
  return { call: await toTenantCall(ctx, await loadCall(ctx.db, line.callId), place.tenantId) };
}

type TenantAction = 'cancel' | 'answer' | 'decline' | 'hang_up';

/**
 * What the tenant's TV asks: cancel (caller, while waiting), answer or decline (callee, while ringing), hang up (either,
 * any time: ends an answered call, cancels or declines one not yet answered). Repeating a request that already took
 * effect returns the call unchanged, so a TV may retry.
 */
export async function tenantActs(ctx: CallsContext, place: TenantPlace, callId: string, requested: TenantAction): Promise<TenantCall> {
  const call = await tenantsCall(ctx, place, callId);
  const isCaller = call.callerTenantId === place.tenantId;
  const by = `TENANT:${place.tenantId}`;
  let action: CallAction = requested;
  let reason: string;
  if (requested === 'hang_up' && call.state !== 'ANSWERED' && !isTerminal(call.state)) action = isCaller ? 'cancel' : 'decline';
  if ((action === 'answer' || action === 'decline') && isCaller) throw new DomainError('forbidden');
  if (action === 'cancel' && !isCaller) throw new DomainError('forbidden');
  const alreadyDone: Record<CallAction, CallState | null> = {
    cancel: 'CANCELLED',
    answer: 'ANSWERED',
    decline: 'DECLINED',
    hang_up: 'ENDED',
    route: null,
    claim: null,
    time_out: null,
    fail: null,
  };
  if (call.state === alreadyDone[action] || (requested === 'hang_up' && isTerminal(call.state))) {
    return toTenantCall(ctx, call, place.tenantId);
  }
  switch (action) {
    case 'cancel':
      reason = 'caller_cancelled';
      break;
    case 'decline':
      reason = 'callee_declined';
      break;
    case 'hang_up':
      reason = isCaller ? 'caller_hung_up' : 'callee_hung_up';
      break;
    default:
      reason = 'callee_answered';
  }
  const moved = await move(ctx, callId, action, by, {
    reason,
    // An answer after the deadline is too late even if no sweep has run yet.
    where: action === 'answer' ? { ringDeadline: { gt: new Date() } } : undefined,
  });
  return toTenantCall(ctx, moved, place.tenantId);
}

/** Calls that rang this tenant and were not answered, newest first. */
export async function missedCalls(
  ctx: CallsContext,
  place: TenantPlace,
  page: { cursor?: string; limit?: number },
): Promise<Page<TenantCall>> {
  await sweepRingingCalls(ctx, { calleeTenantId: place.tenantId });
  const limit = page.limit ?? 20;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const calls = await ctx.db.call.findMany({
    where: {
      calleeTenantId: place.tenantId,
      state: 'MISSED',
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    include: callInclude,
  });
  const items = calls.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: await Promise.all(items.map((call) => toTenantCall(ctx, call, place.tenantId))),
    nextCursor: calls.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

// --- neighbours: who may be called, settings, blocks ---------------------------------------------------------------

function encodeNameCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

function decodeNameCursor(value: string): { name: string; id: string } {
  try {
    const [name, id] = JSON.parse(Buffer.from(value, 'base64url').toString()) as [unknown, unknown];
    if (typeof name === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { name, id };
  } catch {
    // fall through
  }
  throw new DomainError('invalid_cursor');
}

export async function callableNeighbours(
  db: PrismaClient,
  place: TenantPlace,
  page: { cursor?: string; limit?: number },
): Promise<Page<CallableNeighbour>> {
  const limit = page.limit ?? 20;
  const after = page.cursor ? decodeNameCursor(page.cursor) : null;
  const tenants = await db.tenant.findMany({
    where: {
      id: { not: place.tenantId },
      devices: { some: { revokedAt: null } },
      OR: [
        { callableBy: 'BUILDING', home: { buildingId: place.buildingId } },
        { callableBy: 'RESIDENCE', home: { building: { residenceId: place.residenceId } } },
      ],
      blocks: { none: { blockedId: place.tenantId } },
      blockedBy: { none: { blockerId: place.tenantId } },
      ...(after ? { AND: [{ OR: [{ firstName: { gt: after.name } }, { firstName: after.name, id: { gt: after.id } }] }] } : {}),
    },
    orderBy: [{ firstName: 'asc' }, { id: 'asc' }],
    take: limit + 1,
    select: { id: true, firstName: true, home: { select: { building: { select: { name: true } } } } },
  });
  const items = tenants.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((tenant) => ({ tenantId: tenant.id, firstName: tenant.firstName, building: tenant.home.building.name })),
    nextCursor: tenants.length > limit && last ? encodeNameCursor(last.firstName, last.id) : null,
  };
}

export async function callSettings(db: PrismaClient, place: TenantPlace): Promise<CallSettings> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: place.tenantId }, select: { callableBy: true } });
  return { callableBy: tenant.callableBy };
}

export async function updateCallSettings(db: PrismaClient, place: TenantPlace, settings: CallSettings): Promise<CallSettings> {
  const tenant = await db.tenant.update({
    where: { id: place.tenantId },
    data: { callableBy: settings.callableBy },
    select: { callableBy: true },
  });
  return { callableBy: tenant.callableBy };
}

/** Blocking is idempotent and silent: the blocked tenant is only ever told "cannot be called". */
export async function blockNeighbour(db: PrismaClient, place: TenantPlace, tenantId: string): Promise<void> {
  if (tenantId === place.tenantId) {
    throw new DomainError('validation_failed', undefined, { errors: [{ field: 'params.tenantId', message: 'cannot block yourself' }] });
  }
  const other = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { home: { select: { building: { select: { residence: { select: { landlordId: true } } } } } } },
  });
  const mine = await db.residence.findUniqueOrThrow({ where: { id: place.residenceId }, select: { landlordId: true } });
  if (!other || other.home.building.residence.landlordId !== mine.landlordId) throw new DomainError('not_found');
  await db.tenantBlock.createMany({ data: [{ blockerId: place.tenantId, blockedId: tenantId }], skipDuplicates: true });
}

export async function unblockNeighbour(db: PrismaClient, place: TenantPlace, tenantId: string): Promise<void> {
  await db.tenantBlock.deleteMany({ where: { blockerId: place.tenantId, blockedId: tenantId } });
}

export async function blockedNeighbours(
  db: PrismaClient,
  place: TenantPlace,
  page: { cursor?: string; limit?: number },
): Promise<Page<BlockedNeighbour>> {
  const limit = page.limit ?? 20;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const blocks = await db.tenantBlock.findMany({
    where: {
      blockerId: place.tenantId,
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, blockedId: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { blockedId: 'desc' }],
    take: limit + 1,
    select: {
      createdAt: true,
      blocked: { select: { id: true, firstName: true, home: { select: { building: { select: { name: true } } } } } },
    },
  });
  const items = blocks.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((block) => ({
      tenantId: block.blocked.id,
      firstName: block.blocked.firstName,
      building: block.blocked.home.building.name,
      blockedAt: block.createdAt.toISOString(),
    })),
    nextCursor: blocks.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.blocked.id }) : null,
  };
}

// --- the call-centre -----------------------------------------------------------------------------------------------

async function toStaffCall(db: PrismaClient, call: CallRow): Promise<StaffCall> {
  const transitions = await db.callTransition.findMany({ where: { callId: call.id }, orderBy: { id: 'asc' } });
  return {
    id: call.id,
    kind: call.kind,
    state: call.state,
    roomName: call.roomName,
    tenant: toCallerIdentity(serviceTenant(call)),
    agent: call.agent,
    note: call.note,
    createdAt: call.createdAt.toISOString(),
    queuedAt: iso(call.queuedAt),
    answeredAt: iso(call.answeredAt),
    endedAt: iso(call.endedAt),
    endReason: call.endReason,
    transitions: transitions.map((step) => ({ from: step.from, to: step.to, at: step.at.toISOString(), by: step.by, reason: step.reason })),
  };
}

async function organisationCall(ctx: CallsContext, staff: StaffContext, callId: string): Promise<CallRow> {
  await sweepRingingCalls(ctx, { id: callId });
  const call = await loadCall(ctx.db, callId);
  if (call.organisationId !== staff.organisation.id || call.kind === 'NEIGHBOUR') throw new DomainError('not_found');
  return call;
}

export async function staffCall(ctx: CallsContext, staff: StaffContext, callId: string): Promise<StaffCall> {
  return toStaffCall(ctx.db, await organisationCall(ctx, staff, callId));
}

/** The landlord's waiting callers, longest-waiting first, with who they are and where they live. */
export async function callQueue(
  ctx: CallsContext,
  staff: StaffContext,
  page: { cursor?: string; limit?: number },
  now = new Date(),
): Promise<Page<QueueEntry>> {
  const limit = page.limit ?? 20;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const organisationId = staff.organisation.id;
  const calls = await ctx.db.call.findMany({
    where: {
      organisationId,
      state: 'QUEUED',
      ...(after ? { OR: [{ queuedAt: { gt: after.at } }, { queuedAt: after.at, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }],
    take: limit + 1,
    include: callInclude,
  });
  const items = calls.slice(0, limit);
  const first = items[0];
  let position = first ? await queuePosition(ctx.db, first) : 1;
  const entries = items.map((call) => ({
    callId: call.id,
    position: position++,
    queuedAt: call.queuedAt!.toISOString(),
    waitingSeconds: Math.max(0, Math.floor((now.getTime() - call.queuedAt!.getTime()) / 1000)),
    caller: toCallerIdentity(call.callerTenant!),
  }));
  const last = items[items.length - 1];
  return { items: entries, nextCursor: calls.length > limit && last ? encodeCursor({ at: last.queuedAt!, id: last.id }) : null };
}

/** Exactly one agent wins a queued call, whichever instance each claim reaches; the others get call_already_claimed. */
export async function claimCall(ctx: CallsContext, staff: StaffContext, callId: string): Promise<StaffCall> {
  const call = await organisationCall(ctx, staff, callId);
  if (call.state === 'ANSWERED' && call.agentId === staff.id) return toStaffCall(ctx.db, call);
  // One conversation at a time: a second claim would leave a caller connected to nobody.
  const current = await ctx.db.call.findFirst({
    where: { agentId: staff.id, state: 'ANSWERED', id: { not: callId } },
    select: { id: true },
  });
  if (current) throw new DomainError('agent_busy');
  const claimed = await move(ctx, callId, 'claim', `STAFF:${staff.id}`, { reason: 'agent_claimed', data: { agentId: staff.id } });
  return toStaffCall(ctx.db, claimed);
}

export async function agentHangsUp(ctx: CallsContext, staff: StaffContext, callId: string): Promise<StaffCall> {
  const call = await organisationCall(ctx, staff, callId);
  if (call.agentId !== staff.id) throw new DomainError('forbidden');
  if (isTerminal(call.state)) return toStaffCall(ctx.db, call);
  // A call-back not yet answered is the agent's to cancel.
  const action: CallAction = call.state === 'ANSWERED' ? 'hang_up' : 'cancel';
  return toStaffCall(
    ctx.db,
    await move(ctx, callId, action, `STAFF:${staff.id}`, { reason: action === 'hang_up' ? 'agent_hung_up' : 'agent_cancelled' }),
  );
}

export async function saveCallNote(ctx: CallsContext, staff: StaffContext, callId: string, note: string): Promise<StaffCall> {
  const call = await organisationCall(ctx, staff, callId);
  if (call.agentId !== staff.id) throw new DomainError('forbidden');
  await ctx.db.call.update({ where: { id: callId }, data: { note: note.trim() || null } });
  return toStaffCall(ctx.db, await loadCall(ctx.db, callId));
}

/** The agent calls a tenant of their landlord back: the tenant's TV rings. */
export async function callBack(
  ctx: CallsContext,
  staff: StaffContext,
  tenantId: string,
  idempotencyKey: string | undefined,
): Promise<{ call: StaffCall; created: boolean }> {
  const tenant = await ctx.db.tenant.findUnique({
    where: { id: tenantId },
    select: { home: { select: { building: { select: { residence: { select: { landlordId: true } } } } } } },
  });
  if (!tenant || tenant.home.building.residence.landlordId !== staff.organisation.id) throw new DomainError('not_found');
  const { call, created } = await createCall(ctx, {
    kind: 'CALL_BACK',
    organisationId: staff.organisation.id,
    callerTenantId: null,
    calleeTenantId: tenantId,
    agentId: staff.id,
    idempotencyKey: idempotencyKey ? `staff:${staff.id}:${idempotencyKey}` : undefined,
    by: `STAFF:${staff.id}`,
  });
  return { call: await toStaffCall(ctx.db, call), created };
}

export async function setAgentAvailability(ctx: CallsContext, staff: StaffContext, available: boolean): Promise<AgentAvailability> {
  await ctx.presence.set(staff.organisation.id, staff.id, available);
  return agentAvailability(ctx, staff);
}

export async function agentAvailability(ctx: CallsContext, staff: StaffContext): Promise<AgentAvailability> {
  const [available, availableAgents] = await Promise.all([
    ctx.presence.isAvailable(staff.organisation.id, staff.id),
    ctx.presence.count(staff.organisation.id),
  ]);
  return { available, availableAgents };
}

// --- media tokens --------------------------------------------------------------------------------------------------

async function mint(ctx: CallsContext, call: CallRow, identity: string, name: string, sources: PublishSource[]): Promise<CallToken> {
  if (!ctx.livekit) throw new DomainError('video_unavailable');
  const { token, expiresAt } = await ctx.livekit.mintToken({
    roomName: call.roomName,
    identity,
    name,
    canPublishSources: sources,
    canSubscribe: true,
    ttlSeconds: CALL_TOKEN_TTL_SECONDS,
  });
  return { url: ctx.livekit.url, token, roomName: call.roomName, identity, canPublishSources: sources, expiresAt: expiresAt.toISOString() };
}

export function tenantIdentity(tenantId: string, participant: 'tv' | 'phone'): string {
  return participant === 'phone' ? `tenant-${tenantId}-phone` : `tenant-${tenantId}`;
}

export function staffIdentity(staffId: string): string {
  return `staff-${staffId}`;
}

/**
 * A token for the tenant's TV (microphone, and camera only when it says it has one) or phone (camera and microphone),
 * for this call's room only. The caller may join while waiting, so the agent's answer connects at once; the callee only
 * once they have answered.
 */
export async function tenantCallToken(
  ctx: CallsContext,
  place: TenantPlace,
  callId: string,
  request: CallTokenRequest,
): Promise<CallToken> {
  const call = await tenantsCall(ctx, place, callId);
  const isCaller = call.callerTenantId === place.tenantId;
  const joinable: CallState[] = isCaller ? ['QUEUED', 'RINGING', 'ANSWERED'] : ['ANSWERED'];
  if (!joinable.includes(call.state)) throw new DomainError('call_not_joinable');
  const me = (isCaller ? call.callerTenant : call.calleeTenant)!;
  const sources: PublishSource[] = request.participant === 'phone' || request.camera ? ['camera', 'microphone'] : ['microphone'];
  return mint(ctx, call, tenantIdentity(place.tenantId, request.participant), me.firstName, sources);
}

export async function staffCallToken(ctx: CallsContext, staff: StaffContext, callId: string): Promise<CallToken> {
  const call = await organisationCall(ctx, staff, callId);
  if (call.agentId !== staff.id) throw new DomainError('forbidden');
  const joinable: CallState[] = call.kind === 'CALL_BACK' ? ['RINGING', 'ANSWERED'] : ['ANSWERED'];
  if (!joinable.includes(call.state)) throw new DomainError('call_not_joinable');
  const firstName = staff.fullName.split(' ')[0] ?? staff.fullName;
  return mint(ctx, call, staffIdentity(staff.id), `${firstName} (${staff.organisation.name})`, ['camera', 'microphone']);
}

// --- LiveKit webhooks ----------------------------------------------------------------------------------------------

type Side = 'caller' | 'callee' | null;

function sideOf(
  call: { kind: CallKind; callerTenantId: string | null; calleeTenantId: string | null; agentId: string | null },
  identity: string,
): Side {
  const tenant = /^tenant-([0-9a-f-]{36})(-phone)?$/.exec(identity)?.[1];
  const staff = /^staff-([0-9a-f-]{36})$/.exec(identity)?.[1];
  if (tenant && tenant === call.callerTenantId) return 'caller';
  if (tenant && tenant === call.calleeTenantId) return 'callee';
  if (staff && staff === call.agentId) return call.kind === 'CALL_BACK' ? 'caller' : 'callee';
  return null;
}

/** Stores who is in the room, unless a later event about the same participant was already stored. */
async function recordPresence(db: PrismaClient, callId: string, identity: string, present: boolean, at: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const known = await tx.callPresence.findUnique({ where: { callId_identity: { callId, identity } } });
    // Older news is dropped; at the same second a departure wins, since LiveKit sends joined before left.
    if (known && (known.changedAt > at || (known.changedAt.getTime() === at.getTime() && !known.present))) return false;
    await tx.callPresence.upsert({
      where: { callId_identity: { callId, identity } },
      create: { callId, identity, present, changedAt: at },
      update: { present, changedAt: at },
    });
    return true;
  });
}

async function moveQuietly(ctx: CallsContext, callId: string, action: CallAction, reason: string) {
  try {
    await move(ctx, callId, action, 'LIVEKIT', { reason });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error; // the call moved on meanwhile: nothing to do
  }
}

export type WebhookOutcome = 'handled' | 'duplicate' | 'ignored';

/**
 * LiveKit tells us who joined and left: a caller who vanishes while waiting has cancelled; an answered call whose room
 * has emptied has ended. Redeliveries are recognised by id; late or reordered events cannot move a call backwards.
 */
export async function handleLivekitEvent(ctx: CallsContext, event: WebhookEvent): Promise<WebhookOutcome> {
  if (event.id) {
    const { count } = await ctx.db.livekitWebhook.createMany({ data: [{ id: event.id, event: event.event }], skipDuplicates: true });
    if (count === 0) return 'duplicate';
  }
  const roomName = event.room?.name ?? '';
  if (!/^call-[0-9a-f-]{36}$/.test(roomName)) return 'ignored';
  const call = await ctx.db.call.findUnique({ where: { roomName } });
  if (!call) return 'ignored';
  const at = new Date(Number(event.createdAt ?? 0n) * 1000 || Date.now());
  const identity = event.participant?.identity ?? '';

  if (event.event === 'participant_joined' && identity) {
    await recordPresence(ctx.db, call.id, identity, true, at);
    return 'handled';
  }
  if (event.event === 'participant_left' && identity) {
    await recordPresence(ctx.db, call.id, identity, false, at);
    const now = await ctx.db.call.findUniqueOrThrow({ where: { id: call.id } });
    if (isTerminal(now.state)) return 'handled';
    const present = await ctx.db.callPresence.findMany({ where: { callId: call.id, present: true }, select: { identity: true } });
    if (now.state === 'ANSWERED' && present.length === 0) await moveQuietly(ctx, call.id, 'hang_up', 'participants_left');
    else if (
      now.state !== 'ANSWERED' &&
      sideOf(now, identity) === 'caller' &&
      !present.some((participant) => sideOf(now, participant.identity) === 'caller')
    ) {
      await moveQuietly(ctx, call.id, 'cancel', 'caller_left');
    }
    return 'handled';
  }
  if (event.event === 'room_finished') {
    if (call.state === 'ANSWERED') await moveQuietly(ctx, call.id, 'hang_up', 'room_finished');
    else if (!isTerminal(call.state)) {
      // A room closes on its own once emptied; if the caller had been in it, they are gone.
      const callerWasThere = (await ctx.db.callPresence.findMany({ where: { callId: call.id } })).some(
        (participant) => sideOf(call, participant.identity) === 'caller',
      );
      if (callerWasThere) await moveQuietly(ctx, call.id, 'cancel', 'room_finished');
    }
    return 'handled';
  }
  return 'ignored';
}
