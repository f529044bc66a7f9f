// How a post reads on the TV: a neighbour is a first name and a building, ages and event dates in the tenant's
// language, places left, the title cut from the text, and the feed's refusals in the tenant's words.
import type { FeedPost } from '@palier/contracts';
import { ApiProblem, NetworkFailure } from '@palier/contracts/src/client';
import { catalogue } from '../src/i18n';
import { feedWords, formatAge } from '../src/i18n/feed';
import { feedFailure, placesLabel, postMeta, titleOf } from '../src/feed/describe';

const now = Date.parse('2026-11-26T16:00:00Z');

function post(overrides: Partial<FeedPost> = {}): FeedPost {
  return {
    id: '7b0e2a0e-0000-4000-8000-000000000001',
    kind: 'HELP_REQUEST',
    audience: 'RESIDENCE',
    title: 'Je cherche quelqu’un pour m’aider à porter mes courses',
    body: 'Je cherche quelqu’un pour m’aider à porter mes courses',
    author: { firstName: 'Fatima', building: 'Bâtiment A' },
    mine: false,
    createdAt: new Date(now - 5 * 60_000).toISOString(),
    replyCount: 2,
    event: null,
    photos: [],
    ...overrides,
  };
}

describe('a post in the feed', () => {
  it('names its author by first name and building, with its age and replies', () => {
    expect(postMeta(post(), feedWords('fr'), 'fr', now)).toBe('Fatima · Bâtiment A · il y a 5 minutes · 2 réponses');
    expect(postMeta(post({ mine: true, replyCount: 1 }), feedWords('en'), 'en', now)).toBe('You · Bâtiment A · 5 minutes ago · 1 reply');
  });

  it('says how many photos it has, so the list shows it without opening the post', () => {
    const photo = (id: string) => ({
      id,
      url: `/api/v1/post-photos/${id}/full`,
      thumbUrl: `/api/v1/post-photos/${id}/thumb`,
      width: 4,
      height: 3,
    });
    expect(postMeta(post({ photos: [photo('a'), photo('b')] }), feedWords('fr'), 'fr', now)).toBe(
      'Fatima · Bâtiment A · il y a 5 minutes · 2 réponses · 2 photos',
    );
    expect(postMeta(post({ photos: [photo('a')] }), feedWords('en'), 'en', now)).toMatch(/ · 1 photo$/);
    expect(postMeta(post({ photos: [photo('a'), photo('b'), photo('c')] }), feedWords('ar'), 'ar', now)).toMatch(/ · 3 صور$/);
  });

  it('gives an event its date in the tenant’s language and the places left', () => {
    const event = post({
      kind: 'EVENT',
      event: { startsAt: '2026-11-28T14:00:00Z', place: 'Salle commune', capacity: 10, taken: 9, signedUp: true },
    });
    const [, second] = postMeta(event, feedWords('fr'), 'fr', now).split('\n');
    expect(second).toMatch(/^Le samedi 28 novembre à \d\d:00, Salle commune · 1 place restante · Vous êtes inscrit\(e\)$/);
    expect(placesLabel(10, 10, feedWords('fr'))).toBe('Complet');
    expect(placesLabel(null, 40, feedWords('en'))).toBe('No limit');
    expect(placesLabel(5, 2, feedWords('ar'))).toBe('بقي 3 مكان');
  });

  it('says how old it is, in each language', () => {
    expect(formatAge(new Date(now - 20_000).toISOString(), 'fr', now)).toBe('à l’instant');
    expect(formatAge(new Date(now - 3 * 3600_000).toISOString(), 'en', now)).toBe('3 hours ago');
    expect(formatAge(new Date(now - 86400_000).toISOString(), 'fr', now)).toBe('hier');
    expect(formatAge(new Date(now - 30 * 86400_000).toISOString(), 'fr', now)).toBe('27 octobre');
    expect(formatAge(new Date(now - 2 * 3600_000).toISOString(), 'ar', now)).toBe('قبل ساعتين');
  });
});

describe('writing a post', () => {
  it('takes the text as the title, cut at a word when it is long', () => {
    expect(titleOf('  J’ai   trouvé des clés\ndans le hall ')).toBe('J’ai trouvé des clés dans le hall');
    const long = 'Bonjour à tous, '.repeat(12);
    const title = titleOf(long);
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title.endsWith('…')).toBe(true);
    expect(title).not.toMatch(/ …$/);
  });

  it('turns the feed’s refusals into the tenant’s words', () => {
    const problem = (code: string, status: number) => new ApiProblem({ type: 'about:blank', title: code, status, code });
    const words = feedWords('fr');
    const t = catalogue('fr');
    expect(feedFailure(problem('event_full', 409), words, t)).toBe('Cet événement est complet : il ne reste plus de place.');
    expect(feedFailure(problem('forbidden_word', 422), words, t)).toMatch(/mot interdit/);
    expect(feedFailure(problem('not_found', 404), words, t)).toBe('Ce message n’existe plus.');
    expect(feedFailure(new NetworkFailure('offline'), words, t)).toBe(t.errors.network);
  });
});

describe('the feed’s catalogue', () => {
  it('has every key and every kind’s templates in the three languages', () => {
    const keys = (value: object): string[] =>
      Object.entries(value).flatMap(([key, inner]) =>
        inner && typeof inner === 'object' && !Array.isArray(inner) ? keys(inner).map((k) => key + '.' + k) : [key],
      );
    const fr = keys(feedWords('fr')).sort();
    expect(keys(feedWords('en')).sort()).toEqual(fr);
    expect(keys(feedWords('ar')).sort()).toEqual(fr);
    for (const language of ['fr', 'en', 'ar'] as const) {
      for (const templates of Object.values(feedWords(language).templates)) expect(templates.length).toBeGreaterThanOrEqual(3);
    }
  });
});
