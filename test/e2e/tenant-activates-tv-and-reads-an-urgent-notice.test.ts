// The first journey through every room: a TV is activated from a phone, the caretaker publishes an urgent notice in
// the console, the TV shows it without reloading, the tenant reads it, and the console sees one more home read it.
import { useJourney } from './support/journey';
import { openTv, type Tv } from './support/tv';
import { openConsole, type ConsolePage } from './support/console';
import { openPhone } from './support/phone';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../../prisma/demo-residence';
import { demoActivationCode, formatActivationCode } from '../../prisma/demo-letters';
import { LAURIERS_B_TENANT } from '../support/journeys';

jest.setTimeout(120_000);

describe('a tenant activates their TV and reads an urgent notice from the caretaker', () => {
  // The verification URI must name an address the phone can reach, so the port is chosen first.
  const journey = useJourney();
  let tv: Tv;
  let consolePage: ConsolePage;

  it('goes from the landlord’s letter to a notice read on the TV', async () => {
    tv = await openTv(journey.browser, journey.baseUrl, { language: 'fr' });
    await tv.expectScreen('activation');
    const userCode = await tv.activationCode();
    await tv.screenshot('journey-01-tv-activation-code');

    const phone = await openPhone(journey.browser);
    await phone.openActivationLink(`${journey.baseUrl}/activate?user_code=${userCode}`);
    await phone.screenshot('journey-02-phone-activation-page');
    await phone.typeLetter(LAURIERS_B_TENANT, formatActivationCode(demoActivationCode(LAURIERS_B_TENANT)));
    expect(await phone.confirmationText()).toMatch(/Connecter « .+ » au compte de .+ \?/);
    await phone.screenshot('journey-03-phone-confirm');
    expect(await phone.approve()).toContain('C’est fait');
    await phone.screenshot('journey-04-phone-done');

    await tv.expectScreen('home', 20_000);
    await tv.screenshot('journey-05-tv-home');

    consolePage = await openConsole(journey.browser, journey.baseUrl);
    await consolePage.signIn(DEMO_STAFF.caretakerLauriers, DEMO_STAFF_PASSWORD);
    await consolePage.waitUntilLive();
    await consolePage.publishNotice({
      title: 'Fuite d’eau : coupure immédiate bâtiment B',
      body: 'Une fuite au 3e étage oblige à couper l’eau du bâtiment B pendant deux heures. Merci de votre patience.',
      category: 'OUTAGE',
      urgent: true,
      audienceName: 'Bâtiment B — Les Lauriers',
    });
    await consolePage.screenshot('journey-06-console-published');
    expect(await consolePage.readCount('Fuite d’eau : coupure immédiate bâtiment B')).toEqual({ read: 0, target: 50 });

    const withBanner = await tv.waitFor('the urgent banner', (state) => state.banner.includes('Fuite d’eau'), 15_000);
    expect(withBanner.route).toBe('home');
    await tv.screenshot('journey-07-tv-urgent-banner');

    await tv.press('OK');
    await tv.expectScreen('notice');
    await tv.screenshot('journey-08-tv-notice-detail');

    const read = await consolePage.waitForReadCount('Fuite d’eau : coupure immédiate bâtiment B', 1, 15_000);
    expect(read).toEqual({ read: 1, target: 50 });
    await consolePage.screenshot('journey-09-console-read-count');

    // Back returns to where the banner interrupted the tenant; the notice is now among the read ones.
    await tv.press('Back');
    await tv.expectScreen('home');
    await tv.expectFocused('Avis');
    await tv.press('OK');
    await tv.expectScreen('notices');
    await tv.screenshot('journey-10-tv-notices-list');
  });
});
