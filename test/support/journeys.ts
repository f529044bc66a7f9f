// Steps tests take again and again, done through the public HTTP API as a TV, a phone and a staff member would.
import { randomUUID } from 'node:crypto';
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
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../../prisma/demo-residence';
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

let nextHomeAddress = 1;

/** activateTv from an address of its own (198.51.100.n): many homes at once, as many TVs behind many boxes would. */
export async function activateFromHome(app: FastifyInstance, reference: string): Promise<TokenResponse> {
  const remoteAddress = `198.51.100.${nextHomeAddress++}`;
  const started = await app.inject({
    method: 'POST',
    url: '/oauth/device_authorization',
    remoteAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ client_id: TV_CLIENT_ID, scope: 'tenant', device_label: 'Téléviseur' }).toString(),
  });
  const { user_code: userCode, device_code: deviceCode } = started.json();
  const decision = await approve(app, userCode, reference, true, remoteAddress);
  if (decision.statusCode !== 200) throw new Error(`approval failed: ${decision.body}`);
  const tokens = await pollToken(app, deviceCode);
  if (tokens.statusCode !== 200) throw new Error(`token failed: ${tokens.body}`);
  return tokens.json();
}

export function bearer(tokens: TokenResponse) {
  return { authorization: `Bearer ${tokens.access_token}` };
}

export type TenantRequest = [method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object];

/** A request as this tenant's TV sends it: their bearer token, and an Idempotency-Key of its own for any write. */
export function requestAs(app: FastifyInstance, tokens: TokenResponse, ...[method, url, payload]: TenantRequest) {
  return app.inject({ method, url, headers: { ...bearer(tokens), 'idempotency-key': randomUUID() }, ...(payload ? { payload } : {}) });
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
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/moderation/reports',
    headers: bearer(tokens),
    payload: { target, reason },
  });
  if (response.statusCode !== 201 && response.statusCode !== 200) throw new Error(`report failed: ${response.body}`);
  return response.json();
}

// --- procedures: what the landlord and the town hall do to a tenant's report or request, when a journey needs it ---

/** The caretaker of Les Lauriers offers two slots on a report, three days from now at 08:00 and 12:00 UTC, two hours each. */
export async function offerTwoSlots(app: FastifyInstance, reportId: string): Promise<Array<{ id: string; startsAt: string }>> {
  const caretaker = await signInStaff(app, DEMO_STAFF.caretakerLauriers);
  const day = new Date(Date.now() + 3 * 86_400_000);
  day.setUTCHours(8, 0, 0, 0);
  const slot = (hours: number) => ({
    startsAt: new Date(day.getTime() + hours * 3_600_000).toISOString(),
    endsAt: new Date(day.getTime() + (hours + 2) * 3_600_000).toISOString(),
  });
  const response = await app.inject({
    method: 'POST',
    url: `/api/v1/staff/reports/${reportId}/slots`,
    headers: { cookie: caretaker.cookie },
    payload: { slots: [slot(0), slot(4)] },
  });
  if (response.statusCode !== 200) throw new Error(`offering slots failed: ${response.body}`);
  return response.json().slots;
}

/**
 * The tenant sends the city's road-problem form (a street light out, Rue des Lilas); its clerk takes it and asks where
 * exactly. Returns the request and the clerk's cookie.
 */
export async function roadProblemTheClerkAsksAbout(
  app: FastifyInstance,
  tokens: TokenResponse,
  question: string,
): Promise<{ request: { id: string; receiptNumber: string }; clerk: { cookie: string } }> {
  const forms = (await app.inject({ method: 'GET', url: '/api/v1/eservices/forms', headers: bearer(tokens) })).json().items;
  const road = forms.find((form: { title: { fr: string } }) => form.title.fr === 'Signaler un problème sur la voie publique');
  const answers = {
    kind: 'lighting',
    where: 'Rue des Lilas',
    noticedOn: '2026-11-24',
    dangerous: false,
    description: 'Le lampadaire est éteint.',
  };
  const sent = await app.inject({
    method: 'POST',
    url: '/api/v1/eservices/requests',
    headers: { ...bearer(tokens), 'idempotency-key': randomUUID() },
    payload: { versionId: road.versionId, answers },
  });
  if (sent.statusCode !== 201) throw new Error(`sending the form failed: ${sent.body}`);
  const request = sent.json();
  const clerk = await signInStaff(app, DEMO_STAFF.cityClerk);
  for (const body of [{ action: 'take' }, { action: 'ask_information', message: question, fields: ['where'] }]) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/staff/eservices/requests/${request.id}/transitions`,
      headers: { cookie: clerk.cookie },
      payload: body,
    });
    if (response.statusCode !== 200) throw new Error(`${body.action} failed: ${response.body}`);
  }
  return { request, clerk };
}
