// The call in progress: the tenant's video (or why there is none), the agent's own picture, the controls, what is wrong
// with the connection in plain words, the caller's details and the note.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { StaffCall } from '@palier/contracts';
import type { VideoTrack } from 'livekit-client';
import { problemText } from '../../api/problem';
import { Alert } from '../../components/Alert';
import { useI18n } from '../../i18n/I18nProvider';
import type { CallRoomSnapshot } from './callRoomState';
import { mediaProblemMessage } from './callMedia';
import { talkSeconds } from './callOutcome';
import { formatWaiting, homeLabel } from './callQueue';
import { OpenReports } from './OpenReports';

export interface CallViewProps {
  call: StaffCall;
  media: CallRoomSnapshot;
  now: number;
  tokenError?: unknown;
  hangUpError?: unknown;
  hangingUp: boolean;
  onHangUp: () => void;
  onMicrophone: (on: boolean) => void;
  onCamera: (on: boolean) => void;
  onRetryDevices: () => void;
  onRejoin: () => void;
  onStartAudio: () => void;
  onSaveNote: (note: string) => Promise<StaffCall>;
}

export function CallView(props: CallViewProps) {
  const { t } = useI18n();
  const { call, media } = props;
  const tenant = call.tenant;
  const ringing = call.state !== 'ANSWERED';
  const tenantPresent = media.participants.some((participant) => participant.kind === 'tenant-tv' || participant.kind === 'tenant-phone');
  const phonePresent = media.participants.some((participant) => participant.kind === 'tenant-phone');
  const talked = talkSeconds(call, props.now);

  return (
    <section className="panel call" aria-labelledby="call-heading" data-testid="call-view" data-call-id={call.id} data-state={call.state}>
      <div className="panel__header">
        <h2 id="call-heading" className="panel__title">
          {ringing ? t('call.ringing', { name: tenant.fullName }) : t('call.with', { name: tenant.fullName })}
        </h2>
        {talked !== null && (
          <span className="call__timer" aria-label={t('call.duration')}>
            {formatWaiting(talked, t)}
          </span>
        )}
      </div>
      <div className="call__layout">
        <div className="call__main">
          <div className="stage">
            <TrackVideo
              track={media.tenantVideo}
              className="stage__remote"
              testId="remote-video"
              label={t('call.tenantVideo', { name: tenant.firstName })}
            />
            {!media.tenantVideo && (
              <div className="stage__placeholder" data-testid="remote-placeholder">
                <span className="stage__initial" aria-hidden="true">
                  {tenant.firstName.slice(0, 1)}
                </span>
                <p>
                  {media.connection !== 'connected'
                    ? t('call.connecting')
                    : ringing
                      ? t('call.ringingHint', { name: tenant.firstName })
                      : !tenantPresent
                        ? t('call.waitingForTenant', { name: tenant.firstName })
                        : t('call.noTenantCamera', { name: tenant.firstName })}
                </p>
              </div>
            )}
            <TrackVideo track={media.localVideo} className="stage__local" testId="local-video" label={t('call.yourCamera')} mirror />
            {!media.localVideo && media.connection === 'connected' && (
              <div className="stage__local stage__local--off">{t('call.cameraIsOff')}</div>
            )}
          </div>
          <MediaStatus media={media} tenantPresent={tenantPresent} phonePresent={phonePresent} />
          {props.tokenError !== undefined && (
            <Alert
              tone="error"
              title={t('media.joinFailed')}
              testId="media-error"
              action={
                <button type="button" className="button button--small" onClick={props.onRejoin}>
                  {t('media.rejoin')}
                </button>
              }
            >
              {problemText(props.tokenError, t)}
            </Alert>
          )}
          {media.connectionProblem && (
            <Alert
              tone="error"
              title={t('media.connectionLost')}
              testId="media-error"
              action={
                <button type="button" className="button button--small" onClick={props.onRejoin}>
                  {t('media.rejoin')}
                </button>
              }
            >
              {t(mediaProblemMessage[media.connectionProblem])}
            </Alert>
          )}
          {media.deviceProblem && (
            <Alert
              tone="error"
              title={t('media.devicesFailed')}
              testId="device-error"
              action={
                <button type="button" className="button button--small" onClick={props.onRetryDevices}>
                  {t('app.retry')}
                </button>
              }
            >
              {t(mediaProblemMessage[media.deviceProblem])}
            </Alert>
          )}
          {media.audioBlocked && media.connection === 'connected' && (
            <Alert
              tone="info"
              title={t('media.audioBlocked')}
              action={
                <button type="button" className="button button--small button--primary" onClick={props.onStartAudio}>
                  {t('media.enableSound')}
                </button>
              }
            />
          )}
          <div className="controls" role="group" aria-label={t('call.controls')}>
            <button
              type="button"
              className="button"
              aria-pressed={!media.microphoneOn}
              onClick={() => props.onMicrophone(!media.microphoneOn)}
              disabled={media.connection !== 'connected'}
              data-testid="toggle-microphone"
            >
              {media.microphoneOn ? t('call.mute') : t('call.unmute')}
            </button>
            <button
              type="button"
              className="button"
              aria-pressed={!media.cameraOn}
              onClick={() => props.onCamera(!media.cameraOn)}
              disabled={media.connection !== 'connected'}
              data-testid="toggle-camera"
            >
              {media.cameraOn ? t('call.cameraOff') : t('call.cameraOn')}
            </button>
            <button
              type="button"
              className="button button--danger controls__hangup"
              onClick={props.onHangUp}
              disabled={props.hangingUp}
              aria-busy={props.hangingUp || undefined}
              data-testid="hang-up"
            >
              {props.hangingUp ? t('call.hangingUp') : ringing ? t('call.cancelCallBack') : t('call.hangUp')}
            </button>
          </div>
          {props.hangUpError !== undefined && (
            <Alert tone="error" title={t('call.hangUpFailed')} testId="hang-up-error">
              {problemText(props.hangUpError, t)}
            </Alert>
          )}
        </div>
        <aside className="call__side">
          <CallerCard call={call} />
          <CallNote call={call} onSave={props.onSaveNote} />
        </aside>
      </div>
    </section>
  );
}

function MediaStatus({ media, tenantPresent, phonePresent }: { media: CallRoomSnapshot; tenantPresent: boolean; phonePresent: boolean }) {
  const { t } = useI18n();
  const connection =
    media.connection === 'connected'
      ? t(`quality.${media.quality}`)
      : media.connection === 'reconnecting'
        ? t('media.reconnecting')
        : media.connection === 'disconnected'
          ? t('media.disconnected')
          : t('media.connecting');
  return (
    <p
      className={`media-status media-status--${media.connection === 'connected' ? media.quality : media.connection}`}
      data-testid="media-status"
      data-connection={media.connection}
      data-quality={media.quality}
      aria-live="polite"
    >
      <span className="live__dot" aria-hidden="true" />
      <span>{connection}</span>
      {media.connection === 'connected' && (
        <span className="muted">
          {' · '}
          {tenantPresent ? (phonePresent ? t('media.tenantWithPhone') : t('media.tenantJoined')) : t('media.tenantAbsent')}
          {tenantPresent && !media.tenantAudio ? ` · ${t('media.tenantSilent')}` : ''}
        </span>
      )}
    </p>
  );
}

export function CallerCard({ call }: { call: StaffCall }) {
  const { t } = useI18n();
  const tenant = call.tenant;
  return (
    <div className="caller" data-testid="caller-details">
      <h3 className="caller__name">{tenant.fullName}</h3>
      <dl className="caller__facts">
        <div>
          <dt>{t('caller.firstName')}</dt>
          <dd>{tenant.firstName}</dd>
        </div>
        <div>
          <dt>{t('caller.home')}</dt>
          <dd>{homeLabel(tenant, t)}</dd>
        </div>
        <div>
          <dt>{t('caller.residence')}</dt>
          <dd>
            {tenant.residence.name}
            <br />
            <span className="muted">{tenant.residence.address}</span>
          </dd>
        </div>
        <div>
          <dt>{t('caller.referenceLabel')}</dt>
          <dd>{tenant.reference}</dd>
        </div>
        <div>
          <dt>{t('caller.reports')}</dt>
          <dd>
            <OpenReports reports={tenant.openReports} />
          </dd>
        </div>
      </dl>
    </div>
  );
}

export function CallNote({ call, onSave }: { call: StaffCall; onSave: (note: string) => Promise<StaffCall> }) {
  const { t } = useI18n();
  const [text, setText] = useState(call.note ?? '');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(call.note);
  const [error, setError] = useState<unknown>();
  const tooLong = text.length > 2000;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (tooLong) return;
    setSaving(true);
    setError(undefined);
    try {
      const result = await onSave(text);
      setSaved(result.note ?? '');
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };
  const dirty = text.trim() !== (saved ?? '').trim();
  return (
    <form className="note" onSubmit={submit} noValidate>
      <label className="field__label" htmlFor="call-note">
        {t('note.label')}
      </label>
      <textarea
        id="call-note"
        className="note__text"
        value={text}
        maxLength={2000}
        rows={4}
        onChange={(event) => setText(event.target.value)}
        aria-describedby="call-note-hint"
        aria-invalid={tooLong || undefined}
      />
      <p className="field__hint" id="call-note-hint">
        {t('note.hint', { count: text.length })}
      </p>
      <div className="form__actions">
        <button type="submit" className="button button--small" disabled={saving || !dirty} data-testid="save-note">
          {saving ? t('note.saving') : t('note.save')}
        </button>
        {!dirty && saved !== null && saved !== '' && !saving && (
          <span className="note__saved" role="status" data-testid="note-saved">
            ✓ {t('note.saved')}
          </span>
        )}
      </div>
      {error !== undefined && (
        <Alert tone="error" testId="note-error">
          {problemText(error, t)}
        </Alert>
      )}
    </form>
  );
}

function TrackVideo({
  track,
  className,
  testId,
  label,
  mirror = false,
}: {
  track: VideoTrack | null;
  className: string;
  testId: string;
  label: string;
  mirror?: boolean;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || !track) return;
    track.attach(element);
    return () => {
      track.detach(element);
    };
  }, [track]);
  return (
    <video
      ref={ref}
      className={mirror ? `${className} video--mirror` : className}
      data-testid={testId}
      aria-label={label}
      hidden={!track}
      autoPlay
      playsInline
      muted
    />
  );
}
