// A landlord's call-centre opening hours in its own time zone: open now? when next? Pure, the clock is a parameter.
import type { OpeningHours } from '@palier/contracts';

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  weekday: number;
  minutes: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

export function zoned(at: Date, timeZone: string): ZonedParts {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAYS[parts.weekday!]!,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function toMinutes(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** The instant at which the wall clock of timeZone reads this local date and time (DST-aware). */
export function zonedInstant(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, Math.floor(minutes / 60), minutes % 60);
  let instant = wall;
  for (let i = 0; i < 2; i += 1) {
    const seen = zoned(new Date(instant), timeZone);
    const seenWall = Date.UTC(seen.year, seen.month - 1, seen.day, Math.floor(seen.minutes / 60), seen.minutes % 60);
    instant += wall - seenWall;
  }
  return new Date(instant);
}

export function isOpen(hours: OpeningHours | null, now: Date): boolean {
  if (!hours) return false;
  const local = zoned(now, hours.timeZone);
  return hours.weekly.some(
    (period) => period.day === local.weekday && toMinutes(period.opens) <= local.minutes && local.minutes < toMinutes(period.closes),
  );
}

/** The next time the call-centre opens after now; null when it is open now or never opens. */
export function nextOpening(hours: OpeningHours | null, now: Date): Date | null {
  if (!hours || hours.weekly.length === 0 || isOpen(hours, now)) return null;
  let best: Date | null = null;
  for (let offset = 0; offset <= 7; offset += 1) {
    const local = zoned(new Date(now.getTime() + offset * 86_400_000), hours.timeZone);
    for (const period of hours.weekly.filter((candidate) => candidate.day === local.weekday)) {
      const opens = zonedInstant(local.year, local.month, local.day, toMinutes(period.opens), hours.timeZone);
      if (opens > now && (!best || opens < best)) best = opens;
    }
    if (best) return best;
  }
  return best;
}

/** "lundi à 08:30" / "Monday at 08:30", in the call-centre's time zone, for the refusal's detail. */
export function describeOpening(at: Date, timeZone: string, language: 'fr' | 'en'): string {
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(at);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return language === 'fr' ? `${day} à ${time}` : `${day} at ${time}`;
}
