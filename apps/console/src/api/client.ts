// The console's one API client: same origin as the API, authenticated by the staff session cookie.
import {
  PalierClient,
  type AgentAvailability,
  type CallToken,
  type NoticeBuildingReads,
  type NoticePicture,
  type NoticeReminderSent,
  type Page,
  type PageQuery,
  type QueueEntry,
  type StaffCall,
  type StaffSignInRequest,
} from '@palier/contracts';
import { currentLanguage } from '../i18n/I18nProvider';
import type { Place, PublishNoticeRequest, StaffNotice, StaffProfile } from './shapes';

/** The client's staff calls, typed with the literal unions of ./shapes (see there why). */
export interface ConsoleClient {
  signIn(body: StaffSignInRequest): Promise<StaffProfile>;
  signOut(): Promise<void>;
  staffMe(): Promise<StaffProfile>;
  staffPlaces(): Promise<{ items: Place[] }>;
  publishNotice(body: PublishNoticeRequest, idempotencyKey: string): Promise<StaffNotice>;
  staffNotices(page?: PageQuery): Promise<Page<StaffNotice>>;
  callQueue(page?: PageQuery): Promise<Page<QueueEntry>>;
  staffCall(callId: string): Promise<StaffCall>;
  claimCall(callId: string): Promise<StaffCall>;
  agentHangUp(callId: string): Promise<StaffCall>;
  saveCallNote(callId: string, note: string): Promise<StaffCall>;
  agentCallToken(callId: string): Promise<CallToken>;
  callBack(tenantId: string, idempotencyKey: string): Promise<StaffCall>;
  agentAvailability(): Promise<AgentAvailability>;
  setAgentAvailability(available: boolean): Promise<AgentAvailability>;
  // notices: picture, reads per building, reminders
  uploadNoticePicture(file: Blob, contentType: string): Promise<NoticePicture>;
  noticeBuildingReads(noticeId: string, page?: PageQuery): Promise<Page<NoticeBuildingReads>>;
  remindNotice(noticeId: string, idempotencyKey: string): Promise<NoticeReminderSent>;
}

export const api: ConsoleClient = new PalierClient({
  baseUrl: '',
  withCredentials: true,
  language: () => currentLanguage,
}) as unknown as ConsoleClient;
