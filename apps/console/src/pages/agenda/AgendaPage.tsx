// The agenda task: publish a series of slots, read a day or a week per place with who is coming, cancel an appointment
// with a reason (the tenant is told), download an appointment's .ics file; change what was published: edit a slot,
// cancel a slot with a reason (every booked tenant is told), retire a subject. Live: what a colleague's console or a
// tenant's TV changes in the organisation's agenda shows at once (agenda.changed), and an edit being typed stays.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { AgendaSlot, AgendaVisitor, AppointmentService, EditSlotRequest, EventMessage, PalierClient } from '@palier/contracts';
import { api } from '../../api/client';
import { problemText } from '../../api/problem';
import { useRealtime } from '../../api/useRealtime';
import { Alert } from '../../components/Alert';
import { LiveIndicator } from '../../components/LiveIndicator';
import { Spinner } from '../../components/Spinner';
import { useI18n } from '../../i18n/I18nProvider';
import type { Translate } from '../../i18n/catalogue';
import './agenda.css';
import { addDays, agendaTranslator, dayHeading, parisToday, type AgendaMessageKey, type AgendaTranslate } from './messages';

type AgendaClient = Pick<
  PalierClient,
  | 'agenda'
  | 'staffAppointmentServices'
  | 'createAppointmentService'
  | 'publishSlotSeries'
  | 'cancelAppointmentAsStaff'
  | 'staffAppointmentCalendarUrl'
  | 'editAppointmentSlot'
  | 'cancelAppointmentSlot'
  | 'retireAppointmentService'
>;
const agendaApi = api as unknown as AgendaClient;

function newKey(): string {
  return `console-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function AgendaPage() {
  const i18n = useI18n();
  const language = i18n.t.language;
  const a = useMemo(() => agendaTranslator(language), [language]);
  const [from, setFrom] = useState(parisToday);
  const [days, setDays] = useState<1 | 7>(7);
  const [place, setPlace] = useState('');
  const [slots, setSlots] = useState<AgendaSlot[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [error, setError] = useState<unknown>();
  const [places, setPlaces] = useState<string[]>([]);
  const [notice, setNotice] = useState('');
  const [services, setServices] = useState<AppointmentService[]>([]);
  const [servicesError, setServicesError] = useState<unknown>();

  const loadServices = useCallback(() => {
    agendaApi.staffAppointmentServices().then(
      (list) => setServices(list.items),
      (failure: unknown) => setServicesError(failure),
    );
  }, []);
  useEffect(loadServices, [loadServices]);

  // Live changes can ask for the agenda while an earlier read is on its way: only the latest read is shown.
  const reads = useRef(0);
  const load = useCallback(async () => {
    const read = ++reads.current;
    try {
      const page = await agendaApi.agenda({ from, days, limit: 100, ...(place ? { placeName: place } : {}) });
      if (read !== reads.current) return;
      setSlots(page.items);
      setNextCursor(page.nextCursor);
      setPlaces((known) => Array.from(new Set([...known, ...page.items.map((slot) => slot.placeName)])).sort());
      setStatus('ready');
    } catch (failure) {
      if (read !== reads.current) return;
      setError(failure);
      setStatus('failed');
    }
  }, [from, days, place]);

  useEffect(() => {
    setStatus('loading');
    void load();
  }, [load]);
  const live = useRealtime(
    (event: EventMessage) => {
      if (event.name !== 'agenda.changed') return;
      if (event.data.change.startsWith('service_')) loadServices();
      void load();
    },
    () => {
      loadServices();
      void load();
    },
  );

  const more = async () => {
    if (!nextCursor) return;
    const page = await agendaApi.agenda({ from, days, limit: 100, cursor: nextCursor, ...(place ? { placeName: place } : {}) });
    setSlots((previous) => [...previous, ...page.items]);
    setNextCursor(page.nextCursor);
  };

  const byDay = useMemo(() => {
    const groups: { date: string; slots: AgendaSlot[] }[] = [];
    for (const slot of slots) {
      const last = groups[groups.length - 1];
      if (last && last.date === slot.localDate) last.slots.push(slot);
      else groups.push({ date: slot.localDate, slots: [slot] });
    }
    return groups;
  }, [slots]);

  return (
    <div className="page" data-testid="agenda-page">
      <div className="page__header">
        <h1 className="page__title">{a('title')}</h1>
        <p className="page__intro">{a('intro')}</p>
        <LiveIndicator status={live} live={a('live')} />
      </div>
      <div className="workspace agenda">
        <div className="agenda-side">
          <PublishSeries
            a={a}
            t={i18n.t}
            from={from}
            services={services}
            servicesError={servicesError}
            onServiceCreated={(service) => setServices((previous) => [...previous, service])}
            onPublished={(count) => {
              setNotice(a('published', { count }));
              void load();
            }}
          />
          <ServicesPanel
            a={a}
            t={i18n.t}
            services={services}
            onRetired={(service) => {
              setServices((previous) => previous.filter((one) => one.id !== service.id));
              setNotice(a('retired', { subject: service.subject }));
              void load();
            }}
          />
        </div>
        <section className="panel" aria-busy={status === 'loading' || undefined}>
          <div className="agenda-controls" role="search">
            <label className="field">
              <span className="field__label">{a('from')}</span>
              <input
                type="date"
                value={from}
                onChange={(event) => event.target.value && setFrom(event.target.value)}
                data-testid="agenda-from"
              />
            </label>
            <label className="field">
              <span className="field__label">{a('view')}</span>
              <select value={days} onChange={(event) => setDays(Number(event.target.value) as 1 | 7)} data-testid="agenda-view">
                <option value={1}>{a('day')}</option>
                <option value={7}>{a('week')}</option>
              </select>
            </label>
            <label className="field">
              <span className="field__label">{a('place')}</span>
              <select value={place} onChange={(event) => setPlace(event.target.value)} data-testid="agenda-place">
                <option value="">{a('allPlaces')}</option>
                {places.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <div className="agenda-controls__steps">
              <button type="button" className="button button--ghost" onClick={() => setFrom(addDays(from, -days))}>
                {a('previous')}
              </button>
              <button type="button" className="button button--ghost" onClick={() => setFrom(addDays(from, days))} data-testid="agenda-next">
                {a('next')}
              </button>
            </div>
          </div>
          {notice && (
            <Alert tone="success" testId="agenda-notice">
              {notice}
            </Alert>
          )}
          {status === 'loading' && <Spinner label={a('loading')} />}
          {status === 'failed' && (
            <Alert tone="error" title={a('failed')}>
              {problemText(error, i18n.t)}
            </Alert>
          )}
          {status === 'ready' && slots.length === 0 && <p className="empty">{a('empty')}</p>}
          {byDay.map((group) => (
            <section key={group.date} className="agenda-day" data-testid={`agenda-day-${group.date}`}>
              <h2 className="agenda-day__title">{dayHeading(group.date, language)}</h2>
              <ul className="agenda-slots">
                {group.slots.map((slot) => (
                  <SlotRow
                    key={slot.id}
                    slot={slot}
                    a={a}
                    t={i18n.t}
                    onCancelled={(name) => {
                      setNotice(a('cancelled', { name }));
                      void load();
                    }}
                    onSlotChanged={(message) => {
                      setNotice(message);
                      void load();
                    }}
                  />
                ))}
              </ul>
            </section>
          ))}
          {nextCursor && (
            <button type="button" className="button button--ghost" onClick={() => void more()}>
              {a('more')}
            </button>
          )}
        </section>
      </div>
    </div>
  );
}

type SlotAction = 'none' | 'edit' | 'cancel';

function SlotRow({
  slot,
  a,
  t,
  onCancelled,
  onSlotChanged,
}: {
  slot: AgendaSlot;
  a: AgendaTranslate;
  t: Translate;
  onCancelled: (name: string) => void;
  onSlotChanged: (message: string) => void;
}) {
  const [action, setAction] = useState<SlotAction>('none');
  const cancelled = slot.cancelledAt !== null;
  const upcoming = new Date(slot.startsAt).getTime() > Date.now();
  return (
    <li
      className={`agenda-slot${slot.booked > 0 ? ' agenda-slot--booked' : ''}${cancelled ? ' agenda-slot--cancelled' : ''}`}
      data-testid={`agenda-slot-${slot.localDate}-${slot.localTime}`}
    >
      <div className="agenda-slot__head">
        <strong className="agenda-slot__time">{slot.localTime}</strong>
        <span>{slot.subject}</span>
        <span className="muted">{slot.placeName}</span>
        {slot.serviceRetired && <span className="agenda-tag">{a('serviceRetired')}</span>}
        <span className="agenda-slot__seats">
          {cancelled
            ? a('slotCancelled')
            : slot.booked === 0 && slot.capacity === 1
              ? a('free')
              : a('seats', { booked: slot.booked, capacity: slot.capacity })}
        </span>
        {!cancelled && upcoming && action === 'none' && (
          <span className="agenda-slot__actions">
            {!slot.serviceRetired && (
              <button type="button" className="button button--ghost" onClick={() => setAction('edit')} data-testid="slot-edit">
                {a('editSlot')}
              </button>
            )}
            <button type="button" className="button button--ghost" onClick={() => setAction('cancel')} data-testid="slot-cancel">
              {a('cancelSlot')}
            </button>
          </span>
        )}
      </div>
      {cancelled && slot.cancelReason && (
        <p className="agenda-slot__reason" data-testid="slot-cancel-reason">
          {a('slotCancelReason', { reason: slot.cancelReason })}
        </p>
      )}
      {action === 'edit' && !cancelled && (
        <EditSlot
          slot={slot}
          a={a}
          t={t}
          onClose={() => setAction('none')}
          onSaved={() => {
            setAction('none');
            onSlotChanged(a('slotSaved', { time: slot.localTime }));
          }}
        />
      )}
      {action === 'cancel' && !cancelled && (
        <CancelSlot
          slot={slot}
          a={a}
          t={t}
          onClose={() => setAction('none')}
          onCancelled={(count) => {
            setAction('none');
            onSlotChanged(a('slotCancelledDone', { time: slot.localTime, count }));
          }}
        />
      )}
      {slot.visitors.length > 0 && (
        <ul className="agenda-visitors">
          {slot.visitors.map((visitor) => (
            <Visitor key={visitor.appointmentId} visitor={visitor} a={a} t={t} onCancelled={onCancelled} />
          ))}
        </ul>
      )}
    </li>
  );
}

function Visitor({
  visitor,
  a,
  t,
  onCancelled,
}: {
  visitor: AgendaVisitor;
  a: AgendaTranslate;
  t: Translate;
  onCancelled: (name: string) => void;
}) {
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await agendaApi.cancelAppointmentAsStaff(visitor.appointmentId, reason);
      onCancelled(visitor.fullName);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <li className="agenda-visitor" data-testid={`agenda-visitor-${visitor.reference}`}>
      <div className="agenda-visitor__who">
        <strong>{visitor.fullName}</strong>
        <span>{visitor.home}</span>
        <span className="muted">{a('reference', { reference: visitor.reference })}</span>
      </div>
      <div className="agenda-visitor__actions">
        <a
          className="button button--ghost"
          href={agendaApi.staffAppointmentCalendarUrl(visitor.appointmentId)}
          download
          data-testid="agenda-ics"
        >
          {a('ics')}
        </a>
        {!cancelling && (
          <button type="button" className="button button--ghost" onClick={() => setCancelling(true)} data-testid="agenda-cancel">
            {a('cancel')}
          </button>
        )}
      </div>
      {cancelling && (
        <form className="agenda-cancel" onSubmit={(event) => void submit(event)}>
          <label className="field">
            <span className="field__label">{a('reason')}</span>
            <textarea
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              minLength={3}
              maxLength={500}
              required
              rows={2}
              data-testid="agenda-cancel-reason"
            />
            <span className="field__hint">{a('reasonHint')}</span>
          </label>
          {error !== undefined && <Alert tone="error">{problemText(error, t)}</Alert>}
          <div className="agenda-cancel__buttons">
            <button
              type="submit"
              className="button button--danger"
              disabled={busy || reason.trim().length < 3}
              data-testid="agenda-cancel-confirm"
            >
              {busy ? a('cancelling') : a('confirmCancel')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setCancelling(false)} disabled={busy}>
              {a('keep')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

type SlotFields = Pick<AgendaSlot, 'placeName' | 'placeAddress' | 'localDate' | 'localTime' | 'durationMinutes' | 'capacity'>;

/**
 * Place, time and duration while nobody booked the slot (tenants were told where and when); the number of seats at any
 * time, never under the seats taken. Only what changed is sent, so the server compares like with like.
 */
function EditSlot({
  slot,
  a,
  t,
  onClose,
  onSaved,
}: {
  slot: AgendaSlot;
  a: AgendaTranslate;
  t: Translate;
  onClose: () => void;
  onSaved: () => void;
}) {
  const booked = slot.booked > 0;
  // Only the fields typed in are kept here; the others follow the slot as it is now. So a colleague's or a tenant's
  // change arriving live shows in the untouched fields, what is being typed stays, and saving sends only what was typed.
  const [edits, setEdits] = useState<Partial<SlotFields>>({});
  const edit = (patch: Partial<SlotFields>) => setEdits((previous) => ({ ...previous, ...patch }));
  const form: SlotFields = {
    placeName: edits.placeName ?? slot.placeName,
    placeAddress: edits.placeAddress ?? slot.placeAddress,
    localDate: edits.localDate ?? slot.localDate,
    localTime: edits.localTime ?? slot.localTime,
    durationMinutes: edits.durationMinutes ?? slot.durationMinutes,
    capacity: edits.capacity ?? slot.capacity,
  };
  // The slot as it was when the form opened: if it changes meanwhile, the form says so.
  const [opened] = useState(slot);
  const changedElsewhere = (['placeName', 'placeAddress', 'startsAt', 'durationMinutes', 'capacity', 'booked'] as const).some(
    (field) => slot[field] !== opened[field],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const changes: EditSlotRequest = {};
  if (form.placeName.trim() !== slot.placeName) changes.placeName = form.placeName.trim();
  if (form.placeAddress.trim() !== slot.placeAddress) changes.placeAddress = form.placeAddress.trim();
  if (form.localDate !== slot.localDate) changes.localDate = form.localDate;
  if (form.localTime !== slot.localTime) changes.localTime = form.localTime;
  if (form.durationMinutes !== slot.durationMinutes) changes.durationMinutes = form.durationMinutes;
  if (form.capacity !== slot.capacity) changes.capacity = form.capacity;
  const changed = Object.keys(changes).length > 0;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await agendaApi.editAppointmentSlot(slot.id, changes);
      onSaved();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <form className="agenda-cancel agenda-edit" onSubmit={(event) => void submit(event)} data-testid="slot-edit-form">
      {changedElsewhere && (
        <Alert tone="info" testId="slot-edit-changed-elsewhere">
          {a('changedElsewhere', { time: slot.localTime, booked: slot.booked, capacity: slot.capacity })}
        </Alert>
      )}
      {booked && <p className="field__hint">{a('editBookedHint', { booked: slot.booked })}</p>}
      <div className="agenda-form__row">
        <label className="field">
          <span className="field__label">{a('placeName')}</span>
          <input
            value={form.placeName}
            disabled={booked}
            minLength={2}
            maxLength={200}
            required
            onChange={(event) => edit({ placeName: event.target.value })}
            data-testid="slot-edit-placeName"
          />
        </label>
        <label className="field">
          <span className="field__label">{a('placeAddress')}</span>
          <input
            value={form.placeAddress}
            disabled={booked}
            minLength={2}
            maxLength={300}
            required
            onChange={(event) => edit({ placeAddress: event.target.value })}
          />
        </label>
      </div>
      <div className="agenda-form__row">
        <label className="field">
          <span className="field__label">{a('date')}</span>
          <input
            type="date"
            value={form.localDate}
            disabled={booked}
            required
            onChange={(event) => event.target.value && edit({ localDate: event.target.value })}
          />
        </label>
        <label className="field">
          <span className="field__label">{a('time')}</span>
          <input
            type="time"
            value={form.localTime}
            disabled={booked}
            required
            onChange={(event) => event.target.value && edit({ localTime: event.target.value })}
            data-testid="slot-edit-time"
          />
        </label>
        <label className="field">
          <span className="field__label">{a('duration')}</span>
          <input
            type="number"
            min={5}
            max={480}
            value={form.durationMinutes}
            disabled={booked}
            onChange={(event) => edit({ durationMinutes: Number(event.target.value) })}
          />
        </label>
        <label className="field">
          <span className="field__label">{a('capacity')}</span>
          <input
            type="number"
            min={Math.max(1, slot.booked)}
            max={100}
            value={form.capacity}
            onChange={(event) => edit({ capacity: Number(event.target.value) })}
            data-testid="slot-edit-capacity"
          />
          {booked && <span className="field__hint">{a('capacityHint', { booked: slot.booked })}</span>}
        </label>
      </div>
      {error !== undefined && <Alert tone="error">{problemText(error, t)}</Alert>}
      <div className="agenda-cancel__buttons">
        <button type="submit" className="button button--primary" disabled={busy || !changed} data-testid="slot-edit-save">
          {busy ? a('saving') : a('saveSlot')}
        </button>
        <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
          {a('keepSlot')}
        </button>
      </div>
    </form>
  );
}

/** Cancels the slot after a reason and a confirmation that says how many tenants will be told. */
function CancelSlot({
  slot,
  a,
  t,
  onClose,
  onCancelled,
}: {
  slot: AgendaSlot;
  a: AgendaTranslate;
  t: Translate;
  onClose: () => void;
  onCancelled: (count: number) => void;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      // A retry after a lost answer is the same cancellation: the server changes nothing and tells nobody twice.
      const done = await agendaApi.cancelAppointmentSlot(slot.id, reason);
      onCancelled(done.cancelledAppointments);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <form className="agenda-cancel" onSubmit={(event) => void submit(event)} data-testid="slot-cancel-form">
      <p className="agenda-cancel__warning">{slot.booked > 0 ? a('cancelSlotWarning', { count: slot.booked }) : a('cancelSlotEmpty')}</p>
      <label className="field">
        <span className="field__label">{slot.booked > 0 ? a('reason') : a('reasonInternal')}</span>
        <textarea
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          minLength={3}
          maxLength={500}
          required
          rows={2}
          data-testid="slot-cancel-reason-input"
        />
        {slot.booked > 0 && <span className="field__hint">{a('reasonHint')}</span>}
      </label>
      {error !== undefined && <Alert tone="error">{problemText(error, t)}</Alert>}
      <div className="agenda-cancel__buttons">
        <button
          type="submit"
          className="button button--danger"
          disabled={busy || reason.trim().length < 3}
          data-testid="slot-cancel-confirm"
        >
          {busy ? a('cancelling') : slot.booked > 0 ? a('confirmCancelSlot', { count: slot.booked }) : a('confirmCancelEmptySlot')}
        </button>
        <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
          {a('keepSlot')}
        </button>
      </div>
    </form>
  );
}

/** The organisation's subjects, each retirable after a confirmation saying what happens to what was booked. */
function ServicesPanel({
  a,
  t,
  services,
  onRetired,
}: {
  a: AgendaTranslate;
  t: Translate;
  services: AppointmentService[];
  onRetired: (service: AppointmentService) => void;
}) {
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const retire = async (service: AppointmentService) => {
    setBusy(true);
    setError(undefined);
    try {
      await agendaApi.retireAppointmentService(service.id);
      setAsking(null);
      onRetired(service);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel agenda-services" aria-labelledby="services-title" data-testid="agenda-services">
      <h2 id="services-title" className="panel__title">
        {a('servicesTitle')}
      </h2>
      {services.length === 0 && <p className="empty">{a('noService')}</p>}
      <ul className="agenda-services__list">
        {services.map((service) => (
          <li key={service.id} className="agenda-services__item" data-testid={`agenda-service-${service.id}`}>
            <span>{service.subject}</span>
            {asking !== service.id ? (
              <button
                type="button"
                className="button button--ghost"
                onClick={() => {
                  setError(undefined);
                  setAsking(service.id);
                }}
                data-testid="service-retire"
              >
                {a('retire')}
              </button>
            ) : (
              <div className="agenda-cancel" role="alertdialog" aria-label={a('retireQuestion', { subject: service.subject })}>
                <p className="agenda-cancel__warning">
                  <strong>{a('retireQuestion', { subject: service.subject })}</strong> {a('retireHelp')}
                </p>
                {error !== undefined && <Alert tone="error">{problemText(error, t)}</Alert>}
                <div className="agenda-cancel__buttons">
                  <button
                    type="button"
                    className="button button--danger"
                    disabled={busy}
                    onClick={() => void retire(service)}
                    data-testid="service-retire-confirm"
                  >
                    {busy ? a('retiring') : a('confirmRetire')}
                  </button>
                  <button type="button" className="button button--ghost" onClick={() => setAsking(null)} disabled={busy}>
                    {a('keepService')}
                  </button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

interface SeriesForm {
  serviceId: string;
  placeName: string;
  placeAddress: string;
  firstDay: string;
  weeks: number;
  weekdays: number[];
  from: string;
  until: string;
  everyMinutes: number;
  durationMinutes: number;
  capacity: number;
}

function PublishSeries({
  a,
  t,
  from,
  services,
  servicesError,
  onServiceCreated,
  onPublished,
}: {
  a: AgendaTranslate;
  t: Translate;
  from: string;
  services: AppointmentService[];
  servicesError: unknown;
  onServiceCreated: (service: AppointmentService) => void;
  onPublished: (count: number) => void;
}) {
  const [form, setForm] = useState<SeriesForm>({
    serviceId: '',
    placeName: '',
    placeAddress: '',
    firstDay: addDays(from, 1),
    weeks: 4,
    weekdays: [2],
    from: '09:00',
    until: '12:00',
    everyMinutes: 30,
    durationMinutes: 30,
    capacity: 1,
  });
  const [newService, setNewService] = useState({ subject: '', whatToBring: '', cancelCutoffHours: 24 });
  const [key, setKey] = useState(newKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (servicesError !== undefined) setError(servicesError);
  }, [servicesError]);
  // The first subject is chosen until the user picks one; a retired one gives way to the next.
  useEffect(() => {
    setForm((previous) =>
      previous.serviceId === 'new' || services.some((service) => service.id === previous.serviceId)
        ? previous
        : { ...previous, serviceId: services[0]?.id ?? '' },
    );
  }, [services]);

  const set = (patch: Partial<SeriesForm>) => {
    setForm((previous) => ({ ...previous, ...patch }));
    // A changed request is a new request: only a retry of the same one may reuse the key.
    setKey(newKey());
  };
  const creating = form.serviceId === 'new' || services.length === 0;

  const createService = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const service = await agendaApi.createAppointmentService({
        subject: newService.subject,
        ...(newService.whatToBring.trim() ? { whatToBring: newService.whatToBring } : {}),
        cancelCutoffHours: newService.cancelCutoffHours,
      });
      onServiceCreated(service);
      set({ serviceId: service.id });
      setNewService({ subject: '', whatToBring: '', cancelCutoffHours: 24 });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (creating) return;
    setBusy(true);
    setError(undefined);
    try {
      const published = await agendaApi.publishSlotSeries(form, key);
      setKey(newKey());
      onPublished(published.created);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const number = (field: keyof SeriesForm, label: AgendaMessageKey, min: number, max: number) => (
    <label className="field">
      <span className="field__label">{a(label)}</span>
      <input
        type="number"
        min={min}
        max={max}
        value={form[field] as number}
        onChange={(event) => set({ [field]: Number(event.target.value) })}
        data-testid={`series-${field}`}
      />
    </label>
  );

  return (
    <section className="panel agenda-publish" aria-labelledby="series-title">
      <h2 id="series-title" className="panel__title">
        {a('publishTitle')}
      </h2>
      <form onSubmit={(event) => void submit(event)} className="agenda-form">
        <label className="field">
          <span className="field__label">{a('service')}</span>
          <select
            value={creating ? 'new' : form.serviceId}
            onChange={(event) => set({ serviceId: event.target.value })}
            data-testid="series-service"
          >
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.subject}
              </option>
            ))}
            <option value="new">{a('newService')}</option>
          </select>
        </label>
        {creating && (
          <fieldset className="agenda-new-service">
            <label className="field">
              <span className="field__label">{a('subject')}</span>
              <input
                value={newService.subject}
                onChange={(event) => setNewService({ ...newService, subject: event.target.value })}
                data-testid="service-subject"
              />
            </label>
            <label className="field">
              <span className="field__label">{a('whatToBring')}</span>
              <input
                value={newService.whatToBring}
                onChange={(event) => setNewService({ ...newService, whatToBring: event.target.value })}
              />
            </label>
            <label className="field">
              <span className="field__label">{a('cutoff')}</span>
              <input
                type="number"
                min={0}
                max={168}
                value={newService.cancelCutoffHours}
                onChange={(event) => setNewService({ ...newService, cancelCutoffHours: Number(event.target.value) })}
              />
            </label>
            <button
              type="button"
              className="button button--primary"
              disabled={busy || newService.subject.trim().length < 3}
              onClick={() => void createService()}
              data-testid="service-create"
            >
              {a('createService')}
            </button>
          </fieldset>
        )}
        <label className="field">
          <span className="field__label">{a('placeName')}</span>
          <input
            value={form.placeName}
            onChange={(event) => set({ placeName: event.target.value })}
            required
            minLength={2}
            data-testid="series-placeName"
          />
        </label>
        <label className="field">
          <span className="field__label">{a('placeAddress')}</span>
          <input
            value={form.placeAddress}
            onChange={(event) => set({ placeAddress: event.target.value })}
            required
            minLength={2}
            data-testid="series-placeAddress"
          />
        </label>
        <div className="agenda-form__row">
          <label className="field">
            <span className="field__label">{a('firstDay')}</span>
            <input
              type="date"
              value={form.firstDay}
              onChange={(event) => set({ firstDay: event.target.value })}
              required
              data-testid="series-firstDay"
            />
          </label>
          {number('weeks', 'weeks', 1, 12)}
        </div>
        <fieldset className="agenda-weekdays">
          <legend className="field__label">{a('weekdays')}</legend>
          {WEEKDAYS.map((weekday) => (
            <label key={weekday} className="field--check">
              <input
                type="checkbox"
                checked={form.weekdays.includes(weekday)}
                onChange={(event) =>
                  set({
                    weekdays: event.target.checked ? [...form.weekdays, weekday].sort() : form.weekdays.filter((day) => day !== weekday),
                  })
                }
                data-testid={`series-weekday-${weekday}`}
              />
              <span>{a(`weekday.${weekday}` as AgendaMessageKey)}</span>
            </label>
          ))}
        </fieldset>
        <div className="agenda-form__row">
          <label className="field">
            <span className="field__label">{a('startTime')}</span>
            <input
              type="time"
              value={form.from}
              onChange={(event) => set({ from: event.target.value })}
              required
              data-testid="series-from"
            />
          </label>
          <label className="field">
            <span className="field__label">{a('endTime')}</span>
            <input
              type="time"
              value={form.until}
              onChange={(event) => set({ until: event.target.value })}
              required
              data-testid="series-until"
            />
          </label>
        </div>
        <div className="agenda-form__row">
          {number('everyMinutes', 'every', 5, 480)}
          {number('durationMinutes', 'duration', 5, 480)}
          {number('capacity', 'capacity', 1, 100)}
        </div>
        {error !== undefined && <Alert tone="error">{problemText(error, t)}</Alert>}
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || creating || form.weekdays.length === 0}
          data-testid="series-publish"
        >
          {busy ? a('publishing') : a('publish')}
        </button>
        {creating && <p className="muted">{a('noService')}</p>}
      </form>
    </section>
  );
}
