import { LinkRefused, redeemPhoneCode } from '../src/redeem';
import { phoneProblemOf } from '../src/problem';

const callId = '6f1c2b9e-3f1a-4c55-9d7e-0a2b3c4d5e6f';
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('claiming the hand-off code of the TV’s QR code', () => {
  it('claims the code once, then asks for the phone’s token in that call with the hand-off’s bearer', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      if (url === '/api/v1/handoffs/claim')
        return json(200, { purpose: 'call_camera', subjectId: callId, firstName: 'Amina', accessToken: 'bearer-1', expiresAt: '' });
      return json(200, {
        url: 'wss://video',
        token: 'a.b.c',
        roomName: `call-${callId}`,
        identity: 'x',
        canPublishSources: [],
        expiresAt: '',
      });
    }) as unknown as typeof fetch;

    const redeemed = await redeemPhoneCode('K7QF-2MXD', 'fr', fetchImpl);

    expect(redeemed).toMatchObject({ firstName: 'Amina', token: { url: 'wss://video', token: 'a.b.c' } });
    expect(calls.map((call) => call.url)).toEqual(['/api/v1/handoffs/claim', `/api/v1/calls/${callId}/phone-token`]);
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ code: 'K7QF-2MXD' });
    expect((calls[1].init.headers as Record<string, string>).authorization).toBe('Bearer bearer-1');
  });

  it('says a used or expired code is no longer valid, a finished call is over, and a code for photos is not for here', async () => {
    const refused = (status: number, code: string) => (async () => json(status, { code })) as unknown as typeof fetch;
    await expect(redeemPhoneCode('K7QF-2MXD', 'fr', refused(410, 'handoff_code_used'))).rejects.toBeInstanceOf(LinkRefused);
    expect(phoneProblemOf(await redeemPhoneCode('K7QF-2MXD', 'fr', refused(410, 'handoff_code_used')).catch((e) => e))).toBe('linkUnknown');
    expect(phoneProblemOf(await redeemPhoneCode('K7QF-2MXD', 'fr', refused(429, 'rate_limited')).catch((e) => e))).toBe('tooManyTries');
    const photos = (async () =>
      json(200, { purpose: 'report_photos', subjectId: null, firstName: 'A', accessToken: 't', expiresAt: '' })) as unknown as typeof fetch;
    expect(phoneProblemOf(await redeemPhoneCode('K7QF-2MXD', 'fr', photos).catch((e) => e))).toBe('linkUnknown');
    const over = (async (url: string) =>
      url.endsWith('/claim')
        ? json(200, { purpose: 'call_camera', subjectId: callId, firstName: 'A', accessToken: 't', expiresAt: '' })
        : json(409, { code: 'call_not_joinable' })) as unknown as typeof fetch;
    expect(phoneProblemOf(await redeemPhoneCode('K7QF-2MXD', 'fr', over).catch((e) => e))).toBe('callOver');
  });
});
