// A request's status machine: which action, by whom, from which status, leads where. Pure, so it is tested exhaustively.
import type { EServiceRequestStatus, StaffEServiceAction } from '@palier/contracts';

export type EServiceAction = StaffEServiceAction | 'provide_information';
export type EServiceActor = 'TENANT' | 'STAFF';

interface Rule {
  by: EServiceActor;
  from: readonly EServiceRequestStatus[];
  to: EServiceRequestStatus;
}

export const ESERVICE_RULES: Record<EServiceAction, Rule> = {
  take: { by: 'STAFF', from: ['SUBMITTED'], to: 'IN_REVIEW' },
  ask_information: { by: 'STAFF', from: ['IN_REVIEW'], to: 'INFO_REQUESTED' },
  provide_information: { by: 'TENANT', from: ['INFO_REQUESTED'], to: 'IN_REVIEW' },
  // A decision is made on a request someone has taken and read, never straight from the pile.
  accept: { by: 'STAFF', from: ['IN_REVIEW'], to: 'ACCEPTED' },
  reject: { by: 'STAFF', from: ['IN_REVIEW'], to: 'REJECTED' },
};

export type EServiceDecision = { allowed: true; to: EServiceRequestStatus } | { allowed: false; reason: 'wrong_actor' | 'wrong_status' };

export function decideEServiceTransition(status: EServiceRequestStatus, action: EServiceAction, actor: EServiceActor): EServiceDecision {
  const rule = ESERVICE_RULES[action];
  if (rule.by !== actor) return { allowed: false, reason: 'wrong_actor' };
  if (!rule.from.includes(status)) return { allowed: false, reason: 'wrong_status' };
  return { allowed: true, to: rule.to };
}

export function availableEServiceActions(status: EServiceRequestStatus, actor: EServiceActor): EServiceAction[] {
  return (Object.keys(ESERVICE_RULES) as EServiceAction[]).filter((action) => decideEServiceTransition(status, action, actor).allowed);
}
