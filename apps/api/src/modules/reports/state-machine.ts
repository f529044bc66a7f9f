// The report's status machine: which action, by whom, from which status, leads where. Pure, so it is tested exhaustively.
import { REOPEN_WINDOW_DAYS, type ReportAction, type ReportStatus } from '@palier/contracts';

export type ReportActor = 'TENANT' | 'STAFF';

interface Rule {
  by: ReportActor;
  from: readonly ReportStatus[];
  to: ReportStatus;
}

const BEFORE_WORK = ['RECEIVED', 'ACKNOWLEDGED', 'APPOINTMENT_OFFERED', 'APPOINTMENT_BOOKED'] as const;

export const REPORT_RULES: Record<ReportAction, Rule> = {
  acknowledge: { by: 'STAFF', from: ['RECEIVED'], to: 'ACKNOWLEDGED' },
  // Offering again replaces the previous offer (the tenant could not make it, the technician's plans changed).
  offer_slots: { by: 'STAFF', from: [...BEFORE_WORK, 'IN_PROGRESS'], to: 'APPOINTMENT_OFFERED' },
  accept_slot: { by: 'TENANT', from: ['APPOINTMENT_OFFERED'], to: 'APPOINTMENT_BOOKED' },
  start: { by: 'STAFF', from: ['ACKNOWLEDGED', 'APPOINTMENT_OFFERED', 'APPOINTMENT_BOOKED'], to: 'IN_PROGRESS' },
  // A report cannot be resolved before anyone acknowledged it: tenants complain most of silence.
  resolve: { by: 'STAFF', from: ['ACKNOWLEDGED', 'APPOINTMENT_OFFERED', 'APPOINTMENT_BOOKED', 'IN_PROGRESS'], to: 'RESOLVED' },
  close: { by: 'STAFF', from: ['RESOLVED'], to: 'CLOSED' },
  // Once work has started, stopping it is a conversation with the landlord, not a button.
  cancel: { by: 'TENANT', from: BEFORE_WORK, to: 'CANCELLED' },
  // Reopened reports go back to the queue as new, to be acknowledged again.
  reopen: { by: 'TENANT', from: ['RESOLVED'], to: 'RECEIVED' },
};

export type TransitionDecision =
  { allowed: true; to: ReportStatus } | { allowed: false; reason: 'wrong_actor' | 'wrong_status' | 'reopen_window_closed' };

export function reopenDeadline(resolvedAt: Date): Date {
  return new Date(resolvedAt.getTime() + REOPEN_WINDOW_DAYS * 86_400_000);
}

/** Decides whether `actor` may apply `action` to a report in `status` (resolved at `resolvedAt`) at time `now`. */
export function decideTransition(
  report: { status: ReportStatus; resolvedAt: Date | null },
  action: ReportAction,
  actor: ReportActor,
  now: Date,
): TransitionDecision {
  const rule = REPORT_RULES[action];
  if (rule.by !== actor) return { allowed: false, reason: 'wrong_actor' };
  if (!rule.from.includes(report.status)) return { allowed: false, reason: 'wrong_status' };
  if (action === 'reopen' && (!report.resolvedAt || now > reopenDeadline(report.resolvedAt)))
    return { allowed: false, reason: 'reopen_window_closed' };
  return { allowed: true, to: rule.to };
}

/** The actions `actor` may take now, for the buttons a screen shows. */
export function availableActions(report: { status: ReportStatus; resolvedAt: Date | null }, actor: ReportActor, now: Date): ReportAction[] {
  return (Object.keys(REPORT_RULES) as ReportAction[]).filter((action) => decideTransition(report, action, actor, now).allowed);
}
