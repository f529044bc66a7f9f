// The e-service request's status machine, every action from every status, for clerks and tenants.
import { eserviceRequestStatuses, type EServiceRequestStatus } from '@palier/contracts';
import {
  ESERVICE_RULES,
  availableEServiceActions,
  decideEServiceTransition,
  type EServiceAction,
} from '../src/modules/eservices/state-machine';

const legal: Record<EServiceAction, [EServiceRequestStatus, EServiceRequestStatus][]> = {
  take: [['SUBMITTED', 'IN_REVIEW']],
  ask_information: [['IN_REVIEW', 'INFO_REQUESTED']],
  provide_information: [['INFO_REQUESTED', 'IN_REVIEW']],
  accept: [['IN_REVIEW', 'ACCEPTED']],
  reject: [['IN_REVIEW', 'REJECTED']],
};

describe('e-service request status machine', () => {
  for (const action of Object.keys(ESERVICE_RULES) as EServiceAction[]) {
    for (const status of eserviceRequestStatuses) {
      const to = legal[action].find(([from]) => from === status)?.[1];
      const actor = action === 'provide_information' ? 'TENANT' : 'STAFF';
      it(`${action} from ${status} is ${to ? `allowed, to ${to}` : 'refused'}`, () => {
        expect(decideEServiceTransition(status, action, actor)).toEqual(
          to ? { allowed: true, to } : { allowed: false, reason: 'wrong_status' },
        );
        // Nobody does the other side's part.
        expect(decideEServiceTransition(status, action, actor === 'TENANT' ? 'STAFF' : 'TENANT')).toEqual({
          allowed: false,
          reason: 'wrong_actor',
        });
      });
    }
  }

  it('leaves nothing to do once decided', () => {
    expect(availableEServiceActions('ACCEPTED', 'STAFF')).toEqual([]);
    expect(availableEServiceActions('REJECTED', 'TENANT')).toEqual([]);
    expect(availableEServiceActions('IN_REVIEW', 'STAFF')).toEqual(['ask_information', 'accept', 'reject']);
  });
});
