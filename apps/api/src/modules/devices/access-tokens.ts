// Short-lived bearer tokens, HS256 JWTs: a device's access token (the whole tenant API) and a phone hand-off's token
// (one task only). Each carries its scope, and neither verifies as the other.
import { createSigner, createVerifier } from 'fast-jwt';

export interface DeviceClaims {
  tenantId: string;
  deviceId: string;
}

export interface HandoffClaims {
  tenantId: string;
  handoffId: string;
  purpose: string;
  subjectId: string | null;
}

export interface AccessTokens {
  sign(claims: DeviceClaims): string;
  verify(token: string): DeviceClaims | null;
  signHandoff(claims: HandoffClaims, expiresAt: Date): string;
  verifyHandoff(token: string): HandoffClaims | null;
  ttlSeconds: number;
}

const AUDIENCE = 'palier-api';

export function createAccessTokens(secret: string, ttlSeconds: number, issuer: string): AccessTokens {
  const signer = createSigner({ key: secret, algorithm: 'HS256', expiresIn: ttlSeconds * 1000, iss: issuer, aud: AUDIENCE });
  const handoffSigner = createSigner({ key: secret, algorithm: 'HS256', iss: issuer, aud: AUDIENCE });
  const verifier = createVerifier({ key: secret, algorithms: ['HS256'], allowedIss: issuer, allowedAud: AUDIENCE, cache: 10_000 });
  const payloadOf = (token: string): Record<string, unknown> | null => {
    try {
      return verifier(token) as Record<string, unknown>;
    } catch {
      return null;
    }
  };
  return {
    ttlSeconds,
    sign: ({ tenantId, deviceId }) => signer({ sub: tenantId, did: deviceId, scope: 'tenant' }),
    verify: (token) => {
      const payload = payloadOf(token);
      if (payload?.scope !== 'tenant' || typeof payload.sub !== 'string' || typeof payload.did !== 'string') return null;
      return { tenantId: payload.sub, deviceId: payload.did };
    },
    signHandoff: ({ tenantId, handoffId, purpose, subjectId }, expiresAt) =>
      handoffSigner({
        sub: tenantId,
        hid: handoffId,
        purpose,
        subject: subjectId,
        scope: 'handoff',
        exp: Math.floor(expiresAt.getTime() / 1000),
      }),
    verifyHandoff: (token) => {
      const payload = payloadOf(token);
      if (payload?.scope !== 'handoff' || typeof payload.sub !== 'string' || typeof payload.hid !== 'string') return null;
      return {
        tenantId: payload.sub,
        handoffId: payload.hid,
        purpose: String(payload.purpose),
        subjectId: typeof payload.subject === 'string' ? payload.subject : null,
      };
    },
  };
}
