// Webhook deliveries to a town hall's own system: queued in the same transaction as the change they announce (an
// outbox), signed like Stripe's, claimed by any API instance with FOR UPDATE SKIP LOCKED and a lease, retried with
// exponential backoff until a 2xx, every attempt logged.
import { createHmac, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Prisma, PrismaClient } from '@prisma/client';
import type { EServiceDelivery, EServiceWebhookEventType, EServiceWebhookPayload, Page, PageQuery } from '@palier/contracts';
import { DomainError } from '../../domain-error';
import { decodeCursor, encodeCursor } from '../../pagination';
import type { StaffContext } from '../accounts/staff-sessions';
import { publicOnlyLookup, webhookUrlProblem, type WebhookTargetPolicy } from './webhook-target';

export const SIGNATURE_HEADER = 'Palier-Signature';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`: the timestamp is signed too, so a replay is dated. */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

export interface WebhookSettings {
  maxAttempts: number;
  /** Wait before the second attempt; doubled each time after, up to maxBackoffMs. */
  backoffBaseMs: number;
  maxBackoffMs: number;
  timeoutMs: number;
}

export function backoffMs(settings: WebhookSettings, attempts: number): number {
  return Math.min(settings.backoffBaseMs * 2 ** Math.max(0, attempts - 1), settings.maxBackoffMs);
}

export interface DeliverySubject {
  form: { id: string; slug: string; webhookUrl: string | null; webhookSecret: string | null };
  request: EServiceWebhookPayload['data']['request'];
}

/** Queues one delivery if the form has a webhook; call it inside the transaction that makes the change. */
export async function queueDelivery(
  tx: Prisma.TransactionClient,
  type: EServiceWebhookEventType,
  subject: DeliverySubject,
  now: Date,
): Promise<void> {
  const { form, request } = subject;
  if (!form.webhookUrl || !form.webhookSecret) return;
  const id = randomUUID();
  const payload: EServiceWebhookPayload = { id, type, createdAt: now.toISOString(), data: { request } };
  await tx.eServiceWebhookDelivery.create({
    data: {
      id,
      formId: form.id,
      requestId: request.id,
      type,
      url: form.webhookUrl,
      body: JSON.stringify(payload),
      createdAt: now,
      nextAttemptAt: now,
    },
  });
}

interface ClaimedDelivery {
  id: string;
  formId: string;
  url: string;
  body: string;
  type: string;
  attempts: number;
  leaseToken: string;
}

/**
 * Takes up to `limit` due deliveries for this instance: the row locks are skipped by other claimers while this
 * transaction runs, and the lease (leaseUntil) keeps them away afterwards while the HTTP call is made.
 */
export async function claimDueDeliveries(db: PrismaClient, limit: number, leaseMs: number, now = new Date()): Promise<ClaimedDelivery[]> {
  const leaseToken = randomUUID();
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const rows = await db.$queryRaw<Omit<ClaimedDelivery, 'leaseToken'>[]>`
    UPDATE "EServiceWebhookDelivery"
    SET "leaseToken" = ${leaseToken}::uuid, "leaseUntil" = ${leaseUntil}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "EServiceWebhookDelivery"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now} AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "formId", "url", "body", "type", "attempts"`;
  return rows.map((row) => ({ ...row, leaseToken }));
}

interface AttemptOutcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * One POST with node:http(s) rather than fetch: its `lookup` hook lets the address actually connected to be checked
 * (see webhook-target.ts). Redirects are not followed: a 3xx is not an acknowledgement.
 */
async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  policy: WebhookTargetPolicy,
): Promise<AttemptOutcome> {
  const started = performance.now();
  const problem = webhookUrlProblem(url, policy);
  if (problem) return { statusCode: null, error: `refused: ${url} ${problem}`, durationMs: 0 };
  try {
    const target = new URL(url);
    const statusCode = await new Promise<number>((resolve, reject) => {
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const request = send(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          signal: AbortSignal.timeout(timeoutMs),
          // A fresh connection each time: nothing pooled outlives the attempt, and every send resolves (and checks) again.
          agent: false,
          ...(policy.allowPrivateTargets ? {} : { lookup: publicOnlyLookup }),
        },
        (response) => {
          // The answer's body is not read: only the status acknowledges.
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
    const ok = statusCode >= 200 && statusCode < 300;
    return { statusCode, error: ok ? null : `HTTP ${statusCode}`, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    const message =
      failure.name === 'AbortError' || failure.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : failure.code === 'EWEBHOOKTARGET'
          ? failure.message
          : (failure.code ?? failure.message);
    return { statusCode: null, error: message, durationMs: Math.round(performance.now() - started) };
  }
}

/** One attempt at one claimed delivery, logged; the outcome is written only if this instance still holds the lease. */
export async function attemptDelivery(
  db: PrismaClient,
  settings: WebhookSettings & WebhookTargetPolicy,
  delivery: ClaimedDelivery,
): Promise<'DELIVERED' | 'PENDING' | 'FAILED'> {
  const form = await db.eServiceForm.findUnique({ where: { id: delivery.formId }, select: { webhookSecret: true } });
  const at = new Date();
  const outcome: AttemptOutcome = form?.webhookSecret
    ? await post(
        delivery.url,
        delivery.body,
        {
          'content-type': 'application/json',
          'user-agent': 'Palier-Webhooks/1',
          'palier-delivery': delivery.id,
          'palier-event': delivery.type,
          [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(form.webhookSecret, delivery.body, Math.floor(Date.now() / 1000)),
        },
        settings.timeoutMs,
        settings,
      )
    : { statusCode: null, error: 'the form has no webhook secret any more', durationMs: 0 };
  const acknowledged = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
  const status = acknowledged ? 'DELIVERED' : delivery.attempts >= settings.maxAttempts ? 'FAILED' : 'PENDING';
  const done = new Date();
  await db.$transaction(async (tx) => {
    const { count } = await tx.eServiceWebhookDelivery.updateMany({
      where: { id: delivery.id, leaseToken: delivery.leaseToken },
      data: {
        status,
        leaseToken: null,
        leaseUntil: null,
        ...(acknowledged ? { deliveredAt: done } : {}),
        ...(status === 'PENDING' ? { nextAttemptAt: new Date(done.getTime() + backoffMs(settings, delivery.attempts)) } : {}),
      },
    });
    // Lease lost (this attempt outlived it): another instance owns the delivery now; still log what happened.
    if (count === 0) outcome.error = `${outcome.error ?? 'acknowledged'} (lease expired)`;
    await tx.eServiceWebhookAttempt.create({
      data: {
        deliveryId: delivery.id,
        number: delivery.attempts,
        at,
        durationMs: outcome.durationMs,
        statusCode: outcome.statusCode,
        error: outcome.error,
      },
    });
  });
  return status;
}

// --- the console's delivery log ---

const deliveryInclude = {
  request: { select: { receiptNumber: true } },
  log: { orderBy: { id: 'asc' } },
} satisfies Prisma.EServiceWebhookDeliveryInclude;

function deliveryView(delivery: Prisma.EServiceWebhookDeliveryGetPayload<{ include: typeof deliveryInclude }>): EServiceDelivery {
  return {
    id: delivery.id,
    type: delivery.type as EServiceDelivery['type'],
    requestId: delivery.requestId,
    receiptNumber: delivery.request.receiptNumber,
    url: delivery.url,
    status: delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.status === 'PENDING' ? delivery.nextAttemptAt.toISOString() : null,
    createdAt: delivery.createdAt.toISOString(),
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    log: delivery.log.map((attempt) => ({
      number: attempt.number,
      at: attempt.at.toISOString(),
      durationMs: attempt.durationMs,
      statusCode: attempt.statusCode,
      error: attempt.error,
    })),
  };
}

async function scopedFormId(db: PrismaClient, staff: StaffContext, formId: string) {
  if (staff.organisation.kind === 'LANDLORD') throw new DomainError('forbidden');
  const form = await db.eServiceForm.findFirst({ where: { id: formId, organisationId: staff.organisation.id }, select: { id: true } });
  if (!form) throw new DomainError('not_found');
}

export async function formDeliveries(
  db: PrismaClient,
  staff: StaffContext,
  formId: string,
  page: PageQuery,
): Promise<Page<EServiceDelivery>> {
  await scopedFormId(db, staff, formId);
  const limit = page.limit ?? 20;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const deliveries = await db.eServiceWebhookDelivery.findMany({
    where: { formId, ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    include: deliveryInclude,
  });
  const items = deliveries.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(deliveryView),
    nextCursor: deliveries.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

/** "Retry now": due at once; a failed delivery gets one more attempt. One being sent right now is left alone. */
export async function retryDelivery(db: PrismaClient, staff: StaffContext, formId: string, deliveryId: string, now = new Date()) {
  await scopedFormId(db, staff, formId);
  const delivery = await db.eServiceWebhookDelivery.findFirst({ where: { id: deliveryId, formId } });
  if (!delivery) throw new DomainError('not_found');
  if (delivery.status === 'DELIVERED') throw new DomainError('conflict', 'this delivery was acknowledged');
  await db.eServiceWebhookDelivery.updateMany({
    where: { id: deliveryId, status: { not: 'DELIVERED' }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { status: 'PENDING', nextAttemptAt: now },
  });
  return deliveryView(await db.eServiceWebhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, include: deliveryInclude }));
}
