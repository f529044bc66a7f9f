// Steps the call tests take: opening the call-centre whatever the hour, and signing webhooks the way LiveKit does.
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AccessToken } from 'livekit-server-sdk';
import type { OpeningHours, TokenResponse } from '@palier/contracts';
import { bearer } from './journeys';

/** Open every day, all day, so call-centre tests do not depend on when they run. */
export const ALWAYS_OPEN: OpeningHours = {
  timeZone: 'Europe/Paris',
  weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: '00:00', closes: '24:00' })),
};

/** Closed all day today (Paris time), open tomorrow 8:30–17:30: a call now is refused with tomorrow's opening. */
export function openOnlyTomorrow(now = new Date()): { hours: OpeningHours; tomorrow: number } {
  const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'short' }).format(now);
  const today = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(weekday) + 1;
  const tomorrow = (today % 7) + 1;
  return { hours: { timeZone: 'Europe/Paris', weekly: [{ day: tomorrow, opens: '08:30', closes: '17:30' }] }, tomorrow };
}

export async function setCallCentreHours(app: FastifyInstance, hours: OpeningHours | null) {
  await app.db.organisation.update({ where: { slug: 'hmp' }, data: { callCentreHours: hours ?? undefined } });
}

export async function tenantIdOf(app: FastifyInstance, tokens: TokenResponse): Promise<string> {
  return (await app.inject({ url: '/api/v1/me', headers: bearer(tokens) })).json().id;
}

/** A LiveKit webhook body and its Authorization header: a JWT from the API key carrying the body's sha256. */
export async function signedWebhook(
  event: { event: string; room: string; identity?: string; createdAt?: number; id?: string },
  apiKey: string,
  apiSecret: string,
) {
  const body = JSON.stringify({
    event: event.event,
    id: event.id ?? `EV_${randomUUID()}`,
    createdAt: String(event.createdAt ?? Math.floor(Date.now() / 1000)),
    room: { sid: 'RM_test', name: event.room },
    ...(event.identity ? { participant: { sid: 'PA_test', identity: event.identity } } : {}),
  });
  const token = new AccessToken(apiKey, apiSecret);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return { body, authorization: await token.toJwt() };
}
