// The neighbours' feed: posts addressed to a building, a residence or a district, replies, event seats and drafts.
import { Type, type Static } from 'typebox';

export const postKinds = ['HELP_REQUEST', 'HELP_OFFER', 'SERVICE_EXCHANGE', 'LEND_GIVE', 'LOST_FOUND', 'EVENT', 'DISCUSSION'] as const;
export const PostKind = Type.Enum(postKinds);
export type PostKind = (typeof postKinds)[number];

export const feedAudiences = ['BUILDING', 'RESIDENCE', 'DISTRICT'] as const;
export const FeedAudience = Type.Enum(feedAudiences, {
  description: 'Who sees the post: my building, my residence (default) or my district',
});
export type FeedAudience = (typeof feedAudiences)[number];

/** A neighbour as others see them: a first name and a building, never a surname, a flat or a phone number. */
export const Neighbour = Type.Object({ firstName: Type.String(), building: Type.String() });
export type Neighbour = Static<typeof Neighbour>;

export const PostEvent = Type.Object({
  startsAt: Type.String({ format: 'date-time' }),
  place: Type.String(),
  capacity: Type.Union([Type.Integer(), Type.Null()], { description: 'null: no limit' }),
  taken: Type.Integer(),
  signedUp: Type.Boolean({ description: 'Whether the reading tenant has a seat' }),
});
export type PostEvent = Static<typeof PostEvent>;

/** At most this many photos on a post; the phone is refused the next one (409 too_many_post_photos). */
export const MAX_POST_PHOTOS = 4;

/**
 * A photo on a post (or on the draft being written), re-encoded without metadata. Both links are signed and valid about
 * two hours: a TV loads them as image sources; only tenants who may read the post are given them.
 */
export const PostPhoto = Type.Object({
  id: Type.String(),
  /** At most 1600 px on its longer side, for full screen. */
  url: Type.String(),
  /** At most 360 px on its longer side, for lists and rows. */
  thumbUrl: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
});
export type PostPhoto = Static<typeof PostPhoto>;

export const FeedPost = Type.Object({
  id: Type.String(),
  kind: PostKind,
  audience: FeedAudience,
  title: Type.String(),
  body: Type.String(),
  author: Neighbour,
  mine: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  replyCount: Type.Integer(),
  /** true when the author left Palier: title, body and name are empty; the replies others wrote stay (wip/neighbours). */
  removed: Type.Optional(Type.Boolean()),
  event: Type.Union([PostEvent, Type.Null()]),
  /** In the order the author added them; empty for a post without photos (and for a removed one). */
  photos: Type.Array(PostPhoto, { maxItems: MAX_POST_PHOTOS }),
});
export type FeedPost = Static<typeof FeedPost>;

export const FeedQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'Opaque cursor from the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  kind: Type.Optional(PostKind),
});
export type FeedQuery = Static<typeof FeedQuery>;

export const NewPostEvent = Type.Object({
  startsAt: Type.String({ format: 'date-time' }),
  place: Type.String({ minLength: 2, maxLength: 200 }),
  capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});

export const CreatePostRequest = Type.Object(
  {
    kind: PostKind,
    audience: Type.Optional(FeedAudience),
    title: Type.String({ minLength: 3, maxLength: 120 }),
    body: Type.String({ minLength: 1, maxLength: 2000 }),
    event: Type.Optional(NewPostEvent),
  },
  { additionalProperties: false },
);
export type CreatePostRequest = Static<typeof CreatePostRequest>;

/** The author moves their event: a new start (in the future) and, if given, a new place. Seats are kept. */
export const MoveEventRequest = Type.Object(
  {
    startsAt: Type.String({ format: 'date-time' }),
    place: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type MoveEventRequest = Static<typeof MoveEventRequest>;

export const PostReply = Type.Object({
  id: Type.String(),
  postId: Type.String(),
  body: Type.String(),
  author: Neighbour,
  mine: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type PostReply = Static<typeof PostReply>;

export const CreateReplyRequest = Type.Object({ body: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });
export type CreateReplyRequest = Static<typeof CreateReplyRequest>;

export const EventSeat = Type.Object({
  postId: Type.String(),
  signedUp: Type.Boolean(),
  taken: Type.Integer(),
  capacity: Type.Union([Type.Integer(), Type.Null()]),
});
export type EventSeat = Static<typeof EventSeat>;

/** What the tenant is writing; every field optional, as the TV saves it step by step. */
export const PostDraftContent = Type.Object(
  {
    kind: Type.Optional(PostKind),
    audience: Type.Optional(FeedAudience),
    title: Type.Optional(Type.String({ maxLength: 120 })),
    body: Type.Optional(Type.String({ maxLength: 2000 })),
    event: Type.Optional(
      Type.Object({
        startsAt: Type.Optional(Type.String({ maxLength: 40 })),
        place: Type.Optional(Type.String({ maxLength: 200 })),
        capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
      }),
    ),
  },
  { additionalProperties: false },
);
export type PostDraftContent = Static<typeof PostDraftContent>;

export const PostDraft = Type.Object({
  /** What a post_photos phone hand-off names as its subject; null: no draft. */
  id: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  content: Type.Union([PostDraftContent, Type.Null()], { description: 'null: no draft' }),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Photos the phone sent for this draft, in order; they become the post's photos when it is published. */
  photos: Type.Array(PostPhoto, { maxItems: MAX_POST_PHOTOS }),
});
export type PostDraft = Static<typeof PostDraft>;
