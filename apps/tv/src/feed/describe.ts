// How a post reads on the TV: author (first name and building only), replies, event date and places left, and the
// failures the feed can meet, in the tenant's words.
import type { FeedPost } from '@palier/contracts/src/feed';
import { ApiProblem } from '@palier/contracts/src/client';
import { failureMessage } from '../api/problems';
import { format, formatDateTime, type Catalogue, type Language } from '../i18n';
import { formatAge, type FeedWords } from '../i18n/feed';

export function authorLine(post: { author: { firstName: string; building: string }; mine: boolean }, words: FeedWords): string {
  return format(words.author, { name: post.mine ? words.you : post.author.firstName, building: post.author.building });
}

export function repliesLabel(count: number, words: FeedWords): string {
  return count === 0 ? words.repliesNone : count === 1 ? words.repliesOne : format(words.replies, { count });
}

export function placesLabel(capacity: number | null, taken: number, words: FeedWords): string {
  if (capacity === null) return words.noLimit;
  const left = Math.max(0, capacity - taken);
  return left === 0 ? words.full : left === 1 ? words.placesLeftOne : format(words.placesLeft, { count: left });
}

export function eventLine(post: FeedPost, words: FeedWords, language: Language): string {
  if (!post.event) return '';
  const when = format(words.eventWhen, { when: formatDateTime(post.event.startsAt, language), place: post.event.place });
  const seats = placesLabel(post.event.capacity, post.event.taken, words);
  return when + ' · ' + seats + (post.event.signedUp ? ' · ' + words.signedUp : '');
}

export function photosLabel(count: number, words: FeedWords): string {
  return count === 0 ? '' : count === 1 ? words.photo.metaOne : format(words.photo.meta, { count });
}

/** The line under a post's title in the feed: who, when, replies, photos, and for an event its date and places. */
export function postMeta(post: FeedPost, words: FeedWords, language: Language, now: number): string {
  const parts = [authorLine(post, words), formatAge(post.createdAt, language, now), repliesLabel(post.replyCount, words)];
  if (post.photos.length > 0) parts.push(photosLabel(post.photos.length, words));
  const event = eventLine(post, words, language);
  return parts.join(' · ') + (event ? '\n' + event : '');
}

export function feedFailure(error: unknown, words: FeedWords, t: Catalogue): string {
  if (error instanceof ApiProblem) {
    if (error.code === 'event_full') return words.eventFull;
    if (error.code === 'forbidden_word') return words.forbiddenWord;
    if (error.code === 'validation_failed') return words.invalid;
    if (error.code === 'not_found') return words.removed;
  }
  return failureMessage(error, t);
}

/** The title is the text's beginning, cut at a word: the feed shows it on one line, the post shows the whole text. */
export function titleOf(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= 120) return clean;
  const cut = clean.slice(0, 118);
  const space = cut.lastIndexOf(' ');
  return (space > 60 ? cut.slice(0, space) : cut) + '…';
}
