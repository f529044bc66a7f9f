// Moderation of the neighbours' network: tenants' reports, the moderators' queue and decisions, forbidden words.
import { Type, type Static } from 'typebox';
import { Neighbour, PostPhoto } from './feed';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

export const moderationTargetKinds = ['POST', 'REPLY', 'USER', 'MESSAGE'] as const;
export const ModerationTargetKind = Type.Enum(moderationTargetKinds, {
  description: 'What is reported: a post, a reply, a neighbour (by tenant id) or a private message',
});
export type ModerationTargetKind = (typeof moderationTargetKinds)[number];

/** In the order the TV lists them. */
export const contentReportReasons = ['ABUSE', 'DISCRIMINATION', 'SPAM', 'PERSONAL_INFORMATION', 'DANGEROUS', 'OTHER'] as const;
export const ContentReportReason = Type.Enum(contentReportReasons, {
  description:
    'ABUSE: insult or harassment; DISCRIMINATION; SPAM: spam or advertising; PERSONAL_INFORMATION: someone’s personal details; DANGEROUS: dangerous content; OTHER',
});
export type ContentReportReason = (typeof contentReportReasons)[number];

// --- tenants report ---

export const ContentReportRequest = Type.Object(
  {
    target: Type.Object({ kind: ModerationTargetKind, id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
    reason: ContentReportReason,
    comment: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type ContentReportRequest = Static<typeof ContentReportRequest>;

/** What the reporter gets back; the same report again answers 200 with the first one. */
export const ContentReportReceipt = Type.Object({
  id: Type.String(),
  target: Type.Object({ kind: ModerationTargetKind, id: Type.String() }),
  reason: ContentReportReason,
  createdAt: DateTime,
  /** True when this neighbour had already reported it (this answer is their first report). */
  repeated: Type.Boolean(),
});
export type ContentReportReceipt = Static<typeof ContentReportReceipt>;

// --- moderators ---

export const moderationCaseStatuses = ['OPEN', 'KEPT', 'HIDDEN', 'DELETED'] as const;
export const ModerationCaseStatus = Type.Enum(moderationCaseStatuses);
export type ModerationCaseStatus = (typeof moderationCaseStatuses)[number];

export const moderationDecisions = ['KEEP', 'HIDE', 'DELETE', 'WARN', 'SUSPEND'] as const;
export const ModerationDecision = Type.Enum(moderationDecisions, {
  description:
    'KEEP: restore the content and dismiss its reports; HIDE; DELETE; WARN the author; SUSPEND the author from posting, replying and messaging until `suspendedUntil`',
});
export type ModerationDecision = (typeof moderationDecisions)[number];

export const moderationActionKinds = ['AUTO_HIDE', ...moderationDecisions, 'READ_CONVERSATION'] as const;
export const ModerationActionKind = Type.Enum(moderationActionKinds);
export type ModerationActionKind = (typeof moderationActionKinds)[number];

/** The reported content as it was at the first report (a deleted post keeps this copy for the log). */
export const ModeratedContent = Type.Object({
  title: Nullable(Type.String()),
  body: Type.String(),
  createdAt: Nullable(DateTime),
});

export const ModerationCaseSummary = Type.Object({
  id: Type.String(),
  target: Type.Object({ kind: ModerationTargetKind, id: Type.String() }),
  status: ModerationCaseStatus,
  /** Hidden from neighbours right now (by the threshold or a moderator). */
  hidden: Type.Boolean(),
  reporterCount: Type.Integer(),
  reasons: Type.Array(ContentReportReason, { description: 'Distinct reasons of the standing reports' }),
  author: Neighbour,
  residence: Type.Object({ id: Type.String(), name: Type.String() }),
  excerpt: Type.String(),
  openedAt: DateTime,
});
export type ModerationCaseSummary = Static<typeof ModerationCaseSummary>;

export const ModerationCaseQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  status: Type.Optional(ModerationCaseStatus),
  residenceId: Type.Optional(Type.String({ format: 'uuid' })),
});
export type ModerationCaseQuery = Static<typeof ModerationCaseQuery>;

export const ModerationLogEntry = Type.Object({
  id: Type.String(),
  caseId: Nullable(Type.String()),
  kind: ModerationActionKind,
  /** null: the automatic threshold. */
  staffName: Nullable(Type.String()),
  reason: Type.String(),
  suspendedUntil: Nullable(DateTime),
  author: Neighbour,
  at: DateTime,
});
export type ModerationLogEntry = Static<typeof ModerationLogEntry>;

export const ModerationCaseDetail = Type.Object({
  ...ModerationCaseSummary.properties,
  content: ModeratedContent,
  /** For a reply: the post it answers; for a private message: the post its conversation is about (null if gone). */
  inReplyTo: Nullable(Type.Object({ id: Type.String(), title: Type.String(), body: Type.String(), author: Neighbour })),
  /** A post's photos as they are now (also while hidden; none once deleted), through links for moderators only. */
  photos: Type.Array(PostPhoto),
  reports: Type.Array(
    Type.Object({ reason: ContentReportReason, comment: Nullable(Type.String()), at: DateTime, dismissed: Type.Boolean() }),
  ),
  /** This case's decisions, oldest first. */
  actions: Type.Array(ModerationLogEntry),
  /** Every decision ever taken about this author, newest first (the last 50). */
  authorHistory: Type.Array(ModerationLogEntry),
  /** Until when the author may not post, if suspended now. */
  authorSuspendedUntil: Nullable(DateTime),
});
export type ModerationCaseDetail = Static<typeof ModerationCaseDetail>;

export const ModerationActionRequest = Type.Object(
  {
    decision: ModerationDecision,
    /** Logged, and told to the author (except for KEEP). */
    reason: Type.String({ minLength: 3, maxLength: 1000 }),
    /** Required for SUSPEND, in the future. */
    suspendedUntil: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);
export type ModerationActionRequest = Static<typeof ModerationActionRequest>;

// --- forbidden words ---

export const ForbiddenWord = Type.Object({
  id: Type.String(),
  word: Type.String(),
  organisation: Type.Object({ id: Type.String(), name: Type.String() }),
  createdAt: DateTime,
});
export type ForbiddenWord = Static<typeof ForbiddenWord>;

export const AddForbiddenWordRequest = Type.Object(
  { word: Type.String({ minLength: 2, maxLength: 60, pattern: '\\S' }) },
  { additionalProperties: false },
);
export type AddForbiddenWordRequest = Static<typeof AddForbiddenWordRequest>;

// --- reading a reported private conversation ---

/** Staff read a private conversation only when one of its two neighbours reported a message in it; each read is logged. */
export const ConversationReadRequest = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type ConversationReadRequest = Static<typeof ConversationReadRequest>;

export const ModeratedConversationMessage = Type.Object({
  id: Type.String(),
  author: Neighbour,
  body: Type.String(),
  createdAt: DateTime,
  /** The message this case is about. */
  reported: Type.Boolean(),
});
export type ModeratedConversationMessage = Static<typeof ModeratedConversationMessage>;

export const ModeratedConversationPage = Type.Object({
  conversationId: Type.String(),
  /** Newest first, like the tenants read it; nextCursor goes further back. */
  items: Type.Array(ModeratedConversationMessage),
  nextCursor: Nullable(Type.String()),
});
export type ModeratedConversationPage = Static<typeof ModeratedConversationPage>;
