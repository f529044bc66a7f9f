// Photos on neighbourhood posts through the public API: from the phone onto the draft (hand-off post_photos), without
// their location, at most four, off the draft again from the TV, onto the post when it is published; links only for
// the post's audience, none for a hidden post; and every way a post goes takes its files from storage with it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { PostPhoto, TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, SAVINE_TENANT, activateTv, bearer, signInStaff } from '../../../test/support/journeys';
import { DEMO_STAFF } from '../../../prisma/demo-residence';

const SAME_BUILDING = 'HMP-LAU-B-0102'; // Les Lauriers, Bâtiment B, like the author

/** A JPEG as a phone takes it: with the place it was taken and the camera in its EXIF. */
function photoWithGps(colour = { r: 200, g: 120, b: 40 }): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: colour } })
    .jpeg()
    .withMetadata({
      exif: {
        IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Artist: 'Ahmed' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 20/1 5/1', GPSLongitudeRef: 'E', GPSLongitude: '5/1 24/1 13/1' },
      },
    })
    .toBuffer();
}

describe('photos on neighbourhood posts', () => {
  let api: TestApi;
  let author: TokenResponse; // Les Lauriers B 0101
  let sameBuilding: TokenResponse; // Les Lauriers B 0102
  let otherBuilding: TokenResponse; // Les Lauriers A: same residence, another building
  let savine: TokenResponse; // another residence, another district
  let authorId: string;

  beforeAll(async () => {
    // One report hides a post here, so a case opens at once.
    api = await startTestApi({ devicePollIntervalSeconds: 1, moderationHideThreshold: 1 });
    [author, sameBuilding, otherBuilding, savine] = await Promise.all([
      activateTv(api.app, LAURIERS_B_TENANT),
      activateTv(api.app, SAME_BUILDING),
      activateTv(api.app, LAURIERS_A_TENANT),
      activateTv(api.app, SAVINE_TENANT),
    ]);
    authorId = (await api.app.db.tenant.findUniqueOrThrow({ where: { reference: LAURIERS_B_TENANT } })).id;
  });
  afterAll(async () => api?.close());

  const call = (tokens: TokenResponse, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    api.app.inject({
      method,
      url,
      headers: { ...bearer(tokens), 'idempotency-key': `k-${Math.random()}` },
      ...(payload ? { payload } : {}),
    });
  const fetchLink = (url: string, headers: Record<string, string> = {}) => api.app.inject({ url, headers });
  const stored = (photoId: string, size: 'full' | 'thumb' = 'full') =>
    existsSync(path.join(api.config.storageDir, 'post-photos', photoId, `${size}.jpg`));

  /** The TV saves the draft (as it does at every step) and returns its id. */
  async function draftOf(tokens: TokenResponse, title = 'Chat perdu'): Promise<string> {
    const saved = await call(tokens, 'PUT', '/api/v1/feed/draft', {
      kind: 'LOST_FOUND',
      audience: 'BUILDING',
      title,
      body: `${title}, roux`,
    });
    expect(saved.statusCode).toBe(200);
    return saved.json().id;
  }
  /** The TV asks for a code for its draft; the phone claims it. */
  async function phoneFor(tokens: TokenResponse, draftId: string) {
    const handoff = await call(tokens, 'POST', '/api/v1/handoffs', { purpose: 'post_photos', subjectId: draftId });
    expect(handoff.statusCode).toBe(201);
    expect(handoff.json().url).toBe(`http://palier.test/phone/photos.html#code=${handoff.json().code}`);
    const claimed = await api.app.inject({ method: 'POST', url: '/api/v1/handoffs/claim', payload: { code: handoff.json().code } });
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json()).toMatchObject({ purpose: 'post_photos', subjectId: draftId });
    return { authorization: `Bearer ${claimed.json().accessToken}`, code: handoff.json().code as string };
  }
  const upload = (phone: { authorization: string }, bytes: Buffer, type = 'image/jpeg') =>
    api.app.inject({
      method: 'POST',
      url: '/api/v1/feed/draft/photos',
      headers: { authorization: phone.authorization, 'content-type': type },
      payload: bytes,
    });
  async function publish(tokens: TokenResponse, title: string) {
    const published = await call(tokens, 'POST', '/api/v1/feed/posts', {
      kind: 'LOST_FOUND',
      audience: 'BUILDING',
      title,
      body: `${title}, roux, répond à Caramel`,
    });
    expect(published.statusCode).toBe(201);
    return published.json();
  }
  /** A post with one photo from the phone, published to the author's building. */
  async function postWithPhoto(title: string): Promise<{ postId: string; photo: PostPhoto }> {
    const phone = await phoneFor(author, await draftOf(author, title));
    expect((await upload(phone, await photoWithGps())).statusCode).toBe(201);
    const post = await publish(author, title);
    return { postId: post.id, photo: post.photos[0] };
  }

  it('takes a photo from the phone onto the draft without its location, tells the TV, and the published post carries it', async () => {
    const draftId = await draftOf(author);
    const phone = await phoneFor(author, draftId);
    const original = await photoWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();

    const uploaded = await upload(phone, original);
    expect(uploaded.statusCode).toBe(201);
    const photo = uploaded.json() as PostPhoto;
    expect(photo).toMatchObject({ width: 1200, height: 900 });
    expect(photo.url).toMatch(new RegExp(`^/api/v1/post-photos/${photo.id}/full\\?expires=\\d+&signature=`));
    expect(photo.thumbUrl).toMatch(new RegExp(`^/api/v1/post-photos/${photo.id}/thumb\\?`));

    // The TV hears of it (the event names the draft and the photo only) and reads the draft with the photo on it.
    const event = await api.app.db.realtimeEvent.findFirst({
      where: { audienceKind: 'TENANT', audienceId: authorId, type: 'feed.draft_photos' },
      orderBy: { id: 'desc' },
    });
    expect(event?.payload).toEqual({ draftId, photoId: photo.id, change: 'added' });
    const draft = (await call(author, 'GET', '/api/v1/feed/draft')).json();
    expect(draft).toMatchObject({ id: draftId, content: { kind: 'LOST_FOUND' }, photos: [{ id: photo.id }] });

    // What is served is a plain JPEG: no EXIF, no GPS, no camera, no owner.
    for (const url of [photo.url, photo.thumbUrl]) {
      const served = await fetchLink(url);
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/jpeg');
      const metadata = await sharp(served.rawPayload).metadata();
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      for (const trace of ['GPS', 'PhoneMaker', 'Ahmed']) expect(served.rawPayload.includes(Buffer.from(trace))).toBe(false);
    }

    // Published: the draft's photo is the post's, in the post and in the feed, for the author and the neighbours.
    const post = await publish(author, 'Chat perdu');
    expect(post.photos).toEqual([expect.objectContaining({ id: photo.id, width: 1200, height: 900 })]);
    expect((await call(author, 'GET', '/api/v1/feed/draft')).json()).toEqual({ id: null, content: null, updatedAt: null, photos: [] });
    const seen = (await call(sameBuilding, 'GET', `/api/v1/feed/posts/${post.id}`)).json();
    expect(seen.photos.map((one: PostPhoto) => one.id)).toEqual([photo.id]);
    const listed = (await call(sameBuilding, 'GET', '/api/v1/feed?limit=5'))
      .json()
      .items.find((item: { id: string }) => item.id === post.id);
    expect(listed.photos).toEqual([expect.objectContaining({ id: photo.id, thumbUrl: expect.stringContaining('/thumb?') })]);
    expect((await fetchLink(listed.photos[0].thumbUrl)).statusCode).toBe(200);
    expect((await fetchLink(seen.photos[0].url)).statusCode).toBe(200);
    // The phone, still open on the draft that is now a post, adds nothing to the post.
    const late = await upload(phone, await photoWithGps());
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('post_draft_closed');
    expect((await call(author, 'GET', `/api/v1/feed/posts/${post.id}`)).json().photos).toHaveLength(1);
  });

  it('keeps photos in the order they came, refuses a fifth with 409 too_many_post_photos, and takes one off the draft with its files', async () => {
    const phone = await phoneFor(author, await draftOf(author, 'Vélo trouvé'));
    // What is not a photo is refused as such.
    const text = await upload(phone, Buffer.from('not a photo at all'), 'image/png');
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('photo_unreadable');
    const ids: string[] = [];
    for (const r of [10, 60, 110, 160]) {
      const sent = await upload(phone, await photoWithGps({ r, g: 80, b: 80 }));
      expect(sent.statusCode).toBe(201);
      ids.push(sent.json().id);
    }
    const fifth = await upload(phone, await photoWithGps());
    expect(fifth.statusCode).toBe(409);
    expect(fifth.json()).toMatchObject({ code: 'too_many_post_photos', status: 409 });
    expect(fifth.json().title).toContain('4 photos');
    const english = await api.app.inject({
      method: 'POST',
      url: '/api/v1/feed/draft/photos',
      headers: { authorization: phone.authorization, 'content-type': 'image/jpeg', 'accept-language': 'en' },
      payload: await photoWithGps(),
    });
    expect(english.json().title).toBe('No more than 4 photos per post. Remove one on the TV to add another.');

    // The TV takes the second off: its row and both its files go; again is harmless; the order of the rest holds.
    expect(stored(ids[1]!) && stored(ids[1]!, 'thumb')).toBe(true);
    const removed = await call(author, 'DELETE', `/api/v1/feed/draft/photos/${ids[1]}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().photos.map((one: PostPhoto) => one.id)).toEqual([ids[0], ids[2], ids[3]]);
    expect(stored(ids[1]!) || stored(ids[1]!, 'thumb')).toBe(false);
    expect((await call(author, 'DELETE', `/api/v1/feed/draft/photos/${ids[1]}`)).statusCode).toBe(200);
    // Nor can a neighbour take a photo off someone else's draft.
    await call(sameBuilding, 'DELETE', `/api/v1/feed/draft/photos/${ids[0]}`);
    expect(stored(ids[0]!)).toBe(true);

    // Room for one more, which comes last.
    const again = await upload(phone, await photoWithGps({ r: 20, g: 200, b: 20 }));
    expect(again.statusCode).toBe(201);
    const post = await publish(author, 'Vélo trouvé');
    expect(post.photos.map((one: PostPhoto) => one.id)).toEqual([ids[0], ids[2], ids[3], again.json().id]);
  });

  it('binds the hand-off to one draft of the tenant, for one phone: a second scan, a discarded draft or another purpose gets nothing in', async () => {
    // Only for one's own draft, and only with one.
    const draftId = await draftOf(author, 'Clés trouvées');
    expect((await call(sameBuilding, 'POST', '/api/v1/handoffs', { purpose: 'post_photos', subjectId: draftId })).statusCode).toBe(404);
    expect((await call(author, 'POST', '/api/v1/handoffs', { purpose: 'post_photos' })).statusCode).toBe(400);

    // Single use: the code opens one phone, never a second.
    const phone = await phoneFor(author, draftId);
    const second = await api.app.inject({ method: 'POST', url: '/api/v1/handoffs/claim', payload: { code: phone.code } });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('handoff_code_used');

    // A report's hand-off cannot send post photos, nor a post's hand-off report photos, nor a TV token either.
    const report = await call(author, 'POST', '/api/v1/handoffs', { purpose: 'report_photos' });
    const reportPhone = await api.app.inject({ method: 'POST', url: '/api/v1/handoffs/claim', payload: { code: report.json().code } });
    expect((await upload({ authorization: `Bearer ${reportPhone.json().accessToken}` }, await photoWithGps())).statusCode).toBe(403);
    const wrongWay = await api.app.inject({
      method: 'POST',
      url: '/api/v1/reports/photos',
      headers: { authorization: phone.authorization, 'content-type': 'image/jpeg' },
      payload: await photoWithGps(),
    });
    expect(wrongWay.statusCode).toBe(403);
    expect((await upload({ authorization: bearer(author).authorization }, await photoWithGps())).statusCode).toBe(401);

    // Throwing the draft away takes its photos' files, and closes the phone on it.
    const sent = (await upload(phone, await photoWithGps())).json() as PostPhoto;
    expect(stored(sent.id)).toBe(true);
    expect((await call(author, 'DELETE', '/api/v1/feed/draft')).statusCode).toBe(204);
    expect(stored(sent.id) || stored(sent.id, 'thumb')).toBe(false);
    expect(await api.app.db.postPhoto.count({ where: { id: sent.id } })).toBe(0);
    expect((await fetchLink(sent.thumbUrl)).statusCode).toBe(404);
    const closed = await upload(phone, await photoWithGps());
    expect(closed.json().code).toBe('post_draft_closed');
    // A new draft is another subject: the old phone cannot reach it.
    await draftOf(author, 'Clés trouvées, encore');
    expect((await upload(phone, await photoWithGps())).json().code).toBe('post_draft_closed');
    expect((await call(author, 'GET', '/api/v1/feed/draft')).json().photos).toEqual([]);
    await call(author, 'DELETE', '/api/v1/feed/draft');
  });

  it('gives photo links only to the post’s audience, opens nothing with a forged link, and none while the post is hidden', async () => {
    const { postId, photo } = await postWithPhoto('Perdu : doudou lapin');
    // The author's building sees the post with its links; the rest of the residence and another district get nothing.
    expect((await call(sameBuilding, 'GET', `/api/v1/feed/posts/${postId}`)).json().photos[0].id).toBe(photo.id);
    for (const outsider of [otherBuilding, savine]) {
      const detail = await call(outsider, 'GET', `/api/v1/feed/posts/${postId}`);
      expect(detail.statusCode).toBe(404);
      const feed = await call(outsider, 'GET', '/api/v1/feed?limit=50');
      expect(feed.statusCode).toBe(200);
      expect(feed.body).not.toContain(postId);
      expect(feed.body).not.toContain(photo.id);
    }
    // A link is good for its photo, its size and its route only.
    const forged = photo.url.replace(/signature=[^&]+/, 'signature=' + 'A'.repeat(43));
    expect((await fetchLink(forged)).statusCode).toBe(403);
    // The thumbnail's signature on the full photo's address.
    const otherSize = photo.url.replace(/signature=[^&]+/, 'signature=' + photo.thumbUrl.split('signature=')[1]!);
    expect((await fetchLink(otherSize)).statusCode).toBe(403);
    expect((await fetchLink(photo.url.replace('/api/v1/post-photos/', '/api/v1/report-photos/'))).statusCode).toBe(403);
    expect((await fetchLink(photo.url.replace('/api/v1/post-photos/', '/api/v1/moderation/post-photos/'))).statusCode).toBe(401);

    // A neighbour's report hides it (threshold 1 here): the links already given open nothing for tenants any more…
    const reported = await call(sameBuilding, 'POST', '/api/v1/moderation/reports', {
      target: { kind: 'POST', id: postId },
      reason: 'SPAM',
    });
    expect(reported.statusCode).toBe(201);
    expect((await call(sameBuilding, 'GET', `/api/v1/feed/posts/${postId}`)).statusCode).toBe(404);
    expect((await fetchLink(photo.url)).statusCode).toBe(404);
    expect((await fetchLink(photo.thumbUrl)).statusCode).toBe(404);

    // …while the moderator sees the photos in the case, through links of their own that need their session.
    const moderator = await signInStaff(api.app, DEMO_STAFF.moderator);
    const cases = await api.app.inject({ url: '/api/v1/moderation/cases?limit=100', headers: moderator });
    const { id: caseId } = cases.json().items.find((item: { target: { id: string } }) => item.target.id === postId);
    const detail = (await api.app.inject({ url: `/api/v1/moderation/cases/${caseId}`, headers: moderator })).json();
    expect(detail.photos).toEqual([expect.objectContaining({ id: photo.id })]);
    expect(detail.photos[0].url).toMatch(/^\/api\/v1\/moderation\/post-photos\//);
    expect((await fetchLink(detail.photos[0].thumbUrl, moderator)).statusCode).toBe(200);
    expect((await fetchLink(detail.photos[0].thumbUrl)).statusCode).toBe(401);
    const caretaker = await signInStaff(api.app, DEMO_STAFF.caretakerLauriers);
    expect((await fetchLink(detail.photos[0].thumbUrl, caretaker)).statusCode).toBe(403);
    // A moderator's link is not a tenant's either.
    expect((await fetchLink(detail.photos[0].url.replace('/api/v1/moderation/post-photos/', '/api/v1/post-photos/'))).statusCode).toBe(403);

    // The moderator deletes it: the files are gone from storage.
    expect(stored(photo.id)).toBe(true);
    const deleted = await api.app.inject({
      method: 'POST',
      url: `/api/v1/moderation/cases/${caseId}/actions`,
      headers: moderator,
      payload: { decision: 'DELETE', reason: 'Annonce en double' },
    });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json().photos).toEqual([]);
    expect(stored(photo.id) || stored(photo.id, 'thumb')).toBe(false);
    expect(await api.app.db.postPhoto.count({ where: { id: photo.id } })).toBe(0);
  });

  it('removes the files when the author deletes the post', async () => {
    const { postId, photo } = await postWithPhoto('Trouvé : lunettes');
    expect(stored(photo.id) && stored(photo.id, 'thumb')).toBe(true);
    expect((await call(author, 'DELETE', `/api/v1/feed/posts/${postId}`)).statusCode).toBe(204);
    expect(stored(photo.id) || stored(photo.id, 'thumb')).toBe(false);
    expect(await api.app.db.postPhoto.count({ where: { id: photo.id } })).toBe(0);
    expect((await fetchLink(photo.url)).statusCode).toBe(404);
  });
});
