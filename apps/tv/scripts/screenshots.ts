// Walks every TV screen against a running API, in French and Arabic, normal and large text, and saves screenshots
// under test-output/screenshots/ (for eyes, not assertions: the end-to-end journeys assert).
//   node --import tsx apps/tv/scripts/screenshots.ts http://localhost:3000 HMP-LAU-A-0101 UFFC4-FW3RP
import { launchChromium, openTv, type Tv } from '../../../test/e2e/support/tv';

const [baseUrl = 'http://localhost:3000', reference = '', activationCode = ''] = process.argv.slice(2);
const staff = { email: process.env.STAFF_EMAIL ?? 'gardien.lauriers@hmp.demo', password: process.env.STAFF_PASSWORD ?? 'palier-demo' };

async function post(path: string, body: unknown, cookie?: string) {
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { response, json: await response.json().catch(() => undefined) };
}

async function decide(tv: Tv, approve: boolean) {
  const userCode = await tv.activationCode();
  const { response, json } = await post('/api/v1/activation/decision', { userCode, reference, activationCode, approve });
  if (!response.ok) throw new Error('activation decision failed: ' + JSON.stringify(json));
}

async function publishUrgent(title: string) {
  const signIn = await fetch(baseUrl + '/api/v1/staff/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(staff),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
  const places = (await (await fetch(baseUrl + '/api/v1/staff/places', { headers: { cookie } })).json()) as { items: { kind: string; id: string; name: string }[] };
  const residence = places.items.find((place) => place.kind === 'RESIDENCE') ?? places.items[0];
  const response = await fetch(baseUrl + '/api/v1/staff/notices', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'idempotency-key': 'tv-shot-' + Date.now() },
    body: JSON.stringify({
      title,
      body: 'L’eau sera coupée demain de 8 h à 12 h dans tout l’immeuble pour une réparation urgente.',
      category: 'OUTAGE',
      urgent: true,
      audience: { kind: residence.kind, id: residence.id },
    }),
  });
  if (!response.ok) throw new Error('publish failed: ' + (await response.text()));
}

async function settle(tv: Tv, ms = 900) {
  await tv.page.waitForTimeout(ms);
}

async function main() {
  const browser = await launchChromium();
  try {
    // Activation: offline first (an address nobody answers), then the real thing, refused once, then approved.
    const offline = await openTv(browser, baseUrl, { api: 'http://127.0.0.1:9' });
    await offline.expectMessage(/connexion/i, 15000);
    await offline.screenshot('tv-activation-offline-fr');
    await offline.close();

    const refused = await openTv(browser, baseUrl, { language: 'ar' });
    await refused.activationCode();
    await settle(refused);
    await refused.screenshot('tv-activation-ar');
    if (reference) {
      await decide(refused, false);
      await refused.expectFocused(/رمز جديد/, 15000);
      await refused.screenshot('tv-activation-denied-ar');
    }
    await refused.close();

    const tv = await openTv(browser, baseUrl, { language: 'fr' });
    tv.page.on('console', (message) => {
      if (message.type() === 'error') console.log('console error:', message.text().slice(0, 300));
    });
    if (process.env.DEBUG_WS) {
      tv.page.on('websocket', (ws) => {
        console.log('ws open');
        ws.on('framereceived', (frame) => console.log('ws <-', String(frame.payload).slice(0, 160)));
        ws.on('close', () => console.log('ws closed'));
      });
    }
    await tv.activationCode();
    await settle(tv);
    await tv.screenshot('tv-activation-fr');
    if (!reference) return;
    await decide(tv, true);
    await tv.expectScreen('home', 20000);
    await tv.expectFocused('Avis');
    await settle(tv, 1500);
    await tv.screenshot('tv-home-fr');

    await tv.press('Enter');
    await tv.expectScreen('notices');
    await settle(tv, 1500);
    await tv.screenshot('tv-notices-fr');
    await tv.press('Down', 'Down');
    const focusedInList = (await tv.state()).focused;
    await tv.press('Enter');
    await tv.expectScreen('notice');
    await settle(tv, 1200);
    await tv.screenshot('tv-notice-fr');
    await tv.press('Back');
    await tv.expectScreen('notices');
    await tv.expectFocused(focusedInList);
    await tv.press('Back');
    await tv.expectScreen('home');

    await tv.press('Right', 'Enter');
    await tv.expectScreen('soon');
    await settle(tv);
    await tv.screenshot('tv-soon-fr');
    await tv.press('Back');
    await tv.expectScreen('home');
    await tv.press('Back');
    await tv.waitFor('the leave dialog', (s) => s.dialog !== '');
    await settle(tv);
    await tv.screenshot('tv-leave-dialog-fr');
    await tv.press('Back');

    // Settings: Arabic, then large text, in both languages.
    await tv.press('Blue');
    await tv.expectScreen('settings');
    await settle(tv);
    await tv.screenshot('tv-settings-fr');
    await tv.press('Right', 'Right', 'Enter');
    await tv.waitFor('Arabic', (s) => s.language === 'ar' && s.dir === 'rtl');
    await settle(tv);
    await tv.screenshot('tv-settings-ar');
    await tv.press('Back');
    await tv.expectScreen('home');
    await settle(tv);
    await tv.screenshot('tv-home-ar');
    await tv.press('Red');
    await tv.expectScreen('notices');
    await settle(tv, 1200);
    await tv.screenshot('tv-notices-ar');
    await tv.press('Enter');
    await tv.expectScreen('notice');
    await settle(tv, 1200);
    await tv.screenshot('tv-notice-ar');
    await tv.press('Back', 'Back', 'Blue');
    await tv.expectScreen('settings');
    await tv.press('Down', 'Left', 'Enter');
    await tv.waitFor('large text', (s) => s.textSize === 'large');
    await settle(tv);
    await tv.screenshot('tv-settings-ar-large');
    await tv.press('Back');
    await settle(tv);
    await tv.screenshot('tv-home-ar-large');
    await tv.press('Red');
    await settle(tv, 1200);
    await tv.screenshot('tv-notices-ar-large');
    await tv.press('Enter');
    await settle(tv, 1200);
    await tv.screenshot('tv-notice-ar-large');
    await tv.press('Back', 'Back', 'Blue');
    await tv.expectScreen('settings');
    await tv.press('Up', 'Right', 'Right', 'Enter');
    await tv.waitFor('French', (s) => s.language === 'fr');
    await settle(tv);
    await tv.screenshot('tv-settings-fr-large');
    await tv.press('Back');
    await settle(tv);
    await tv.screenshot('tv-home-fr-large');
    await tv.press('Red');
    await settle(tv, 1200);
    await tv.screenshot('tv-notices-fr-large');
    await tv.press('Enter');
    await settle(tv, 1200);
    await tv.screenshot('tv-notice-fr-large');
    await tv.press('Back', 'Back');
    await tv.expectScreen('home');

    // An urgent notice arrives over the realtime socket.
    await publishUrgent('Coupure d’eau demain matin');
    await tv.waitFor('the urgent banner', (s) => s.banner !== '', 15000);
    await settle(tv);
    await tv.screenshot('tv-urgent-banner-fr-large');
    await tv.press('Enter');
    await tv.expectScreen('notice');
    await settle(tv, 1200);
    await tv.screenshot('tv-urgent-notice-fr-large');
    await tv.press('Back');
    await tv.expectScreen('home');
    await tv.press('Back');
    await tv.waitFor('the leave dialog', (s) => s.dialog !== '');
    await tv.press('Left', 'Enter');
    await tv.expectScreen('goodbye');
    await settle(tv);
    await tv.screenshot('tv-goodbye-fr-large');
    await tv.close();
  } finally {
    await browser.close();
  }
}

main().then(
  () => console.log('screenshots in test-output/screenshots/'),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
