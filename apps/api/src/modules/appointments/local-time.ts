// Appointment times: published and shown on the wall clock of Europe/Paris, stored as instants (DST-aware).
import { APPOINTMENT_TIME_ZONE } from '@palier/contracts';
import { zoned, zonedInstant } from '../calls/opening-hours';

const pad = (value: number) => String(value).padStart(2, '0');

export function toMinutes(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** The instant at which Paris reads this date ('2026-12-01') and minute of the day. */
export function localInstant(date: string, minutes: number): Date {
  const [year, month, day] = date.split('-').map(Number);
  return zonedInstant(year!, month!, day!, minutes, APPOINTMENT_TIME_ZONE);
}

/** Paris's date and time of an instant: { localDate: '2026-12-01', localTime: '09:30' }. */
export function localParts(at: Date): { localDate: string; localTime: string } {
  const parts = zoned(at, APPOINTMENT_TIME_ZONE);
  return {
    localDate: `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`,
    localTime: `${pad(Math.floor(parts.minutes / 60))}:${pad(parts.minutes % 60)}`,
  };
}

/** A calendar date plus some days, as 'YYYY-MM-DD' (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const next = new Date(Date.UTC(year!, month! - 1, day! + days));
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/** ISO weekday (1 = Monday) of a calendar date. */
export function isoWeekday(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return ((new Date(Date.UTC(year!, month! - 1, day!)).getUTCDay() + 6) % 7) + 1;
}

/** Today's date in Paris. */
export function localToday(now: Date): string {
  return localParts(now).localDate;
}
