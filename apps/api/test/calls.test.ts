// Video calls through the real API, with a real LiveKit server for rooms and tokens: the call-centre queue and its
// atomic claim, neighbours who ring each other, ring timeouts across instances, tokens and webhooks.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { RoomServiceClient, TokenVerifier } from 'livekit-server-sdk';
import type { TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { activateTv, bearer, signInStaff } from '../../../test/support/journeys';
import { ALWAYS_OPEN, openOnlyTomorrow, setCallCentreHours, signedWebhook, tenantIdOf } from '../../../test/support/calls';
import { describeWithLivekit, startTestLivekit } from '../../../test/support/livekit';
import { DEMO_STAFF } from '../../../prisma/demo-residence';
import { LIVEKIT_WEBHOOK_PATH } from '../src/modules/calls/routes';

// Four tenants of Bâtiment B (Les Lauriers), one of Bâtiment A, one of La Savine.
const B1 = 'HMP-LAU-B-0101';
const B2 = 'HMP-LAU-B-0102';
const B3 = 'HMP-LAU-B-0103';
const B4 = 'HMP-LAU-B-0104';
const A1 = 'HMP-LAU-A-0203';
const S1 = 'HMP-SAV-2-0305';

describeWithLivekit('video calls', () => {
  let livekit: Awaited<ReturnType<typeof startTestLivekit>>;
  let rooms: RoomServiceClient;
  let api: TestApi;
  let tv: Record<string, TokenResponse>;
  let id: Record<string, string>;
  let agent: { cookie: string };
  let admin: { cookie: string };

  beforeAll(async () => {
    livekit = await startTestLivekit();
    rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
    api = await startTestApi({ devicePollIntervalSeconds: 1, livekit: livekit.config, callSweepIntervalMs: 60_000 });
    const references = { B1, B2, B3, B4, A1, S1 };
    tv = {};
    id = {};
    await Promise.all(
      Object.entries(references).map(async ([name, reference]) => {
        tv[name] = await activateTv(api.app, reference);
        id[name] = await tenantIdOf(api.app, tv[name]!);
      }),
    );
    [agent, admin] = await Promise.all([signInStaff(api.app, DEMO_STAFF.agent), signInStaff(api.app, DEMO_STAFF.landlordAdmin)]);
    await setCallCentreHours(api.app, ALWAYS_OPEN);
  });
  afterAll(async () => {
    await api?.close();
    await livekit?.stop();
  });

  const as = (name: string) => bearer(tv[name]!);
  const roomNames = async () => (await rooms.listRooms()).map((room) => room.name);

  function call(app: FastifyInstance, name: string, to: object, key = randomUUID()) {
    return app.inject({ method: 'POST', url: '/api/v1/calls', headers: { ...as(name), 'idempotency-key': key }, payload: { to } });
  }
  function act(app: FastifyInstance, name: string, callId: string, action: string) {
    return app.inject({ method: 'POST', url: `/api/v1/calls/${callId}/${action}`, headers: as(name) });
  }
  function staff(app: FastifyInstance, who: { cookie: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
    return app.inject({ method, url, headers: who, ...(payload ? { payload } : {}) });
  }
  async function eventsFor(audience: string, callId: string) {
    const [kind, audienceId] = audience.split(':');
    const rows = await api.app.db.realtimeEvent.findMany({ where: { audienceKind: kind, audienceId }, orderBy: { id: 'asc' } });
    return rows.filter(
      (row) =>
        (row.payload as { callId?: string; changedCallId?: string }).callId === callId ||
        (row.payload as { changedCallId?: string }).changedCallId === callId,
    );
  }

  describe('the call-centre', () => {
    it('outside opening hours, says when it opens and suggests a fault report', async () => {
      const { hours } = openOnlyTomorrow();
      await setCallCentreHours(api.app, hours);
      try {
        const status = (await api.app.inject({ url: '/api/v1/calls/call-centre', headers: as('A1') })).json();
        expect(status).toMatchObject({ name: 'Habitat Marseille Provence', open: false });
        const refused = await call(api.app, 'A1', { kind: 'CALL_CENTRE' });
        expect(refused.statusCode).toBe(409);
        expect(refused.json()).toMatchObject({ code: 'outside_opening_hours', opensAt: status.opensAt });
        expect(refused.json().detail).toMatch(/fermé\. Il rouvre .* à 08:30\. Vous pouvez signaler un problème/);
        expect(new Date(status.opensAt).getTime()).toBeGreaterThan(Date.now());
      } finally {
        await setCallCentreHours(api.app, ALWAYS_OPEN);
      }
    });

    it('ends the calls still waiting when the call-centre closes, saying why, instead of leaving them queued all night', async () => {
      const waiting = (await call(api.app, 'B2', { kind: 'CALL_CENTRE' })).json();
      expect(waiting.state).toBe('QUEUED');
      await setCallCentreHours(api.app, openOnlyTomorrow().hours);
      const sweeper = await api.buildInstance({ callSweepIntervalMs: 100 });
      try {
        const deadline = Date.now() + 5_000;
        let state = 'QUEUED';
        while (state === 'QUEUED' && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          state = (await api.app.db.call.findUniqueOrThrow({ where: { id: waiting.id } })).state;
        }
        expect((await api.app.inject({ url: `/api/v1/calls/${waiting.id}`, headers: as('B2') })).json()).toMatchObject({
          state: 'MISSED',
          endReason: 'call_centre_closed',
        });
        const told = (await eventsFor(`TENANT:${id.B2}`, waiting.id)).map((event) => (event.payload as { state?: string }).state);
        expect(told).toContain('MISSED');
        // The room closes just after the state is saved: wait for it rather than race it.
        let open = true;
        while (open && Date.now() < deadline + 5_000) {
          open = (await roomNames()).includes(`call-${waiting.id}`);
          if (open) await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(open).toBe(false);
      } finally {
        await sweeper.close();
        await setCallCentreHours(api.app, ALWAYS_OPEN);
      }
    });

    it('queues a call, once however often the TV retries, with its room open on the LiveKit server', async () => {
      const key = randomUUID();
      const [first, retry] = await Promise.all([
        call(api.app, 'B1', { kind: 'CALL_CENTRE' }, key),
        call(api.app, 'B1', { kind: 'CALL_CENTRE' }, key),
      ]);
      expect([first.statusCode, retry.statusCode].sort()).toEqual([200, 201]);
      expect(first.json().id).toBe(retry.json().id);
      const queued = first.json();
      expect(queued).toMatchObject({
        kind: 'CALL_CENTRE',
        state: 'QUEUED',
        direction: 'OUTGOING',
        peer: { kind: 'CALL_CENTRE', name: 'Habitat Marseille Provence' },
      });
      expect(queued.queue).toEqual({ position: 1, estimatedWaitSeconds: expect.any(Number) });
      expect(await roomNames()).toContain(`call-${queued.id}`);

      const second = (await call(api.app, 'A1', { kind: 'CALL_CENTRE' })).json();
      expect(second.queue.position).toBe(2);
      const page = await staff(api.app, agent, 'GET', '/api/v1/staff/calls/queue?limit=1');
      expect(page.statusCode).toBe(200);
      expect(page.json().items).toEqual([
        expect.objectContaining({
          callId: queued.id,
          position: 1,
          waitingSeconds: expect.any(Number),
          caller: expect.objectContaining({
            tenantId: id.B1,
            firstName: expect.any(String),
            fullName: expect.stringMatching(/ /),
            reference: B1,
            home: { floor: 1, door: '101', building: expect.objectContaining({ name: 'Bâtiment B' }) },
            residence: expect.objectContaining({ name: 'Les Lauriers' }),
          }),
        }),
      ]);
      const next = await staff(api.app, agent, 'GET', `/api/v1/staff/calls/queue?limit=1&cursor=${page.json().nextCursor}`);
      expect(next.json().items.map((entry: { callId: string; position: number }) => [entry.callId, entry.position])).toEqual([
        [second.id, 2],
      ]);

      // The second caller gives up: they move out of the queue, the first stays first, consoles are told.
      const cancelled = await act(api.app, 'A1', second.id, 'cancel');
      expect(cancelled.json()).toMatchObject({ state: 'CANCELLED', endReason: 'caller_cancelled' });
      expect((await act(api.app, 'A1', second.id, 'cancel')).json().state).toBe('CANCELLED');
      expect(await roomNames()).not.toContain(`call-${second.id}`);
      const organisation = (await api.app.db.organisation.findUniqueOrThrow({ where: { slug: 'hmp' } })).id;
      expect((await eventsFor(`ORGANISATION:${organisation}`, second.id)).map((event) => event.type)).toEqual(['call.queue', 'call.queue']);
      await act(api.app, 'B1', queued.id, 'hang-up');
    });

    it('shows the agent the caller’s open fault reports, newest first', async () => {
      const report = await api.app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        headers: { ...as('B2'), 'idempotency-key': randomUUID() },
        payload: {
          category: 'HEATING',
          location: 'HOME',
          spot: 'LIVING_ROOM',
          urgency: 'NORMAL',
          description: 'Le radiateur du salon est froid',
        },
      });
      expect(report.statusCode).toBe(201);
      const queued = (await call(api.app, 'B2', { kind: 'CALL_CENTRE' })).json();
      const entry = (await staff(api.app, agent, 'GET', '/api/v1/staff/calls/queue'))
        .json()
        .items.find((item: { callId: string }) => item.callId === queued.id);
      expect(entry.caller.openReports).toEqual([
        { id: report.json().id, number: report.json().number, category: 'HEATING', status: 'RECEIVED', createdAt: expect.any(String) },
      ]);
      const other = (await staff(api.app, agent, 'GET', '/api/v1/staff/calls/queue'))
        .json()
        .items.filter((item: { caller: { tenantId: string } }) => item.caller.tenantId !== id.B2);
      for (const item of other) expect(item.caller.openReports).toEqual([]);
      await act(api.app, 'B2', queued.id, 'cancel');
    });

    it('lets exactly one of two agents claim a call, on two API instances at once', async () => {
      const other = await api.buildInstance();
      const queued = (await call(api.app, 'B2', { kind: 'CALL_CENTRE' })).json();
      const [one, two] = await Promise.all([
        staff(api.app, agent, 'POST', `/api/v1/staff/calls/${queued.id}/claim`),
        staff(other, admin, 'POST', `/api/v1/staff/calls/${queued.id}/claim`),
      ]);
      expect([one.statusCode, two.statusCode].sort()).toEqual([200, 409]);
      const loser = one.statusCode === 409 ? one : two;
      const winner = one.statusCode === 200 ? one : two;
      expect(loser.json().code).toBe('call_already_claimed');
      expect(winner.json()).toMatchObject({ state: 'ANSWERED', agent: { fullName: expect.any(String) } });
      const transitions = (await api.app.db.callTransition.findMany({ where: { callId: queued.id }, orderBy: { id: 'asc' } })).map(
        (step) => `${step.from}→${step.to}`,
      );
      expect(transitions).toEqual(['null→REQUESTED', 'REQUESTED→QUEUED', 'QUEUED→ANSWERED']);
      const winnerCookie = winner === one ? agent : admin;
      await staff(api.app, winnerCookie, 'POST', `/api/v1/staff/calls/${queued.id}/hang-up`);
    });

    it('keeps an agent on one conversation at a time', async () => {
      const first = (await call(api.app, 'B3', { kind: 'CALL_CENTRE' })).json();
      const second = (await call(api.app, 'B4', { kind: 'CALL_CENTRE' })).json();
      expect((await staff(api.app, agent, 'POST', `/api/v1/staff/calls/${first.id}/claim`)).statusCode).toBe(200);
      const busy = await staff(api.app, agent, 'POST', `/api/v1/staff/calls/${second.id}/claim`);
      expect(busy.statusCode).toBe(409);
      expect(busy.json().code).toBe('agent_busy');
      // The second caller still waits for someone free.
      expect((await api.app.inject({ url: `/api/v1/calls/${second.id}`, headers: as('B4') })).json().state).toBe('QUEUED');
      await staff(api.app, agent, 'POST', `/api/v1/staff/calls/${first.id}/hang-up`);
      expect((await staff(api.app, agent, 'POST', `/api/v1/staff/calls/${second.id}/claim`)).statusCode).toBe(200);
      await staff(api.app, agent, 'POST', `/api/v1/staff/calls/${second.id}/hang-up`);
    });

    it('is answered by an agent, ended, noted, and its room is gone from the server', async () => {
      await staff(api.app, agent, 'PUT', '/api/v1/staff/calls/availability', { available: true });
      const queued = (await call(api.app, 'B3', { kind: 'CALL_CENTRE' })).json();
      const claimed = await staff(api.app, agent, 'POST', `/api/v1/staff/calls/${queued.id}/claim`);
      expect(claimed.statusCode).toBe(200);
      expect((await api.app.inject({ url: `/api/v1/calls/${queued.id}`, headers: as('B3') })).json()).toMatchObject({
        state: 'ANSWERED',
        queue: null,
      });
      expect(await roomNames()).toContain(`call-${queued.id}`);

      const ended = await staff(api.app, agent, 'POST', `/api/v1/staff/calls/${queued.id}/hang-up`);
      expect(ended.json()).toMatchObject({ state: 'ENDED', endReason: 'agent_hung_up' });
      const noted = await staff(api.app, agent, 'PUT', `/api/v1/staff/calls/${queued.id}/note`, {
        note: ' Fuite sous l’évier, ticket à ouvrir. ',
      });
      expect(noted.json()).toMatchObject({ note: 'Fuite sous l’évier, ticket à ouvrir.' });
      expect(noted.json().transitions.map((step: { to: string; by: string }) => step.to)).toEqual([
        'REQUESTED',
        'QUEUED',
        'ANSWERED',
        'ENDED',
      ]);
      expect(await roomNames()).not.toContain(`call-${queued.id}`);
      const told = (await eventsFor(`TENANT:${id.B3}`, queued.id)).filter((event) => event.type === 'call.state');
      expect(told.map((event) => (event.payload as { state: string }).state)).toEqual(['QUEUED', 'ANSWERED', 'ENDED']);
      expect(
        (await eventsFor(`STAFF:${noted.json().agent.id}`, queued.id)).map((event) => (event.payload as { state: string }).state),
      ).toEqual(['ANSWERED', 'ENDED']);
      const availability = await staff(api.app, agent, 'GET', '/api/v1/staff/calls/availability');
      expect(availability.json()).toEqual({ available: true, availableAgents: 1 });
    });

    it('lets an agent call a tenant back: the TV rings and the tenant answers', async () => {
      const rung = await staff(api.app, agent, 'POST', '/api/v1/staff/calls', { tenantId: id.S1 });
      expect(rung.statusCode).toBe(201);
      const current = (await api.app.inject({ url: '/api/v1/calls/current', headers: as('S1') })).json().call;
      expect(current).toMatchObject({
        id: rung.json().id,
        kind: 'CALL_BACK',
        state: 'RINGING',
        direction: 'INCOMING',
        peer: { kind: 'CALL_CENTRE' },
      });
      const incoming = (await eventsFor(`TENANT:${id.S1}`, current.id)).find((event) => event.type === 'call.incoming');
      expect(incoming?.payload).toMatchObject({ kind: 'CALL_BACK', from: { name: 'Habitat Marseille Provence', building: null } });
      expect((await act(api.app, 'S1', current.id, 'answer')).json().state).toBe('ANSWERED');
      expect((await act(api.app, 'S1', current.id, 'hang-up')).json()).toMatchObject({ state: 'ENDED', endReason: 'callee_hung_up' });
    });

    it('refuses staff of other roles and other organisations', async () => {
      const caretaker = await signInStaff(api.app, DEMO_STAFF.caretakerLauriers);
      expect((await staff(api.app, caretaker, 'GET', '/api/v1/staff/calls/queue')).statusCode).toBe(403);
      const queued = (await call(api.app, 'B4', { kind: 'CALL_CENTRE' })).json();
      const townHall = await signInStaff(api.app, DEMO_STAFF.townHallClerk);
      expect((await staff(api.app, townHall, 'POST', `/api/v1/staff/calls/${queued.id}/claim`)).statusCode).toBe(403);
      expect((await api.app.inject({ url: `/api/v1/calls/${queued.id}`, headers: as('A1') })).statusCode).toBe(404);
      await act(api.app, 'B4', queued.id, 'cancel');
    });
  });

  describe('neighbours', () => {
    it('rings only a neighbour who opted in, tells busy callers, and lets the callee decline', async () => {
      expect((await call(api.app, 'B1', { kind: 'NEIGHBOUR', tenantId: id.B2 })).json().code).toBe('callee_unavailable');
      const optIn = await api.app.inject({
        method: 'PUT',
        url: '/api/v1/calls/settings',
        headers: as('B2'),
        payload: { callableBy: 'BUILDING' },
      });
      expect(optIn.json()).toEqual({ callableBy: 'BUILDING' });
      const list = (await api.app.inject({ url: '/api/v1/calls/neighbours', headers: as('B1') })).json();
      expect(list.items).toContainEqual({ tenantId: id.B2, firstName: expect.any(String), building: 'Bâtiment B' });
      expect((await api.app.inject({ url: '/api/v1/calls/neighbours', headers: as('A1') })).json().items).toEqual([]);
      expect((await call(api.app, 'A1', { kind: 'NEIGHBOUR', tenantId: id.B2 })).json().code).toBe('callee_unavailable');

      const ringing = await call(api.app, 'B1', { kind: 'NEIGHBOUR', tenantId: id.B2 });
      expect(ringing.statusCode).toBe(201);
      expect(ringing.json()).toMatchObject({
        state: 'RINGING',
        peer: { kind: 'TENANT', tenantId: id.B2, building: 'Bâtiment B' },
        ringDeadline: expect.any(String),
      });
      const incoming = (await eventsFor(`TENANT:${id.B2}`, ringing.json().id)).find((event) => event.type === 'call.incoming');
      expect(incoming?.payload).toMatchObject({ kind: 'NEIGHBOUR', from: { building: 'Bâtiment B' } });
      // B2's line is taken: B3 is told B2 is busy; B1 cannot place a second call.
      await api.app.inject({ method: 'PUT', url: '/api/v1/calls/settings', headers: as('B1'), payload: { callableBy: 'RESIDENCE' } });
      expect((await call(api.app, 'B3', { kind: 'NEIGHBOUR', tenantId: id.B2 })).json().code).toBe('callee_busy');
      expect((await call(api.app, 'B1', { kind: 'CALL_CENTRE' })).json().code).toBe('caller_busy');
      // Only the callee answers or declines.
      expect((await act(api.app, 'B1', ringing.json().id, 'answer')).statusCode).toBe(403);
      const declined = await act(api.app, 'B2', ringing.json().id, 'decline');
      expect(declined.json()).toMatchObject({ state: 'DECLINED', direction: 'INCOMING' });
      expect((await api.app.inject({ url: `/api/v1/calls/${ringing.json().id}`, headers: as('B1') })).json().state).toBe('DECLINED');
      expect((await act(api.app, 'B2', ringing.json().id, 'answer')).json().code).toBe('call_transition_refused');
    });

    it('keeps a blocked neighbour from calling, without telling them why', async () => {
      await api.app.inject({ method: 'PUT', url: '/api/v1/calls/settings', headers: as('B4'), payload: { callableBy: 'RESIDENCE' } });
      expect(
        (await api.app.inject({ url: '/api/v1/calls/neighbours?limit=100', headers: as('A1') }))
          .json()
          .items.map((n: { tenantId: string }) => n.tenantId),
      ).toContain(id.B4);
      expect((await api.app.inject({ method: 'PUT', url: `/api/v1/calls/blocks/${id.A1}`, headers: as('B4') })).statusCode).toBe(204);
      expect((await api.app.inject({ method: 'PUT', url: `/api/v1/calls/blocks/${id.A1}`, headers: as('B4') })).statusCode).toBe(204);
      expect(
        (await api.app.inject({ url: '/api/v1/calls/neighbours?limit=100', headers: as('A1') }))
          .json()
          .items.map((n: { tenantId: string }) => n.tenantId),
      ).not.toContain(id.B4);
      expect((await call(api.app, 'A1', { kind: 'NEIGHBOUR', tenantId: id.B4 })).json().code).toBe('callee_unavailable');
      expect((await api.app.inject({ url: '/api/v1/calls/blocks', headers: as('B4') })).json().items).toEqual([
        { tenantId: id.A1, firstName: expect.any(String), building: 'Bâtiment A', blockedAt: expect.any(String) },
      ]);
      await api.app.inject({ method: 'DELETE', url: `/api/v1/calls/blocks/${id.A1}`, headers: as('B4') });
      const rings = await call(api.app, 'A1', { kind: 'NEIGHBOUR', tenantId: id.B4 });
      expect(rings.json().state).toBe('RINGING');
      await act(api.app, 'A1', rings.json().id, 'hang-up');
    });

    it('turns a ringing call into a missed one after the ring timeout, whichever instance is left to notice', async () => {
      // The instance that rang never sweeps; another one does, every 100 ms.
      const ringer = await api.buildInstance({ callRingTimeoutSeconds: 1, callSweepIntervalMs: 3_600_000 });
      await api.buildInstance({ callRingTimeoutSeconds: 1, callSweepIntervalMs: 100 });
      const ringing = (await call(ringer, 'B3', { kind: 'NEIGHBOUR', tenantId: id.B4 })).json();
      expect(ringing.state).toBe('RINGING');
      await ringer.close();
      const deadline = Date.now() + 5_000;
      let state = 'RINGING';
      while (state === 'RINGING' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        state = (await api.app.db.call.findUniqueOrThrow({ where: { id: ringing.id } })).state;
      }
      expect(state).toBe('MISSED');
      const missed = (await api.app.inject({ url: '/api/v1/calls/missed', headers: as('B4') })).json();
      expect(missed.items[0]).toMatchObject({ id: ringing.id, state: 'MISSED', endReason: 'ring_timeout', direction: 'INCOMING' });
      const steps = await api.app.db.callTransition.findMany({ where: { callId: ringing.id }, orderBy: { id: 'asc' } });
      expect(steps.at(-1)).toMatchObject({ from: 'RINGING', to: 'MISSED', by: 'SYSTEM', reason: 'ring_timeout' });
      expect(steps.at(-1)!.at.getTime() - steps.at(-2)!.at.getTime()).toBeGreaterThanOrEqual(1_000);
      const caller = (await eventsFor(`TENANT:${id.B3}`, ringing.id)).map((event) => (event.payload as { state?: string }).state);
      expect(caller).toEqual(['RINGING', 'MISSED']);
    });

    it('sees a ring deadline has passed when the call is read, even where no instance sweeps', async () => {
      const lone = await api.buildInstance({ callRingTimeoutSeconds: 1, callSweepIntervalMs: 3_600_000 });
      const ringing = (await call(lone, 'B3', { kind: 'NEIGHBOUR', tenantId: id.B4 })).json();
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect((await act(lone, 'B4', ringing.id, 'answer')).json().code).toBe('call_transition_refused');
      expect((await lone.inject({ url: `/api/v1/calls/${ringing.id}`, headers: as('B3') })).json()).toMatchObject({ state: 'MISSED' });
    });
  });

  describe('tokens', () => {
    const verifier = () => new TokenVerifier(livekit.apiKey, livekit.apiSecret);
    const token = (app: FastifyInstance, name: string, callId: string, body: object) =>
      app.inject({ method: 'POST', url: `/api/v1/calls/${callId}/token`, headers: as(name), payload: body });

    it('gives each participant the narrowest grant for this room only, and only while joining makes sense', async () => {
      const ringing = (await call(api.app, 'A1', { kind: 'NEIGHBOUR', tenantId: id.B4 })).json();
      const tvToken = await token(api.app, 'A1', ringing.id, { participant: 'tv' });
      expect(tvToken.statusCode).toBe(200);
      expect(tvToken.json()).toMatchObject({
        url: livekit.url,
        roomName: `call-${ringing.id}`,
        identity: `tenant-${id.A1}`,
        canPublishSources: ['microphone'],
      });
      const claims = await verifier().verify(tvToken.json().token);
      expect(claims.sub).toBe(`tenant-${id.A1}`);
      expect(claims.video).toEqual({
        room: `call-${ringing.id}`,
        roomJoin: true,
        canPublish: true,
        canPublishSources: ['microphone'],
        canSubscribe: true,
        canPublishData: false,
        canUpdateOwnMetadata: false,
      });
      expect(claims.exp! - claims.nbf!).toBeLessThanOrEqual(300);

      const withCamera = await verifier().verify(
        (await token(api.app, 'A1', ringing.id, { participant: 'tv', camera: true })).json().token,
      );
      expect(withCamera.video?.canPublishSources).toEqual(['camera', 'microphone']);
      const phone = await token(api.app, 'A1', ringing.id, { participant: 'phone' });
      expect(phone.json().identity).toBe(`tenant-${id.A1}-phone`);
      expect((await verifier().verify(phone.json().token)).video?.canPublishSources).toEqual(['camera', 'microphone']);

      // The callee joins only once they have answered; outsiders never.
      expect((await token(api.app, 'B4', ringing.id, { participant: 'tv' })).json().code).toBe('call_not_joinable');
      expect((await token(api.app, 'B1', ringing.id, { participant: 'tv' })).statusCode).toBe(404);
      await act(api.app, 'B4', ringing.id, 'answer');
      const callee = await verifier().verify((await token(api.app, 'B4', ringing.id, { participant: 'tv' })).json().token);
      expect(callee.video).toMatchObject({ room: `call-${ringing.id}`, canPublishSources: ['microphone'] });
      await act(api.app, 'B4', ringing.id, 'hang-up');
      expect((await token(api.app, 'A1', ringing.id, { participant: 'tv' })).json().code).toBe('call_not_joinable');
    });

    it('gives the agent camera and microphone once they have claimed the call', async () => {
      const queued = (await call(api.app, 'B1', { kind: 'CALL_CENTRE' })).json();
      expect((await staff(api.app, agent, 'POST', `/api/v1/staff/calls/${queued.id}/token`)).statusCode).toBe(403);
      const claimed = (await staff(api.app, agent, 'POST', `/api/v1/staff/calls/${queued.id}/claim`)).json();
      const minted = await staff(api.app, agent, 'POST', `/api/v1/staff/calls/${queued.id}/token`);
      const claims = await verifier().verify(minted.json().token);
      expect(claims.sub).toBe(`staff-${claimed.agent.id}`);
      expect(claims.video).toMatchObject({
        room: `call-${queued.id}`,
        roomJoin: true,
        canPublishSources: ['camera', 'microphone'],
        canSubscribe: true,
      });
      expect(claims.video?.roomAdmin).toBeUndefined();
      await staff(api.app, agent, 'POST', `/api/v1/staff/calls/${queued.id}/hang-up`);
    });
  });

  describe('LiveKit webhooks', () => {
    const post = (webhook: { body: string; authorization: string }, body = webhook.body) =>
      api.app.inject({
        method: 'POST',
        url: LIVEKIT_WEBHOOK_PATH,
        headers: { 'content-type': 'application/webhook+json', authorization: webhook.authorization },
        payload: body,
      });

    it('accepts a body signed with our key and refuses a tampered body or another key', async () => {
      const webhook = await signedWebhook({ event: 'room_started', room: 'call-elsewhere' }, livekit.apiKey, livekit.apiSecret);
      expect((await post(webhook)).json()).toEqual({ outcome: 'ignored' });
      const tampered = await post(webhook, webhook.body.replace('room_started', 'room_finished'));
      expect(tampered.statusCode).toBe(401);
      expect(tampered.json().code).toBe('invalid_webhook_signature');
      const foreign = await signedWebhook(
        { event: 'room_started', room: 'call-x' },
        livekit.apiKey,
        'another-secret-another-secret-0123456789',
      );
      expect((await post(foreign)).statusCode).toBe(401);
      const unsigned = await api.app.inject({
        method: 'POST',
        url: LIVEKIT_WEBHOOK_PATH,
        headers: { 'content-type': 'application/webhook+json' },
        payload: webhook.body,
      });
      expect(unsigned.statusCode).toBe(401);
    });

    it('cancels a queued call whose caller left the room, once, whatever the order of deliveries', async () => {
      const queued = (await call(api.app, 'B2', { kind: 'CALL_CENTRE' })).json();
      const room = `call-${queued.id}`;
      const identity = `tenant-${id.B2}`;
      const t = Math.floor(Date.now() / 1000);
      const joined = await signedWebhook({ event: 'participant_joined', room, identity, createdAt: t }, livekit.apiKey, livekit.apiSecret);
      const phoneJoined = await signedWebhook(
        { event: 'participant_joined', room, identity: `${identity}-phone`, createdAt: t + 1 },
        livekit.apiKey,
        livekit.apiSecret,
      );
      const left = await signedWebhook({ event: 'participant_left', room, identity, createdAt: t + 2 }, livekit.apiKey, livekit.apiSecret);
      const phoneLeft = await signedWebhook(
        { event: 'participant_left', room, identity: `${identity}-phone`, createdAt: t + 3 },
        livekit.apiKey,
        livekit.apiSecret,
      );

      expect((await post(joined)).json().outcome).toBe('handled');
      expect((await post(joined)).json().outcome).toBe('duplicate');
      expect((await post(phoneJoined)).json().outcome).toBe('handled');
      // The TV leaves, the phone is still there: the caller has not gone.
      await post(left);
      expect((await api.app.inject({ url: `/api/v1/calls/${queued.id}`, headers: as('B2') })).json().state).toBe('QUEUED');
      await post(phoneLeft);
      const after = (await api.app.inject({ url: `/api/v1/calls/${queued.id}`, headers: as('B2') })).json();
      expect(after).toMatchObject({ state: 'CANCELLED', endReason: 'caller_left' });
      // A late redelivery of "joined" changes nothing.
      const lateJoin = await signedWebhook(
        { event: 'participant_joined', room, identity, createdAt: t },
        livekit.apiKey,
        livekit.apiSecret,
      );
      await post(lateJoin);
      expect(await api.app.db.callPresence.findMany({ where: { callId: queued.id, present: true } })).toEqual([]);
      const steps = await api.app.db.callTransition.findMany({ where: { callId: queued.id, by: 'LIVEKIT' } });
      expect(steps.map((step) => step.to)).toEqual(['CANCELLED']);
    });

    it('ends an answered call once everyone has left, even when "left" arrives before "joined"', async () => {
      const queued = (await call(api.app, 'B3', { kind: 'CALL_CENTRE' })).json();
      const claimed = (await staff(api.app, agent, 'POST', `/api/v1/staff/calls/${queued.id}/claim`)).json();
      const room = `call-${queued.id}`;
      const t = Math.floor(Date.now() / 1000);
      const sign = (event: string, identity: string, at: number) =>
        signedWebhook({ event, room, identity, createdAt: at }, livekit.apiKey, livekit.apiSecret);
      const agentIdentity = `staff-${claimed.agent.id}`;
      const tenantIdentity = `tenant-${id.B3}`;
      await post(await sign('participant_joined', tenantIdentity, t));
      // The agent's "left" overtakes their "joined".
      await post(await sign('participant_left', agentIdentity, t + 5));
      await post(await sign('participant_joined', agentIdentity, t + 1));
      expect((await staff(api.app, agent, 'GET', `/api/v1/staff/calls/${queued.id}`)).json().state).toBe('ANSWERED');
      await post(await sign('participant_left', tenantIdentity, t + 6));
      const ended = (await staff(api.app, agent, 'GET', `/api/v1/staff/calls/${queued.id}`)).json();
      expect(ended).toMatchObject({ state: 'ENDED', endReason: 'participants_left' });
      // room_finished afterwards is harmless.
      expect((await post(await signedWebhook({ event: 'room_finished', room }, livekit.apiKey, livekit.apiSecret))).json().outcome).toBe(
        'handled',
      );
      expect((await staff(api.app, agent, 'GET', `/api/v1/staff/calls/${queued.id}`)).json().transitions).toHaveLength(4);
    });
  });
});
