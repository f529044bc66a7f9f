// OAuth 2.0 device authorization grant (RFC 8628) for TVs, its metadata (RFC 8414), and the activation page's calls.
import { Type, type Static } from 'typebox';

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
export const TV_CLIENT_ID = 'palier-tv';
export const TENANT_SCOPE = 'tenant';
/** 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
export const USER_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const USER_CODE_LENGTH = 8;

export const AuthorizationServerMetadata = Type.Object({
  issuer: Type.String(),
  device_authorization_endpoint: Type.String(),
  token_endpoint: Type.String(),
  revocation_endpoint: Type.String(),
  grant_types_supported: Type.Array(Type.String()),
  response_types_supported: Type.Array(Type.String()),
  token_endpoint_auth_methods_supported: Type.Array(Type.String()),
  revocation_endpoint_auth_methods_supported: Type.Array(Type.String()),
  scopes_supported: Type.Array(Type.String()),
  service_documentation: Type.String(),
});
export type AuthorizationServerMetadata = Static<typeof AuthorizationServerMetadata>;

export const DeviceAuthorizationRequest = Type.Object({
  client_id: Type.String({ minLength: 1, maxLength: 100 }),
  scope: Type.Optional(Type.String({ maxLength: 200 })),
  device_label: Type.Optional(Type.String({ maxLength: 80, description: 'Shown to the tenant when confirming' })),
});
export type DeviceAuthorizationRequest = Static<typeof DeviceAuthorizationRequest>;

export const DeviceAuthorizationResponse = Type.Object({
  device_code: Type.String(),
  user_code: Type.String(),
  verification_uri: Type.String(),
  verification_uri_complete: Type.String(),
  expires_in: Type.Integer(),
  interval: Type.Integer(),
});
export type DeviceAuthorizationResponse = Static<typeof DeviceAuthorizationResponse>;

export const TokenRequest = Type.Object({
  grant_type: Type.String({ maxLength: 100 }),
  client_id: Type.Optional(Type.String({ maxLength: 100 })),
  device_code: Type.Optional(Type.String({ maxLength: 200 })),
  refresh_token: Type.Optional(Type.String({ maxLength: 200 })),
});
export type TokenRequest = Static<typeof TokenRequest>;

export const TokenResponse = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer(),
  refresh_token: Type.String(),
  scope: Type.String(),
});
export type TokenResponse = Static<typeof TokenResponse>;

export const tokenErrorCodes = [
  'authorization_pending',
  'slow_down',
  'expired_token',
  'access_denied',
  'invalid_grant',
  'invalid_request',
  'invalid_client',
  'unsupported_grant_type',
] as const;
export type TokenErrorCode = (typeof tokenErrorCodes)[number];

export const TokenError = Type.Object({
  error: Type.Enum(tokenErrorCodes),
  error_description: Type.Optional(Type.String()),
});
export type TokenError = Static<typeof TokenError>;

export const RevocationRequest = Type.Object({
  token: Type.String({ maxLength: 200 }),
  token_type_hint: Type.Optional(Type.String({ maxLength: 40 })),
  client_id: Type.Optional(Type.String({ maxLength: 100 })),
});

/** What the tenant types on the activation page (phone or computer): the code on the TV and the landlord's letter. */
export const ActivationCheckRequest = Type.Object({
  userCode: Type.String({ minLength: 8, maxLength: 12 }),
  reference: Type.String({ minLength: 4, maxLength: 40 }),
  activationCode: Type.String({ minLength: 6, maxLength: 20 }),
});
export type ActivationCheckRequest = Static<typeof ActivationCheckRequest>;

export const ActivationCheckResponse = Type.Object({
  firstName: Type.String(),
  deviceLabel: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type ActivationCheckResponse = Static<typeof ActivationCheckResponse>;

export const ActivationDecisionRequest = Type.Intersect([ActivationCheckRequest, Type.Object({ approve: Type.Boolean() })]);
export type ActivationDecisionRequest = Static<typeof ActivationDecisionRequest>;

export const ActivationDecisionResponse = Type.Object({
  status: Type.Union([Type.Literal('approved'), Type.Literal('denied')]),
});
export type ActivationDecisionResponse = Static<typeof ActivationDecisionResponse>;

export function normaliseUserCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Shows a user code as XXXX-XXXX, whether it arrives bare or already formatted. */
export function formatUserCode(code: string): string {
  const bare = normaliseUserCode(code);
  return `${bare.slice(0, 4)}-${bare.slice(4)}`;
}
