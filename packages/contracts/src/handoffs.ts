// The phone hand-off: the TV shows a QR code and a short code; the tenant's phone opens it, bound for a few minutes
// to that tenant and that one task (the camera in a call, photos for a report, a long text typed on the phone).
import { Type, type Static } from 'typebox';

// text: a long text typed on the phone; data_export: the phone downloads the tenant's data (RGPD), phone/data.html;
// post_photos: photos for the neighbourhood post being written (subject: the post draft's id), phone/photos.html.
export const handoffPurposes = ['call_camera', 'report_photos', 'text', 'data_export', 'post_photos'] as const;
export const HandoffPurpose = Type.Enum(handoffPurposes);
export type HandoffPurpose = (typeof handoffPurposes)[number];

export const PHONE_PATH = '/phone/';

/** The phone page that does each task, with the code in the fragment, so it never reaches a server log. */
export function phoneLink(purpose: HandoffPurpose, code: string): string {
  if (purpose === 'report_photos' || purpose === 'post_photos') return PHONE_PATH + 'photos.html#code=' + code;
  if (purpose === 'text') return PHONE_PATH + 'text.html#code=' + code;
  if (purpose === 'data_export') return PHONE_PATH + 'data.html#code=' + code;
  return PHONE_PATH + '#code=' + code;
}

/** The most characters a text from the phone may have, whatever the TV asks. */
export const HANDOFF_TEXT_MAX = 5000;

/** For purpose "text": what the phone page shows (the question, the limit, the text typed so far on the TV). */
export const HandoffTextRequest = Type.Object({
  prompt: Type.String({ minLength: 1, maxLength: 300 }),
  maxLength: Type.Integer({ minimum: 1, maximum: HANDOFF_TEXT_MAX }),
  initial: Type.Optional(Type.String({ maxLength: HANDOFF_TEXT_MAX })),
});
export type HandoffTextRequest = Static<typeof HandoffTextRequest>;

export const StartHandoffRequest = Type.Object({
  purpose: HandoffPurpose,
  /** What the task is about, e.g. the call the phone joins as a camera. */
  subjectId: Type.Optional(Type.String({ format: 'uuid' })),
  /** Required for purpose "text". */
  text: Type.Optional(HandoffTextRequest),
});
export type StartHandoffRequest = Static<typeof StartHandoffRequest>;

export const Handoff = Type.Object({
  /** For purpose "text": the TV reads what the phone sent at GET /api/v1/handoffs/:id/text. */
  id: Type.String({ format: 'uuid' }),
  code: Type.String({ description: 'XXXX-XXXX, to type on the phone when the QR code cannot be scanned' }),
  url: Type.String({ description: 'What the QR code carries: the phone page with the code in it' }),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type Handoff = Static<typeof Handoff>;

export const ClaimHandoffRequest = Type.Object({ code: Type.String({ minLength: 8, maxLength: 12 }) });
export type ClaimHandoffRequest = Static<typeof ClaimHandoffRequest>;

export const ClaimedHandoff = Type.Object({
  purpose: HandoffPurpose,
  subjectId: Type.Union([Type.String(), Type.Null()]),
  /** Whom the phone page greets: the tenant, or the helper who started it under a mandate. */
  firstName: Type.String(),
  /** Set when a helper started it under a mandate: the first name of the tenant the photos are for. */
  onBehalfOf: Type.Optional(Type.String()),
  /** A bearer token for this task only, sent by the phone page as `Authorization: Bearer …`. */
  accessToken: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type ClaimedHandoff = Static<typeof ClaimedHandoff>;

/** What the phone page of a "text" hand-off shows: the question, the limit, and the text to start from. */
export const HandoffTextTask = Type.Object({
  prompt: Type.String(),
  maxLength: Type.Integer(),
  text: Type.String({ description: 'What was sent already, else what the TV had typed' }),
  sent: Type.Boolean(),
});
export type HandoffTextTask = Static<typeof HandoffTextTask>;

export const SendHandoffTextRequest = Type.Object({ text: Type.String({ minLength: 1, maxLength: HANDOFF_TEXT_MAX }) });
export type SendHandoffTextRequest = Static<typeof SendHandoffTextRequest>;

/** What the TV reads once the phone sent its text (text null until then). */
export const HandoffTextView = Type.Object({
  handoffId: Type.String({ format: 'uuid' }),
  text: Type.Union([Type.String(), Type.Null()]),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type HandoffTextView = Static<typeof HandoffTextView>;
