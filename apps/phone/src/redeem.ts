// Exchanging the short code of the TV's QR code for this phone's LiveKit token. This is the agreed shape; the API does
// not offer the route yet (see README), so a code link is refused until it lands and the page says so plainly.
import type { CallToken } from '@palier/contracts';

export const PHONE_LINK_REDEEM_PATH = '/api/v1/calls/phone-links/redeem';

export interface PhoneLinkRedemption {
  /** The phone's CallToken (identity tenant-<id>-phone, camera and microphone) */
  token: CallToken;
  mode: 'camera' | 'call';
  /** The tenant's first name, to greet them */
  firstName: string;
}

export class LinkRefused extends Error {
  override name = 'LinkRefused';
  constructor(readonly status: number) {
    super(`the phone link was refused (${status})`);
  }
}

/** POSTs the code once; a 404/410 means unknown, used or expired, and is final. */
export async function redeemPhoneCode(code: string, language: string, fetchImpl: typeof fetch = fetch): Promise<PhoneLinkRedemption> {
  const response = await fetchImpl(PHONE_LINK_REDEEM_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': language },
    body: JSON.stringify({ code }),
  });
  if (!response.ok) throw new LinkRefused(response.status);
  return (await response.json()) as PhoneLinkRedemption;
}
