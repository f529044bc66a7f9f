// Short-lived signed links to an appointment's .ics file, for the QR code the TV shows: the tenant's phone opens it
// and adds the appointment to its calendar without signing in. The link names one appointment and one language.
import { createHmac, timingSafeEqual } from 'node:crypto';

const LINK_TTL_SECONDS = 2 * 3600;

export interface CalendarLinks {
  url(appointmentId: string, language: string, now?: Date): string;
  verify(appointmentId: string, language: string, expires: number, signature: string, now?: Date): boolean;
}

export function calendarLinks(secret: string, publicUrl: string): CalendarLinks {
  const sign = (appointmentId: string, language: string, expires: number) =>
    // 128 bits of the HMAC are plenty for a two-hour link, and keep the QR code coarse enough to scan from the sofa.
    createHmac('sha256', secret).update(`appointment-calendar:${appointmentId}:${language}:${expires}`).digest('base64url').slice(0, 22);
  return {
    url(appointmentId, language, now = new Date()) {
      const expires = Math.floor(now.getTime() / 1000) + LINK_TTL_SECONDS;
      const query = new URLSearchParams({ lang: language, expires: String(expires), signature: sign(appointmentId, language, expires) });
      return `${publicUrl}/api/v1/appointment-calendars/${appointmentId}/rendez-vous.ics?${query.toString()}`;
    },
    verify(appointmentId, language, expires, signature, now = new Date()) {
      if (expires * 1000 < now.getTime()) return false;
      const expected = Buffer.from(sign(appointmentId, language, expires));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
