// What the feed keeps between visits (filter, posts, next cursor, focus), so Back from a post lands on the same row
// without a blank reload. Its own module so the app can forget it at sign-out without loading the feed's screens.
import type { FeedPost, PostKind } from '@palier/contracts/src/feed';

export interface FeedMemory {
  kind: PostKind | null;
  items: FeedPost[];
  nextCursor: string | null;
  focusIndex: number;
  zone: 'filters' | 'list';
}

let memory: FeedMemory | null = null;

export function rememberFeed(next: FeedMemory): void {
  memory = next;
}

export function recallFeed(): FeedMemory | null {
  return memory;
}

export function forgetFeed(): void {
  memory = null;
}
