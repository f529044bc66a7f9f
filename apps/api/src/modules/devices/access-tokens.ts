// Short-lived access tokens for devices: HS256 JWTs naming the tenant and the device.
import { createSigner, createVerifier } from 'fast-jwt';

export interface DeviceClaims {
  tenantId: string;
  deviceId: string;
}

export interface AccessTokens {
  sign(claims: DeviceClaims): string;
  verify(token: string): DeviceClaims | null;
  ttlSeconds: number;
}

const AUDIENCE = 'palier-api';

export function createAccessTokens(secret: string, ttlSeconds: number, issuer: string): AccessTokens {
  const signer = createSigner({ key: secret, algorithm: 'HS256', expiresIn: ttlSeconds * 1000, iss: issuer, aud: AUDIENCE });
  const verifier = createVerifier({ key: secret, algorithms: ['HS256'], allowedIss: issuer, allowedAud: AUDIENCE, cache: 10_000 });
  return {
    ttlSeconds,
    sign: ({ tenantId, deviceId }) => signer({ sub: tenantId, did: deviceId, scope: 'tenant' }),
    verify: (token) => {
      try {
        const payload = verifier(token) as { sub?: string; did?: string };
        return payload.sub && payload.did ? { tenantId: payload.sub, deviceId: payload.did } : null;
      } catch {
        return null;
      }
    },
  };
}
