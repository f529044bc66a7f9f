// How the list of published notices changes: a fresh first page, a live read count.
import type { StaffNotice } from '../../api/shapes';

/** Puts a freshly read first page on top and keeps the older notices already loaded below it, without duplicates. */
export function mergeFirstPage(current: readonly StaffNotice[], firstPage: readonly StaffNotice[]): StaffNotice[] {
  const fresh = new Set(firstPage.map((notice) => notice.id));
  return [...firstPage, ...current.filter((notice) => !fresh.has(notice.id))];
}

/** Appends a further page; a notice published meanwhile shifts pages, so the same id may come twice. */
export function appendPage(current: readonly StaffNotice[], page: readonly StaffNotice[]): StaffNotice[] {
  const known = new Set(current.map((notice) => notice.id));
  return [...current, ...page.filter((notice) => !known.has(notice.id))];
}

/** A read count only grows: an event that arrives after a fresher page must not move the bar back. */
export function applyReadCount(current: readonly StaffNotice[], noticeId: string, readHomeCount: number): StaffNotice[] {
  let changed = false;
  const next = current.map((notice) => {
    if (notice.id !== noticeId || readHomeCount <= notice.readHomeCount) return notice;
    changed = true;
    return { ...notice, readHomeCount };
  });
  return changed ? next : (current as StaffNotice[]);
}

export function readShare(notice: Pick<StaffNotice, 'readHomeCount' | 'targetHomeCount'>): number {
  if (notice.targetHomeCount <= 0) return 0;
  return Math.min(1, Math.max(0, notice.readHomeCount / notice.targetHomeCount));
}
