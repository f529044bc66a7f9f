// A tenant of Les Lauriers has lost her cat: she writes a lost-and-found post with the remote, adds a photo from her
// phone (the TV's QR code opens the phone page, which sends a real JPEG with the place it was taken in its EXIF), sees
// its thumbnail arrive on the TV, and publishes. A neighbour's TV, open on the feed, shows the post arrive live with its
// picture; the neighbour opens it and looks at the photo full screen. Screenshots at each step.
import sharp from 'sharp';
import type { FeedPost } from '@palier/contracts';
import { useJourney } from './support/journey';
import { openTvAtHome } from './support/tv';
import { openPhone } from './support/phone';
import { LAURIERS_B_TENANT, activateTv, bearer } from '../support/journeys';

jest.setTimeout(240_000);

const NEIGHBOUR = 'HMP-LAU-B-0102'; // same building, same residence
const TITLE = 'Un chat s’est perdu dans la résidence';

/** A photo as a phone takes it: a ginger cat on a doorstep, with the GPS position and the camera in its EXIF. */
async function catPhoto(): Promise<Buffer> {
  const cat = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">
    <rect width="1600" height="1200" fill="#7a8d99"/><rect y="900" width="1600" height="300" fill="#b9a07a"/>
    <ellipse cx="800" cy="820" rx="330" ry="220" fill="#e08a2e"/><circle cx="800" cy="520" r="190" fill="#e08a2e"/>
    <polygon points="640,420 670,250 760,370" fill="#e08a2e"/><polygon points="960,420 930,250 840,370" fill="#e08a2e"/>
    <circle cx="730" cy="500" r="26" fill="#2b3a1f"/><circle cx="870" cy="500" r="26" fill="#2b3a1f"/>
    <path d="M1110 860 C 1300 820, 1330 650, 1250 600" stroke="#e08a2e" stroke-width="60" fill="none" stroke-linecap="round"/>
  </svg>`;
  return sharp(Buffer.from(cat))
    .jpeg({ quality: 85 })
    .withMetadata({
      exif: {
        IFD0: { Make: 'PhoneMaker', Model: 'Phone 12' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 20/1 5/1', GPSLongitudeRef: 'E', GPSLongitude: '5/1 24/1 13/1' },
      },
    })
    .toBuffer();
}

describe('a neighbour posts a lost cat with a photo', () => {
  const journey = useJourney();

  async function tvFor(reference: string) {
    const tokens = await activateTv(journey.app, reference);
    const tv = await openTvAtHome(journey.browser, journey.baseUrl, tokens, { language: 'fr' });
    return { tv, tokens };
  }

  it('goes from the remote and the phone to a picture on the neighbour’s TV, full screen', async () => {
    const { tv: author, tokens } = await tvFor(LAURIERS_B_TENANT);
    const { tv: neighbour } = await tvFor(NEIGHBOUR);
    await neighbour.openFeed();
    await neighbour.page.evaluate('window.__notReloaded = true');

    // The author writes with the remote: lost and found, her residence, the cat's template.
    await author.openFeed();
    await author.press('Green');
    await author.expectScreen('feed-write');
    await author.expectFocused('Demande d’aide');
    await author.press('Down', 'Down');
    await author.expectFocused('Perdu, trouvé');
    await author.press('OK');
    await author.expectFocused('Ma résidence');
    await author.press('OK');
    await author.expectFocused('J’ai trouvé des clés dans le hall');
    await author.press('Down', 'Down', 'Down');
    await author.expectFocused(TITLE);
    await author.press('OK');
    await author.expectFocused('Publier');
    await author.screenshot('cat-01-tv-preview-without-photo');

    // "Ajouter des photos": a QR code and a short code for the phone.
    await author.press('Down');
    await author.expectFocused('Ajouter des photos');
    await author.press('OK');
    const shown = await author.expectMessage(/tapez le code [A-Z0-9]{4}-[A-Z0-9]{4}/);
    const code = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(shown.message)![1]!;
    await author.expectFocused('Revenir sans photo');
    await author.screenshot('cat-02-tv-photos-qr');
    expect(await author.byTestId('screen-feed-write').getAttribute('data-qr')).toMatch(
      /\/phone\/photos\.html#code=[A-Z0-9]{4}-[A-Z0-9]{4}$/,
    );

    // Her phone opens what the QR code carries and sends the photo it just took.
    const phone = await openPhone(journey.browser);
    await phone.page.goto(`${journey.baseUrl}/phone/photos.html#code=${code}`);
    await phone.page.locator('#ready').waitFor({ state: 'visible' });
    expect(await phone.page.locator('#title').innerText()).toBe('Photos pour votre message aux voisins');
    const original = await catPhoto();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    await phone.page.locator('#pick').setInputFiles({ name: 'chat.jpg', mimeType: 'image/jpeg', buffer: original });
    await phone.page.locator('#sent img').waitFor({ state: 'visible' });
    await phone.screenshot('cat-03-phone-photo-sent');

    // The thumbnail arrives on the TV while the QR code shows.
    await author.expectMessage('1 photo(s) reçue(s)', 15_000);
    await author.expectFocused('Continuer');
    expect(await author.byTestId('write-photo-1').getAttribute('data-src')).toMatch(/\/api\/v1\/post-photos\/[\w-]+\/thumb\?/);
    await author.screenshot('cat-04-tv-photo-arrived');
    // What the server keeps and serves has no location, no camera.
    const draft = (await journey.app.inject({ url: '/api/v1/feed/draft', headers: bearer(tokens) })).json();
    expect(draft.photos).toHaveLength(1);
    const served = await journey.app.inject({ url: draft.photos[0].url });
    expect(served.statusCode).toBe(200);
    expect((await sharp(served.rawPayload).metadata()).exif).toBeUndefined();
    expect(served.rawPayload.includes(Buffer.from('GPS'))).toBe(false);
    expect(served.rawPayload.includes(Buffer.from('PhoneMaker'))).toBe(false);

    // OK on the thumbnail offers to remove it; she keeps it.
    await author.press('Up');
    await author.expectFocused('Photo 1 sur 1');
    await author.press('OK');
    await author.expectMessage('Retirer cette photo ?');
    await author.expectFocused('Retirer la photo');
    await author.screenshot('cat-04b-tv-remove-the-photo');
    await author.press('Right');
    await author.expectFocused('Garder la photo');
    await author.press('OK');
    await author.expectFocused('Continuer');
    await author.expectMessage('1 photo(s) reçue(s)');

    // Back to the preview, which shows the photo, and publish.
    await author.press('OK');
    await author.expectFocused('Publier');
    await author.expectMessage('1 photo(s)');
    await author.screenshot('cat-05-tv-preview-with-photo');
    await author.press('OK');
    await author.expectMessage('Votre message est publié');

    // The neighbour's feed shows it arrive, live, with its picture.
    // (Its feed was empty: the post simply appears, without a reload.)
    await neighbour.expectText(TITLE, 15_000);
    expect(await neighbour.page.evaluate('window.__notReloaded')).toBe(true);
    const feed = await journey.app.inject({ url: '/api/v1/feed?limit=5', headers: bearer(tokens) });
    const post = (feed.json().items as FeedPost[]).find((item) => item.title === TITLE)!;
    expect(post.photos).toHaveLength(1);
    const row = neighbour.byTestId(`post-${post.id}-photo`);
    await row.waitFor({ state: 'attached' });
    expect(await row.getAttribute('data-src')).toContain(`/api/v1/post-photos/${post.photos[0]!.id}/thumb?`);
    await neighbour.page.waitForTimeout(500); // the thumbnail loads over the line
    await neighbour.screenshot('cat-06-neighbour-feed-with-photo');

    // The neighbour opens the post: the photo is there; Up reaches it, OK shows it full screen, Back closes it.
    await neighbour.openPost(TITLE, { direction: 'Up' });
    expect(await neighbour.byTestId('post-photo-1').getAttribute('data-src')).toContain(`/post-photos/${post.photos[0]!.id}/thumb?`);
    await neighbour.press('Up');
    await neighbour.expectFocused('Photo 1 sur 1');
    await neighbour.screenshot('cat-07-neighbour-post-photo-focused');
    await neighbour.press('OK');
    await neighbour.expectMessage('Photo 1 sur 1');
    await neighbour.page.locator('[data-testid="photo-viewer"][data-index="0"]').waitFor({ state: 'attached' });
    expect(await neighbour.byTestId('photo-viewer-image').getAttribute('data-src')).toContain(`/post-photos/${post.photos[0]!.id}/full?`);
    await neighbour.page.waitForTimeout(1000); // the full-size photo loads over the line
    await neighbour.screenshot('cat-08-neighbour-photo-full-screen');
    await neighbour.press('Back');
    await neighbour.page.locator('[data-testid="photo-viewer"][data-index="-1"]').waitFor({ state: 'attached' });
    await neighbour.expectFocused('Photo 1 sur 1');
    await neighbour.expectScreen('feed-post');
    await neighbour.screenshot('cat-09-neighbour-back-on-the-post');
  });
});
