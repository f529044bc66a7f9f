// Two call-centre agents see a tenant waiting and press Answer at the same moment: one gets the call, the other is told.
// The winner sees and hears the tenant once the tenant's phone joins as camera (real LiveKit server, Chromium's fake
// camera), saves a note and hangs up; the call's room is gone from the server.
import { randomUUID } from 'node:crypto';
import { RoomServiceClient } from 'livekit-server-sdk';
import { PalierClient, type TokenResponse } from '@palier/contracts';
import { until, useJourney } from './support/journey';
import { activateTv, LAURIERS_A_TENANT, LAURIERS_B_TENANT, signInStaff } from '../support/journeys';
import { ALWAYS_OPEN, setCallCentreHours } from '../support/calls';
import { describeWithLivekit, startTestLivekit } from '../support/livekit';
import { openConsole, type ConsolePage } from './support/console';
import { openPhone } from './support/phone';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../../prisma/demo-residence';
import { hashPassword } from '../../apps/api/src/modules/accounts/secrets';
import { LIVEKIT_WEBHOOK_PATH } from '../../apps/api/src/modules/calls/routes';

jest.setTimeout(180_000);

const SECOND_AGENT = 'accueil.bis@hmp.demo';

describeWithLivekit('a call-centre agent answers a queued call', () => {
  let livekit: Awaited<ReturnType<typeof startTestLivekit>>;
  const journey = useJourney(
    {
      fakeMedia: true,
      beforeApi: async (url) => {
        livekit = await startTestLivekit([`${url}${LIVEKIT_WEBHOOK_PATH}`]);
        return { options: { livekit: livekit.config }, stop: () => livekit.stop() };
      },
    },
    90_000,
  );
  let rooms: RoomServiceClient;
  const consoles: ConsolePage[] = [];

  beforeAll(async () => {
    rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
    await setCallCentreHours(journey.app, ALWAYS_OPEN);
    // A colleague of the demo agent, so that two agents can race for one call.
    const demoAgent = await journey.app.db.staffMember.findUniqueOrThrow({ where: { email: DEMO_STAFF.agent } });
    await journey.app.db.staffMember.create({
      data: {
        organisationId: demoAgent.organisationId,
        email: SECOND_AGENT,
        fullName: 'Karim Haddad',
        passwordHash: await hashPassword(DEMO_STAFF_PASSWORD),
        roles: ['AGENT'],
      },
    });
  }, 90_000);

  function tenantClient(tokens: TokenResponse) {
    return new PalierClient({ baseUrl: journey.baseUrl, accessToken: () => tokens.access_token });
  }

  it('lets one of two agents take the call, shows the tenant’s phone camera, saves the note and closes the room', async () => {
    // Two agents open the call-centre and say they take calls.
    const emails = [DEMO_STAFF.agent, SECOND_AGENT];
    for (const email of emails) {
      const consolePage = await openConsole(journey.browser, journey.baseUrl, { media: true });
      await consolePage.signIn(email, DEMO_STAFF_PASSWORD);
      await consolePage.page.getByTestId('call-queue').waitFor();
      await consolePage.setAvailable();
      await consolePage.waitUntilLive();
      consoles.push(consolePage);
    }
    await consoles[0].screenshot('call-centre-01-empty-queue');

    // The tenant calls the call-centre from their TV.
    const tenant = tenantClient(await activateTv(journey.app, LAURIERS_A_TENANT));
    const me = await tenant.me();
    const call = await tenant.startCall({ kind: 'CALL_CENTRE' }, randomUUID());
    expect(call.state).toBe('QUEUED');

    // Both consoles show the caller live, with their home and residence.
    const [seenByFirst, seenBySecond] = await Promise.all(consoles.map((consolePage) => consolePage.waitForQueuedCall(me.firstName)));
    expect(seenByFirst.callId).toBe(call.id);
    expect(seenBySecond.callId).toBe(call.id);
    expect(seenByFirst.text).toContain(me.firstName);
    expect(seenByFirst.text).toMatch(/Bâtiment A/);
    expect(seenByFirst.text).toMatch(/Les Lauriers/);
    expect(seenByFirst.text).toMatch(/Aucun signalement en cours/);
    await consoles[0].screenshot('call-centre-02-caller-waiting');

    // Both press Answer at the same moment: exactly one wins, the other is told.
    const outcomes = await Promise.all(consoles.map((consolePage) => consolePage.answer(me.firstName)));
    expect([...outcomes].sort()).toEqual(['answered', 'taken']);
    const winner = consoles[outcomes.indexOf('answered')];
    const loser = consoles[outcomes.indexOf('taken')];
    const winnerEmail = emails[outcomes.indexOf('answered')];
    const winnerId = (await journey.app.db.staffMember.findUniqueOrThrow({ where: { email: winnerEmail } })).id;
    expect(await loser.claimTakenText()).toMatch(/Un·e autre agent a répondu à .+ juste avant vous/);
    await loser.queuedCall(me.firstName).waitFor({ state: 'detached' });
    await loser.screenshot('call-centre-03-other-agent-was-faster');

    await winner.waitForMediaConnected();
    expect((await tenant.call(call.id)).state).toBe('ANSWERED');
    await winner.page.getByTestId('remote-placeholder').waitFor({ state: 'visible' });
    await winner.screenshot('call-centre-04-answered-waiting-for-tenant');

    // The tenant adds their phone as camera: the TV asks for a hand-off, the phone opens its QR code's link and claims it.
    const handoff = await tenant.startHandoff({ purpose: 'call_camera', subjectId: call.id });
    expect(handoff.url).toMatch(new RegExp(`^${journey.baseUrl}/phone/`));
    const phone = await openPhone(journey.browser, { media: true });
    await phone.openHandoffLink(handoff.url);
    expect(await phone.page.url()).not.toContain(handoff.code);
    await phone.screenshot('call-centre-05-phone-before-start');
    // The same page in Arabic, right to left, as a tenant whose TV speaks Arabic would see it.
    const phoneInArabic = await openPhone(journey.browser);
    await phoneInArabic.openCameraLink(journey.baseUrl, await tenant.callToken(call.id, { participant: 'phone' }), { lang: 'ar' });
    expect(await phoneInArabic.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await phoneInArabic.screenshot('call-centre-05b-phone-before-start-ar');
    await phoneInArabic.page.context().close();
    await phone.startCamera();
    expect((await phone.cameraStatus()).text).toContain('votre interlocuteur vous voit');

    // The agent's console decodes the phone's (fake) camera.
    expect(await winner.waitForRemoteVideoFrames(5)).toBeGreaterThan(0);
    await winner.page.locator('[data-testid="media-status"]', { hasText: 'avec son téléphone' }).waitFor();
    await phone.screenshot('call-centre-06-phone-live');
    await winner.screenshot('call-centre-07-agent-sees-tenant');
    const participants = (await rooms.listParticipants(call.roomName)).map((participant) => participant.identity).sort();
    expect(participants).toEqual([`staff-${winnerId}`, `tenant-${me.id}-phone`].sort());

    // A note, then the agent hangs up: the call ends, its room is deleted and the phone says the call is over.
    await winner.saveNote('Fuite sous l’évier signalée ; passage du gardien demain matin.');
    const outcome = await winner.hangUp();
    expect(outcome).toContain('Vous avez raccroché');
    await winner.screenshot('call-centre-08-call-ended');
    const ended = await tenant.call(call.id);
    expect(ended.state).toBe('ENDED');
    const { cookie } = await signInStaff(journey.app, winnerEmail);
    const agent = new PalierClient({
      baseUrl: journey.baseUrl,
      fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as object), cookie } }),
    });
    expect((await agent.staffCall(call.id)).note).toBe('Fuite sous l’évier signalée ; passage du gardien demain matin.');
    const remaining = await until(
      () => rooms.listRooms(),
      (list) => !list.some((room) => room.name === call.roomName),
    );
    expect(remaining.map((room) => room.name)).not.toContain(call.roomName);
    await phone.waitForCameraState('ended');
    await phone.screenshot('call-centre-09-phone-call-over');
    await winner.page.getByTestId('call-back').first().waitFor({ state: 'visible' });
  });

  it('tells a phone that scans a code already used to scan the TV’s QR code again', async () => {
    const tenant = tenantClient(await activateTv(journey.app, LAURIERS_B_TENANT));
    const call = await tenant.startCall({ kind: 'CALL_CENTRE' }, randomUUID());
    const handoff = await tenant.startHandoff({ purpose: 'call_camera', subjectId: call.id });
    const first = await openPhone(journey.browser, { media: true });
    await first.openHandoffLink(handoff.url);
    await first.page.locator('#start:not([disabled])').waitFor();
    const second = await openPhone(journey.browser, { media: true });
    await second.openHandoffLink(handoff.url);
    expect(await second.problemText()).toContain('Scannez à nouveau le code QR du téléviseur');
    await second.screenshot('call-centre-10-phone-code-already-used');
    await tenant.cancelCall(call.id);
  });
});
