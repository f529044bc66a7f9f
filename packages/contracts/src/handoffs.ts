// The phone hand-off: the TV shows a QR code and a short code; the tenant's phone opens it, bound for a few minutes
// to that tenant and that one task (the camera in a call; later photos for a report, a long text).
import { Type, type Static } from 'typebox';

// data_export (wip/neighbours): the phone downloads the tenant's data (RGPD), phone/data.html.
export const handoffPurposes = ['call_camera', 'report_photos', 'data_export'] as const;
export const HandoffPurpose = Type.Enum(handoffPurposes);
export type HandoffPurpose = (typeof handoffPurposes)[number];

export const PHONE_PATH = '/phone/';

/** The phone page that does each task, with the code in the fragment, so it never reaches a server log. */
export function phoneLink(purpose: HandoffPurpose, code: string): string {
  if (purpose === 'data_export') return PHONE_PATH + 'data.html#code=' + code;
  return purpose === 'report_photos' ? PHONE_PATH + 'photos.html#code=' + code : PHONE_PATH + '#code=' + code;
}

export const StartHandoffRequest = Type.Object({
  purpose: HandoffPurpose,
  /** What the task is about, e.g. the call the phone joins as a camera. */
  subjectId: Type.Optional(Type.String({ format: 'uuid' })),
});
export type StartHandoffRequest = Static<typeof StartHandoffRequest>;

export const Handoff = Type.Object({
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
  firstName: Type.String(),
  /** A bearer token for this task only, sent by the phone page as `Authorization: Bearer …`. */
  accessToken: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type ClaimedHandoff = Static<typeof ClaimedHandoff>;
