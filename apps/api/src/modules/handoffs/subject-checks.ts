// What each hand-off purpose is about, and how to check it belongs to the tenant who asks.
import type { PrismaClient } from '@prisma/client';
import { openReportStatuses, type HandoffPurpose } from '@palier/contracts';
import { DomainError } from '../../domain-error';
import type { SubjectCheck } from './service';

export function handoffSubjectChecks(db: PrismaClient): Record<HandoffPurpose, SubjectCheck> {
  return {
    // The phone joins a call as the tenant's camera: the call must be theirs and still live.
    call_camera: async (place, callId) => {
      if (!callId)
        throw new DomainError('validation_failed', undefined, { errors: [{ field: 'body.subjectId', message: 'the call is required' }] });
      const call = await db.call.findFirst({
        where: { id: callId, OR: [{ callerTenantId: place.tenantId }, { calleeTenantId: place.tenantId }] },
        select: { state: true },
      });
      if (!call) throw new DomainError('not_found');
      if (!['REQUESTED', 'QUEUED', 'RINGING', 'ANSWERED'].includes(call.state)) throw new DomainError('call_not_joinable');
    },
    // Photos for the report being written (no subject), or more photos for one of the tenant's open reports.
    report_photos: async (place, reportId) => {
      if (!reportId) return;
      const report = await db.report.findFirst({ where: { id: reportId, tenantId: place.tenantId }, select: { status: true } });
      if (!report) throw new DomainError('not_found');
      if (!openReportStatuses.includes(report.status)) throw new DomainError('report_transition_refused');
    },
    // A long text typed on the phone, for whatever the TV is writing: it is about nothing stored yet.
    text: async (_place, subjectId) => {
      if (subjectId)
        throw new DomainError('validation_failed', undefined, { errors: [{ field: 'body.subjectId', message: 'not used for a text' }] });
    },
    // The tenant's data export (wip/neighbours): about the tenant themself, no subject.
    data_export: async () => {},
    // Photos for the neighbourhood post being written: its draft, which must be the tenant's and still there.
    post_photos: async (place, draftId) => {
      if (!draftId)
        throw new DomainError('validation_failed', undefined, {
          errors: [{ field: 'body.subjectId', message: 'the post draft is required' }],
        });
      const draft = await db.postDraft.findFirst({ where: { id: draftId, tenantId: place.tenantId }, select: { id: true } });
      if (!draft) throw new DomainError('not_found');
    },
  };
}
