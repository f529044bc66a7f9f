// A tenant calls their landlord from the TV and talks to an agent with real media through a real LiveKit server; then
// calls a neighbour, who answers with OK; a second call the neighbour lets ring ends as missed on both TVs.
import { RoomServiceClient } from 'livekit-server-sdk';
import { PalierClient, type TokenResponse } from '@palier/contracts';
import { until, useJourney } from './support/journey';
import { activateTv, signInStaff, LAURIERS_A_TENANT, LAURIERS_B_TENANT, SAVINE_TENANT } from '../support/journeys';
import { ALWAYS_OPEN, openOnlyTomorrow, setCallCentreHours } from '../support/calls';
import { describeWithLivekit, startTestLivekit } from '../support/livekit';
import { openTv, type Tv } from './support/tv';
import { openLivekitPeer, servePeerPages, type PeerPages } from './support/livekit-peer';
import { openPhone } from './support/phone';
import { DEMO_STAFF } from '../../prisma/demo-residence';
import { LIVEKIT_WEBHOOK_PATH } from '../../apps/api/src/modules/calls/routes';

jest.setTimeout(180_000);

const RING_TIMEOUT_SECONDS = 6;

/** The label of a badge the TV draws (its node and every parent opaque in the DOM mirror), or '' when none shows. */
async function drawnBadge(screen: Tv, testId: string): Promise<string> {
  return screen.page.evaluate(`(function () {
    var node = document.querySelector('[data-testid="${testId}"]');
    if (!node) return '';
    for (var at = node; at; at = at.parentElement) {
      if (Number(getComputedStyle(at).opacity) === 0) return '';
    }
    return node.getAttribute('data-label') || '';
  })()`) as Promise<string>;
}

describeWithLivekit('a tenant calls their landlord, then a neighbour, from the TV', () => {
  let livekit: Awaited<ReturnType<typeof startTestLivekit>>;
  const journey = useJourney(
    {
      fakeMedia: true,
      beforeApi: async (url) => {
        livekit = await startTestLivekit([`${url}${LIVEKIT_WEBHOOK_PATH}`]);
        return { options: { livekit: livekit.config }, stop: () => livekit.stop() };
      },
      callRingTimeoutSeconds: RING_TIMEOUT_SECONDS,
      callSweepIntervalMs: 500,
    },
    90_000,
  );
  let peers: PeerPages;
  let rooms: RoomServiceClient;

  beforeAll(async () => {
    rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
    await setCallCentreHours(journey.app, ALWAYS_OPEN);
    peers = await servePeerPages();
  }, 90_000);
  afterAll(async () => {
    await peers?.close();
  });

  function tenantClient(tokens: TokenResponse) {
    return new PalierClient({ baseUrl: journey.baseUrl, accessToken: () => tokens.access_token });
  }
  function staffClient(cookie: string) {
    return new PalierClient({
      baseUrl: journey.baseUrl,
      fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as object), cookie } }),
    });
  }
  function tv(tokens: TokenResponse, options: { language?: 'fr' | 'en' | 'ar'; textSize?: 'normal' | 'large' } = {}): Promise<Tv> {
    return openTv(journey.browser, journey.baseUrl, {
      language: options.language ?? 'fr',
      textSize: options.textSize,
      tokens: { accessToken: tokens.access_token, refreshToken: tokens.refresh_token },
    });
  }
  async function openCallsScreen(screen: Tv) {
    const home = await screen.expectScreen('home');
    // The fourth tile, counted from the reading side.
    const next = home.dir === 'rtl' ? 'Left' : 'Right';
    await screen.press(next, next, next);
    await screen.expectFocused(/^(Appels|Calls|المكالمات)$/);
    await screen.press('OK');
    await screen.expectScreen('calls');
  }

  it('talks to the call-centre with real video, and the tenant is back where they were when the agent hangs up', async () => {
    const tokensA = await activateTv(journey.app, LAURIERS_B_TENANT);
    const tenantA = tenantClient(tokensA);
    const agent = staffClient((await signInStaff(journey.app, DEMO_STAFF.agent)).cookie);

    const tvA = await tv(tokensA);
    await openCallsScreen(tvA);
    await tvA.expectFocused('Appeler mon bailleur');
    await tvA.expectMessage(/Ouvert maintenant/);
    await tvA.screenshot('calls-01-tv-calls-screen');

    await tvA.press('OK');
    const queued = await tvA.expectCallState('queued');
    expect(queued.call.position).toBe(1);
    await tvA.expectMessage(/Vous êtes le prochain dans la file d’attente/);
    await tvA.screenshot('calls-02-tv-waiting-in-queue');

    // The agent finds the call in the queue and claims it through the API, then joins with a (fake) camera.
    const queue = await until(
      () => agent.callQueue(),
      (page) => page.items.length > 0,
    );
    const callId = queue.items[0]!.callId;
    expect(queue.items[0]!.caller.reference).toBe(LAURIERS_B_TENANT);
    await agent.claimCall(callId);
    const agentPeer = await openLivekitPeer(journey.browser, peers.url);
    await agentPeer.join(await agent.agentCallToken(callId), { camera: true });

    await tvA.expectCallState('answered');
    const live = await tvA.expectRemoteVideo(0, 25_000);
    expect(live.call.phase).toBe('live');
    expect(live.route).toBe('calls');
    // The TV's own (fake) camera and microphone reached the agent too.
    expect(
      await until(
        () => agentPeer.remoteVideoFrames(),
        (frames) => frames > 0,
        20_000,
      ),
    ).toBeGreaterThan(0);
    const tenantId = (await tenantA.me()).id;
    const inRoom = (await rooms.listParticipants(`call-${callId}`)).map((participant) => participant.identity).sort();
    expect(inRoom).toEqual([`staff-${(await agent.staffCall(callId)).agent!.id}`, `tenant-${tenantId}`].sort());
    // The phone hand-off is offered as a QR code with a typed code beside it.
    const withPhone = await tvA.waitFor('the phone hand-off QR code', (s) => /\/phone\/.*code=/.test(s.call.phoneUrl));
    expect(withPhone.call.phoneCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await tvA.page.waitForTimeout(800);
    await tvA.screenshot('calls-03-tv-in-call-with-agent');
    await agentPeer.screenshot('calls-04-agent-sees-the-tv');

    // The tenant scans it: the phone joins the same room as their camera, and the TV keeps showing the agent.
    const phone = await openPhone(journey.browser, { media: true });
    await phone.openHandoffLink(withPhone.call.phoneUrl);
    await phone.startCamera();
    const withPhoneInRoom = await until(
      () => rooms.listParticipants(`call-${callId}`),
      (participants) => participants.some((participant) => participant.identity === `tenant-${tenantId}-phone`),
    );
    expect(withPhoneInRoom.map((participant) => participant.identity)).toContain(`tenant-${tenantId}-phone`);
    await phone.screenshot('calls-04b-phone-as-camera');
    const framesBefore = await tvA.remoteVideoFrames();
    await tvA.expectRemoteVideo(framesBefore);
    expect((await tvA.call()).state).toBe('answered');

    // OK mutes and unmutes; Back asks before hanging up, and Back again keeps the call.
    await tvA.press('OK');
    await tvA.waitFor('muted', (s) => s.call.muted);
    await tvA.screenshot('calls-05-tv-muted');
    await tvA.press('OK');
    await tvA.waitFor('unmuted', (s) => !s.call.muted);
    await tvA.press('Back');
    await tvA.waitFor('the hang-up question', (s) => s.call.confirmingHangUp);
    await tvA.expectMessage('Raccrocher ?');
    await tvA.screenshot('calls-06-tv-hang-up-question');
    await tvA.press('Back');
    await tvA.waitFor('the call going on', (s) => !s.call.confirmingHangUp && s.call.state === 'answered');

    // The agent hangs up: the TV says so, then the tenant is back on the calls screen, and the room is gone.
    await agent.agentHangUp(callId);
    await agentPeer.leave();
    await tvA.expectCallPhase('ended');
    await tvA.screenshot('calls-07-tv-call-ended');
    const idle = await tvA.expectCallState('idle', 10_000);
    expect(idle.call.last).toMatchObject({ id: callId, state: 'ended' });
    expect(idle.route).toBe('calls');
    await tvA.expectFocused('Appeler mon bailleur');
    const roomsLeft = await until(
      () => rooms.listRooms(),
      (list) => !list.some((room) => room.name === `call-${callId}`),
    );
    expect(roomsLeft.map((room) => room.name)).not.toContain(`call-${callId}`);
    expect((await tenantA.call(callId)).state).toBe('ENDED');
    await tvA.close();
    await agentPeer.page.context().close();
    await phone.page.context().close();
  });

  it('calls a neighbour who answers with OK; a second call left ringing ends as missed on both TVs; the neighbour calls back from the missed call, then blocks and unblocks the caller', async () => {
    const tokensA = await activateTv(journey.app, LAURIERS_B_TENANT);
    const tokensB = await activateTv(journey.app, LAURIERS_A_TENANT);
    const tenantB = tenantClient(tokensB);
    const nameB = (await tenantB.me()).firstName;
    // B lets the residence call; A opts in from the TV below.
    await tenantB.setCallable('RESIDENCE');

    const tvA = await tv(tokensA);
    const tvB = await tv(tokensB);
    await openCallsScreen(tvA);
    // The screen loads when first opened, then reads the neighbours: wait for B's row before moving to it.
    await tvA.expectText(`${nameB} · Bâtiment A`);
    // Right to the neighbours, right again to "who can call me", down to "my residence".
    await tvA.press('Right');
    await tvA.expectFocused(new RegExp(`^${nameB} · `));
    await tvA.press('Right', 'Down', 'Down');
    await tvA.expectFocused('Ma résidence');
    await tvA.press('OK');
    await tvA.expectMessage('Choix enregistré.');
    expect((await tenantClient(tokensA).callSettings()).callableBy).toBe('RESIDENCE');
    await tvA.screenshot('calls-08-tv-a-opted-in');

    // A calls B: B's TV rings over its home screen.
    await tvA.press('Left');
    await tvA.expectFocused(new RegExp(`^${nameB} · `));
    await tvA.press('OK');
    await tvA.expectCallState('ringing');
    await tvB.expectCallPhase('incoming');
    await tvB.expectMessage(/Appel entrant/);
    await tvA.screenshot('calls-09-tv-a-ringing-neighbour');
    await tvB.screenshot('calls-10-tv-b-incoming-call');

    await tvB.press('OK');
    await tvA.expectCallState('answered');
    await tvB.expectCallState('answered');
    // Both TVs have a (fake) camera here, so each sees the other.
    await tvA.expectRemoteVideo(0, 25_000);
    await tvB.expectRemoteVideo(0, 25_000);
    await tvA.page.waitForTimeout(800);
    await tvA.screenshot('calls-11-tv-a-in-call-with-neighbour');
    await tvB.screenshot('calls-12-tv-b-in-call-with-neighbour');

    // Red hangs up at once, on either side.
    await tvA.press('Red');
    await tvA.expectCallState('idle', 10_000);
    const bAfter = await tvB.expectCallState('idle', 10_000);
    expect(bAfter.call.last.state).toBe('ended');
    expect(bAfter.route).toBe('home');

    // The second call rings out: missed on both sides, and on B's home badge and list.
    await tvA.press('OK');
    await tvA.expectCallState('ringing');
    await tvB.expectCallPhase('incoming');
    const aMissed = await tvA.expectCallPhase('ended', (RING_TIMEOUT_SECONDS + 10) * 1000);
    expect(aMissed.call.last.state).toBe('missed');
    await tvA.expectMessage(`${nameB} n’a pas répondu.`);
    await tvA.screenshot('calls-13-tv-a-no-answer');
    const bMissed = await tvB.expectCallState('idle', 15_000);
    expect(bMissed.call.last.state).toBe('missed');
    const badge = await tvB.waitFor('a missed call on the home badge', (s) => s.missedCalls === 1);
    expect(badge.route).toBe('home');
    // The badge is drawn on the Calls tile, which was already on screen when the call was missed.
    expect(
      await until(
        () => drawnBadge(tvB, 'tile-calls-badge'),
        (label) => label === '1 manqué',
      ),
    ).toBe('1 manqué');
    await tvB.screenshot('calls-14-tv-b-home-missed-badge');
    await openCallsScreen(tvB);
    await tvB.waitFor('the badge cleared once the list is seen', (s) => s.missedCalls === 0);
    await tvB.screenshot('calls-15-tv-b-missed-calls');
    const texts = await until(
      () => tvB.visibleTexts(),
      (shown) => shown.some((text) => text.includes('(Bâtiment B)')),
    );
    expect(texts.find((text) => text.includes('(Bâtiment B)'))).toMatch(/^\S+ \(Bâtiment B\), /);

    // B calls A back from the missed call (OK on its row), then hangs up while it rings.
    const tenantA = tenantClient(tokensA);
    const { firstName: nameA, id: idA } = await tenantA.me();
    const missedRow = new RegExp(`^${nameA} \\(Bâtiment B\\), `);
    await tvB.press('Right', 'Right');
    for (let i = 0; i < 6 && !missedRow.test((await tvB.state()).focused); i++) await tvB.press('Down');
    await tvB.expectFocused(missedRow);
    await tvB.press('OK');
    await tvB.expectCallState('ringing');
    await tvA.expectCallPhase('incoming');
    await tvB.press('Red');
    await tvB.expectCallState('idle', 10_000);
    await tvA.expectCallState('idle', 10_000);

    // Yellow on the missed call asks before blocking A; "No" has the focus first.
    await tvB.expectFocused(missedRow);
    await tvB.press('Yellow');
    await tvB.waitFor('the block question', (s) => s.dialog === `Bloquer ${nameA} ?`);
    await tvB.expectFocused('Non');
    await tvB.screenshot('calls-18-tv-b-block-question');
    await tvB.press('Left');
    await tvB.expectFocused('Bloquer');
    await tvB.press('OK');
    await tvB.expectMessage(`${nameA} est bloqué.`);
    expect((await tenantB.blockedNeighbours()).items.map((blocked) => blocked.tenantId)).toEqual([idA]);
    // A is no longer callable: the neighbours' column offers to unblock them instead (once it has read them again).
    await tvB.expectText(`Débloquer ${nameA}`);
    await tvB.press('Left');
    await tvB.expectFocused(`Débloquer ${nameA}`);
    await tvB.screenshot('calls-19-tv-b-blocked-neighbour');
    await tvB.press('OK');
    await tvB.expectMessage(`${nameA} est débloqué.`);
    expect((await tenantB.blockedNeighbours()).items).toEqual([]);
    await tvB.expectFocused(new RegExp(`^${nameA} · Bâtiment B$`));
    await tvA.close();
    await tvB.close();
  });

  it('with the call-centre closed, "Signaler une panne" opens the fault report; Back returns to the calls', async () => {
    await setCallCentreHours(journey.app, openOnlyTomorrow().hours);
    try {
      const tvD = await tv(await activateTv(journey.app, LAURIERS_B_TENANT));
      await openCallsScreen(tvD);
      await tvD.expectFocused(/^Appeler dès /);
      await tvD.press('Down');
      await tvD.expectFocused('Signaler une panne');
      await tvD.press('OK');
      await tvD.expectScreen('procedures' as never);
      // The report's first step, the category, rather than the procedures menu or a "coming soon" screen.
      await tvD.expectFocused(/Plomberie/);
      await tvD.screenshot('calls-17-tv-closed-report-a-fault');
      await tvD.press('Back');
      await tvD.expectScreen('calls');
      await tvD.close();
    } finally {
      await setCallCentreHours(journey.app, ALWAYS_OPEN);
    }
  });

  it('mirrors the calls screen in Arabic with large text', async () => {
    const tokens = await activateTv(journey.app, SAVINE_TENANT);
    const tvC = await tv(tokens, { language: 'ar', textSize: 'large' });
    await openCallsScreen(tvC);
    await tvC.expectFocused('الاتصال بالمؤجِّر');
    await tvC.screenshot('calls-16-tv-calls-screen-arabic-large');
    await tvC.close();
  });
});
