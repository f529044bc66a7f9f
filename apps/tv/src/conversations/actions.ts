// "Je peux aider" on a help request, "Ça m'intéresse" on offers, services, lending, events and lost-and-found: the
// post screen's buttons that open (or reopen) the private conversation with the post's author.
import type { FeedPost } from '@palier/contracts/src/feed';
import { api } from '../api/session';
import { conversationWords } from '../i18n/conversations';
import { state } from '../store';
import type { PostActionProvider } from '../feed/actions';

const interestKinds: FeedPost['kind'][] = ['HELP_OFFER', 'SERVICE_EXCHANGE', 'LEND_GIVE', 'EVENT', 'LOST_FOUND'];

export const conversationActions: PostActionProvider = (post) => {
  if (post.mine || post.removed) return [];
  const words = conversationWords(state().language);
  const intent = post.kind === 'HELP_REQUEST' ? 'HELP' : interestKinds.indexOf(post.kind) >= 0 ? 'INTEREST' : null;
  if (!intent) return [];
  return [
    {
      id: intent === 'HELP' ? 'can-help' : 'interested',
      label: intent === 'HELP' ? words.help : words.interest,
      run: ({ post: current, go }) =>
        api
          .startConversation({ postId: current.id, intent, message: intent === 'HELP' ? words.helpMessage : words.interestMessage })
          .then((conversation) => {
            go('/conversations/' + encodeURIComponent(conversation.id));
            return {};
          }),
    },
  ];
};
