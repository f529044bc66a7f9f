// Notices: what landlords, caretakers, town halls and the city publish, and who has read them.
import { Type, type Static } from 'typebox';
import { Audience, AudienceKind, audienceKinds } from './places';

export const noticeCategories = ['WORKS', 'OUTAGE', 'SAFETY', 'EVENT', 'INFORMATION'] as const;
export const NoticeCategory = Type.Enum(noticeCategories);
export type NoticeCategory = (typeof noticeCategories)[number];

/** Where a notice the tenant reads was addressed: a place, or the tenant alone (a personal notice). */
export const noticeAudienceKinds = [...audienceKinds, 'TENANT'] as const;
export const NoticeAudienceKind = Type.Enum(noticeAudienceKinds);
export type NoticeAudienceKind = (typeof noticeAudienceKinds)[number];

/** Notices are written in French; staff may add English and Arabic. A TV shows its tenant's language, else French. */
export const noticeLanguages = ['fr', 'en', 'ar'] as const;
export const NoticeLanguage = Type.Enum(noticeLanguages);
export type NoticeLanguage = (typeof noticeLanguages)[number];

export const NoticeText = Type.Object({
  title: Type.String({ minLength: 3, maxLength: 120 }),
  body: Type.String({ minLength: 3, maxLength: 4000 }),
});
export type NoticeText = Static<typeof NoticeText>;

export const NoticeTranslations = Type.Object({ en: Type.Optional(NoticeText), ar: Type.Optional(NoticeText) });
export type NoticeTranslations = Static<typeof NoticeTranslations>;

/** A picture sized for a 1080p TV on a 2 Mbit/s line (a few hundred KB at most). */
export const NoticePicture = Type.Object({
  id: Type.String(),
  url: Type.String({ description: 'Relative to the API; unguessable, cacheable' }),
  width: Type.Integer(),
  height: Type.Integer(),
  bytes: Type.Integer(),
});
export type NoticePicture = Static<typeof NoticePicture>;

export const TenantNotice = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  category: NoticeCategory,
  urgent: Type.Boolean(),
  publisher: Type.String({ description: 'The organisation that published it' }),
  audienceKind: NoticeAudienceKind,
  publishedAt: Type.String({ format: 'date-time' }),
  validUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  language: Type.Optional(NoticeLanguage),
  picture: Type.Optional(Type.Union([NoticePicture, Type.Null()])),
});
export type TenantNotice = Static<typeof TenantNotice>;

export const UnreadNotices = Type.Object({
  unread: Type.Integer(),
  urgentUnread: Type.Integer(),
  /** The newest urgent notice the tenant has not read, in their language: the home keeps it on screen until read. */
  latestUrgent: Type.Optional(Type.Union([Type.Object({ id: Type.String(), title: Type.String() }), Type.Null()])),
});
export type UnreadNotices = Static<typeof UnreadNotices>;

export const NoticeReadReceipt = Type.Object({
  noticeId: Type.String(),
  readAt: Type.String({ format: 'date-time' }),
});
export type NoticeReadReceipt = Static<typeof NoticeReadReceipt>;

export const PublishNoticeRequest = Type.Object({
  title: Type.String({ minLength: 3, maxLength: 120 }),
  body: Type.String({ minLength: 3, maxLength: 4000 }),
  category: NoticeCategory,
  urgent: Type.Boolean({ default: false }),
  audience: Audience,
  validFrom: Type.Optional(Type.String({ format: 'date-time' })),
  validUntil: Type.Optional(Type.String({ format: 'date-time' })),
  translations: Type.Optional(NoticeTranslations),
  pictureId: Type.Optional(Type.String({ format: 'uuid', description: 'From POST /api/v1/staff/notice-pictures' })),
});
export type PublishNoticeRequest = Static<typeof PublishNoticeRequest>;

export const StaffNotice = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  category: NoticeCategory,
  urgent: Type.Boolean(),
  audience: Type.Object({ kind: AudienceKind, id: Type.String(), name: Type.String() }),
  author: Type.String(),
  publishedAt: Type.String({ format: 'date-time' }),
  validFrom: Type.String({ format: 'date-time' }),
  validUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  readHomeCount: Type.Integer(),
  targetHomeCount: Type.Integer(),
  translations: Type.Optional(NoticeTranslations),
  picture: Type.Optional(Type.Union([NoticePicture, Type.Null()])),
  lastReminder: Type.Optional(
    Type.Union([Type.Object({ sentAt: Type.String({ format: 'date-time' }), homeCount: Type.Integer() }), Type.Null()]),
  ),
});
export type StaffNotice = Static<typeof StaffNotice>;

/** How many homes of one building of the audience have read a notice. */
export const NoticeBuildingReads = Type.Object({
  buildingId: Type.String(),
  name: Type.String(),
  readHomeCount: Type.Integer(),
  targetHomeCount: Type.Integer(),
});
export type NoticeBuildingReads = Static<typeof NoticeBuildingReads>;

export const NoticeReminderSent = Type.Object({
  id: Type.String(),
  noticeId: Type.String(),
  homeCount: Type.Integer({ description: 'Homes of the audience that had not read the notice' }),
  sentAt: Type.String({ format: 'date-time' }),
  nextAllowedAt: Type.String({ format: 'date-time' }),
});
export type NoticeReminderSent = Static<typeof NoticeReminderSent>;
