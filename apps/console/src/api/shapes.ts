// The contracts' shapes as the console uses them. In @palier/contracts, `Static<>` of a `Type.Union(list.map(...))`
// collapses to `never` (the mapped array is not a tuple), so category, kind and role fields type as `never`. Until the
// contracts declare those unions as tuples, these aliases put back the literal unions the same package exports.
// Once fixed there, every alias below is identical to the contracts' own type and this file can go.
import type * as Contracts from '@palier/contracts';
import type { AudienceKind, NoticeCategory, OrganisationKind, StaffRole } from '@palier/contracts';

export type { AudienceKind, NoticeCategory, StaffRole };

export type Place = Omit<Contracts.Place, 'kind'> & { kind: AudienceKind };

export type StaffNotice = Omit<Contracts.StaffNotice, 'category' | 'audience'> & {
  category: NoticeCategory;
  audience: { kind: AudienceKind; id: string; name: string };
};

export type PublishNoticeRequest = Omit<Contracts.PublishNoticeRequest, 'category' | 'audience'> & {
  category: NoticeCategory;
  audience: { kind: AudienceKind; id: string };
};

export type StaffProfile = Omit<Contracts.StaffProfile, 'roles' | 'organisation'> & {
  roles: StaffRole[];
  organisation: { id: string; name: string; kind: OrganisationKind };
};
