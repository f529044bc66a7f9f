// The call-centre task: say whether you take calls, see who is waiting, answer (one agent wins), talk, note, hang up,
// and call back a tenant whose call ended or was missed.
import { useCallback, useRef, useState } from 'react';
import type { StaffCall } from '@palier/contracts';
import type { StaffRole } from '../../api/shapes';
import { problemOf, problemText } from '../../api/problem';
import { useRealtime } from '../../api/useRealtime';
import { Alert } from '../../components/Alert';
import { LiveIndicator } from '../../components/LiveIndicator';
import { Spinner } from '../../components/Spinner';
import { formatDateTime } from '../../i18n/catalogue';
import { useI18n } from '../../i18n/I18nProvider';
import { hasAnyRole, useSession } from '../../session';
import { api } from '../../api/client';
import { addRecent, isMissedByCallCentre, outcomeMessage, talkSeconds } from './callOutcome';
import { formatWaiting, homeLabel, type ShownEntry } from './callQueue';
import { CallNote, CallView } from './CallView';
import { QueueList } from './QueueList';
import { useAgentCall } from './useAgentCall';
import { useAvailability } from './useAvailability';
import { useCallQueue, useNow } from './useCallQueue';

export const CALL_CENTRE_ROLES: readonly StaffRole[] = ['AGENT', 'ADMIN'];

export function CallCentrePage() {
  const { t } = useI18n();
  const { staff } = useSession();
  const allowed = hasAnyRole(staff, CALL_CENTRE_ROLES);
  return (
    <div className="page">
      <div className="page__header">
        <h1 className="page__title">{t('calls.title')}</h1>
        {allowed && <p className="page__intro">{t('calls.intro')}</p>}
      </div>
      {allowed ? (
        <CallCentre />
      ) : (
        <div data-testid="calls-not-available">
          <Alert tone="info" title={t('calls.notForRole')}>
            {t('calls.notForRoleHint')}
          </Alert>
        </div>
      )}
    </div>
  );
}

type ClaimNotice = { kind: 'taken'; name: string } | { kind: 'failed'; error: unknown };

function CallCentre() {
  const { t } = useI18n();
  const session = useSession();
  const now = useNow();
  const queue = useCallQueue();
  const availability = useAvailability();
  const [recent, setRecent] = useState<StaffCall[]>([]);
  const [claimNotice, setClaimNotice] = useState<ClaimNotice | null>(null);
  const [callBackError, setCallBackError] = useState<{ tenantId: string; error: unknown } | null>(null);
  const [callingBack, setCallingBack] = useState<string | null>(null);
  const shown = useRef<ShownEntry[]>([]);
  shown.current = queue.entries;

  const agentCall = useAgentCall(
    useCallback(
      (ended: StaffCall) => {
        setRecent((list) => addRecent(list, ended));
        void queue.refresh();
      },
      [queue.refresh],
    ),
  );

  /** A caller who left the queue without anyone answering is a missed call the agent may want to call back. */
  const checkMissed = useCallback(
    async (callId: string) => {
      if (!shown.current.some((entry) => entry.callId === callId)) return;
      try {
        const call = await api.staffCall(callId);
        if (isMissedByCallCentre(call)) setRecent((list) => addRecent(list, call));
      } catch (caught) {
        session.handle(caught);
      }
    },
    [session],
  );

  const live = useRealtime(
    (event) => {
      if (event.name === 'call.queue') {
        void checkMissed(event.data.changedCallId);
        void queue.refresh();
        void availability.reload();
      } else if (event.name === 'call.state') {
        void agentCall.onCallState(event.data.callId);
      }
    },
    () => {
      void queue.refresh();
      void availability.reload();
      if (agentCall.call) void agentCall.onCallState(agentCall.call.id);
    },
  );

  const answer = async (entry: ShownEntry) => {
    setClaimNotice(null);
    const outcome = await agentCall.answer(entry.callId);
    if (outcome.kind === 'answered') queue.remove(entry.callId);
    else if (outcome.kind === 'taken') {
      setClaimNotice({ kind: 'taken', name: entry.caller.fullName });
      queue.remove(entry.callId);
      void queue.refresh();
    } else setClaimNotice({ kind: 'failed', error: outcome.error });
  };

  const callBack = async (tenantId: string) => {
    setCallBackError(null);
    setCallingBack(tenantId);
    const error = await agentCall.callBack(tenantId);
    setCallingBack(null);
    if (error !== undefined) setCallBackError({ tenantId, error });
  };

  const forbidden = problemOf(availability.error)?.code === 'forbidden' || problemOf(queue.error)?.code === 'forbidden';
  if (forbidden) {
    return (
      <div data-testid="calls-forbidden">
        <Alert tone="info" title={t('calls.refusedByService')}>
          {t('calls.refusedByServiceHint')}
        </Alert>
      </div>
    );
  }

  const available = availability.availability?.available ?? false;
  const call = agentCall.call;
  const inCall = agentCall.inCall;

  return (
    <>
      <div className="callbar">
        <AvailabilitySwitch
          available={available}
          known={availability.availability !== null}
          availableAgents={availability.availability?.availableAgents ?? 0}
          saving={availability.saving}
          onChange={(next) => void availability.set(next)}
        />
        <LiveIndicator status={live} live={t('calls.live')} />
      </div>
      {availability.error !== undefined && (
        <Alert tone="error" title={t('availability.failed')} testId="availability-error">
          {problemText(availability.error, t)}
        </Alert>
      )}
      {claimNotice?.kind === 'taken' && (
        <Alert tone="info" title={t('claim.takenTitle')} testId="claim-taken">
          {t('claim.taken', { name: claimNotice.name })}
        </Alert>
      )}
      {claimNotice?.kind === 'failed' && (
        <Alert tone="error" title={t('claim.failed')} testId="claim-error">
          {problemText(claimNotice.error, t)}
        </Alert>
      )}
      <div ref={agentCall.audioContainer} className="visually-hidden" aria-hidden="true" />
      <div className={call ? 'calls calls--with-call' : 'calls'}>
        <div className="calls__main">
          {call && inCall && (
            <CallView
              call={call}
              media={agentCall.media}
              now={now}
              tokenError={agentCall.tokenError}
              hangUpError={agentCall.hangUpError}
              hangingUp={agentCall.hangingUp}
              onHangUp={() => void agentCall.hangUp()}
              onMicrophone={(on) => void agentCall.room?.setMicrophone(on)}
              onCamera={(on) => void agentCall.room?.setCamera(on)}
              onRetryDevices={() => void agentCall.room?.enableDevices()}
              onRejoin={() => void agentCall.rejoin()}
              onStartAudio={() => void agentCall.room?.startAudio()}
              onSaveNote={agentCall.saveNote}
            />
          )}
          {call && !inCall && (
            <EndedCall
              call={call}
              callingBack={callingBack === call.tenant.tenantId}
              callBackError={callBackError?.tenantId === call.tenant.tenantId ? callBackError.error : undefined}
              onCallBack={() => void callBack(call.tenant.tenantId)}
              onSaveNote={agentCall.saveNote}
              onDismiss={agentCall.dismiss}
            />
          )}
          {!call && (
            <QueueList
              entries={queue.entries}
              status={queue.status}
              error={queue.error}
              nextCursor={queue.nextCursor}
              loadingMore={queue.loadingMore}
              moreError={queue.moreError}
              now={now}
              answerBlockedBy={!available ? 'away' : null}
              claiming={agentCall.claiming}
              onAnswer={(entry) => void answer(entry)}
              onRetry={() => void queue.refresh()}
              onLoadMore={() => void queue.loadMore()}
            />
          )}
        </div>
        <div className="calls__side">
          {call && (
            <QueueList
              entries={queue.entries}
              status={queue.status}
              error={queue.error}
              nextCursor={queue.nextCursor}
              loadingMore={queue.loadingMore}
              moreError={queue.moreError}
              now={now}
              answerBlockedBy={inCall ? 'inCall' : !available ? 'away' : null}
              claiming={agentCall.claiming}
              compact
              onAnswer={(entry) => {
                agentCall.dismiss();
                void answer(entry);
              }}
              onRetry={() => void queue.refresh()}
              onLoadMore={() => void queue.loadMore()}
            />
          )}
          <RecentCalls
            calls={recent.filter((recentCall) => recentCall.id !== call?.id)}
            disabled={inCall}
            callingBack={callingBack}
            callBackError={callBackError}
            onCallBack={(tenantId) => void callBack(tenantId)}
          />
        </div>
      </div>
    </>
  );
}

function AvailabilitySwitch(props: {
  available: boolean;
  known: boolean;
  availableAgents: number;
  saving: boolean;
  onChange: (available: boolean) => void;
}) {
  const { t } = useI18n();
  if (!props.known) return <Spinner label={t('availability.loading')} inline />;
  return (
    <div className="availability" data-testid="availability" data-available={props.available}>
      <button
        type="button"
        role="switch"
        aria-checked={props.available}
        className={props.available ? 'switch switch--on' : 'switch'}
        onClick={() => props.onChange(!props.available)}
        disabled={props.saving}
        data-testid="availability-switch"
      >
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        <span className="switch__label">{props.available ? t('availability.available') : t('availability.away')}</span>
      </button>
      <span className="muted" aria-live="polite">
        {props.available ? t('availability.availableHint') : t('availability.awayHint')}
        {' · '}
        {props.availableAgents === 0
          ? t('availability.nobody')
          : props.availableAgents === 1
            ? t('availability.agentsOne')
            : t('availability.agents', { count: props.availableAgents })}
      </span>
    </div>
  );
}

function EndedCall(props: {
  call: StaffCall;
  callingBack: boolean;
  callBackError?: unknown;
  onCallBack: () => void;
  onSaveNote: (note: string) => Promise<StaffCall>;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  const { call } = props;
  const talked = talkSeconds(call);
  return (
    <section className="panel" aria-labelledby="ended-heading" data-testid="call-ended" data-call-id={call.id} data-state={call.state}>
      <div className="panel__header">
        <h2 id="ended-heading" className="panel__title">
          {call.answeredAt ? t('ended.title', { name: call.tenant.fullName }) : t('ended.notConnected', { name: call.tenant.fullName })}
        </h2>
      </div>
      <Alert tone={call.state === 'ENDED' ? 'success' : 'info'} testId="call-outcome">
        {t(outcomeMessage(call))}
        {talked !== null && ` ${t('ended.duration', { duration: formatWaiting(talked, t) })}`}
      </Alert>
      <p className="muted">{homeLabel(call.tenant, t)}</p>
      <CallNote call={call} onSave={props.onSaveNote} />
      {props.callBackError !== undefined && (
        <Alert tone="error" title={t('callBack.failed')} testId="call-back-error">
          {problemText(props.callBackError, t)}
        </Alert>
      )}
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={props.onCallBack}
          disabled={props.callingBack}
          data-testid="call-back"
        >
          {props.callingBack ? t('callBack.calling') : t('callBack.action', { name: call.tenant.firstName })}
        </button>
        <button type="button" className="button" onClick={props.onDismiss} data-testid="back-to-queue">
          {t('ended.backToQueue')}
        </button>
      </div>
    </section>
  );
}

function RecentCalls(props: {
  calls: StaffCall[];
  disabled: boolean;
  callingBack: string | null;
  callBackError: { tenantId: string; error: unknown } | null;
  onCallBack: (tenantId: string) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="recent-heading" data-testid="recent-calls">
      <div className="panel__header">
        <h2 id="recent-heading" className="panel__title">
          {t('recent.heading')}
        </h2>
      </div>
      <p className="muted">{t('recent.scope')}</p>
      {props.calls.length === 0 ? (
        <p className="empty">{t('recent.empty')}</p>
      ) : (
        <ul className="recent">
          {props.calls.map((call) => (
            <li key={call.id} className="recent__call" data-testid="recent-call" data-call-id={call.id} data-state={call.state}>
              <div>
                <p className="recent__name">
                  {call.tenant.fullName}
                  {isMissedByCallCentre(call) && <span className="tag tag--safety">{t('recent.missed')}</span>}
                </p>
                <p className="muted">
                  {t(outcomeMessage(call))} · {formatDateTime(call.endedAt ?? call.createdAt)}
                </p>
                {props.callBackError?.tenantId === call.tenant.tenantId && (
                  <Alert tone="error" testId="call-back-error">
                    {problemText(props.callBackError.error, t)}
                  </Alert>
                )}
              </div>
              <button
                type="button"
                className="button button--small"
                onClick={() => props.onCallBack(call.tenant.tenantId)}
                disabled={props.disabled || props.callingBack !== null}
                data-testid="call-back"
              >
                {props.callingBack === call.tenant.tenantId ? t('callBack.calling') : t('callBack.action', { name: call.tenant.firstName })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
