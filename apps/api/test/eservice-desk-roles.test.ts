// Who gets the e-services desk (the console's "Démarches"): a town hall's or the city's clerks and admins; a landlord's
// staff never, whatever their role. The console's navigation (apps/console/src/navigation.ts) shows the tab to the same.
import { startTestApi, type TestApi } from '../../../test/support/test-api';
import { signInStaff } from '../../../test/support/journeys';
import { hashPassword } from '../src/modules/accounts/secrets';
import { DEMO_STAFF, DEMO_STAFF_PASSWORD } from '../../../prisma/demo-residence';

describe('the e-services desk by role and organisation', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    const townHall = await api.app.db.organisation.findUniqueOrThrow({ where: { slug: 'mairie-13-14' } });
    await api.app.db.staffMember.create({
      data: {
        organisationId: townHall.id,
        email: 'direction@mairie-13-14.demo',
        fullName: 'Claire Direction',
        passwordHash: await hashPassword(DEMO_STAFF_PASSWORD),
        roles: ['ADMIN'],
      },
    });
  });
  afterAll(async () => api?.close());

  const desk = async (email: string) => {
    const { cookie } = await signInStaff(api.app, email);
    const forms = await api.app.inject({ url: '/api/v1/staff/eservices/forms', headers: { cookie } });
    const requests = await api.app.inject({ url: '/api/v1/staff/eservices/requests', headers: { cookie } });
    return [forms.statusCode, requests.statusCode];
  };

  it('lets a town hall’s admin in, as its clerk', async () => {
    expect(await desk('direction@mairie-13-14.demo')).toEqual([200, 200]);
    expect(await desk(DEMO_STAFF.townHallClerk)).toEqual([200, 200]);
  });

  it('keeps a landlord’s admin out', async () => {
    expect(await desk(DEMO_STAFF.landlordAdmin)).toEqual([403, 403]);
  });
});
