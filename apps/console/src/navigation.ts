// The console's pages, reached by the address's hash (#notices, #calls) so a reload or a bookmark lands on the same task.
import type { OrganisationKind } from '@palier/contracts';
import type { StaffRole } from './api/shapes';

// appointments: 'agenda'
export type PageId = 'notices' | 'calls' | 'reports' | 'eservices' | 'agenda' | 'moderation';

export const PAGE_ROLES: Record<PageId, readonly StaffRole[]> = {
  notices: ['CARETAKER', 'ADMIN', 'CLERK'],
  calls: ['AGENT', 'ADMIN'],
  reports: ['CARETAKER', 'AGENT', 'ADMIN'],
  // town-hall e-services
  eservices: ['CLERK'],
  // appointments
  agenda: ['AGENT', 'CARETAKER', 'CLERK', 'ADMIN'],
  // moderation
  moderation: ['MODERATOR', 'ADMIN'],
  // town-hall e-services: the API lets clerks and admins in (CLERK_ROLES), town halls' and cities' only
  eservices: ['CLERK', 'ADMIN'],
};

const order: PageId[] = ['calls', 'notices', 'reports', 'eservices', 'agenda', 'moderation', 'TOWN_HALL', 'CITY'];

/** The pages this staff member has a use for; a role with none still gets the notices page, which says so. */
export function pagesFor(roles: readonly StaffRole[], organisation?: OrganisationKind): PageId[] {
  const pages = order.filter((page) => opens(page, roles, organisation));
  return pages.length > 0 ? pages : ['notices'];
}

/** The page the hash asks for when this person may use it, else their first page. */
export function pageFromHash(hash: string, roles: readonly StaffRole[], organisation?: OrganisationKind): PageId {
  const pages = pagesFor(roles, organisation);
  const asked = hash.replace(/^#/, '') as PageId;
  return pages.includes(asked) ? asked : pages[0]!;
}
