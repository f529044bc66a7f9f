// The phone hand-off of a long text: the TV asks with a question and a limit, the phone claims the code once, shows
// the question, sends the text once; the TV is told at once and reads it; nobody else can.
import type { TokenResponse } from '@palier/contracts';
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { LAURIERS_A_TENANT, LAURIERS_B_TENANT, activateTv, bearer } from '../../../test/support/journeys';

describe('phone hand-off of a long text', () => {
  let api: TestApi;
  let tenantA: TokenResponse;
  let tenantB: TokenResponse;

  beforeAll(async () => {
    api = await startTestApi();
    [tenantA, tenantB] = await Promise.all([activateTv(api.app, LAURIERS_A_TENANT), activateTv(api.app, LAURIERS_B_TENANT)]);
  });
  afterAll(async () => {
    await api?.close();
  });

  const start = (tokens: TokenResponse, body: object) =>
    api.app.inject({ method: 'POST', url: '/api/v1/handoffs', headers: bearer(tokens), payload: body });
  const claim = async (code: string) => {
    const claimed = await api.app.inject({
      method: 'POST',
      url: '/api/v1/handoffs/claim',
      remoteAddress: '198.51.100.41',
      payload: { code },
    });
    expect(claimed.statusCode).toBe(200);
    return { authorization: `Bearer ${claimed.json().accessToken}` };
  };
  const question = { prompt: 'Décrivez le problème', maxLength: 40, initial: 'Un trou' };

  it('shows the question on the phone, and what the phone sends reaches the TV once', async () => {
    const handoff = await start(tenantA, { purpose: 'text', text: question });
    expect(handoff.statusCode).toBe(201);
    const { id, code, url } = handoff.json();
    expect(url).toBe(`http://palier.test/phone/text.html#code=${code}`);

    // Before the phone sends anything, the TV reads nothing.
    const before = await api.app.inject({ method: 'GET', url: `/api/v1/handoffs/${id}/text`, headers: bearer(tenantA) });
    expect(before.json()).toEqual({ handoffId: id, text: null, sentAt: null });

    const phone = await claim(code);
    const task = await api.app.inject({ method: 'GET', url: '/api/v1/handoffs/text', headers: phone });
    expect(task.json()).toEqual({ prompt: 'Décrivez le problème', maxLength: 40, text: 'Un trou', sent: false });

    const text = 'Un trou profond devant le n° 12 🕳️';
    const sent = await api.app.inject({ method: 'PUT', url: '/api/v1/handoffs/text', headers: phone, payload: { text } });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ handoffId: id, text });

    // The TV is told at once (an event for this tenant only), and reads the text.
    const tenantId = (await api.app.db.phoneHandoff.findUniqueOrThrow({ where: { id } })).tenantId;
    const events = await api.app.db.realtimeEvent.findMany({ where: { type: 'handoff.text_received' } });
    expect(events.map((event) => [event.audienceId, (event.payload as { handoffId: string }).handoffId])).toEqual([[tenantId, id]]);
    const after = await api.app.inject({ method: 'GET', url: `/api/v1/handoffs/${id}/text`, headers: bearer(tenantA) });
    expect(after.json()).toMatchObject({ text, sentAt: expect.any(String) });

    // A retry of the same text is harmless; another text is refused: what the TV shows is what was sent.
    const retried = await api.app.inject({ method: 'PUT', url: '/api/v1/handoffs/text', headers: phone, payload: { text } });
    expect(retried.statusCode).toBe(200);
    const other = await api.app.inject({ method: 'PUT', url: '/api/v1/handoffs/text', headers: phone, payload: { text: 'Autre chose' } });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('handoff_text_already_sent');
    expect(await api.app.db.realtimeEvent.count({ where: { type: 'handoff.text_received' } })).toBe(1);
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/handoffs/text', headers: phone })).json()).toMatchObject({
      text,
      sent: true,
    });
  });

  it('keeps to the limit the TV asked for, and the code works once', async () => {
    const { code } = (await start(tenantA, { purpose: 'text', text: { prompt: 'Votre nom', maxLength: 5 } })).json();
    const phone = await claim(code);
    const long = await api.app.inject({ method: 'PUT', url: '/api/v1/handoffs/text', headers: phone, payload: { text: 'Amélie' } });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].field).toBe('body.text');
    const second = await api.app.inject({
      method: 'POST',
      url: '/api/v1/handoffs/claim',
      remoteAddress: '198.51.100.42',
      payload: { code },
    });
    expect(second.json().code).toBe('handoff_code_used');
  });

  it('needs a question, and opens neither another tenant’s text nor another task', async () => {
    const missing = await start(tenantA, { purpose: 'text' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('body.text');

    const { id, code } = (await start(tenantA, { purpose: 'text', text: question })).json();
    const neighbour = await api.app.inject({ method: 'GET', url: `/api/v1/handoffs/${id}/text`, headers: bearer(tenantB) });
    expect(neighbour.statusCode).toBe(404);

    // A text token does not send photos, and a photos token does not send text.
    const phone = await claim(code);
    const photo = await api.app.inject({
      method: 'POST',
      url: '/api/v1/reports/photos',
      headers: { ...phone, 'content-type': 'image/jpeg' },
      payload: Buffer.from([0xff, 0xd8, 0xff]),
    });
    expect(photo.statusCode).toBe(403);
    const photos = (await start(tenantA, { purpose: 'report_photos' })).json();
    const photoPhone = await claim(photos.code);
    const refused = await api.app.inject({
      method: 'PUT',
      url: '/api/v1/handoffs/text',
      headers: photoPhone,
      payload: { text: 'Bonjour' },
    });
    expect(refused.statusCode).toBe(403);
  });
});
