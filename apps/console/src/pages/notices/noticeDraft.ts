// The publish form's rules: what a draft must hold, how it becomes a request, and which idempotency key it is sent with.
import type { AudienceKind, NoticeCategory, PublishNoticeRequest } from '../../api/shapes';
import type { MessageKey } from '../../i18n/catalogue';

/** The languages a notice may be translated into; French is the original, always required. */
export const translationLanguages = ['en', 'ar'] as const;
export type TranslationLanguage = (typeof translationLanguages)[number];
export type NoticeTextDraft = { title: string; body: string };

export interface NoticeDraft {
  title: string;
  body: string;
  /** Optional: left empty, the TV shows French to that language's tenants. */
  translations: Record<TranslationLanguage, NoticeTextDraft>;
  /** An uploaded picture's id, '' without one. */
  pictureId: string;
  category: NoticeCategory;
  urgent: boolean;
  /** The chosen place's id, '' while none is chosen. */
  audienceId: string;
  /** `datetime-local` values (local wall-clock time, no zone), '' when empty. */
  validFrom: string;
  validUntil: string;
}

export type DraftField = 'title' | 'body' | 'category' | 'audience' | 'validFrom' | 'validUntil' | TranslationLanguage;
export type DraftErrors = Partial<Record<DraftField, MessageKey>>;

export function emptyDraft(): NoticeDraft {
  return {
    title: '',
    body: '',
    translations: { en: { title: '', body: '' }, ar: { title: '', body: '' } },
    pictureId: '',
    category: 'INFORMATION',
    urgent: false,
    audienceId: '',
    validFrom: '',
    validUntil: '',
  };
}

/** A `datetime-local` value read in the browser's zone; undefined when empty, NaN-dated when unreadable. */
export function parseLocalDateTime(value: string): Date | undefined {
  if (!value.trim()) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return new Date(NaN);
  const [, y, mo, d, h, mi, s] = match;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  // new Date() rolls 31 February over to March: reject instead of publishing at a date nobody typed.
  if (date.getMonth() !== Number(mo) - 1 || date.getDate() !== Number(d)) return new Date(NaN);
  return date;
}

export function validateDraft(draft: NoticeDraft, now: Date = new Date()): DraftErrors {
  const errors: DraftErrors = {};
  const title = draft.title.trim();
  const body = draft.body.trim();
  if (title.length < 3 || title.length > 120) errors.title = 'validation.titleLength';
  if (body.length < 3 || body.length > 4000) errors.body = 'validation.bodyLength';
  if (!draft.audienceId) errors.audience = 'validation.audienceRequired';
  for (const language of translationLanguages) {
    const text = draft.translations[language];
    const [t, b] = [text.title.trim(), text.body.trim()];
    if (!t && !b) continue;
    if (t.length < 3 || t.length > 120 || b.length < 3 || b.length > 4000) errors[language] = 'validation.translationIncomplete';
  }
  const from = parseLocalDateTime(draft.validFrom);
  const until = parseLocalDateTime(draft.validUntil);
  if (from && Number.isNaN(from.getTime())) errors.validFrom = 'validation.dateInvalid';
  if (until && Number.isNaN(until.getTime())) errors.validUntil = 'validation.dateInvalid';
  else if (until && from && !Number.isNaN(from.getTime()) && until.getTime() <= from.getTime()) {
    errors.validUntil = 'validation.untilBeforeFrom';
  } else if (until && !from && until.getTime() <= now.getTime()) {
    errors.validUntil = 'validation.untilInPast';
  }
  return errors;
}

export function toPublishRequest(draft: NoticeDraft, audienceKind: AudienceKind): PublishNoticeRequest {
  const audience = { kind: audienceKind, id: draft.audienceId };
  const request: PublishNoticeRequest = {
    title: draft.title.trim(),
    body: draft.body.trim(),
    category: draft.category,
    urgent: draft.urgent,
    audience,
  };
  for (const language of translationLanguages) {
    const text = draft.translations[language];
    if (!text.title.trim() && !text.body.trim()) continue;
    request.translations = { ...request.translations, [language]: { title: text.title.trim(), body: text.body.trim() } };
  }
  if (draft.pictureId) request.pictureId = draft.pictureId;
  const from = parseLocalDateTime(draft.validFrom);
  const until = parseLocalDateTime(draft.validUntil);
  if (from) request.validFrom = from.toISOString();
  if (until) request.validUntil = until.toISOString();
  return request;
}

export interface IdempotentAttempt {
  key: string;
  /** The request the key was made for: a retry of the same request reuses the key, an edited one gets a new key. */
  fingerprint: string;
}

export function newIdempotencyKey(cryptoImpl: Pick<Crypto, 'randomUUID' | 'getRandomValues'> | undefined = globalThis.crypto): string {
  if (cryptoImpl && typeof cryptoImpl.randomUUID === 'function') return cryptoImpl.randomUUID();
  // randomUUID exists only in secure contexts (https or localhost); a console opened over plain http on a LAN still
  // needs a key that no other attempt shares.
  const bytes = new Uint8Array(16);
  if (cryptoImpl && typeof cryptoImpl.getRandomValues === 'function') cryptoImpl.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function attemptFor(
  request: PublishNoticeRequest,
  previous: IdempotentAttempt | undefined,
  makeKey: () => string = newIdempotencyKey,
): IdempotentAttempt {
  const fingerprint = JSON.stringify(request);
  if (previous && previous.fingerprint === fingerprint) return previous;
  return { key: makeKey(), fingerprint };
}
