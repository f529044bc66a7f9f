import type { StaffCall } from '@palier/contracts';
import { mediaProblemOf, participantKind, pickTenantVideo, worseQuality } from '../src/pages/calls/callMedia';
import { addRecent, isMissedByCallCentre, outcomeMessage, talkSeconds } from '../src/pages/calls/callOutcome';
import { pageFromHash, pagesFor } from '../src/navigation';

const tenant = '6f1c2b9e-3f1a-4c55-9d7e-0a2b3c4d5e6f';
const staff = '0b7c3c1e-9a55-4e2d-8f10-1a2b3c4d5e6f';

describe('who is who in a call’s room', () => {
  it('tells the tenant’s TV, the tenant’s phone and an agent apart by their identity', () => {
    expect(participantKind(`tenant-${tenant}`)).toBe('tenant-tv');
    expect(participantKind(`tenant-${tenant}-phone`)).toBe('tenant-phone');
    expect(participantKind(`staff-${staff}`)).toBe('staff');
    expect(participantKind('somebody')).toBe('other');
  });

  it('shows the phone’s camera before a TV camera, a live picture before a paused one, never an agent’s', () => {
    const tv = { identity: `tenant-${tenant}`, trackSid: 'tv', muted: false };
    const phone = { identity: `tenant-${tenant}-phone`, trackSid: 'phone', muted: false };
    const pausedPhone = { ...phone, trackSid: 'paused', muted: true };
    const agent = { identity: `staff-${staff}`, trackSid: 'agent', muted: false };
    expect(pickTenantVideo([tv, phone])?.trackSid).toBe('phone');
    expect(pickTenantVideo([pausedPhone, tv])?.trackSid).toBe('tv');
    expect(pickTenantVideo([agent])).toBeUndefined();
    expect(pickTenantVideo([])).toBeUndefined();
  });

  it('rates the call by its weakest side', () => {
    expect(worseQuality('excellent', 'poor')).toBe('poor');
    expect(worseQuality('unknown', 'good')).toBe('good');
    expect(worseQuality('lost', 'good')).toBe('lost');
  });
});

describe('what went wrong with the media, in terms of what the agent can do', () => {
  const named = (name: string, message = '') => Object.assign(new Error(message), { name });

  it('sorts browser device errors', () => {
    expect(mediaProblemOf(named('NotAllowedError', 'Permission denied'))).toBe('permissionDenied');
    expect(mediaProblemOf(named('NotFoundError', 'Requested device not found'))).toBe('noDevice');
    expect(mediaProblemOf(named('NotReadableError', 'Could not start video source'))).toBe('deviceBusy');
  });

  it('sorts livekit-client connection errors: a refused token, an unreachable server', () => {
    expect(mediaProblemOf(Object.assign(named('ConnectionError', 'could not establish signal connection'), { reason: 1 }))).toBe(
      'unreachable',
    );
    expect(mediaProblemOf(Object.assign(named('ConnectionError', 'invalid token'), { reason: 0 }))).toBe('tokenRefused');
    expect(mediaProblemOf(new Error('something else'))).toBe('other');
  });
});

const call = (patch: Partial<StaffCall>): StaffCall => ({
  id: 'c1',
  kind: 'CALL_CENTRE',
  state: 'ENDED',
  roomName: 'call-c1',
  tenant: {
    tenantId: tenant,
    firstName: 'Amina',
    lastName: 'Benali',
    fullName: 'Amina Benali',
    reference: 'HMP-LAU-B-0101',
    home: { floor: 1, door: '3', building: { id: 'b', name: 'Bâtiment B' } },
    residence: { id: 'r', name: 'Les Lauriers', address: '12 boulevard des Lauriers' },
    openReports: [],
  },
  agent: null,
  note: null,
  createdAt: '2026-11-26T10:00:00.000Z',
  queuedAt: '2026-11-26T10:00:00.000Z',
  answeredAt: '2026-11-26T10:01:00.000Z',
  endedAt: '2026-11-26T10:04:12.000Z',
  endReason: 'agent_hung_up',
  transitions: [],
  ...patch,
});

describe('what became of a call', () => {
  it('counts talk time from the answer, and none for a call never answered', () => {
    expect(talkSeconds(call({}))).toBe(192);
    expect(talkSeconds(call({ answeredAt: null }))).toBeNull();
  });

  it('recognises a caller who gave up in the queue as a missed call, not an answered one', () => {
    expect(isMissedByCallCentre(call({ state: 'CANCELLED', answeredAt: null, endReason: 'caller_left' }))).toBe(true);
    expect(isMissedByCallCentre(call({}))).toBe(false);
    expect(isMissedByCallCentre(call({ state: 'ANSWERED', endedAt: null }))).toBe(false);
    expect(isMissedByCallCentre(call({ kind: 'CALL_BACK', state: 'MISSED', answeredAt: null }))).toBe(false);
  });

  it('says who ended it', () => {
    expect(outcomeMessage(call({}))).toBe('outcome.agentHungUp');
    expect(outcomeMessage(call({ endReason: 'hung_up' }))).toBe('outcome.tenantHungUp');
    expect(outcomeMessage(call({ endReason: 'participants_left' }))).toBe('outcome.everyoneLeft');
    expect(outcomeMessage(call({ state: 'CANCELLED', answeredAt: null }))).toBe('outcome.tenantGaveUp');
    expect(outcomeMessage(call({ kind: 'CALL_BACK', state: 'MISSED' }))).toBe('outcome.callBackMissed');
    expect(outcomeMessage(call({ kind: 'CALL_BACK', state: 'DECLINED' }))).toBe('outcome.declined');
  });

  it('keeps recent calls newest first, each once, within a limit', () => {
    const list = addRecent(addRecent([], call({ id: 'a' })), call({ id: 'b' }));
    expect(addRecent(list, call({ id: 'a', note: 'rappel' })).map((c) => [c.id, c.note])).toEqual([
      ['a', 'rappel'],
      ['b', null],
    ]);
    expect(addRecent(list, call({ id: 'c' }), 2).map((c) => c.id)).toEqual(['c', 'b']);
  });
});

describe('the console’s pages by role', () => {
  it('opens the call-centre first for an agent, notices for a caretaker, everything for an admin', () => {
    expect(pagesFor(['AGENT'])).toEqual(['calls', 'reports', 'agenda']);
    expect(pagesFor(['CARETAKER'])).toEqual(['notices', 'reports', 'agenda']);
    expect(pagesFor(['ADMIN'])).toEqual(['calls', 'notices', 'reports', 'agenda', 'moderation']);
    expect(pagesFor(['MODERATOR'])).toEqual(['moderation']);
  });

  it('opens Démarches to town-hall and city clerks and admins, as the API does, never to a landlord’s staff', () => {
    expect(pagesFor(['CLERK'], 'TOWN_HALL')).toEqual(['notices', 'eservices', 'agenda']);
    expect(pagesFor(['ADMIN'], 'CITY')).toEqual(['calls', 'notices', 'reports', 'eservices', 'agenda', 'moderation']);
    expect(pagesFor(['ADMIN'], 'LANDLORD')).toEqual(['calls', 'notices', 'reports', 'agenda', 'moderation']);
    expect(pagesFor(['CLERK'], 'LANDLORD')).toEqual(['notices', 'agenda']);
    expect(pageFromHash('#eservices', ['ADMIN'], 'TOWN_HALL')).toBe('eservices');
    expect(pageFromHash('#eservices', ['ADMIN'], 'LANDLORD')).toBe('calls');
  });

  it('follows the address’s hash only to a page the person may use', () => {
    expect(pageFromHash('#notices', ['ADMIN'])).toBe('notices');
    expect(pageFromHash('#calls', ['CARETAKER'])).toBe('notices');
    expect(pageFromHash('', ['AGENT'])).toBe('calls');
  });
});
