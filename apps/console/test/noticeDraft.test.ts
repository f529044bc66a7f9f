import {
  attemptFor,
  emptyDraft,
  newIdempotencyKey,
  parseLocalDateTime,
  toPublishRequest,
  validateDraft,
  type NoticeDraft,
} from '../src/pages/notices/noticeDraft';

const valid = (changes: Partial<NoticeDraft> = {}): NoticeDraft => ({
  ...emptyDraft(),
  title: 'Coupure d’eau',
  body: 'Jeudi de 8 h à 12 h.',
  audienceId: 'building-a',
  ...changes,
});
const now = new Date(2026, 10, 26, 12, 0);

describe('checking a notice before it is sent', () => {
  it('accepts a complete draft without dates', () => {
    expect(validateDraft(valid(), now)).toEqual({});
  });

  it('asks for a title, a message and an audience', () => {
    const errors = validateDraft(emptyDraft(), now);

    expect(errors).toEqual({
      title: 'validation.titleLength',
      body: 'validation.bodyLength',
      audience: 'validation.audienceRequired',
    });
  });

  it('counts the title without the spaces around it, and caps it at 120 characters', () => {
    expect(validateDraft(valid({ title: '  ab  ' }), now).title).toBe('validation.titleLength');
    expect(validateDraft(valid({ title: 'x'.repeat(121) }), now).title).toBe('validation.titleLength');
    expect(validateDraft(valid({ title: 'x'.repeat(120) }), now).title).toBeUndefined();
  });

  it('refuses an end that is not after the start', () => {
    const same = valid({ validFrom: '2026-12-01T08:00', validUntil: '2026-12-01T08:00' });
    const before = valid({ validFrom: '2026-12-01T08:00', validUntil: '2026-11-30T18:00' });

    expect(validateDraft(same, now).validUntil).toBe('validation.untilBeforeFrom');
    expect(validateDraft(before, now).validUntil).toBe('validation.untilBeforeFrom');
    expect(validateDraft(valid({ validFrom: '2026-12-01T08:00', validUntil: '2026-12-01T08:01' }), now)).toEqual({});
  });

  it('refuses an end already past when the notice starts now', () => {
    expect(validateDraft(valid({ validUntil: '2026-11-26T11:59' }), now).validUntil).toBe('validation.untilInPast');
    expect(validateDraft(valid({ validUntil: '2026-11-27T09:00' }), now)).toEqual({});
  });

  it('refuses a date nobody could have meant', () => {
    expect(validateDraft(valid({ validFrom: '2026-02-31T08:00' }), now).validFrom).toBe('validation.dateInvalid');
    expect(validateDraft(valid({ validUntil: 'demain' }), now).validUntil).toBe('validation.dateInvalid');
  });
});

describe('turning the draft into the request', () => {
  it('trims the text, sends the place with its kind, and leaves out empty dates', () => {
    const request = toPublishRequest(valid({ title: '  Coupure d’eau ', urgent: true, category: 'OUTAGE' }), 'BUILDING');

    expect(request).toEqual({
      title: 'Coupure d’eau',
      body: 'Jeudi de 8 h à 12 h.',
      category: 'OUTAGE',
      urgent: true,
      audience: { kind: 'BUILDING', id: 'building-a' },
    });
  });

  it('sends the dates as instants read in the browser’s time zone', () => {
    const request = toPublishRequest(valid({ validFrom: '2026-12-01T08:00', validUntil: '2026-12-02T18:30' }), 'RESIDENCE');

    expect(request.validFrom).toBe(new Date(2026, 11, 1, 8, 0).toISOString());
    expect(request.validUntil).toBe(new Date(2026, 11, 2, 18, 30).toISOString());
    expect(parseLocalDateTime('')).toBeUndefined();
  });
});

describe('publishing once, however often the button is pressed', () => {
  const request = toPublishRequest(valid(), 'BUILDING');
  let counter = 0;
  const makeKey = () => `key-${++counter}`;

  it('reuses the key when the same request is sent again', () => {
    const first = attemptFor(request, undefined, makeKey);
    const retry = attemptFor({ ...request }, first, makeKey);

    expect(retry.key).toBe(first.key);
  });

  it('takes a new key once the request was edited', () => {
    const first = attemptFor(request, undefined, makeKey);
    const edited = attemptFor({ ...request, title: 'Coupure d’eau chaude' }, first, makeKey);

    expect(edited.key).not.toBe(first.key);
  });

  it('makes version-4 UUIDs, with or without crypto.randomUUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const withoutRandomUUID = { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) } as Crypto;

    expect(newIdempotencyKey()).toMatch(uuid);
    expect(newIdempotencyKey(withoutRandomUUID)).toMatch(uuid);
    expect(newIdempotencyKey(undefined)).toMatch(uuid);
    expect(newIdempotencyKey(withoutRandomUUID)).not.toBe(newIdempotencyKey(withoutRandomUUID));
  });
});
