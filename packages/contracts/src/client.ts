// The typed API client shared by the TV app, the console and the tests. Runtime code here must stay ES5-transpilable
// and free of Node APIs: it ships inside the TV bundle.
import type { Problem } from './problems';
import type { Page, PageQuery } from './pagination';
import type {
  ActivationCheckRequest,
  ActivationCheckResponse,
  ActivationDecisionRequest,
  ActivationDecisionResponse,
  DeviceAuthorizationResponse,
  TokenError,
  TokenResponse,
} from './auth';
import { DEVICE_CODE_GRANT, TENANT_SCOPE, TV_CLIENT_ID } from './auth';
import type { DeviceSummary, TenantProfile, UpdateTenantPreferences } from './tenants';
import type { StaffProfile, StaffSignInRequest } from './staff';
import type {
  NoticeBuildingReads,
  NoticePicture,
  NoticeReadReceipt,
  NoticeReminderSent,
  PublishNoticeRequest,
  StaffNotice,
  TenantNotice,
  UnreadNotices,
} from './notices';
import type { PlaceList } from './places';
import type {
  CreatePostRequest,
  CreateReplyRequest,
  EventSeat,
  FeedPost,
  FeedQuery,
  MoveEventRequest,
  PostDraft,
  PostDraftContent,
  PostPhoto,
  PostReply,
} from './feed';
import type { ClaimedHandoff, Handoff, HandoffTextTask, HandoffTextView, StartHandoffRequest } from './handoffs';
// private conversations (wip/neighbours)
import type { Conversation, ConversationMessage, StartConversationRequest, UnreadConversations } from './conversations';
import type { TenantDataExport } from './privacy';
import type {
  AssignReportRequest,
  DraftPhotos,
  NeighbourhoodReport,
  OfferSlotsRequest,
  RateReportRequest,
  ReportAssignees,
  ReportPhoto,
  StaffReport,
  StaffReportQuery,
  StaffReportSummary,
  StaffReportTransitionRequest,
  SubmitReportRequest,
  TenantReport,
  TenantReportSummary,
} from './reports';
// town-hall e-services
import type {
  CheckEServiceSchemaResponse,
  CreateEServiceFormRequest,
  EServiceDelivery,
  EServiceDraft,
  EServiceFormSummary,
  EServiceFormVersion,
  EServiceRequestQuery,
  ProvideEServiceInformationRequest,
  SaveEServiceDraftRequest,
  SaveEServiceVersionRequest,
  SetEServiceWebhookRequest,
  StaffEServiceForm,
  StaffEServiceFormSummary,
  StaffEServiceRequest,
  StaffEServiceRequestQuery,
  StaffEServiceRequestSummary,
  StaffEServiceTransitionRequest,
  StaffEServiceVersion,
  SubmitEServiceRequest,
  TenantEServiceRequest,
  TenantEServiceRequestSummary,
} from './eservices';
import type { GrantMandateRequest, HelpedTenant, Mandate, MandateAction, MandateScopesRequest } from './mandates';
import type {
  AgentAvailability,
  BlockedNeighbour,
  CallableBy,
  CallableNeighbour,
  CallCentreStatus,
  CallSettings,
  CallToken,
  CallTokenRequest,
  CurrentCall,
  QueueEntry,
  StaffCall,
  StartCallRequest,
  TenantCall,
} from './calls';
// appointments
import type {
  AgendaQuery,
  AgendaSlot,
  AppointmentDay,
  AppointmentDaysQuery,
  AppointmentService,
  AppointmentServiceList,
  CreateAppointmentServiceRequest,
  EditSlotRequest,
  FreeSlot,
  FreeSlotsQuery,
  PublishSlotSeriesRequest,
  PublishedSeries,
  SlotCancellation,
  StaffAppointment,
  TenantAppointment,
  TenantAppointmentsQuery,
} from './appointments';
// moderation
import type {
  ContentReportReceipt,
  ContentReportRequest,
  ForbiddenWord,
  ModerationActionRequest,
  ModerationCaseDetail,
  ModerationCaseQuery,
  ModerationCaseSummary,
  ModerationLogEntry,
  ModeratedConversationPage,
} from './moderation';

export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
  }
  get code(): string {
    return this.problem.code;
  }
  get status(): number {
    return this.problem.status;
  }
}

/** The network failed before the API answered (offline, DNS, timeout). */
export class NetworkFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('network_failure');
    this.name = 'NetworkFailure';
  }
}

export interface ClientOptions {
  baseUrl: string;
  language?: () => string;
  accessToken?: () => string | undefined;
  /** Called once on a 401 invalid_token; resolve true after refreshing to retry the request. */
  onInvalidToken?: () => Promise<boolean>;
  fetch?: typeof fetch;
  /** Send cookies (the console's staff session). */
  withCredentials?: boolean;
  /** Set by asHelper(): the tenant e-service and report calls go to that mandate's routes, in the name of the tenant who gave it. */
  mandateId?: string;
}

interface RequestOptions {
  query?: Record<string, string | number | boolean | string[] | undefined>;
  body?: unknown;
  /** Sent as is (a photo's bytes), with its own content-type header. */
  rawBody?: Blob | ArrayBuffer;
  headers?: Record<string, string>;
  retried?: boolean;
}

export type TokenPoll = { ok: true; tokens: TokenResponse } | { ok: false; error: TokenError };

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const parts: string[] = [];
  Object.keys(query).forEach((key) => {
    const value = query[key];
    if (value === undefined) return;
    const values = Object.prototype.toString.call(value) === '[object Array]' ? (value as string[]) : [String(value)];
    values.forEach((one) => parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(one)));
  });
  return parts.length ? '?' + parts.join('&') : '';
}

function formBody(fields: Record<string, string | undefined>): string {
  return Object.keys(fields)
    .filter((key) => fields[key] !== undefined)
    .map((key) => encodeURIComponent(key) + '=' + encodeURIComponent(fields[key] as string))
    .join('&');
}

export class PalierClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ClientOptions) {
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** The same client acting for the tenant who gave `mandateId` (its e-service and fault-report methods, and report-photo hand-offs, only). */
  asHelper(mandateId: string): PalierClient {
    return new PalierClient({ ...this.options, mandateId });
  }

  private get eservices(): string {
    return this.options.mandateId ? '/api/v1/mandates/' + encodeURIComponent(this.options.mandateId) + '/eservices' : '/api/v1/eservices';
  }

  private get tenantReports(): string {
    return this.options.mandateId ? '/api/v1/mandates/' + encodeURIComponent(this.options.mandateId) + '/reports' : '/api/v1/reports';
  }

  get baseUrl(): string {
    return this.options.baseUrl.replace(/\/$/, '');
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    const language = this.options.language?.();
    if (language) headers['accept-language'] = language;
    const token = this.options.accessToken?.();
    if (token) headers.authorization = 'Bearer ' + token;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchImpl(this.baseUrl + path + queryString(options.query), {
        method,
        headers,
        body: options.rawBody !== undefined ? options.rawBody : options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: this.options.withCredentials ? 'include' : 'same-origin',
      });
    } catch (error) {
      throw new NetworkFailure(error);
    }
    if (response.status === 204) return undefined as T;
    const payload = await response.json().catch(() => undefined);
    if (response.ok) return payload as T;
    const problem = (payload ?? { type: 'about:blank', title: response.statusText, status: response.status, code: 'internal' }) as Problem;
    if (problem.code === 'invalid_token' && !options.retried && this.options.onInvalidToken) {
      if (await this.options.onInvalidToken()) return this.request<T>(method, path, { ...options, retried: true });
    }
    throw new ApiProblem(problem);
  }

  // --- TV activation (RFC 8628) ---
  async startDeviceAuthorization(deviceLabel: string): Promise<DeviceAuthorizationResponse> {
    const response = await this.fetchImpl(this.baseUrl + '/oauth/device_authorization', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: formBody({ client_id: TV_CLIENT_ID, scope: TENANT_SCOPE, device_label: deviceLabel }),
    }).catch((error: unknown) => {
      throw new NetworkFailure(error);
    });
    const payload = await response.json();
    if (!response.ok) throw new ApiProblem(payload as Problem);
    return payload as DeviceAuthorizationResponse;
  }

  pollDeviceToken(deviceCode: string): Promise<TokenPoll> {
    return this.tokenRequest({ grant_type: DEVICE_CODE_GRANT, device_code: deviceCode, client_id: TV_CLIENT_ID });
  }

  refreshTokens(refreshToken: string): Promise<TokenPoll> {
    return this.tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: TV_CLIENT_ID });
  }

  private async tokenRequest(fields: Record<string, string>): Promise<TokenPoll> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.baseUrl + '/oauth/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: formBody(fields),
      });
    } catch (error) {
      throw new NetworkFailure(error);
    }
    const payload = await response.json();
    if (response.ok) return { ok: true, tokens: payload as TokenResponse };
    if (payload && typeof payload.error === 'string') return { ok: false, error: payload as TokenError };
    throw new ApiProblem(payload as Problem);
  }

  checkActivation(body: ActivationCheckRequest): Promise<ActivationCheckResponse> {
    return this.request('POST', '/api/v1/activation/check', { body });
  }

  decideActivation(body: ActivationDecisionRequest): Promise<ActivationDecisionResponse> {
    return this.request('POST', '/api/v1/activation/decision', { body });
  }

  // --- the tenant ---
  me(): Promise<TenantProfile> {
    return this.request('GET', '/api/v1/me');
  }

  updatePreferences(body: UpdateTenantPreferences): Promise<TenantProfile> {
    return this.request('PATCH', '/api/v1/me', { body });
  }

  devices(): Promise<{ items: DeviceSummary[] }> {
    return this.request('GET', '/api/v1/me/devices');
  }

  revokeDevice(deviceId: string): Promise<void> {
    return this.request('DELETE', '/api/v1/me/devices/' + encodeURIComponent(deviceId));
  }

  notices(page: PageQuery = {}): Promise<Page<TenantNotice>> {
    return this.request('GET', '/api/v1/notices', { query: page });
  }

  unreadNotices(): Promise<UnreadNotices> {
    return this.request('GET', '/api/v1/notices/unread');
  }

  notice(noticeId: string): Promise<TenantNotice> {
    return this.request('GET', '/api/v1/notices/' + encodeURIComponent(noticeId));
  }

  markNoticeRead(noticeId: string): Promise<NoticeReadReceipt> {
    return this.request('PUT', '/api/v1/notices/' + encodeURIComponent(noticeId) + '/read');
  }

  // --- video calls (tenant) ---
  callCentreStatus(): Promise<CallCentreStatus> {
    return this.request('GET', '/api/v1/calls/call-centre');
  }

  /** Call the call-centre or a neighbour; pass the same idempotencyKey when retrying. */
  startCall(to: StartCallRequest['to'], idempotencyKey: string): Promise<TenantCall> {
    return this.request('POST', '/api/v1/calls', { body: { to }, headers: { 'idempotency-key': idempotencyKey } });
  }

  currentCall(): Promise<CurrentCall> {
    return this.request('GET', '/api/v1/calls/current');
  }

  call(callId: string): Promise<TenantCall> {
    return this.request('GET', '/api/v1/calls/' + encodeURIComponent(callId));
  }

  cancelCall(callId: string): Promise<TenantCall> {
    return this.request('POST', '/api/v1/calls/' + encodeURIComponent(callId) + '/cancel');
  }

  answerCall(callId: string): Promise<TenantCall> {
    return this.request('POST', '/api/v1/calls/' + encodeURIComponent(callId) + '/answer');
  }

  declineCall(callId: string): Promise<TenantCall> {
    return this.request('POST', '/api/v1/calls/' + encodeURIComponent(callId) + '/decline');
  }

  hangUp(callId: string): Promise<TenantCall> {
    return this.request('POST', '/api/v1/calls/' + encodeURIComponent(callId) + '/hang-up');
  }

  /** A LiveKit token for the TV (microphone; camera when it has one) or for the tenant's phone. */
  callToken(callId: string, body: CallTokenRequest): Promise<CallToken> {
    return this.request('POST', '/api/v1/calls/' + encodeURIComponent(callId) + '/token', { body });
  }

  missedCalls(page: PageQuery = {}): Promise<Page<TenantCall>> {
    return this.request('GET', '/api/v1/calls/missed', { query: page });
  }

  callableNeighbours(page: PageQuery = {}): Promise<Page<CallableNeighbour>> {
    return this.request('GET', '/api/v1/calls/neighbours', { query: page });
  }

  callSettings(): Promise<CallSettings> {
    return this.request('GET', '/api/v1/calls/settings');
  }

  setCallable(callableBy: CallableBy): Promise<CallSettings> {
    return this.request('PUT', '/api/v1/calls/settings', { body: { callableBy } });
  }

  blockedNeighbours(page: PageQuery = {}): Promise<Page<BlockedNeighbour>> {
    return this.request('GET', '/api/v1/calls/blocks', { query: page });
  }

  blockNeighbour(tenantId: string): Promise<void> {
    return this.request('PUT', '/api/v1/calls/blocks/' + encodeURIComponent(tenantId));
  }

  unblockNeighbour(tenantId: string): Promise<void> {
    return this.request('DELETE', '/api/v1/calls/blocks/' + encodeURIComponent(tenantId));
  }

  // --- video calls (call-centre agents) ---
  callQueue(page: PageQuery = {}): Promise<Page<QueueEntry>> {
    return this.request('GET', '/api/v1/staff/calls/queue', { query: page });
  }

  staffCall(callId: string): Promise<StaffCall> {
    return this.request('GET', '/api/v1/staff/calls/' + encodeURIComponent(callId));
  }

  /** Rejects with ApiProblem code call_already_claimed when another agent was faster. */
  claimCall(callId: string): Promise<StaffCall> {
    return this.request('POST', '/api/v1/staff/calls/' + encodeURIComponent(callId) + '/claim');
  }

  agentHangUp(callId: string): Promise<StaffCall> {
    return this.request('POST', '/api/v1/staff/calls/' + encodeURIComponent(callId) + '/hang-up');
  }

  saveCallNote(callId: string, note: string): Promise<StaffCall> {
    return this.request('PUT', '/api/v1/staff/calls/' + encodeURIComponent(callId) + '/note', { body: { note } });
  }

  agentCallToken(callId: string): Promise<CallToken> {
    return this.request('POST', '/api/v1/staff/calls/' + encodeURIComponent(callId) + '/token');
  }

  callBack(tenantId: string, idempotencyKey: string): Promise<StaffCall> {
    return this.request('POST', '/api/v1/staff/calls', { body: { tenantId }, headers: { 'idempotency-key': idempotencyKey } });
  }

  agentAvailability(): Promise<AgentAvailability> {
    return this.request('GET', '/api/v1/staff/calls/availability');
  }

  setAgentAvailability(available: boolean): Promise<AgentAvailability> {
    return this.request('PUT', '/api/v1/staff/calls/availability', { body: { available } });
  }

  // --- staff ---
  signIn(body: StaffSignInRequest): Promise<StaffProfile> {
    return this.request('POST', '/api/v1/staff/session', { body });
  }

  signOut(): Promise<void> {
    return this.request('DELETE', '/api/v1/staff/session');
  }

  staffMe(): Promise<StaffProfile> {
    return this.request('GET', '/api/v1/staff/me');
  }

  staffPlaces(): Promise<PlaceList> {
    return this.request('GET', '/api/v1/staff/places');
  }

  publishNotice(body: PublishNoticeRequest, idempotencyKey: string): Promise<StaffNotice> {
    return this.request('POST', '/api/v1/staff/notices', { body, headers: { 'idempotency-key': idempotencyKey } });
  }

  staffNotices(page: PageQuery = {}): Promise<Page<StaffNotice>> {
    return this.request('GET', '/api/v1/staff/notices', { query: page });
  }

  // notices: picture, reads per building, reminders
  uploadNoticePicture(file: Blob, contentType: string): Promise<NoticePicture> {
    return this.request('POST', '/api/v1/staff/notice-pictures', { rawBody: file, headers: { 'content-type': contentType } });
  }

  noticeBuildingReads(noticeId: string, page: PageQuery = {}): Promise<Page<NoticeBuildingReads>> {
    return this.request('GET', '/api/v1/staff/notices/' + encodeURIComponent(noticeId) + '/buildings', { query: page });
  }

  remindNotice(noticeId: string, idempotencyKey: string): Promise<NoticeReminderSent> {
    return this.request('POST', '/api/v1/staff/notices/' + encodeURIComponent(noticeId) + '/reminders', {
      headers: { 'idempotency-key': idempotencyKey },
    });
  }

  // --- the phone hand-off ---
  /** The TV asks for a code and a QR link that bind the tenant's phone to one task. */
  startHandoff(body: StartHandoffRequest): Promise<Handoff> {
    // A helper's phone sends report photos in the name of the tenant who gave the mandate (report_photos only).
    const path = this.options.mandateId
      ? '/api/v1/mandates/' + encodeURIComponent(this.options.mandateId) + '/handoffs'
      : '/api/v1/handoffs';
    return this.request('POST', path, { body });
  }

  /** The phone exchanges the code for a token good for that task only. */
  claimHandoff(code: string): Promise<ClaimedHandoff> {
    return this.request('POST', '/api/v1/handoffs/claim', { body: { code } });
  }

  /** The TV: what the phone sent for a "text" hand-off (text null until it did). */
  handoffText(handoffId: string): Promise<HandoffTextView> {
    return this.request('GET', '/api/v1/handoffs/' + encodeURIComponent(handoffId) + '/text');
  }

  /** The phone, with a "text" hand-off token: the question, the limit and the text to start from. */
  handoffTextTask(): Promise<HandoffTextTask> {
    return this.request('GET', '/api/v1/handoffs/text');
  }

  /** The phone sends its text, once (sending the same text again is harmless). */
  sendHandoffText(text: string): Promise<HandoffTextView> {
    return this.request('PUT', '/api/v1/handoffs/text', { body: { text } });
  }

  // --- neighbours' feed (tenant) ---
  /** The tenant's building, residence and district posts, newest first, optionally of one kind. */
  feed(query: FeedQuery = {}): Promise<Page<FeedPost>> {
    return this.request('GET', '/api/v1/feed', { query });
  }

  feedPost(postId: string): Promise<FeedPost> {
    return this.request('GET', '/api/v1/feed/posts/' + encodeURIComponent(postId));
  }

  /** Pass the same idempotencyKey when retrying, so the post is created once. */
  createPost(body: CreatePostRequest, idempotencyKey: string): Promise<FeedPost> {
    return this.request('POST', '/api/v1/feed/posts', { body, headers: { 'idempotency-key': idempotencyKey } });
  }

  deletePost(postId: string): Promise<void> {
    return this.request('DELETE', '/api/v1/feed/posts/' + encodeURIComponent(postId));
  }

  postReplies(postId: string, page: PageQuery = {}): Promise<Page<PostReply>> {
    return this.request('GET', '/api/v1/feed/posts/' + encodeURIComponent(postId) + '/replies', { query: page });
  }

  replyToPost(postId: string, body: CreateReplyRequest, idempotencyKey: string): Promise<PostReply> {
    return this.request('POST', '/api/v1/feed/posts/' + encodeURIComponent(postId) + '/replies', {
      body,
      headers: { 'idempotency-key': idempotencyKey },
    });
  }

  signUpToEvent(postId: string): Promise<EventSeat> {
    return this.request('PUT', '/api/v1/feed/posts/' + encodeURIComponent(postId) + '/signup');
  }

  cancelEventSignUp(postId: string): Promise<EventSeat> {
    return this.request('DELETE', '/api/v1/feed/posts/' + encodeURIComponent(postId) + '/signup');
  }

  /** The author moves their event; the seats stay and their reminders follow the new date. */
  moveEvent(postId: string, body: MoveEventRequest): Promise<FeedPost> {
    return this.request('PATCH', '/api/v1/feed/posts/' + encodeURIComponent(postId) + '/event', { body });
  }

  postDraft(): Promise<PostDraft> {
    return this.request('GET', '/api/v1/feed/draft');
  }

  savePostDraft(content: PostDraftContent): Promise<PostDraft> {
    return this.request('PUT', '/api/v1/feed/draft', { body: content });
  }

  clearPostDraft(): Promise<void> {
    return this.request('DELETE', '/api/v1/feed/draft');
  }

  /** Takes a photo off the draft (its files go too); the draft as it now is. Removing it again is harmless. */
  removePostDraftPhoto(photoId: string): Promise<PostDraft> {
    return this.request('DELETE', '/api/v1/feed/draft/photos/' + encodeURIComponent(photoId));
  }

  /** With a post_photos hand-off token: the phone sends one photo for the post being written on the TV. */
  uploadPostPhoto(photo: Blob, contentType: string): Promise<PostPhoto> {
    return this.request('POST', '/api/v1/feed/draft/photos', { rawBody: photo, headers: { 'content-type': contentType } });
  }

  // --- fault reports (tenant) ---
  /** Send a report; pass the same idempotencyKey when retrying, so it is created once. */
  submitReport(body: SubmitReportRequest, idempotencyKey: string): Promise<TenantReport> {
    return this.request('POST', this.tenantReports, { body, headers: { 'idempotency-key': idempotencyKey } });
  }

  reports(page: PageQuery = {}): Promise<Page<TenantReportSummary>> {
    return this.request('GET', this.tenantReports, { query: page });
  }

  report(reportId: string): Promise<TenantReport> {
    return this.request('GET', this.tenantReports + '/' + encodeURIComponent(reportId));
  }

  /** Photos the phone sent for the report being written, not yet attached to one. */
  draftReportPhotos(): Promise<DraftPhotos> {
    return this.request('GET', this.tenantReports + '/draft-photos');
  }

  addReportInformation(reportId: string, body: string): Promise<TenantReport> {
    return this.request('POST', this.tenantReports + '/' + encodeURIComponent(reportId) + '/messages', { body: { body } });
  }

  cancelReport(reportId: string): Promise<TenantReport> {
    return this.request('POST', this.tenantReports + '/' + encodeURIComponent(reportId) + '/cancel');
  }

  reopenReport(reportId: string, reason: string): Promise<TenantReport> {
    return this.request('POST', this.tenantReports + '/' + encodeURIComponent(reportId) + '/reopen', { body: { body: reason } });
  }

  rateReport(reportId: string, body: RateReportRequest): Promise<TenantReport> {
    return this.request('POST', this.tenantReports + '/' + encodeURIComponent(reportId) + '/rating', { body });
  }

  acceptReportSlot(reportId: string, slotId: string): Promise<TenantReport> {
    return this.request('POST', this.tenantReports + '/' + encodeURIComponent(reportId) + '/appointment', { body: { slotId } });
  }

  /** Open common-area reports of the tenant's building, without who made them. */
  buildingReports(page: PageQuery = {}): Promise<Page<NeighbourhoodReport>> {
    return this.request('GET', '/api/v1/reports/building', { query: page });
  }

  meToo(reportId: string): Promise<NeighbourhoodReport> {
    return this.request('PUT', '/api/v1/reports/' + encodeURIComponent(reportId) + '/me-too');
  }

  /** With a report_photos hand-off token: the phone sends one photo (its bytes, as taken or picked). */
  uploadReportPhoto(photo: Blob, contentType: string): Promise<ReportPhoto> {
    return this.request('POST', '/api/v1/reports/photos', { rawBody: photo, headers: { 'content-type': contentType } });
  }

  // --- fault reports (staff) ---
  staffReports(query: StaffReportQuery = {}): Promise<Page<StaffReportSummary>> {
    return this.request('GET', '/api/v1/staff/reports', { query });
  }

  staffReport(reportId: string): Promise<StaffReport> {
    return this.request('GET', '/api/v1/staff/reports/' + encodeURIComponent(reportId));
  }

  transitionReport(reportId: string, body: StaffReportTransitionRequest): Promise<StaffReport> {
    return this.request('POST', '/api/v1/staff/reports/' + encodeURIComponent(reportId) + '/transitions', { body });
  }

  offerReportSlots(reportId: string, body: OfferSlotsRequest): Promise<StaffReport> {
    return this.request('POST', '/api/v1/staff/reports/' + encodeURIComponent(reportId) + '/slots', { body });
  }

  assignReport(reportId: string, body: AssignReportRequest): Promise<StaffReport> {
    return this.request('PUT', '/api/v1/staff/reports/' + encodeURIComponent(reportId) + '/assignee', { body });
  }

  postReportMessage(reportId: string, body: string): Promise<StaffReport> {
    return this.request('POST', '/api/v1/staff/reports/' + encodeURIComponent(reportId) + '/messages', { body: { body } });
  }

  reportAssignees(): Promise<ReportAssignees> {
    return this.request('GET', '/api/v1/staff/reports/assignees');
  }

  /** With a call_camera hand-off token: the phone's LiveKit token for that call (camera and microphone). */
  phoneCallToken(callId: string): Promise<CallToken> {
    return this.request('POST', '/api/v1/calls/' + encodeURIComponent(callId) + '/phone-token');
  }

  // --- town-hall e-services (tenant) ---
  /** The forms the tenant's town hall and city offer, each with the tenant's draft if there is one. */
  eserviceForms(page: PageQuery = {}): Promise<Page<EServiceFormSummary>> {
    return this.request('GET', this.eservices + '/forms', { query: page });
  }

  /** The current published version of a form: its questions in order, one per screen. */
  eserviceForm(formId: string): Promise<EServiceFormVersion> {
    return this.request('GET', this.eservices + '/forms/' + encodeURIComponent(formId));
  }

  /** The tenant's draft of a form, with the version it was started on; rejects with ApiProblem not_found when none. */
  eserviceDraft(formId: string): Promise<EServiceDraft> {
    return this.request('GET', this.eservices + '/drafts/' + encodeURIComponent(formId));
  }

  /** Save at every step (idempotent): all answers so far and the step to resume at. */
  saveEServiceDraft(formId: string, body: SaveEServiceDraftRequest): Promise<EServiceDraft> {
    return this.request('PUT', this.eservices + '/drafts/' + encodeURIComponent(formId), { body });
  }

  discardEServiceDraft(formId: string): Promise<void> {
    return this.request('DELETE', this.eservices + '/drafts/' + encodeURIComponent(formId));
  }

  /** Send the request; pass the same idempotencyKey on every retry, so it is created once. */
  submitEServiceRequest(body: SubmitEServiceRequest, idempotencyKey: string): Promise<TenantEServiceRequest> {
    return this.request('POST', this.eservices + '/requests', { body, headers: { 'idempotency-key': idempotencyKey } });
  }

  /** "My requests", newest first. */
  eserviceRequests(query: EServiceRequestQuery = {}): Promise<Page<TenantEServiceRequestSummary>> {
    return this.request('GET', this.eservices + '/requests', { query });
  }

  eserviceRequest(requestId: string): Promise<TenantEServiceRequest> {
    return this.request('GET', this.eservices + '/requests/' + encodeURIComponent(requestId));
  }

  /** Answer the clerk's request for information; pass the same idempotencyKey when retrying. */
  provideEServiceInformation(
    requestId: string,
    body: ProvideEServiceInformationRequest,
    idempotencyKey: string,
  ): Promise<TenantEServiceRequest> {
    return this.request('POST', this.eservices + '/requests/' + encodeURIComponent(requestId) + '/information', {
      body,
      headers: { 'idempotency-key': idempotencyKey },
    });
  }
  // --- moderation (tenant: report; staff: queue, decisions, log, forbidden words) ---
  /** One report per neighbour and item: reporting again returns the first report. */
  reportContent(body: ContentReportRequest): Promise<ContentReportReceipt> {
    return this.request('POST', '/api/v1/moderation/reports', { body });
  }

  moderationCases(query: ModerationCaseQuery = {}): Promise<Page<ModerationCaseSummary>> {
    return this.request('GET', '/api/v1/moderation/cases', { query });
  }

  moderationCase(caseId: string): Promise<ModerationCaseDetail> {
    return this.request('GET', '/api/v1/moderation/cases/' + encodeURIComponent(caseId));
  }

  moderate(caseId: string, body: ModerationActionRequest): Promise<ModerationCaseDetail> {
    return this.request('POST', '/api/v1/moderation/cases/' + encodeURIComponent(caseId) + '/actions', { body });
  }

  moderationLog(page: PageQuery = {}): Promise<Page<ModerationLogEntry>> {
    return this.request('GET', '/api/v1/moderation/log', { query: page });
  }

  forbiddenWords(page: PageQuery = {}): Promise<Page<ForbiddenWord>> {
    return this.request('GET', '/api/v1/moderation/forbidden-words', { query: page });
  }

  addForbiddenWord(word: string): Promise<ForbiddenWord> {
    return this.request('POST', '/api/v1/moderation/forbidden-words', { body: { word } });
  }

  removeForbiddenWord(wordId: string): Promise<void> {
    return this.request('DELETE', '/api/v1/moderation/forbidden-words/' + encodeURIComponent(wordId));
  }

  /** Only for a reported private message; the read is logged with the reason. */
  readReportedConversation(caseId: string, reason: string, page: PageQuery = {}): Promise<ModeratedConversationPage> {
    return this.request('POST', '/api/v1/moderation/cases/' + encodeURIComponent(caseId) + '/conversation', {
      body: { reason },
      query: page,
    });
  }

  // --- private conversations between neighbours (tenant) (wip/neighbours) ---
  /** "I can help" / "I am interested" on a post: opens the conversation with its author, or returns the one already open. */
  startConversation(body: StartConversationRequest): Promise<Conversation> {
    return this.request('POST', '/api/v1/conversations', { body });
  }

  /** The tenant's conversations, the most recently active first. */
  conversations(page: PageQuery = {}): Promise<Page<Conversation>> {
    return this.request('GET', '/api/v1/conversations', { query: page });
  }

  unreadConversations(): Promise<UnreadConversations> {
    return this.request('GET', '/api/v1/conversations/unread');
  }

  conversation(conversationId: string): Promise<Conversation> {
    return this.request('GET', '/api/v1/conversations/' + encodeURIComponent(conversationId));
  }

  /** Newest first; the next page goes further back in time. */
  conversationMessages(conversationId: string, page: PageQuery = {}): Promise<Page<ConversationMessage>> {
    return this.request('GET', '/api/v1/conversations/' + encodeURIComponent(conversationId) + '/messages', { query: page });
  }

  /** Pass the same idempotencyKey when retrying, so the message is sent once. */
  sendConversationMessage(conversationId: string, body: string, idempotencyKey: string): Promise<ConversationMessage> {
    return this.request('POST', '/api/v1/conversations/' + encodeURIComponent(conversationId) + '/messages', {
      body: { body },
      headers: { 'idempotency-key': idempotencyKey },
    });
  }

  // --- mandates ---
  /** The helpers the tenant gave a right to act in their name, withdrawn ones included. */
  mandates(page: PageQuery = {}): Promise<Page<Mandate>> {
    return this.request('GET', '/api/v1/mandates', { query: page });
  }

  grantMandate(body: GrantMandateRequest): Promise<Mandate> {
    return this.request('POST', '/api/v1/mandates', { body });
  }

  /** What an active helper may do from now on (e-services, reports). */
  setMandateScopes(mandateId: string, scopes: MandateScopesRequest['scopes']): Promise<Mandate> {
    return this.request('PUT', '/api/v1/mandates/' + encodeURIComponent(mandateId) + '/scopes', { body: { scopes } });
  }

  withdrawMandate(mandateId: string): Promise<Mandate> {
    return this.request('DELETE', '/api/v1/mandates/' + encodeURIComponent(mandateId));
  }

  /** What helpers did in the tenant's name under this mandate. */
  mandateActions(mandateId: string, page: PageQuery = {}): Promise<Page<MandateAction>> {
    return this.request('GET', '/api/v1/mandates/' + encodeURIComponent(mandateId) + '/actions', { query: page });
  }

  /** The mandates this tenant received as a helper of a neighbour. */
  receivedMandates(page: PageQuery = {}): Promise<Page<Mandate>> {
    return this.request('GET', '/api/v1/mandates/received', { query: page });
  }

  /** One mandate this tenant received as a helper, withdrawn or not (`active`): whose name a screen opened by address acts in. */
  receivedMandate(mandateId: string): Promise<Mandate> {
    return this.request('GET', '/api/v1/mandates/received/' + encodeURIComponent(mandateId));
  }

  /** The mandates this staff member received. */
  staffMandates(page: PageQuery = {}): Promise<Page<Mandate>> {
    return this.request('GET', '/api/v1/staff/mandates', { query: page });
  }

  /** The tenants who gave this staff member a mandate: active first, then withdrawn ones. */
  helpedTenants(page: PageQuery = {}): Promise<Page<HelpedTenant>> {
    return this.request('GET', '/api/v1/staff/helped-tenants', { query: page });
  }

  // --- town-hall e-services (clerks) ---
  staffEServiceForms(page: PageQuery = {}): Promise<Page<StaffEServiceFormSummary>> {
    return this.request('GET', '/api/v1/staff/eservices/forms', { query: page });
  }

  createEServiceForm(body: CreateEServiceFormRequest): Promise<StaffEServiceForm> {
    return this.request('POST', '/api/v1/staff/eservices/forms', { body });
  }

  staffEServiceForm(formId: string): Promise<StaffEServiceForm> {
    return this.request('GET', '/api/v1/staff/eservices/forms/' + encodeURIComponent(formId));
  }

  staffEServiceVersion(formId: string, version: number): Promise<StaffEServiceVersion> {
    return this.request('GET', '/api/v1/staff/eservices/forms/' + encodeURIComponent(formId) + '/versions/' + version);
  }

  /** Checks a schema without saving it (the editor's live validation and preview). */
  checkEServiceSchema(body: SaveEServiceVersionRequest): Promise<CheckEServiceSchemaResponse> {
    return this.request('POST', '/api/v1/staff/eservices/schema-check', { body });
  }

  /** Saves into the draft version (a new one after a publication). */
  saveEServiceVersion(formId: string, body: SaveEServiceVersionRequest): Promise<StaffEServiceVersion> {
    return this.request('PUT', '/api/v1/staff/eservices/forms/' + encodeURIComponent(formId) + '/draft', { body });
  }

  discardEServiceVersion(formId: string): Promise<StaffEServiceForm> {
    return this.request('DELETE', '/api/v1/staff/eservices/forms/' + encodeURIComponent(formId) + '/draft');
  }

  publishEServiceForm(formId: string): Promise<StaffEServiceForm> {
    return this.request('POST', '/api/v1/staff/eservices/forms/' + encodeURIComponent(formId) + '/publish');
  }

  retireEServiceForm(formId: string): Promise<StaffEServiceForm> {
    return this.request('POST', '/api/v1/staff/eservices/forms/' + encodeURIComponent(formId) + '/retire');
  }

  setEServiceWebhook(formId: string, body: SetEServiceWebhookRequest): Promise<StaffEServiceForm> {
    return this.request('PUT', '/api/v1/staff/eservices/forms/' + encodeURIComponent(formId) + '/webhook', { body });
  }

  eserviceDeliveries(formId: string, page: PageQuery = {}): Promise<Page<EServiceDelivery>> {
    return this.request('GET', '/api/v1/staff/eservices/forms/' + encodeURIComponent(formId) + '/deliveries', { query: page });
  }

  retryEServiceDelivery(formId: string, deliveryId: string): Promise<EServiceDelivery> {
    return this.request(
      'POST',
      '/api/v1/staff/eservices/forms/' + encodeURIComponent(formId) + '/deliveries/' + encodeURIComponent(deliveryId) + '/retry',
    );
  }

  staffEServiceRequests(query: StaffEServiceRequestQuery = {}): Promise<Page<StaffEServiceRequestSummary>> {
    return this.request('GET', '/api/v1/staff/eservices/requests', { query });
  }

  staffEServiceRequest(requestId: string): Promise<StaffEServiceRequest> {
    return this.request('GET', '/api/v1/staff/eservices/requests/' + encodeURIComponent(requestId));
  }

  /** take, ask_information (message, fields), accept (message?), reject (message = the reason). */
  transitionEServiceRequest(requestId: string, body: StaffEServiceTransitionRequest): Promise<StaffEServiceRequest> {
    return this.request('POST', '/api/v1/staff/eservices/requests/' + encodeURIComponent(requestId) + '/transitions', { body });
  }
  // --- appointments (tenant) ---
  appointmentServices(): Promise<AppointmentServiceList> {
    return this.request('GET', '/api/v1/appointments/services');
  }

  /** Days (Europe/Paris) with a free slot of the service, from today on. */
  appointmentDays(serviceId: string, query: AppointmentDaysQuery = {}): Promise<Page<AppointmentDay>> {
    return this.request('GET', '/api/v1/appointments/services/' + encodeURIComponent(serviceId) + '/days', { query });
  }

  freeSlots(serviceId: string, query: FreeSlotsQuery): Promise<Page<FreeSlot>> {
    return this.request('GET', '/api/v1/appointments/services/' + encodeURIComponent(serviceId) + '/slots', { query });
  }

  /** Rejects with ApiProblem slot_full when the last seat was just taken; pass the same idempotencyKey when retrying. */
  bookAppointment(slotId: string, idempotencyKey: string): Promise<TenantAppointment> {
    return this.request('POST', '/api/v1/appointments', { body: { slotId }, headers: { 'idempotency-key': idempotencyKey } });
  }

  appointments(query: TenantAppointmentsQuery = {}): Promise<Page<TenantAppointment>> {
    return this.request('GET', '/api/v1/appointments', { query });
  }

  appointment(appointmentId: string): Promise<TenantAppointment> {
    return this.request('GET', '/api/v1/appointments/' + encodeURIComponent(appointmentId));
  }

  /** Atomic: on slot_full the appointment stays where it was. */
  moveAppointment(appointmentId: string, slotId: string): Promise<TenantAppointment> {
    return this.request('POST', '/api/v1/appointments/' + encodeURIComponent(appointmentId) + '/move', { body: { slotId } });
  }

  cancelAppointment(appointmentId: string): Promise<TenantAppointment> {
    return this.request('POST', '/api/v1/appointments/' + encodeURIComponent(appointmentId) + '/cancel');
  }

  // --- appointments (staff) ---
  staffAppointmentServices(): Promise<AppointmentServiceList> {
    return this.request('GET', '/api/v1/staff/appointments/services');
  }

  createAppointmentService(body: CreateAppointmentServiceRequest): Promise<AppointmentService> {
    return this.request('POST', '/api/v1/staff/appointments/services', { body });
  }

  /** No new slots or bookings; booked appointments stay. Retiring again changes nothing. */
  retireAppointmentService(serviceId: string): Promise<AppointmentService> {
    return this.request('POST', '/api/v1/staff/appointments/services/' + encodeURIComponent(serviceId) + '/retire');
  }

  /** Place, time and duration while nobody booked it; capacity down to the seats taken. */
  editAppointmentSlot(slotId: string, body: EditSlotRequest): Promise<AgendaSlot> {
    return this.request('PATCH', '/api/v1/staff/appointments/slots/' + encodeURIComponent(slotId), { body });
  }

  /** Cancels the slot and every appointment it holds; each tenant is told, in their language. */
  cancelAppointmentSlot(slotId: string, reason: string): Promise<SlotCancellation> {
    return this.request('POST', '/api/v1/staff/appointments/slots/' + encodeURIComponent(slotId) + '/cancel', { body: { reason } });
  }

  publishSlotSeries(body: PublishSlotSeriesRequest, idempotencyKey: string): Promise<PublishedSeries> {
    return this.request('POST', '/api/v1/staff/appointments/series', { body, headers: { 'idempotency-key': idempotencyKey } });
  }

  agenda(query: AgendaQuery): Promise<Page<AgendaSlot>> {
    return this.request('GET', '/api/v1/staff/appointments/agenda', { query });
  }

  staffAppointment(appointmentId: string): Promise<StaffAppointment> {
    return this.request('GET', '/api/v1/staff/appointments/' + encodeURIComponent(appointmentId));
  }

  cancelAppointmentAsStaff(appointmentId: string, reason: string): Promise<StaffAppointment> {
    return this.request('POST', '/api/v1/staff/appointments/' + encodeURIComponent(appointmentId) + '/cancel', { body: { reason } });
  }

  /** Where the console downloads the .ics file (the staff cookie goes with a plain link). */
  staffAppointmentCalendarUrl(appointmentId: string): string {
    return this.baseUrl + '/api/v1/staff/appointments/' + encodeURIComponent(appointmentId) + '/calendar.ics';
  }
  markConversationRead(conversationId: string): Promise<Conversation> {
    return this.request('PUT', '/api/v1/conversations/' + encodeURIComponent(conversationId) + '/read');
  }

  closeConversation(conversationId: string): Promise<Conversation> {
    return this.request('POST', '/api/v1/conversations/' + encodeURIComponent(conversationId) + '/close');
  }

  /** Closes the conversation and blocks the neighbour: neither can write to or call the other any more. */
  blockConversationNeighbour(conversationId: string): Promise<Conversation> {
    return this.request('POST', '/api/v1/conversations/' + encodeURIComponent(conversationId) + '/block');
  }

  // --- the tenant's data (RGPD) (wip/neighbours) ---
  /** With a data_export hand-off token (the phone page), or the TV's own token: everything Palier holds about the tenant. */
  exportMyData(): Promise<TenantDataExport> {
    return this.request('GET', '/api/v1/me/export');
  }

  /** Leave Palier: erases the tenant and signs every device out. Ask the tenant first; this cannot be undone. */
  eraseMyAccount(): Promise<void> {
    return this.request('DELETE', '/api/v1/me', { body: { confirm: 'ERASE_MY_DATA' } });
  }
}
