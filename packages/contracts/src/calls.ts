// Video calls: a tenant calls the landlord's call-centre or a neighbour; an agent claims, answers and calls back.
import { Type, type Static } from 'typebox';
import { ReportCategory, ReportStatus } from './reports';

export const callKinds = ['CALL_CENTRE', 'NEIGHBOUR', 'CALL_BACK'] as const;
export const CallKind = Type.Enum(callKinds);
export type CallKind = (typeof callKinds)[number];

/** requested → queued (call-centre) | ringing (person) → answered → ended; or missed, declined, cancelled, failed. */
export const callStates = ['REQUESTED', 'QUEUED', 'RINGING', 'ANSWERED', 'ENDED', 'MISSED', 'DECLINED', 'CANCELLED', 'FAILED'] as const;
export const CallState = Type.Enum(callStates);
export type CallState = (typeof callStates)[number];

export const terminalCallStates: readonly CallState[] = ['ENDED', 'MISSED', 'DECLINED', 'CANCELLED', 'FAILED'];

export const callableByOptions = ['NOBODY', 'BUILDING', 'RESIDENCE'] as const;
export const CallableBy = Type.Enum(callableByOptions);
export type CallableBy = (typeof callableByOptions)[number];

const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);

export const StartCallRequest = Type.Object({
  to: Type.Union([
    Type.Object({ kind: Type.Literal('CALL_CENTRE') }),
    Type.Object({ kind: Type.Literal('NEIGHBOUR'), tenantId: Type.String({ format: 'uuid' }) }),
  ]),
});
export type StartCallRequest = Static<typeof StartCallRequest>;

export const CallQueueStatus = Type.Object({
  position: Type.Integer({ minimum: 1, description: '1 = next to be answered' }),
  estimatedWaitSeconds: Type.Integer({ minimum: 0 }),
});
export type CallQueueStatus = Static<typeof CallQueueStatus>;

/** A call as the tenant's TV sees it. A neighbour is only ever shown by first name and building. */
export const TenantCall = Type.Object({
  id: Type.String(),
  kind: CallKind,
  state: CallState,
  direction: Type.Enum(['OUTGOING', 'INCOMING']),
  peer: Type.Object({
    kind: Type.Enum(['CALL_CENTRE', 'TENANT']),
    /** The landlord's name, or the neighbour's first name */
    name: Type.String(),
    tenantId: Type.Union([Type.String(), Type.Null()]),
    building: Type.Union([Type.String(), Type.Null()]),
  }),
  roomName: Type.String(),
  createdAt: DateTime,
  ringDeadline: NullableDateTime,
  answeredAt: NullableDateTime,
  endedAt: NullableDateTime,
  endReason: Type.Union([Type.String(), Type.Null()]),
  queue: Type.Union([CallQueueStatus, Type.Null()], { description: 'Set while the call waits in the call-centre queue' }),
});
export type TenantCall = Static<typeof TenantCall>;

export const CurrentCall = Type.Object({ call: Type.Union([TenantCall, Type.Null()]) });
export type CurrentCall = Static<typeof CurrentCall>;

export const OpeningPeriod = Type.Object({
  day: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' }),
  opens: Type.String({ pattern: '^[0-2][0-9]:[0-5][0-9]$' }),
  closes: Type.String({ pattern: '^[0-2][0-9]:[0-5][0-9]$' }),
});
export type OpeningPeriod = Static<typeof OpeningPeriod>;

export const OpeningHours = Type.Object({ timeZone: Type.String(), weekly: Type.Array(OpeningPeriod) });
export type OpeningHours = Static<typeof OpeningHours>;

export const CallCentreStatus = Type.Object({
  name: Type.String({ description: 'The landlord' }),
  open: Type.Boolean(),
  hours: Type.Union([OpeningHours, Type.Null()], { description: 'null: this landlord has no call-centre' }),
  opensAt: Type.Union([DateTime, Type.Null()], { description: 'When closed: the next opening' }),
  waiting: Type.Integer({ description: 'Calls waiting in the queue now' }),
  estimatedWaitSeconds: Type.Integer({ description: 'For a call placed now' }),
});
export type CallCentreStatus = Static<typeof CallCentreStatus>;

export const CallTokenRequest = Type.Object({
  participant: Type.Enum(['tv', 'phone'], {
    description: 'tv: the TV (or browser) of the tenant; phone: their phone added as camera and microphone',
  }),
  camera: Type.Optional(Type.Boolean({ default: false, description: 'The TV has a camera it may publish' })),
});
export type CallTokenRequest = Static<typeof CallTokenRequest>;

export const CallToken = Type.Object({
  url: Type.String({ description: 'LiveKit server URL for livekit-client' }),
  token: Type.String(),
  roomName: Type.String(),
  identity: Type.String(),
  canPublishSources: Type.Array(Type.Enum(['camera', 'microphone'])),
  expiresAt: DateTime,
});
export type CallToken = Static<typeof CallToken>;

export const CallableNeighbour = Type.Object({
  tenantId: Type.String(),
  firstName: Type.String(),
  building: Type.String(),
});
export type CallableNeighbour = Static<typeof CallableNeighbour>;

export const CallSettings = Type.Object({ callableBy: CallableBy });
export type CallSettings = Static<typeof CallSettings>;

export const BlockedNeighbour = Type.Object({
  tenantId: Type.String(),
  firstName: Type.String(),
  building: Type.String(),
  blockedAt: DateTime,
});
export type BlockedNeighbour = Static<typeof BlockedNeighbour>;

/** A tenant as staff see them: full identity and home. */
export const CallerIdentity = Type.Object({
  tenantId: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  fullName: Type.String(),
  reference: Type.String(),
  home: Type.Object({ floor: Type.Integer(), door: Type.String(), building: Type.Object({ id: Type.String(), name: Type.String() }) }),
  residence: Type.Object({ id: Type.String(), name: Type.String(), address: Type.String() }),
  /** The caller's fault reports still open, newest first (at most 5), so the agent knows what the call is likely about. */
  openReports: Type.Array(
    Type.Object({
      id: Type.String(),
      number: Type.String(),
      category: ReportCategory,
      status: ReportStatus,
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
});
export type CallerIdentity = Static<typeof CallerIdentity>;

export const QueueEntry = Type.Object({
  callId: Type.String(),
  position: Type.Integer({ minimum: 1 }),
  queuedAt: DateTime,
  waitingSeconds: Type.Integer({ minimum: 0 }),
  caller: CallerIdentity,
});
export type QueueEntry = Static<typeof QueueEntry>;

export const StaffCall = Type.Object({
  id: Type.String(),
  kind: CallKind,
  state: CallState,
  roomName: Type.String(),
  tenant: CallerIdentity,
  agent: Type.Union([Type.Object({ id: Type.String(), fullName: Type.String() }), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  queuedAt: NullableDateTime,
  answeredAt: NullableDateTime,
  endedAt: NullableDateTime,
  endReason: Type.Union([Type.String(), Type.Null()]),
  transitions: Type.Array(
    Type.Object({
      from: Type.Union([CallState, Type.Null()]),
      to: CallState,
      at: DateTime,
      by: Type.String(),
      reason: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export type StaffCall = Static<typeof StaffCall>;

export const CallNoteRequest = Type.Object({ note: Type.String({ maxLength: 2000 }) });
export type CallNoteRequest = Static<typeof CallNoteRequest>;

export const CallBackRequest = Type.Object({ tenantId: Type.String({ format: 'uuid' }) });
export type CallBackRequest = Static<typeof CallBackRequest>;

export const AgentAvailabilityRequest = Type.Object({ available: Type.Boolean() });
export type AgentAvailabilityRequest = Static<typeof AgentAvailabilityRequest>;

export const AgentAvailability = Type.Object({
  available: Type.Boolean(),
  availableAgents: Type.Integer({ description: 'Agents of the organisation available now, this one included' }),
});
export type AgentAvailability = Static<typeof AgentAvailability>;
