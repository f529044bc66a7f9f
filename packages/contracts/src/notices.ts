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
});
export type TenantNotice = Static<typeof TenantNotice>;

export const UnreadNotices = Type.Object({
  unread: Type.Integer(),
  urgentUnread: Type.Integer(),
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
});
export type StaffNotice = Static<typeof StaffNotice>;
