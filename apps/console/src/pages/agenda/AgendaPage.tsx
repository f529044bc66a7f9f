// The agenda task: publish a series of slots, read a day or a week per place with who is coming, cancel an appointment
// with a reason (the tenant is told), download an appointment's .ics file.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { AgendaSlot, AgendaVisitor, AppointmentService, EventMessage, PalierClient } from '@palier/contracts';
import { api } from '../../api/client';
import { problemText } from '../../api/problem';
import { useRealtime } from '../../api/useRealtime';
import { Alert } from '../../components/Alert';
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

  const load = useCallback(async () => {
    try {
      const page = await agendaApi.agenda({ from, days, limit: 100, ...(place ? { placeName: place } : {}) });
      setSlots(page.items);
      setNextCursor(page.nextCursor);
      setPlaces((known) => Array.from(new Set([...known, ...page.items.map((slot) => slot.placeName)])).sort());
      setStatus('ready');
    } catch (failure) {
      setError(failure);
      setStatus('failed');
    }
  }, [from, days, place]);

  useEffect(() => {
    setStatus('loading');
    void load();
  }, [load]);
  useRealtime(
    (event: EventMessage) => {
      if (event.name === 'appointment.updated') void load();
    },
    () => void load(),
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
      </div>
      <div className="workspace agenda">
        <PublishSeries
          a={a}
          t={i18n.t}
          from={from}
          onPublished={(count) => {
            setNotice(a('published', { count }));
            void load();
          }}
        />
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

function SlotRow({ slot, a, t, onCancelled }: { slot: AgendaSlot; a: AgendaTranslate; t: Translate; onCancelled: (name: string) => void }) {
  return (
    <li
      className={`agenda-slot${slot.booked > 0 ? ' agenda-slot--booked' : ''}`}
      data-testid={`agenda-slot-${slot.localDate}-${slot.localTime}`}
    >
      <div className="agenda-slot__head">
        <strong className="agenda-slot__time">{slot.localTime}</strong>
        <span>{slot.subject}</span>
        <span className="muted">{slot.placeName}</span>
        <span className="agenda-slot__seats">
          {slot.booked === 0 && slot.capacity === 1 ? a('free') : a('seats', { booked: slot.booked, capacity: slot.capacity })}
        </span>
      </div>
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
  onPublished,
}: {
  a: AgendaTranslate;
  t: Translate;
  from: string;
  onPublished: (count: number) => void;
}) {
  const [services, setServices] = useState<AppointmentService[]>([]);
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
    agendaApi.staffAppointmentServices().then(
      (list) => {
        setServices(list.items);
        setForm((previous) => (previous.serviceId || !list.items[0] ? previous : { ...previous, serviceId: list.items[0].id }));
      },
      (failure: unknown) => setError(failure),
    );
  }, []);

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
      setServices((previous) => [...previous, service]);
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
