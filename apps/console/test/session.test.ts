// The console's profile follows a tenant naming the staff member helper: "Personnes que j'aide" joins the menu without a
// reload, and only the events that can change it cost a read.
import type { EventMessage, Problem } from '@palier/contracts';
import type { StaffProfile } from '../src/api/shapes';
import { pagesFor } from '../src/navigation';
import { followProfile } from '../src/session';

// Shaped like the contracts' ApiProblem, which loads typebox (ESM only) at run time.
class ApiProblem extends Error {
  override name = 'ApiProblem';
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

const caretaker = (helpsTenants: boolean): StaffProfile => ({
  id: 's-1',
  fullName: 'Karim Gardien',
  email: 'gardien.lauriers@hmp.demo',
  roles: ['CARETAKER'],
  organisation: { id: 'o-1', name: 'Habitat Marseille Provence', kind: 'LANDLORD' },
  helpsTenants,
});

const mandateChanged = (change: 'granted' | 'scopes' | 'withdrawn'): EventMessage => ({
  type: 'event',
  id: 'e-' + change,
  name: 'mandate.changed',
  data: { mandateId: 'm-1', change, scopes: ['eservices'], active: change !== 'withdrawn', at: '2026-11-26T22:00:00.000Z' },
});

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A follower whose console shows `shown` (the last profile handed over, after that), reading profiles with `read`. */
function follow(read: () => Promise<StaffProfile>, shown: StaffProfile = caretaker(false)) {
  const profiles: StaffProfile[] = [];
  let lost = 0;
  const reads = jest.fn(read);
  const follower = followProfile(
    reads,
    () => profiles[profiles.length - 1] ?? shown,
    (staff) => profiles.push(staff),
    () => {
      lost += 1;
    },
  );
  return { follower, reads, profiles, lost: () => lost };
}

describe('the console’s profile while a tenant names the member helper', () => {
  it('reads the profile again when a tenant names them helper, and the menu then offers the people they help', async () => {
    const { follower, reads, profiles } = follow(() => Promise.resolve(caretaker(true)));
    expect(pagesFor(['CARETAKER'], 'LANDLORD', caretaker(false))).not.toContain('helping');

    follower.onEvent(mandateChanged('granted'));
    await settle();

    expect(reads).toHaveBeenCalledTimes(1);
    expect(profiles).toHaveLength(1);
    const staff = profiles[0]!;
    expect(pagesFor(staff.roles, staff.organisation.kind, staff)).toEqual(['notices', 'reports', 'agenda', 'helping']);
  });

  it('reads nothing for the events that cannot give a page: a narrowed or withdrawn right, anything else', async () => {
    const { follower, reads } = follow(() => Promise.resolve(caretaker(true)));

    follower.onEvent(mandateChanged('scopes'));
    follower.onEvent(mandateChanged('withdrawn'));
    follower.onEvent({ type: 'event', id: 'e-2', name: 'notice.read', data: { noticeId: 'n-1', readHomeCount: 3 } });
    await settle();

    expect(reads).not.toHaveBeenCalled();
  });

  it('reads it again each time the socket is (back) up, since a grant may have come while it was not', async () => {
    const { follower, reads, profiles } = follow(() => Promise.resolve(caretaker(true)));

    follower.onLive();
    await settle();
    expect(reads).toHaveBeenCalledTimes(1);
    expect(profiles.map((staff) => staff.helpsTenants)).toEqual([true]);

    // Read again after a cut: the same profile is not handed over again (the pages are not drawn again for nothing).
    follower.onLive();
    await settle();
    expect(reads).toHaveBeenCalledTimes(2);
    expect(profiles).toHaveLength(1);
  });

  it('hands over nothing when the profile read is the one shown', async () => {
    const { follower, reads, profiles } = follow(() => Promise.resolve(caretaker(false)));

    follower.onLive();
    await settle();

    expect(reads).toHaveBeenCalledTimes(1);
    expect(profiles).toEqual([]);
  });

  it('sends the member to the sign-in page when the session is gone, and keeps the menu on any other failure', async () => {
    const expired = follow(() =>
      Promise.reject(new ApiProblem({ type: 'about:blank', title: 'x', status: 401, code: 'unauthenticated' } as Problem)),
    );
    expired.follower.onEvent(mandateChanged('granted'));
    await settle();
    expect(expired.lost()).toBe(1);
    expect(expired.profiles).toEqual([]);

    const offline = follow(() => Promise.reject(Object.assign(new Error('offline'), { name: 'NetworkFailure' })));
    offline.follower.onEvent(mandateChanged('granted'));
    await settle();
    expect(offline.lost()).toBe(0);
    expect(offline.profiles).toEqual([]);
  });
});
