// The phone hand-off: the code of the TV's QR code is claimed once for a bearer token good for one call, which buys
// this phone's LiveKit token (identity tenant-<id>-phone, camera and microphone).
import type { CallToken, ClaimedHandoff } from '@palier/contracts';

export const HANDOFF_CLAIM_PATH = '/api/v1/handoffs/claim';
export const phoneTokenPath = (callId: string) => `/api/v1/calls/${encodeURIComponent(callId)}/phone-token`;

export interface PhoneLinkRedemption {
  token: CallToken;
  /** The tenant's first name, to greet them */
  firstName: string;
}

/** The API said no: the code is unknown, used or expired (status 4xx), or the call is over. */
export class LinkRefused extends Error {
  override name = 'LinkRefused';
  constructor(
    readonly status: number,
    readonly code?: string,
  ) {
    super(`the phone link was refused (${status}${code ? ` ${code}` : ''})`);
  }
}

async function post<T>(fetchImpl: typeof fetch, path: string, language: string, body: unknown, bearer?: string): Promise<T> {
  const response = await fetchImpl(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': language,
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string };
    throw new LinkRefused(response.status, problem.code);
  }
  return (await response.json()) as T;
}

/** Claims the code (once) and asks for this phone's LiveKit token in the call the hand-off was made for. */
export async function redeemPhoneCode(code: string, language: string, fetchImpl: typeof fetch = fetch): Promise<PhoneLinkRedemption> {
  const claimed = await post<ClaimedHandoff>(fetchImpl, HANDOFF_CLAIM_PATH, language, { code });
  if (claimed.purpose !== 'call_camera' || !claimed.subjectId) throw new LinkRefused(400, 'wrong_purpose');
  const token = await post<CallToken>(fetchImpl, phoneTokenPath(claimed.subjectId), language, {}, claimed.accessToken);
  return { token, firstName: claimed.firstName };
}
