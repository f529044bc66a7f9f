// Realtime events: stored in PostgreSQL so a reconnecting client can catch up, then fanned out through the event bus.
import type { PrismaClient } from '@prisma/client';
import type { EventMessage, RealtimeEventBody } from '@palier/contracts';
import type { EventBus } from '../../plugins/event-bus';
import type { TenantPlace } from '../places/tenant-place';

/** An audience is who an event is for, written `KIND:id`: BUILDING, RESIDENCE, DISTRICT, CITY, TENANT, ORGANISATION, STAFF. */
export type Audience = `${string}:${string}`;

export const REPLAY_WINDOW_MS = 24 * 3_600_000;
export const REPLAY_LIMIT = 200;

export async function raiseEvent(db: PrismaClient, bus: EventBus, audience: Audience, body: RealtimeEventBody): Promise<string> {
  const [audienceKind, audienceId] = audience.split(':') as [string, string];
  const stored = await db.realtimeEvent.create({
    data: { audienceKind, audienceId, type: body.name, payload: body.data as object },
    select: { id: true },
  });
  const id = stored.id.toString();
  await bus.publish({ id, audience, ...body });
  return id;
}

export async function missedEvents(db: PrismaClient, audiences: Audience[], lastEventId: string): Promise<EventMessage[]> {
  if (!/^[0-9]{1,19}$/.test(lastEventId)) return [];
  const pairs = audiences.map((audience) => {
    const [audienceKind, audienceId] = audience.split(':') as [string, string];
    return { audienceKind, audienceId };
  });
  const rows = await db.realtimeEvent.findMany({
    where: { id: { gt: BigInt(lastEventId) }, createdAt: { gt: new Date(Date.now() - REPLAY_WINDOW_MS) }, OR: pairs },
    orderBy: { id: 'asc' },
    take: REPLAY_LIMIT,
  });
  return rows.map((row) => ({ type: 'event', id: row.id.toString(), name: row.type, data: row.payload }) as EventMessage);
}

export async function latestEventId(db: PrismaClient): Promise<string> {
  const latest = await db.realtimeEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
  return latest ? latest.id.toString() : '0';
}

export async function pruneEvents(db: PrismaClient, now = Date.now()): Promise<number> {
  const { count } = await db.realtimeEvent.deleteMany({ where: { createdAt: { lt: new Date(now - REPLAY_WINDOW_MS) } } });
  return count;
}

export function tenantAudiences(place: TenantPlace): Audience[] {
  return [
    `TENANT:${place.tenantId}`,
    `BUILDING:${place.buildingId}`,
    `RESIDENCE:${place.residenceId}`,
    `DISTRICT:${place.districtId}`,
    `CITY:${place.cityId}`,
  ];
}
