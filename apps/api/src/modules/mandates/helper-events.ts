// What a helper hears in realtime: the changes of the reports and requests of the tenants they help (as far as their
// mandate reaches), and the changes of the mandate itself, each on the helper's own audience so that replay after a
// reconnection works as for any event.
import { Prisma, type PrismaClient } from '@prisma/client';
import type { MandateChangedEvent, MandateScope, RealtimeEventBody } from '@palier/contracts';
import type { EventBus } from '../../plugins/event-bus';
import { raiseEvent, type Audience } from '../realtime/service';

interface HelperRow {
  id: string;
  helperStaffId: string | null;
  helperTenantId: string | null;
}

/** A staff helper hears on their console's STAFF audience, a neighbour on their TV's TENANT audience. */
export function helperAudience(mandate: { helperStaffId: string | null; helperTenantId: string | null }): Audience {
  return mandate.helperStaffId ? `STAFF:${mandate.helperStaffId}` : `TENANT:${mandate.helperTenantId}`;
}

/**
 * The tenant's active helpers whose mandate covers `scope`: one scan of the Mandate_tenantId index (a tenant has a
 * handful of mandates), run once per event, whatever the number of tenants. Written here as SQL so a test can read
 * its plan.
 */
export function activeHelpersSql(tenantId: string, scope: MandateScope): Prisma.Sql {
  return Prisma.sql`SELECT "id", "helperStaffId", "helperTenantId" FROM "Mandate"
    WHERE "tenantId" = ${tenantId}::uuid AND "withdrawnAt" IS NULL AND ${scope} = ANY("scopes")`;
}

/**
 * Raises `body(mandateId)` for each active helper of the tenant whose mandate covers `scope`; a withdrawn helper, or
 * one without the scope, hears nothing.
 */
export async function tellHelpers(
  db: PrismaClient,
  bus: EventBus,
  tenantId: string,
  scope: MandateScope,
  body: (mandateId: string) => RealtimeEventBody,
): Promise<void> {
  const helpers = await db.$queryRaw<HelperRow[]>(activeHelpersSql(tenantId, scope));
  for (const helper of helpers) await raiseEvent(db, bus, helperAudience(helper), body(helper.id));
}

/** Tells the helper their mandate was given, changed scopes or was withdrawn. */
export async function tellHelperOfChange(
  db: PrismaClient,
  bus: EventBus,
  mandate: HelperRow & { scopes: string[]; withdrawnAt: Date | null },
  change: MandateChangedEvent['data']['change'],
  at: Date,
): Promise<void> {
  await raiseEvent(db, bus, helperAudience(mandate), {
    name: 'mandate.changed',
    data: { mandateId: mandate.id, change, scopes: mandate.scopes as MandateScope[], active: !mandate.withdrawnAt, at: at.toISOString() },
  });
}
