// The report status machine, every status × action × actor: what is allowed leads where the timeline says.
import { reportActions, reportStatuses, type ReportAction, type ReportStatus } from '@palier/contracts';
import { availableActions, decideTransition, type ReportActor } from '../src/modules/reports/state-machine';

const NOW = new Date('2026-11-26T12:00:00Z');
const DAY = 86_400_000;

/** Written out by hand from the product rules, independently of the machine's own table. */
const LEGAL: Record<ReportStatus, Partial<Record<ReportAction, [ReportActor, ReportStatus]>>> = {
  RECEIVED: { acknowledge: ['STAFF', 'ACKNOWLEDGED'], offer_slots: ['STAFF', 'APPOINTMENT_OFFERED'], cancel: ['TENANT', 'CANCELLED'] },
  ACKNOWLEDGED: {
    offer_slots: ['STAFF', 'APPOINTMENT_OFFERED'],
    start: ['STAFF', 'IN_PROGRESS'],
    resolve: ['STAFF', 'RESOLVED'],
    cancel: ['TENANT', 'CANCELLED'],
  },
  APPOINTMENT_OFFERED: {
    offer_slots: ['STAFF', 'APPOINTMENT_OFFERED'],
    accept_slot: ['TENANT', 'APPOINTMENT_BOOKED'],
    start: ['STAFF', 'IN_PROGRESS'],
    resolve: ['STAFF', 'RESOLVED'],
    cancel: ['TENANT', 'CANCELLED'],
  },
  APPOINTMENT_BOOKED: {
    offer_slots: ['STAFF', 'APPOINTMENT_OFFERED'],
    start: ['STAFF', 'IN_PROGRESS'],
    resolve: ['STAFF', 'RESOLVED'],
    cancel: ['TENANT', 'CANCELLED'],
  },
  IN_PROGRESS: { offer_slots: ['STAFF', 'APPOINTMENT_OFFERED'], resolve: ['STAFF', 'RESOLVED'] },
  RESOLVED: { close: ['STAFF', 'CLOSED'], reopen: ['TENANT', 'RECEIVED'] },
  CLOSED: {},
  CANCELLED: {},
};

describe('report status machine', () => {
  const resolvedAt = new Date(NOW.getTime() - DAY);
  const cases = reportStatuses.flatMap((status) =>
    reportActions.flatMap((action) => (['TENANT', 'STAFF'] as const).map((actor) => [status, action, actor] as const)),
  );

  it.each(cases)('%s --%s by %s-->', (status, action, actor) => {
    const decision = decideTransition({ status, resolvedAt }, action, actor, NOW);
    const legal = LEGAL[status][action];
    if (legal && legal[0] === actor) expect(decision).toEqual({ allowed: true, to: legal[1] });
    else expect(decision.allowed).toBe(false);
  });

  it('covers every status, action and actor', () => {
    expect(cases).toHaveLength(reportStatuses.length * reportActions.length * 2);
  });

  it('lets a tenant reopen up to 15 days after resolution, and not a moment later', () => {
    const at = (days: number) => new Date(NOW.getTime() - days * DAY);
    expect(decideTransition({ status: 'RESOLVED', resolvedAt: at(15) }, 'reopen', 'TENANT', NOW)).toEqual({
      allowed: true,
      to: 'RECEIVED',
    });
    expect(decideTransition({ status: 'RESOLVED', resolvedAt: new Date(at(15).getTime() - 1) }, 'reopen', 'TENANT', NOW)).toEqual({
      allowed: false,
      reason: 'reopen_window_closed',
    });
    expect(decideTransition({ status: 'RESOLVED', resolvedAt: null }, 'reopen', 'TENANT', NOW).allowed).toBe(false);
  });

  it('tells a screen what each side may do now', () => {
    expect(availableActions({ status: 'APPOINTMENT_OFFERED', resolvedAt: null }, 'TENANT', NOW).sort()).toEqual(['accept_slot', 'cancel']);
    expect(availableActions({ status: 'RECEIVED', resolvedAt: null }, 'STAFF', NOW).sort()).toEqual(['acknowledge', 'offer_slots']);
    expect(availableActions({ status: 'CLOSED', resolvedAt: resolvedAt }, 'STAFF', NOW)).toEqual([]);
  });
});
