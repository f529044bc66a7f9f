// Steps tests take again and again, done through the public HTTP API as a TV, a phone and a staff member would.
import type { FastifyInstance } from 'fastify';
import {
  DEVICE_CODE_GRANT,
  TV_CLIENT_ID,
  type ContentReportReason,
  type ContentReportReceipt,
  type CreatePostRequest,
  type DeviceAuthorizationResponse,
  type ModerationTargetKind,
  type TokenResponse,
} from '@palier/contracts';
import { DEMO_STAFF_PASSWORD } from '../../prisma/demo-residence';
import { demoActivationCode } from '../../prisma/demo-letters';

export const LAURIERS_B_TENANT = 'HMP-LAU-B-0101';
export const LAURIERS_A_TENANT = 'HMP-LAU-A-0203';
export const SAVINE_TENANT = 'HMP-SAV-2-0305';

export async function startDeviceFlow(app: FastifyInstance, label = 'Téléviseur du salon'): Promise<DeviceAuthorizationResponse> {
  const response = await app.inject({
    method: 'POST',
    url: '/oauth/device_authorization',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ client_id: TV_CLIENT_ID, scope: 'tenant', device_label: label }).toString(),
  });
  if (response.statusCode !== 200) throw new Error(`device authorization failed: ${response.body}`);
  return response.json();
}

export function pollToken(app: FastifyInstance, deviceCode: string) {
  return app.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ grant_type: DEVICE_CODE_GRANT, device_code: deviceCode, client_id: TV_CLIENT_ID }).toString(),
  });
}

export function refresh(app: FastifyInstance, refreshToken: string) {
  return app.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: TV_CLIENT_ID }).toString(),
  });
}

export function approve(app: FastifyInstance, userCode: string, reference: string, approveIt = true, remoteAddress = '203.0.113.7') {
  return app.inject({
    method: 'POST',
    url: '/api/v1/activation/decision',
    remoteAddress,
    payload: { userCode, reference, activationCode: demoActivationCode(reference), approve: approveIt },
  });
}

/** The whole activation of a TV for a tenant of the demo residence; returns its tokens. */
export async function activateTv(app: FastifyInstance, reference: string): Promise<TokenResponse> {
  const authorization = await startDeviceFlow(app);
  const decision = await approve(app, authorization.user_code, reference);
  if (decision.statusCode !== 200) throw new Error(`approval failed: ${decision.body}`);
  const tokens = await pollToken(app, authorization.device_code);
  if (tokens.statusCode !== 200) throw new Error(`token failed: ${tokens.body}`);
  return tokens.json();
}

export function bearer(tokens: TokenResponse) {
  return { authorization: `Bearer ${tokens.access_token}` };
}

/** Signs a staff member in; returns the Cookie header to send with their requests. */
export async function signInStaff(app: FastifyInstance, email: string, password = DEMO_STAFF_PASSWORD): Promise<{ cookie: string }> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/staff/session', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'palier_staff');
  return { cookie: `palier_staff=${cookie!.value}` };
}

// --- the neighbours' network: what a neighbour does through the API when a journey needs it done, not shown ---

/** Posts to the feed as this tenant; returns the post's id. */
export async function postAs(app: FastifyInstance, tokens: TokenResponse, body: CreatePostRequest): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/feed/posts', headers: bearer(tokens), payload: body });
  if (response.statusCode !== 201) throw new Error(`post failed: ${response.body}`);
  return response.json().id;
}

/** Reports a post, a reply, a user or a message as this tenant (reporting twice returns the first report). */
export async function reportAs(
  app: FastifyInstance,
  tokens: TokenResponse,
  target: { kind: ModerationTargetKind; id: string },
  reason: ContentReportReason = 'ABUSE',
): Promise<ContentReportReceipt> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/moderation/reports', headers: bearer(tokens), payload: { target, reason } });
  if (response.statusCode !== 201 && response.statusCode !== 200) throw new Error(`report failed: ${response.body}`);
  return response.json();
}
