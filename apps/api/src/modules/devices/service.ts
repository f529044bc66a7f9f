// The OAuth 2.0 device authorization grant (RFC 8628): device codes, the tenant's approval, and rotating refresh tokens.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { Prisma, type PrismaClient } from '@prisma/client';
import {
  TENANT_SCOPE,
  TV_CLIENT_ID,
  USER_CODE_LENGTH,
  normaliseUserCode,
  formatUserCode,
  type DeviceAuthorizationResponse,
  type TokenErrorCode,
  type TokenResponse,
} from '@palier/contracts';
import { DomainError } from '../../domain-error';
import { activationCodeDigest, digest, randomCode, randomToken } from '../accounts/secrets';
import type { AccessTokens } from './access-tokens';

export const KNOWN_CLIENTS = new Set([TV_CLIENT_ID]);
export const SLOW_DOWN_STEP_SECONDS = 5;

export class TokenGrantError extends Error {
  constructor(
    readonly error: TokenErrorCode,
    readonly description: string,
  ) {
    super(error);
  }
}

export interface DeviceFlowSettings {
  publicUrl: string;
  deviceCodeTtlSeconds: number;
  pollIntervalSeconds: number;
  refreshTokenTtlDays: number;
  accessTokens: AccessTokens;
}

export async function startDeviceAuthorization(
  db: PrismaClient,
  settings: DeviceFlowSettings,
  request: { clientId: string; scope?: string; deviceLabel?: string },
): Promise<DeviceAuthorizationResponse> {
  if (!KNOWN_CLIENTS.has(request.clientId)) throw new TokenGrantError('invalid_client', 'Unknown client');
  const scope = request.scope?.trim() || TENANT_SCOPE;
  if (scope !== TENANT_SCOPE) throw new TokenGrantError('invalid_request', 'Unsupported scope');
  const deviceCode = randomToken(32);
  const expiresAt = new Date(Date.now() + settings.deviceCodeTtlSeconds * 1000);
  for (let attempt = 0; ; attempt += 1) {
    const userCode = randomCode(USER_CODE_LENGTH);
    try {
      await db.deviceAuthorization.create({
        data: {
          deviceCodeHash: digest(deviceCode),
          userCode,
          clientId: request.clientId,
          scope,
          deviceLabel: request.deviceLabel?.trim() || 'Téléviseur',
          intervalSeconds: settings.pollIntervalSeconds,
          expiresAt,
        },
      });
      const verificationUri = `${settings.publicUrl}/activate`;
      return {
        device_code: deviceCode,
        user_code: formatUserCode(userCode),
        verification_uri: verificationUri,
        verification_uri_complete: `${verificationUri}?user_code=${formatUserCode(userCode)}`,
        expires_in: settings.deviceCodeTtlSeconds,
        interval: settings.pollIntervalSeconds,
      };
    } catch (error) {
      // A user code collision among live codes is rare (25^8 codes); try another.
      const collision = error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
      if (!collision || attempt >= 5) throw error;
    }
  }
}

async function issueTokens(
  db: Prisma.TransactionClient,
  settings: DeviceFlowSettings,
  deviceId: string,
  tenantId: string,
  familyId: string,
): Promise<TokenResponse> {
  const refreshToken = randomToken(32);
  await db.refreshToken.create({
    data: {
      deviceId,
      familyId,
      tokenHash: digest(refreshToken),
      expiresAt: new Date(Date.now() + settings.refreshTokenTtlDays * 86_400_000),
    },
  });
  return {
    access_token: settings.accessTokens.sign({ tenantId, deviceId }),
    token_type: 'Bearer',
    expires_in: settings.accessTokens.ttlSeconds,
    refresh_token: refreshToken,
    scope: TENANT_SCOPE,
  };
}

/** One poll of the token endpoint with a device code, answering exactly as RFC 8628 section 3.5 says. */
export async function exchangeDeviceCode(
  db: PrismaClient,
  settings: DeviceFlowSettings,
  request: { deviceCode: string; clientId: string },
  now = new Date(),
): Promise<TokenResponse> {
  const authorization = await db.deviceAuthorization.findUnique({ where: { deviceCodeHash: digest(request.deviceCode) } });
  if (!authorization || authorization.clientId !== request.clientId) {
    throw new TokenGrantError('invalid_grant', 'Unknown device code');
  }
  if (authorization.status === 'CONSUMED') throw new TokenGrantError('invalid_grant', 'This device code has already been used');
  if (authorization.expiresAt <= now) throw new TokenGrantError('expired_token', 'The device code has expired');
  if (authorization.status === 'DENIED') throw new TokenGrantError('access_denied', 'The tenant refused this device');
  if (authorization.status === 'PENDING') {
    const tooSoon =
      authorization.lastPolledAt !== null && now.getTime() - authorization.lastPolledAt.getTime() < authorization.intervalSeconds * 1000;
    await db.deviceAuthorization.update({
      where: { id: authorization.id },
      data: {
        lastPolledAt: now,
        ...(tooSoon ? { intervalSeconds: { increment: SLOW_DOWN_STEP_SECONDS } } : {}),
      },
    });
    if (tooSoon)
      throw new TokenGrantError('slow_down', `Poll at most every ${authorization.intervalSeconds + SLOW_DOWN_STEP_SECONDS} seconds`);
    throw new TokenGrantError('authorization_pending', 'Waiting for the tenant to confirm the code');
  }
  return db.$transaction(async (tx) => {
    // The conditional update makes a code usable exactly once, even when two polls race.
    const { count } = await tx.deviceAuthorization.updateMany({
      where: { id: authorization.id, status: 'APPROVED' },
      data: { status: 'CONSUMED', lastPolledAt: now },
    });
    if (count !== 1 || !authorization.tenantId) throw new TokenGrantError('invalid_grant', 'This device code has already been used');
    const device = await tx.device.create({
      data: { tenantId: authorization.tenantId, kind: 'TV', label: authorization.deviceLabel, clientId: authorization.clientId },
    });
    return issueTokens(tx, settings, device.id, authorization.tenantId, randomUUID());
  });
}

/** Rotates a refresh token. Presenting one that was already rotated means it leaked: the whole family is revoked. */
export async function rotateRefreshToken(
  db: PrismaClient,
  settings: DeviceFlowSettings,
  refreshToken: string,
  now = new Date(),
): Promise<TokenResponse> {
  const stored = await db.refreshToken.findUnique({ where: { tokenHash: digest(refreshToken) }, include: { device: true } });
  if (!stored) throw new TokenGrantError('invalid_grant', 'Unknown refresh token');
  const revokeFamily = () =>
    db.refreshToken.updateMany({ where: { familyId: stored.familyId, revokedAt: null }, data: { revokedAt: now } });
  if (stored.usedAt || stored.revokedAt) {
    await revokeFamily();
    throw new TokenGrantError('invalid_grant', 'This refresh token was already used; the device must be activated again');
  }
  if (stored.expiresAt <= now || stored.device.revokedAt) throw new TokenGrantError('invalid_grant', 'The refresh token has expired');
  const rotated = await db.$transaction(async (tx) => {
    const { count } = await tx.refreshToken.updateMany({ where: { id: stored.id, usedAt: null, revokedAt: null }, data: { usedAt: now } });
    if (count !== 1) return null;
    await tx.device.update({ where: { id: stored.deviceId }, data: { lastSeenAt: now } });
    return issueTokens(tx, settings, stored.deviceId, stored.device.tenantId, stored.familyId);
  });
  if (!rotated) {
    await revokeFamily();
    throw new TokenGrantError('invalid_grant', 'This refresh token was already used; the device must be activated again');
  }
  return rotated;
}

/** RFC 7009: revoking an unknown token is not an error. */
export async function revokeRefreshToken(db: PrismaClient, token: string) {
  const stored = await db.refreshToken.findUnique({ where: { tokenHash: digest(token) } });
  if (!stored) return;
  await db.refreshToken.updateMany({ where: { familyId: stored.familyId, revokedAt: null }, data: { revokedAt: new Date() } });
}

function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

async function findActivation(db: PrismaClient, input: { userCode: string; reference: string; activationCode: string }, now: Date) {
  const reference = input.reference.trim().toUpperCase();
  const tenant = await db.tenant.findUnique({ where: { reference } });
  const expected = activationCodeDigest(reference, input.activationCode);
  if (!tenant || !sameDigest(tenant.activationCodeHash, expected)) throw new DomainError('invalid_activation');
  const authorization = await db.deviceAuthorization.findUnique({ where: { userCode: normaliseUserCode(input.userCode) } });
  if (!authorization) throw new DomainError('user_code_unknown');
  if (authorization.status !== 'PENDING') throw new DomainError('user_code_used');
  if (authorization.expiresAt <= now) throw new DomainError('user_code_expired');
  return { tenant, authorization };
}

export async function checkActivation(
  db: PrismaClient,
  input: { userCode: string; reference: string; activationCode: string },
  now = new Date(),
) {
  const { tenant, authorization } = await findActivation(db, input, now);
  return { firstName: tenant.firstName, deviceLabel: authorization.deviceLabel, expiresAt: authorization.expiresAt.toISOString() };
}

export async function decideActivation(
  db: PrismaClient,
  input: { userCode: string; reference: string; activationCode: string; approve: boolean },
  now = new Date(),
) {
  const { tenant, authorization } = await findActivation(db, input, now);
  const { count } = await db.deviceAuthorization.updateMany({
    where: { id: authorization.id, status: 'PENDING' },
    data: { status: input.approve ? 'APPROVED' : 'DENIED', tenantId: tenant.id },
  });
  if (count !== 1) throw new DomainError('user_code_used');
  if (input.approve && !tenant.activatedAt) await db.tenant.update({ where: { id: tenant.id }, data: { activatedAt: now } });
  return { status: input.approve ? ('approved' as const) : ('denied' as const) };
}
