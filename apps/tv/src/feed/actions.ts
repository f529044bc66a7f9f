// The row of action buttons under a post, as a list other features extend: each provider looks at the post and offers
// its buttons. The conversations feature adds "I can help" / "I am interested" (opening a private conversation), the
// moderation feature "Report". Add a provider to `postActionProviders` below, in a block naming your feature.
import type { FeedPost } from '@palier/contracts/src/feed';
import { api } from '../api/session';
import { languages, type Language } from '../i18n';
import { feedWords, type FeedWords } from '../i18n/feed';
// private conversations (wip/neighbours)
import { conversationActions } from '../conversations/actions';
// moderation
import { moderationWords } from '../i18n/moderation';

export interface PostActionContext {
  post: FeedPost;
  words: FeedWords;
  language: Language;
  /** Opens another screen (the router's `to`). */
  go(path: string, data?: object): void;
}

/** What the post screen does after an action: show a sentence, and take the post as it now is. */
export interface PostActionOutcome {
  message?: string;
  post?: FeedPost;
}

export interface PostAction {
  /** Stable, for tests: the button's test id is `post-action-<id>`. */
  id: string;
  label: string;
  run(context: PostActionContext): Promise<PostActionOutcome>;
}

export type PostActionProvider = (post: FeedPost, words: FeedWords) => PostAction[];

/** Events: take a seat or give it back; the API refuses overbooking (409 event_full), shown by the post screen. */
const eventSeatActions: PostActionProvider = (post, words) => {
  if (!post.event) return [];
  if (post.event.signedUp) {
    return [
      {
        id: 'cancel-signup',
        label: words.cancelSignUp,
        run: ({ post: current }) =>
          api.cancelEventSignUp(current.id).then((seat) => ({
            message: words.cancelledDone,
            post: current.event
              ? { ...current, event: { ...current.event, signedUp: seat.signedUp, taken: seat.taken, capacity: seat.capacity } }
              : current,
          })),
      },
    ];
  }
  return [
    {
      id: 'signup',
      label: words.signUp,
      run: ({ post: current }) =>
        api.signUpToEvent(current.id).then((seat) => ({
          message: words.signedUpDone,
          post: current.event
            ? { ...current, event: { ...current.event, signedUp: seat.signedUp, taken: seat.taken, capacity: seat.capacity } }
            : current,
        })),
    },
  ];
};

// moderation: "Report" on a neighbour's post opens the report screen (reason, optional comment)
const reportActions: PostActionProvider = (post, words) => {
  if (post.mine) return [];
  // Providers get the feed's words of the screen's language: the same language's moderation words go with them.
  const language = languages.filter((one) => feedWords(one) === words)[0] || 'fr';
  return [
    {
      id: 'report',
      label: moderationWords(language).report,
      run: ({ post: current, go }) => {
        go('/feed/report/post/' + current.id);
        return Promise.resolve({});
      },
    },
  ];
};

export const postActionProviders: PostActionProvider[] = [
  // feed: event seats
  eventSeatActions,
  // private conversations (wip/neighbours): "Je peux aider" / "Ça m'intéresse"
  conversationActions,
  // moderation
  reportActions,
];

export function postActions(post: FeedPost, words: FeedWords): PostAction[] {
  const actions: PostAction[] = [];
  postActionProviders.forEach((provide) => provide(post, words).forEach((action) => actions.push(action)));
  return actions;
}
