// Phone hand-offs: a single-use code the TV shows, which the phone exchanges for a token good for one task only.
import type { PrismaClient } from '@prisma/client';
import {
  phoneLink,
  USER_CODE_LENGTH,
  formatUserCode,
  normaliseUserCode,
  type ClaimedHandoff,
  type Handoff,
  type HandoffPurpose,
  type StartHandoffRequest,
} from '@palier/contracts';
import { DomainError } from '../../domain-error';
import { digest, randomCode } from '../accounts/secrets';
import type { AccessTokens } from '../devices/access-tokens';
import type { TenantPlace } from '../places/tenant-place';
import { textTaskData } from './text';

export interface HandoffSettings {
  publicUrl: string;
  /** How long the code on the TV can be claimed. */
  codeTtlSeconds: number;
  /** How long the phone may work on the task once it claimed the code. */
  sessionTtlSeconds: number;
  accessTokens: AccessTokens;
}

/** Checks that the task's subject belongs to the tenant, e.g. that the call is theirs. */
export type SubjectCheck = (place: TenantPlace, subjectId: string | undefined) => Promise<void>;

export async function startHandoff(
  db: PrismaClient,
  settings: HandoffSettings,
  place: TenantPlace,
  request: StartHandoffRequest,
  checkSubject: SubjectCheck,
  now = new Date(),
  /** A helper starts it under this mandate, for the tenant who gave it (`place`): what the phone sends stays theirs. */
  mandateId: string | null = null,
): Promise<Handoff> {
  await checkSubject(place, request.subjectId);
  const code = randomCode(USER_CODE_LENGTH);
  const expiresAt = new Date(now.getTime() + settings.codeTtlSeconds * 1000);
  // A long text from the phone: what the phone page shows is stored with the code.
  const text = request.purpose === 'text' ? { create: textTaskData(request.text) } : undefined;
  const handoff = await db.phoneHandoff.create({
    data: {
      codeHash: digest(code),
      tenantId: place.tenantId,
      purpose: request.purpose,
      subjectId: request.subjectId ?? null,
      mandateId,
      expiresAt,
      text,
    },
    select: { id: true },
  });
  const formatted = formatUserCode(code);
  return {
    id: handoff.id,
    code: formatted,
    url: `${settings.publicUrl}${phoneLink(request.purpose, formatted)}`,
    expiresAt: expiresAt.toISOString(),
  };
}

export async function claimHandoff(db: PrismaClient, settings: HandoffSettings, code: string, now = new Date()): Promise<ClaimedHandoff> {
  const handoff = await db.phoneHandoff.findUnique({
    where: { codeHash: digest(normaliseUserCode(code)) },
    include: { tenant: true, mandate: { select: { helperName: true } } },
  });
  if (!handoff) throw new DomainError('handoff_code_unknown');
  if (handoff.claimedAt) throw new DomainError('handoff_code_used');
  if (handoff.expiresAt <= now) throw new DomainError('handoff_code_expired');
  // The conditional update makes the code good for exactly one phone, even when two scan it at once.
  const { count } = await db.phoneHandoff.updateMany({ where: { id: handoff.id, claimedAt: null }, data: { claimedAt: now } });
  if (count !== 1) throw new DomainError('handoff_code_used');
  const expiresAt = new Date(now.getTime() + settings.sessionTtlSeconds * 1000);
  return {
    purpose: handoff.purpose as HandoffPurpose,
    subjectId: handoff.subjectId,
    // The phone is in the hands of whoever started it: a helper is greeted, and told for whom.
    firstName: handoff.mandate ? handoff.mandate.helperName : handoff.tenant.firstName,
    ...(handoff.mandate ? { onBehalfOf: handoff.tenant.firstName } : {}),
    accessToken: settings.accessTokens.signHandoff(
      { tenantId: handoff.tenantId, handoffId: handoff.id, purpose: handoff.purpose, subjectId: handoff.subjectId },
      expiresAt,
    ),
    expiresAt: expiresAt.toISOString(),
  };
}
