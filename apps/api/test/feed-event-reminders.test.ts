// The reminder on the day of a neighbours' event, through the public API on real PostgreSQL and Redis: due at 08:00
// Paris on the event's day (DST included), sent once however many instances poll, in each neighbour's language, never
// for a cancelled seat, a hidden, deleted or started event, and again for the new day when the author moves the event.
import { randomUUID } from 'node:crypto';
import type { TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, activateTv, bearer } from '../../../test/support/journeys';
import { addDays, localInstant, localToday } from '../src/modules/appointments/local-time';
import { eventReminderDue, sendDueEventReminders } from '../src/modules/feed/event-reminders';
import { sendPersonalNotice, type PersonalNoticeInput } from '../src/modules/notices/personal';

const EIGHT = 8 * 60;
const MINUTE = 60_000;
/** A Paris date `days` from today. */
const inDays = (days: number) => addDays(localToday(new Date()), days);
/** The instant Paris reads `date` at `time`. */
const paris = (date: string, time: string) => localInstant(date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3)));

describe('the reminder on the day of an event', () => {
  let api: TestApi;
  let host: TokenResponse; // Les Lauriers B, who posts the events
  const guests: Record<'fr' | 'en' | 'ar', TokenResponse> = {} as never;

  beforeAll(async () => {
    // No scheduler of its own: each test polls with the clock it needs, or starts its own instances.
    api = await startTestApi({
      devicePollIntervalSeconds: 1,
      rateLimitPerMinute: 100_000,
      eventReminders: { enabled: false, pollMs: 60_000, minuteOfDay: EIGHT, leaseSeconds: 300 },
    });
    host = await activateTv(api.app, LAURIERS_B_TENANT);
    const references = { fr: LAURIERS_A_TENANT, en: 'HMP-LAU-B-0102', ar: 'HMP-LAU-A-0101' } as const;
    for (const language of ['fr', 'en', 'ar'] as const) {
      guests[language] = await activateTv(api.app, references[language]);
      await api.app.db.tenant.update({ where: { reference: references[language] }, data: { language } });
    }
  });
  afterAll(async () => api?.close());

  const call = (tokens: TokenResponse, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    api.app.inject({ method, url, headers: { ...bearer(tokens), 'idempotency-key': randomUUID() }, ...(payload ? { payload } : {}) });

  async function event(title: string, startsAt: Date, place = 'Local commun, rez-de-chaussée du bâtiment A'): Promise<string> {
    const response = await call(host, 'POST', '/api/v1/feed/posts', {
      kind: 'EVENT',
      title,
      body: 'Venez nombreux, chacun apporte un plat.',
      event: { startsAt: startsAt.toISOString(), place, capacity: 20 },
    });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  }
  const signUp = async (tokens: TokenResponse, postId: string) =>
    expect((await call(tokens, 'PUT', `/api/v1/feed/posts/${postId}/signup`)).statusCode).toBe(200);
  const remindersOf = async (tokens: TokenResponse, title: string) =>
    ((await call(tokens, 'GET', '/api/v1/notices?limit=50')).json().items as { title: string; body: string; category: string }[]).filter(
      (notice) => notice.title.endsWith(title),
    );
  const poll = (now: Date, app = api.app) =>
    sendDueEventReminders({
      db: app.db,
      sendNotice: (input) => sendPersonalNotice(app.db, app.eventBus, input),
      batchSize: 50,
      leaseSeconds: 300,
      now,
    });

  it('is due at 08:00 Paris on the event’s day, on both sides of each DST change, and an hour before an earlier start', () => {
    // Summer time starts on Sunday 28 March 2027 and ends on Sunday 25 October 2026 (and 31 October 2027).
    expect(eventReminderDue(paris('2027-03-27', '19:00'), EIGHT).toISOString()).toBe('2027-03-27T07:00:00.000Z'); // CET
    expect(eventReminderDue(paris('2027-03-28', '19:00'), EIGHT).toISOString()).toBe('2027-03-28T06:00:00.000Z'); // CEST
    expect(eventReminderDue(paris('2026-10-24', '15:00'), EIGHT).toISOString()).toBe('2026-10-24T06:00:00.000Z'); // CEST
    expect(eventReminderDue(paris('2026-10-25', '15:00'), EIGHT).toISOString()).toBe('2026-10-25T07:00:00.000Z'); // CET
    // 23:30 UTC on the 27th is already the 28th in Paris: the reminder is that Paris morning's.
    expect(eventReminderDue(new Date('2027-03-27T23:30:00Z'), EIGHT).toISOString()).toBe('2027-03-27T22:30:00.000Z'); // 1 h before
    expect(eventReminderDue(new Date('2027-06-11T22:30:00Z'), EIGHT).toISOString()).toBe('2027-06-11T21:30:00.000Z');
    expect(eventReminderDue(paris('2027-06-12', '07:00'), EIGHT).toISOString()).toBe('2027-06-12T04:00:00.000Z'); // 06:00 Paris
    expect(eventReminderDue(paris('2027-06-12', '18:30'), 9 * 60 + 30).toISOString()).toBe('2027-06-12T07:30:00.000Z'); // 09:30
  });

  it('sends each neighbour one notice under 8 concurrent polls on two instances, in their language, with what, where and when', async () => {
    const day = inDays(3);
    const startsAt = paris(day, '18:30');
    const postId = await event('Repas partagé de la résidence', startsAt);
    for (const language of ['fr', 'en', 'ar'] as const) await signUp(guests[language], postId);
    const seats = await api.app.db.eventSignup.findMany({ where: { postId } });
    expect(seats.map((seat) => seat.reminderDueAt?.toISOString())).toEqual(Array(3).fill(paris(day, '08:00').toISOString()));

    // 07:59 that day: not yet.
    expect(await poll(paris(day, '07:59'))).toBe(0);
    const other = await api.buildInstance();
    const at = paris(day, '08:01');
    let sends = 0;
    const counted = (app: typeof api.app) => (input: PersonalNoticeInput) => {
      sends += 1;
      return sendPersonalNotice(app.db, app.eventBus, input);
    };
    const polls = Array.from({ length: 8 }, (_, i) => {
      const instance = i % 2 === 0 ? api.app : other;
      return sendDueEventReminders({ db: instance.db, sendNotice: counted(instance), batchSize: 50, leaseSeconds: 300, now: at });
    });
    expect((await Promise.all(polls)).reduce((a, b) => a + b, 0)).toBe(3);
    expect(sends).toBe(3);
    expect(await poll(paris(day, '09:00'))).toBe(0); // nothing left

    const [fr] = await remindersOf(guests.fr, 'Repas partagé de la résidence');
    expect(fr).toMatchObject({ title: 'Aujourd’hui : Repas partagé de la résidence', category: 'EVENT' });
    expect(fr!.body).toMatch(/^Vous avez une place pour « Repas partagé de la résidence », proposé par \S+ \(Bâtiment B\)\.\n/);
    expect(fr!.body).toMatch(/\nQuand : \S+ \d+ \S+ à 18:30\.\nOù : Local commun, rez-de-chaussée du bâtiment A\.\n/);
    const [en] = await remindersOf(guests.en, 'Repas partagé de la résidence');
    expect(en!.title).toBe('Today: Repas partagé de la résidence');
    expect(en!.body).toMatch(/\nWhen: \w+ \d+ \w+ at 18:30\.\nWhere: Local commun/);
    const [ar] = await remindersOf(guests.ar, 'Repas partagé de la résidence');
    expect(ar!.title).toBe('اليوم: Repas partagé de la résidence');
    expect(ar!.body).toContain('الساعة 18:30');
    for (const language of ['fr', 'en', 'ar'] as const)
      expect(await remindersOf(guests[language], 'Repas partagé de la résidence')).toHaveLength(1);
    // The host, who has no seat, gets none.
    expect(await remindersOf(host, 'Repas partagé de la résidence')).toHaveLength(0);
  });

  it('sends it right away to a neighbour who signs up later that day, before the start', async () => {
    const startsAt = new Date(Date.now() + 2 * 60 * MINUTE);
    const postId = await event('Pétanque ce soir', startsAt);
    await signUp(guests.fr, postId);
    // Signed up after the event's morning: the reminder is already due, so the next poll sends it. (Between 07:00 and
    // 08:00, or near midnight, the due time is still ahead, by less than an hour: the poll is made then.)
    const seat = await api.app.db.eventSignup.findFirstOrThrow({ where: { postId } });
    expect(seat.reminderDueAt!.getTime()).toBe(eventReminderDue(startsAt, EIGHT).getTime());
    expect(seat.reminderDueAt!.getTime()).toBeLessThan(startsAt.getTime() - 59 * MINUTE);
    const now = new Date(Math.max(Date.now(), seat.reminderDueAt!.getTime()));
    expect(await poll(now)).toBe(1);
    expect(await remindersOf(guests.fr, 'Pétanque ce soir')).toHaveLength(1);
  });

  it('sends none for a cancelled seat, a hidden, deleted or already started event', async () => {
    const day = inDays(4);
    const at = paris(day, '08:05');
    const cancelled = await event('Atelier couture', paris(day, '14:00'));
    await signUp(guests.fr, cancelled);
    await signUp(guests.en, cancelled);
    expect((await call(guests.fr, 'DELETE', `/api/v1/feed/posts/${cancelled}/signup`)).json()).toMatchObject({ signedUp: false });
    const hidden = await event('Atelier vélo', paris(day, '15:00'));
    await signUp(guests.fr, hidden);
    await api.app.db.post.update({ where: { id: hidden }, data: { hiddenAt: new Date() } }); // what the report threshold does
    const deleted = await event('Atelier cuisine', paris(day, '16:00'));
    await signUp(guests.fr, deleted);
    expect((await call(host, 'DELETE', `/api/v1/feed/posts/${deleted}`)).statusCode).toBe(204);
    const started = await event('Café du matin', paris(day, '07:30')); // due 06:30; polled after it started
    await signUp(guests.fr, started);

    expect(await poll(at)).toBe(1); // only the neighbour who kept their seat
    expect(await remindersOf(guests.en, 'Atelier couture')).toHaveLength(1);
    for (const title of ['Atelier couture', 'Atelier vélo', 'Atelier cuisine', 'Café du matin']) {
      expect({ title, told: await remindersOf(guests.fr, title) }).toEqual({ title, told: [] });
    }
    // Shown again by a moderator before it starts: the reminder goes after all.
    await api.app.db.post.update({ where: { id: hidden }, data: { hiddenAt: null } });
    expect(await poll(paris(day, '09:00'))).toBe(1);
    expect(await remindersOf(guests.fr, 'Atelier vélo')).toHaveLength(1);
  });

  it('follows the event when its author moves it to another day, and only the author can', async () => {
    const first = inDays(5);
    const postId = await event('Vide-grenier', paris(first, '10:00'));
    await signUp(guests.en, postId);
    expect(await poll(paris(first, '08:00'))).toBe(1);
    const moved = inDays(7);
    const move = (tokens: TokenResponse, body: object) => call(tokens, 'PATCH', `/api/v1/feed/posts/${postId}/event`, body);
    expect((await move(guests.en, { startsAt: paris(moved, '10:00').toISOString() })).statusCode).toBe(403);
    expect((await move(host, { startsAt: new Date(Date.now() - MINUTE).toISOString() })).json().code).toBe('validation_failed');
    const response = await move(host, { startsAt: paris(moved, '10:00').toISOString(), place: 'Parking du bâtiment C' });
    expect(response.statusCode).toBe(200);
    expect(response.json().event).toMatchObject({
      startsAt: paris(moved, '10:00').toISOString(),
      place: 'Parking du bâtiment C',
      taken: 1,
    });
    // A retry of the same move changes nothing.
    expect((await move(host, { startsAt: paris(moved, '10:00').toISOString() })).statusCode).toBe(200);
    const seat = await api.app.db.eventSignup.findFirstOrThrow({ where: { postId } });
    expect(seat).toMatchObject({ reminderDueAt: paris(moved, '08:00'), reminderSentAt: null });

    expect(await poll(paris(inDays(6), '08:00'))).toBe(0); // the old day is past, the new one not yet here
    expect(await poll(paris(moved, '08:00'))).toBe(1);
    expect(await poll(paris(moved, '08:30'))).toBe(0);
    const told = await remindersOf(guests.en, 'Vide-grenier');
    expect(told).toHaveLength(2);
    expect(told.some((notice) => notice.body.includes('Where: Parking du bâtiment C.'))).toBe(true);
  });

  it('is sent once by the schedulers of two running instances', async () => {
    const postId = await event('Fête des voisins', new Date(Date.now() + 3 * 60 * MINUTE));
    await signUp(guests.ar, postId);
    // The event's morning has come (the clock is the database's: only the due time moves).
    await api.app.db.$executeRaw`UPDATE "EventSignup" SET "reminderDueAt" = now() - interval '1 minute' WHERE "postId" = ${postId}::uuid`;
    const schedulers = { enabled: true, pollMs: 25, minuteOfDay: EIGHT, leaseSeconds: 300 };
    await Promise.all([api.buildInstance({ eventReminders: schedulers }), api.buildInstance({ eventReminders: schedulers })]);
    const deadline = Date.now() + 10_000;
    let told: unknown[] = [];
    while (Date.now() < deadline && told.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      told = await remindersOf(guests.ar, 'Fête des voisins');
    }
    await new Promise((resolve) => setTimeout(resolve, 400)); // both keep polling a while: still one
    expect(await remindersOf(guests.ar, 'Fête des voisins')).toHaveLength(1);
    const seat = await api.app.db.eventSignup.findFirstOrThrow({ where: { postId } });
    expect(seat.reminderSentAt).not.toBeNull();
  });
});
