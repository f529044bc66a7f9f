// What the notices list remembers between visits (items, next cursor, focused row), so Back from a notice lands
// on the row the tenant left, without a blank reload on a slow line.
import type { TenantNotice } from '@palier/contracts/src/notices';

export interface NoticesMemory {
  items: TenantNotice[];
  nextCursor: string | null;
  focusIndex: number;
  loadedAt: number;
}

let memory: NoticesMemory | null = null;

export function rememberNotices(next: NoticesMemory): void {
  memory = next;
}

export function recallNotices(): NoticesMemory | null {
  return memory;
}

export function markRememberedRead(noticeId: string, readAt: string): void {
  if (!memory) return;
  memory.items = memory.items.map((item) => (item.id === noticeId ? { ...item, readAt } : item));
}

export function forgetNotices(): void {
  memory = null;
}
