// Private conversations between two neighbours, opened from a feed post ("I can help", "I am interested").
import { Type, type Static } from 'typebox';
import { Neighbour } from './feed';

export const conversationIntents = ['HELP', 'INTEREST'] as const;
export const ConversationIntent = Type.Enum(conversationIntents, {
  description: 'HELP: "I can help" (on a help request); INTEREST: "I am interested" (offers, services, lending, events…)',
});
export type ConversationIntent = (typeof conversationIntents)[number];

export const StartConversationRequest = Type.Object(
  {
    postId: Type.String({ format: 'uuid' }),
    intent: ConversationIntent,
    message: Type.String({
      minLength: 1,
      maxLength: 1000,
      description: 'The first message ("I can help!"), sent only when the conversation is new',
    }),
  },
  { additionalProperties: false },
);
export type StartConversationRequest = Static<typeof StartConversationRequest>;

export const Conversation = Type.Object({
  id: Type.String(),
  intent: ConversationIntent,
  post: Type.Union([Type.Object({ id: Type.String(), kind: Type.String(), title: Type.String() }), Type.Null()], {
    description: 'null once the post is deleted',
  }),
  /** The other neighbour, first name and building only; null once they have left Palier. */
  neighbour: Type.Union([Neighbour, Type.Null()]),
  role: Type.Enum(['AUTHOR', 'RESPONDER'], { description: 'AUTHOR: the reader wrote the post' }),
  closed: Type.Boolean(),
  closedByMe: Type.Boolean(),
  /** False when closed, blocked either way, or the other neighbour has left. */
  canWrite: Type.Boolean(),
  /** The reader blocked this neighbour (a block by the other side is never revealed: it reads as closed). */
  blockedByMe: Type.Boolean(),
  unread: Type.Integer(),
  lastMessage: Type.Union([
    Type.Object({ body: Type.String(), mine: Type.Boolean(), createdAt: Type.String({ format: 'date-time' }) }),
    Type.Null(),
  ]),
  lastMessageAt: Type.String({ format: 'date-time' }),
  /** When the other neighbour last read the conversation (for "seen"). */
  neighbourReadAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Conversation = Static<typeof Conversation>;

export const ConversationMessage = Type.Object({
  id: Type.String(),
  conversationId: Type.String(),
  body: Type.String(),
  mine: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type ConversationMessage = Static<typeof ConversationMessage>;

export const SendMessageRequest = Type.Object({ body: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });
export type SendMessageRequest = Static<typeof SendMessageRequest>;

export const UnreadConversations = Type.Object({
  messages: Type.Integer({ description: 'Unread messages over all the tenant’s conversations (the home badge)' }),
  conversations: Type.Integer({ description: 'Conversations with at least one unread message' }),
});
export type UnreadConversations = Static<typeof UnreadConversations>;
