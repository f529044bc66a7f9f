// What the "Les personnes que j'aide" screen re-reads on a helper's realtime event, depending on what it shows.
import type { MandateRealtimeEvent } from '@palier/contracts';
import { helpingRefresh, sameSteps, type HelpingView } from '../src/helping/events';

const MANDATE = 'b1c5e0a2-0000-4000-8000-000000000001';
const OTHER = 'b1c5e0a2-0000-4000-8000-000000000002';
const REPORT = 'c2d6f1b3-0000-4000-8000-000000000001';
const REQUEST = 'd3e7a2c4-0000-4000-8000-000000000001';

const reportChanged = (mandateId = MANDATE, reportId = REPORT): MandateRealtimeEvent => ({
  name: 'mandate.report_updated',
  data: { mandateId, reportId, status: 'ACKNOWLEDGED', change: 'status' },
});
const requestChanged = (requestId = REQUEST): MandateRealtimeEvent => ({
  name: 'mandate.eservice_updated',
  data: { mandateId: MANDATE, requestId, status: 'INFO_REQUESTED', change: 'info_requested' },
});
const mandateChanged = (change: 'granted' | 'scopes' | 'withdrawn', mandateId = MANDATE): MandateRealtimeEvent => ({
  name: 'mandate.changed',
  data: { mandateId, change, scopes: ['reports'], active: change !== 'withdrawn', at: '2026-11-26T22:00:00.000Z' },
});
const view = (step: string, open: Partial<HelpingView> = {}): HelpingView => ({
  step,
  mandateId: step === 'list' ? null : MANDATE,
  reportId: null,
  requestId: null,
  ...open,
});

describe('what the helping screen re-reads', () => {
  it('re-reads the people when a mandate is given, and says so when one is withdrawn', () => {
    expect(helpingRefresh(mandateChanged('granted', OTHER), view('list'))).toBe('list');
    expect(helpingRefresh(mandateChanged('scopes', OTHER), view('list'))).toBe('list');
    expect(helpingRefresh(mandateChanged('withdrawn', OTHER), view('list'))).toBe('withdrawn');
    // The list shows people, not their reports.
    expect(helpingRefresh(reportChanged(), view('list', { mandateId: MANDATE }))).toBe('none');
  });

  it('re-reads the person’s list in place for their reports and requests, and ignores other people’s', () => {
    expect(helpingRefresh(reportChanged(), view('person'))).toBe('rows');
    expect(helpingRefresh(requestChanged(), view('person'))).toBe('rows');
    expect(helpingRefresh(reportChanged(OTHER), view('person'))).toBe('none');
    expect(helpingRefresh(mandateChanged('granted', OTHER), view('person'))).toBe('none');
  });

  it('re-reads the open report or request only, also while the helper types', () => {
    expect(helpingRefresh(reportChanged(), view('detail', { reportId: REPORT }))).toBe('detail');
    expect(helpingRefresh(reportChanged(MANDATE, 'c2d6f1b3-0000-4000-8000-000000000009'), view('detail', { reportId: REPORT }))).toBe(
      'none',
    );
    expect(helpingRefresh(requestChanged(), view('write', { requestId: REQUEST }))).toBe('detail');
    // A report and a request never share an id, but a request event never re-reads an open report.
    expect(helpingRefresh(requestChanged(REPORT), view('detail', { reportId: REPORT }))).toBe('none');
  });

  it('brings the list back when the person withdraws, whatever is open, and follows new scopes', () => {
    for (const step of ['person', 'detail', 'write'])
      expect(helpingRefresh(mandateChanged('withdrawn'), view(step, { reportId: REPORT }))).toBe('withdrawn');
    expect(helpingRefresh(mandateChanged('scopes'), view('detail', { reportId: REPORT }))).toBe('scopes');
    expect(helpingRefresh(mandateChanged('withdrawn', OTHER), view('detail', { reportId: REPORT }))).toBe('none');
  });

  it('redraws an open report only when its steps changed, not for the helper’s own action coming back', () => {
    const shown = { status: 'ACKNOWLEDGED', timeline: [{ id: '1' }, { id: '2' }] };
    expect(sameSteps(shown, { status: 'ACKNOWLEDGED', timeline: [{ id: '1' }, { id: '2' }] })).toBe(true);
    expect(sameSteps(shown, { status: 'ACKNOWLEDGED', timeline: [{ id: '1' }, { id: '2' }, { id: '3' }] })).toBe(false);
    expect(sameSteps(shown, { status: 'IN_PROGRESS', timeline: [{ id: '1' }, { id: '2' }] })).toBe(false);
  });
});
