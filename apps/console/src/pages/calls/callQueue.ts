// How the call-centre queue is kept and shown: pages merged without duplicates, waiting times that tick, homes in words.
import type { CallerIdentity, QueueEntry } from '@palier/contracts';
import type { Translate } from '../../i18n/catalogue';

/** A queue entry with the moment it was read, so its waiting time can tick without trusting this computer's clock. */
export interface ShownEntry extends QueueEntry {
  /** Date.now() when the API answered; waitingSeconds was true at that moment. */
  readAt: number;
}

export function stamp(entries: readonly QueueEntry[], readAt: number): ShownEntry[] {
  return entries.map((entry) => ({ ...entry, readAt }));
}

/** Longest wait first, as the API ranks them; the call id breaks ties so the order never flickers. */
export function orderQueue(entries: readonly ShownEntry[]): ShownEntry[] {
  return [...entries].sort((a, b) => a.position - b.position || a.queuedAt.localeCompare(b.queuedAt) || a.callId.localeCompare(b.callId));
}

/** Appends a further page; a caller who moved up meanwhile may come twice, and is kept once. */
export function appendQueuePage(current: readonly ShownEntry[], page: readonly ShownEntry[]): ShownEntry[] {
  const known = new Set(current.map((entry) => entry.callId));
  return orderQueue([...current, ...page.filter((entry) => !known.has(entry.callId))]);
}

/** Removes a call at once (claimed here, or by someone else) without waiting for the next read. */
export function withoutCall(current: readonly ShownEntry[], callId: string): ShownEntry[] {
  return current.some((entry) => entry.callId === callId) ? current.filter((entry) => entry.callId !== callId) : (current as ShownEntry[]);
}

/**
 * How many entries a refresh re-reads: at least a page, and as many as are shown (so "show more" is not undone), within
 * the API's limit. A refresh replaces the list, which is how callers who were answered or gave up disappear.
 */
export function refreshLimit(shownCount: number, pageSize: number, maxLimit = 100): number {
  return Math.min(maxLimit, Math.max(pageSize, shownCount));
}

/** Seconds waited now: what the API said, plus the time since it said it. */
export function waitingNow(entry: Pick<ShownEntry, 'waitingSeconds' | 'readAt'>, now: number): number {
  return Math.max(0, entry.waitingSeconds + Math.floor(Math.max(0, now - entry.readAt) / 1000));
}

/** "45 s", "2 min 05 s", "1 h 03 min": short enough for a queue row, exact enough to be fair. */
export function formatWaiting(seconds: number, t: Translate): string {
  const whole = Math.max(0, Math.floor(seconds));
  if (whole < 60) return t('wait.seconds', { seconds: whole });
  if (whole < 3600) {
    return t('wait.minutes', { minutes: Math.floor(whole / 60), seconds: String(whole % 60).padStart(2, '0') });
  }
  return t('wait.hours', { hours: Math.floor(whole / 3600), minutes: String(Math.floor((whole % 3600) / 60)).padStart(2, '0') });
}

/** A wait past this many seconds is shown as long, so the agent sees who has been patient for too long. */
export const LONG_WAIT_SECONDS = 180;

export function isLongWait(seconds: number): boolean {
  return seconds >= LONG_WAIT_SECONDS;
}

/** "rez-de-chaussée", "1er étage", "3e étage" / "ground floor", "1st floor", "3rd floor" / "الطابق 3". */
export function floorLabel(floor: number, t: Translate): string {
  if (floor === 0) return t('home.groundFloor');
  if (floor < 0) return t('home.basement', { floor: -floor });
  if (t.language === 'fr') return floor === 1 ? t('home.floorFirst') : t('home.floor', { floor: `${floor}e` });
  if (t.language === 'ar') return floor === 1 ? t('home.floorFirst') : t('home.floor', { floor });
  const lastTwo = floor % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][floor % 10] ?? 'th');
  return floor === 1 ? t('home.floorFirst') : t('home.floor', { floor: `${floor}${suffix}` });
}

/** "Bâtiment B · 3e étage · porte 12": where the caller lives, as a caretaker would say it. */
export function homeLabel(caller: Pick<CallerIdentity, 'home'>, t: Translate): string {
  const { home } = caller;
  return [home.building.name, floorLabel(home.floor, t), t('home.door', { door: home.door })].join(' · ');
}
