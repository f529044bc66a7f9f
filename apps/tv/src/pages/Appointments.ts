// Appointments ("Rendez-vous") with the landlord's agency, the district town hall or the city: pick who and what,
// a day, a time, confirm; then "my appointments" to move (atomically, on the server) or cancel after a confirmation.
import Blits from '@lightningjs/blits';
// Plain types only: the TV bundle leaves the API's schemas (and typebox) out.
import type { AppointmentService, FreeSlot, TenantAppointment } from '@palier/contracts/src/appointments';
import type { EventMessage } from '@palier/contracts/src/realtime';
import { ApiProblem } from '@palier/contracts/src/client';
import { api } from '../api/session';
import { newIdempotencyKey } from '../api/idempotency-key';
import { failureMessage } from '../api/problems';
import { format } from '../i18n';
import { appointmentDay, appointmentWhen, appointmentWords, type AppointmentWords } from '../i18n/appointments';
import { reportDialog, reportMessage, reportScreen } from '../testing';
import { lookComputed, speak } from '../components/look';
import { choiceGridInput } from '../components/choice-grid';
import Button from '../components/Button';
import Dialog from '../components/Dialog';
import KeyHints from '../components/KeyHints';
import Waiting from '../components/Waiting';
import QrCode from '../components/QrCode';
import PagedList, { type PagedListPage } from '../components/PagedList';
import { onAppointmentEvent } from '../appointments/events';
import { goBack } from './navigation';

type Step = 'menu' | 'who' | 'subject' | 'day' | 'time' | 'confirm' | 'done' | 'mine' | 'detail' | 'cancelled';

interface Choice {
  /** What OK does: a code read by chooseItem(). */
  action: string;
  label: string;
}

interface Item {
  id: string;
  key: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Organisation {
  id: string;
  name: string;
  kind: 'LANDLORD' | 'TOWN_HALL' | 'CITY';
}

const LEFT = 96;
const WIDTH = 1728;
const DAYS_PER_PAGE = 6;
const TIMES_PER_PAGE = 12;
let renders = 0;
let stopListening: (() => void) | null = null;

export default Blits.Component('Appointments', {
  components: { Button, Dialog, KeyHints, QrCode, Waiting, PagedList },
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-appointments', step: $step}">
      <Text :content="$title" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="54" maxwidth="1728" maxlines="1" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'appointments-title'}" />
      <Text :show="!!$body" :content="$body" :size="$ts.body" :color="$alert ? $c.danger : $c.text" :x="$qrUrl && $rtl ? 96 + 400 : 96" :y="54 + $ts.title * 1.6" :maxwidth="$qrUrl ? 1728 - 400 : 1728" :maxlines="$bodyLines" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'appointments-body'}" />
      <QrCode :alpha="$qrUrl ? 1 : 0" :value="$qrUrl" size="300" :x="$rtl ? 96 : 1920 - 96 - 300" :y="54 + $ts.title * 1.6" testid="appointment-calendar-qr" />
      <Text :show="!!$qrUrl" :content="$words.qrHelp" :size="$ts.small" :color="$c.textMuted" :x="$rtl ? 96 : 1920 - 96 - 340" :y="54 + $ts.title * 1.6 + 320" maxwidth="340" maxlines="4" :align="$rtl ? 'right' : 'left'" />
      <Waiting :show="$loading" :label="$words.loading" w="1728" x="96" :y="54 + $ts.title * 1.6" testid="appointments-loading" />
      <PagedList ref="list" :show="$step === 'mine'" :active="$step === 'mine'" :x="$rtl ? 96 : 56" y="220" w="1768" :h="1080 - 54 - $ts.small * 1.6 - 24 - 220" rowh="100" event="appointmentList" testid="appointment-list" />
      <Button :for="(item, i) in $items" key="$item.key" ref="item" :x="$item.x" :y="$item.y" :w="$item.w" :h="$item.h" :label="$item.label" :testid="'appt-' + $item.id" />
      <KeyHints :hints="$hints" />
      <Dialog ref="confirm" zIndex="10" :show="$confirming" :question="$words.cancelQuestion" :help="$confirmHelp" :yes="$words.cancelYes" :no="$t.common.no" event="appointmentCancelAnswer" />
    </Element>
  `,
  state() {
    return {
      step: 'menu' as Step,
      title: '',
      body: '',
      alert: false,
      loading: false,
      /** The appointment's signed .ics link, shown as a QR code on its detail. */
      qrUrl: '',
      bodyLines: 6,
      items: [] as Item[],
      choices: [] as Choice[],
      cols: 1,
      index: 0,
      services: [] as AppointmentService[],
      organisationId: '',
      service: null as AppointmentService | null,
      daysCursor: '',
      dayCursors: [] as string[],
      day: '',
      timesCursor: '',
      slots: [] as FreeSlot[],
      slot: null as FreeSlot | null,
      /** Set while moving: the appointment being moved. */
      moving: null as TenantAppointment | null,
      appointment: null as TenantAppointment | null,
      bookKey: '',
      busy: false,
      confirming: false,
      confirmHelp: '',
    };
  },
  computed: {
    ...lookComputed,
    words(): AppointmentWords {
      return appointmentWords(this.$appState.language);
    },
    hints() {
      return [
        { key: 'ok', label: this.t.common.choose },
        { key: 'back', label: this.t.common.goBack },
      ];
    },
  },
  hooks: {
    ready() {
      reportScreen('appointments');
      this.$listen('appointmentCancelAnswer', (yes: boolean) => this.answerCancel(yes));
      this.$listen('appointmentList:choose', ({ id }: { id: string }) => this.act(id));
      if (stopListening) stopListening();
      stopListening = onAppointmentEvent((event: EventMessage) => this.onEvent(event));
      this.showMenu();
    },
    destroy() {
      if (stopListening) stopListening();
      stopListening = null;
    },
    focus() {
      this.focusItem();
    },
  },
  methods: {
    lang() {
      return this.$appState.language as 'fr' | 'en' | 'ar';
    },
    /** Lays choices out in a grid of `cols` columns below the body, mirrored in right-to-left. */
    setChoices(choices: Choice[], cols: number, top: number, height = 100, focusIndex = 0) {
      renders += 1;
      const gap = 32;
      const w = cols === 1 ? 1100 : Math.floor((WIDTH - (cols - 1) * gap) / cols);
      const h = Math.round(height * (this.ts.k > 1 ? 1.15 : 1));
      this.choices = choices;
      this.cols = cols;
      this.items = choices.map((choice, i) => {
        const col = i % cols;
        const row = Math.floor(i / cols);
        const x = LEFT + col * (w + gap);
        return {
          id: choice.action.replace(/[^a-zA-Z0-9_-]/g, '-'),
          key: [renders, i, choice.action, choice.label].join('|'),
          label: choice.label,
          x: this.rtl ? 1920 - x - w : x,
          y: top + row * (h + 28),
          w,
          h,
        };
      });
      this.index = Math.min(focusIndex, Math.max(0, choices.length - 1));
      this.$setTimeout(() => this.focusItem(), 0);
    },
    present(step: Step, title: string, body: string, alert = false) {
      this.step = step;
      this.qrUrl = '';
      this.title = title;
      this.body = body;
      this.alert = alert;
      this.loading = false;
      reportMessage(title + (body ? ' — ' + body : ''));
      speak(title + '. ' + body);
    },
    /** A step whose content is on its way: the title at once, a calm loading line, no stale buttons. */
    presentLoading(step: Step, title: string) {
      this.present(step, title, '');
      this.loading = true;
      this.setChoices([], 1, 300);
    },
    focusItem() {
      if (this.confirming) return;
      if (this.step === 'mine' && this.items.length === 0) return this.$select('list').$focus();
      const item = this.$select('item' + this.index);
      if (item) item.$focus();
    },
    failure(error: unknown): string {
      if (error instanceof ApiProblem) {
        if (error.code === 'slot_full' || error.code === 'slot_unavailable') return this.words.slotTaken;
        if (error.code === 'appointment_cutoff_passed') return this.words.cutoffRefused;
        if (error.code === 'appointment_not_active') return this.words.notActive;
        if (error.code === 'appointment_service_retired') return this.words.serviceRetired;
      }
      return failureMessage(error, this.t) || this.words.failed;
    },
    /** Says what went wrong where the tenant is, and leaves a way back (a retry or Back). */
    showFailure(error: unknown, retry?: Choice) {
      this.busy = false;
      this.loading = false;
      const message = this.failure(error);
      this.body = message;
      this.alert = true;
      reportMessage(message);
      speak(message);
      this.setChoices(retry ? [retry, { action: 'back', label: this.words.back }] : [{ action: 'back', label: this.words.back }], 2, 420);
    },

    /**
     * The subject was retired meanwhile: no retry can book it, and its days and times went with it. Offer the subjects
     * again (read afresh); Back goes to the menu.
     */
    showRetired(error: unknown) {
      this.showFailure(error);
      this.step = 'who';
      this.setChoices([{ action: 'book', label: this.words.otherSubject }], 1, 420);
    },

    // --- booking: who, what, day, time, confirm ---

    showMenu() {
      this.moving = null;
      this.present('menu', this.words.title, this.words.menuHelp);
      this.setChoices(
        [
          { action: 'book', label: this.words.menuBook },
          { action: 'mine', label: this.words.menuMine },
        ],
        2,
        340,
        150,
      );
    },
    organisations(): Organisation[] {
      const seen: Record<string, boolean> = {};
      const list: Organisation[] = [];
      (this.services as AppointmentService[]).forEach((service) => {
        if (seen[service.organisation.id]) return;
        seen[service.organisation.id] = true;
        list.push(service.organisation);
      });
      const order = { LANDLORD: 0, TOWN_HALL: 1, CITY: 2 };
      return list.sort((a, b) => order[a.kind] - order[b.kind]);
    },
    loadServices() {
      this.presentLoading('who', this.words.whoTitle);
      api.appointmentServices().then(
        (list) => {
          if (this.step !== 'who') return;
          this.services = list.items;
          this.showWho();
        },
        (error: unknown) => this.showFailure(error, { action: 'book', label: this.t.common.retry }),
      );
    },
    showWho() {
      const organisations: Organisation[] = this.organisations();
      if (organisations.length === 0) {
        this.present('who', this.words.whoTitle, this.words.noServices);
        this.setChoices([{ action: 'menu', label: this.words.back }], 1, 400);
        return;
      }
      this.present('who', this.words.whoTitle, this.words.whoHelp);
      this.setChoices(
        organisations.map((organisation: Organisation) => ({
          action: 'who:' + organisation.id,
          label: format(this.words[('kind.' + organisation.kind) as keyof AppointmentWords], { name: organisation.name }),
        })),
        1,
        300,
        110,
      );
    },
    showSubjects() {
      const services = (this.services as AppointmentService[]).filter((service) => service.organisation.id === this.organisationId);
      const organisation = services[0] ? services[0].organisation.name : '';
      this.present('subject', this.words.subjectTitle, organisation);
      this.setChoices(
        services.map((service) => ({ action: 'service:' + service.id, label: service.subject })),
        1,
        300,
        110,
      );
    },
    showDays(cursor: string) {
      const service = this.service as AppointmentService;
      this.daysCursor = cursor;
      this.presentLoading('day', this.words.dayTitle);
      api.appointmentDays(service.id, cursor ? { cursor, limit: DAYS_PER_PAGE } : { limit: DAYS_PER_PAGE }).then(
        (page) => {
          if (this.step !== 'day') return;
          const language = this.lang();
          const help = format(this.words.dayHelp, { subject: service.subject });
          if (page.items.length === 0) {
            this.present('day', this.words.dayTitle, help + '\n' + this.words.noDays);
            this.setChoices([{ action: 'back', label: this.words.back }], 1, 400);
            return;
          }
          this.present('day', this.words.dayTitle, help);
          const choices: Choice[] = page.items.map((day) => ({
            action: 'day:' + day.date,
            label: format(this.words.dayChoice, { day: appointmentDay(day.date, language), count: day.freeSlots }),
          }));
          if (page.nextCursor) choices.push({ action: 'days:' + page.nextCursor, label: this.words.moreDays });
          this.setChoices(choices, 2, 280, 100);
        },
        (error: unknown) => this.showFailure(error, { action: 'days:' + cursor, label: this.t.common.retry }),
      );
    },
    showTimes(cursor: string, notice = '') {
      const service = this.service as AppointmentService;
      this.timesCursor = cursor;
      this.presentLoading('time', this.words.timeTitle);
      const query = cursor ? { date: this.day, cursor, limit: TIMES_PER_PAGE } : { date: this.day, limit: TIMES_PER_PAGE };
      api.freeSlots(service.id, query).then(
        (page) => {
          if (this.step !== 'time') return;
          this.slots = page.items;
          const day = appointmentDay(this.day, this.lang());
          const place = page.items[0] ? page.items[0].placeName : '';
          const help = format(this.words.timeHelp, { day, place });
          if (page.items.length === 0) {
            this.present('time', this.words.timeTitle, (notice ? notice + '\n' : '') + this.words.noTimes, !!notice);
            this.setChoices([{ action: 'otherday', label: this.words.otherDay }], 1, 420);
            return;
          }
          this.present('time', this.words.timeTitle, notice ? notice + '\n' + help : help, !!notice);
          const choices: Choice[] = page.items.map((slot) => ({ action: 'slot:' + slot.id, label: slot.localTime }));
          if (page.nextCursor) choices.push({ action: 'times:' + page.nextCursor, label: this.words.moreTimes });
          choices.push({ action: 'otherday', label: this.words.otherDay });
          this.setChoices(choices, 4, notice ? 340 : 280, 96);
        },
        (error: unknown) => this.showFailure(error, { action: 'times:' + cursor, label: this.t.common.retry }),
      );
    },
    showConfirm() {
      const service = this.service as AppointmentService;
      const slot = this.slot as FreeSlot;
      const language = this.lang();
      const moving = this.moving as TenantAppointment | null;
      let body = format(this.words.summary, {
        subject: service.subject,
        organisation: service.organisation.name,
        when: appointmentWhen(slot.localDate, slot.localTime, language),
        place: slot.placeName,
        address: slot.placeAddress,
      });
      if (moving)
        body += '\n' + format(this.words.moveFrom, { when: appointmentWhen(moving.slot.localDate, moving.slot.localTime, language) });
      this.present('confirm', moving ? this.words.moveConfirmTitle : this.words.confirmTitle, body);
      this.setChoices(
        [
          { action: 'confirm', label: moving ? this.words.confirmMove : this.words.confirm },
          { action: 'changetime', label: this.words.changeTime },
        ],
        2,
        640,
        110,
      );
    },
    confirm() {
      if (this.busy) return;
      const slot = this.slot as FreeSlot;
      const moving = this.moving as TenantAppointment | null;
      this.busy = true;
      this.present('confirm', this.title, this.words.booking);
      this.setChoices([], 1, 640);
      // One key per booking attempt of this slot: a resend after a lost answer never takes a second seat.
      if (!this.bookKey) this.bookKey = newIdempotencyKey();
      const call = moving ? api.moveAppointment(moving.id, slot.id) : api.bookAppointment(slot.id, this.bookKey);
      call.then(
        (appointment) => {
          this.busy = false;
          this.bookKey = '';
          this.moving = null;
          this.showDone(appointment, !!moving);
        },
        (error: unknown) => {
          this.busy = false;
          this.bookKey = '';
          if (error instanceof ApiProblem && (error.code === 'slot_full' || error.code === 'slot_unavailable')) {
            // Someone was faster: say so plainly and show what is still free that day.
            this.showTimes('', this.words.slotTaken);
            return;
          }
          if (error instanceof ApiProblem && error.code === 'appointment_service_retired') return this.showRetired(error);
          this.showFailure(error, { action: 'confirm', label: this.t.common.retry });
        },
      );
    },
    showDone(appointment: TenantAppointment, moved: boolean) {
      const language = this.lang();
      const lines = [
        format(this.words.done, {
          when: appointmentWhen(appointment.slot.localDate, appointment.slot.localTime, language),
          place: appointment.slot.placeName,
          address: appointment.slot.placeAddress,
        }),
      ];
      if (appointment.service.whatToBring) lines.push(format(this.words.bring, { what: appointment.service.whatToBring }));
      this.bodyLines = 8;
      this.present('done', moved ? this.words.movedTitle : this.words.doneTitle, lines.join('\n'));
      this.setChoices(
        [
          { action: 'mine', label: this.words.toMine },
          { action: 'menu', label: this.words.back },
        ],
        2,
        700,
        110,
      );
    },

    // --- my appointments ---

    /** My appointments, a page at a time as the focus goes down; back from one, the focus returns to it. */
    showMine(keepId = '') {
      this.moving = null;
      this.present('mine', this.words.mineTitle, '');
      this.setChoices([], 1, 220);
      const language = this.lang();
      this.$select('list').load(
        (cursor: string | null): Promise<PagedListPage> =>
          api.appointments(cursor ? { limit: 10, cursor } : { limit: 10 }).then((page) => {
            const rows = page.items.map((appointment) => ({
              id: 'open:' + appointment.id,
              label: format(this.words.mineChoice, {
                day: appointmentDay(appointment.slot.localDate, language, true),
                time: appointment.slot.localTime,
                subject: appointment.service.subject,
              }),
            }));
            if (!cursor && rows.length === 0) {
              this.present('mine', this.words.mineTitle, this.words.mineEmpty);
              rows.push({ id: 'book', label: this.words.menuBook });
            }
            return { rows, nextCursor: page.nextCursor };
          }),
        keepId ? 'open:' + keepId : undefined,
      );
      this.$setTimeout(() => this.focusItem(), 0);
    },
    openAppointment(appointmentId: string) {
      this.presentLoading('detail', this.words.detailTitle);
      api.appointment(appointmentId).then(
        (appointment) => {
          // Another step may have come meanwhile (a cancellation's own answer): the tenant stays where they are.
          if (this.step === 'detail') this.showDetail(appointment);
        },
        (error: unknown) => this.showFailure(error, { action: 'open:' + appointmentId, label: this.t.common.retry }),
      );
    },
    showDetail(appointment: TenantAppointment) {
      this.appointment = appointment;
      const language = this.lang();
      const when = appointmentWhen(appointment.slot.localDate, appointment.slot.localTime, language);
      const lines = [
        format(this.words.detail, {
          subject: appointment.service.subject,
          organisation: appointment.service.organisation.name,
          when,
          place: appointment.slot.placeName,
          address: appointment.slot.placeAddress,
        }),
      ];
      if (appointment.service.whatToBring) lines.push(format(this.words.bring, { what: appointment.service.whatToBring }));
      if (appointment.status === 'CANCELLED') {
        lines.push(
          appointment.cancelledBy === 'STAFF'
            ? format(this.words.cancelledByStaff, { reason: appointment.cancelReason || '' })
            : format(this.words.cancelled, { when }),
        );
      } else if (appointment.canChange) {
        const until = appointment.changeableUntil;
        lines.push(format(this.words.changeableUntil, { when: this.untilText(until) }));
      } else lines.push(this.words.cutoffPassed);
      this.bodyLines = 9;
      this.present('detail', appointment.status === 'CANCELLED' ? this.words.cancelledTitle : this.words.detailTitle, lines.join('\n'));
      if (appointment.status === 'BOOKED') this.qrUrl = appointment.calendarUrl;
      const choices: Choice[] = [];
      if (appointment.status === 'BOOKED' && appointment.canChange) {
        choices.push({ action: 'move', label: this.words.move });
        choices.push({ action: 'cancel', label: this.words.cancel });
      }
      choices.push({ action: 'mine', label: this.words.back });
      this.setChoices(choices, choices.length > 1 ? 3 : 1, 760, 110);
    },
    untilText(iso: string): string {
      // The cut-off is an instant: show it on the Paris wall clock, like every other appointment time.
      const at = new Date(iso);
      const paris = new Date(at.getTime());
      try {
        const parts = new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Europe/Paris',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).formatToParts(paris);
        const get = (type: string) => (parts.filter((part) => part.type === type)[0] || { value: '' }).value;
        return appointmentWhen(get('year') + '-' + get('month') + '-' + get('day'), get('hour') + ':' + get('minute'), this.lang());
      } catch {
        return at.toLocaleString();
      }
    },
    askCancel() {
      const appointment = this.appointment as TenantAppointment;
      this.confirmHelp = format(this.words.cancelHelp, {
        when: appointmentWhen(appointment.slot.localDate, appointment.slot.localTime, this.lang()),
        subject: appointment.service.subject,
      });
      this.confirming = true;
      reportDialog(this.words.cancelQuestion);
      const dialog = this.$select('confirm');
      if (dialog) dialog.$focus();
    },
    answerCancel(yes: boolean) {
      this.confirming = false;
      reportDialog('');
      this.focusItem();
      if (!yes || this.busy) return;
      const appointment = this.appointment as TenantAppointment;
      this.busy = true;
      api.cancelAppointment(appointment.id).then(
        (cancelled) => {
          this.busy = false;
          this.appointment = cancelled;
          const when = appointmentWhen(cancelled.slot.localDate, cancelled.slot.localTime, this.lang());
          this.present('cancelled', this.words.cancelledTitle, format(this.words.cancelled, { when }));
          this.setChoices(
            [
              { action: 'mine', label: this.words.toMine },
              { action: 'book', label: this.words.newAppointment },
            ],
            2,
            420,
            110,
          );
        },
        (error: unknown) => this.showFailure(error, { action: 'open:' + appointment.id, label: this.words.back }),
      );
    },
    startMove() {
      const appointment = this.appointment as TenantAppointment;
      this.moving = appointment;
      this.service = appointment.service;
      this.dayCursors = [];
      this.showDays('');
    },

    chooseItem() {
      const choice = this.choices[this.index] as Choice | undefined;
      if (choice) this.act(choice.action);
    },
    /** What OK does on a button or a row of the list: `kind:value`. */
    act(action: string) {
      if (this.busy) return;
      const separator = action.indexOf(':');
      const kind = separator < 0 ? action : action.slice(0, separator);
      const value = separator < 0 ? '' : action.slice(separator + 1);
      if (kind === 'book') {
        this.moving = null;
        this.loadServices();
      } else if (kind === 'mine')
        this.showMine(this.step === 'detail' && this.appointment ? (this.appointment as TenantAppointment).id : '');
      else if (kind === 'menu') this.showMenu();
      else if (kind === 'back') this.goUp();
      else if (kind === 'who') {
        this.organisationId = value;
        const services = (this.services as AppointmentService[]).filter((service) => service.organisation.id === value);
        if (services.length === 1) {
          this.service = services[0] as AppointmentService;
          this.dayCursors = [];
          this.showDays('');
        } else this.showSubjects();
      } else if (kind === 'service') {
        this.service = (this.services as AppointmentService[]).filter((service) => service.id === value)[0] as AppointmentService;
        this.dayCursors = [];
        this.showDays('');
      } else if (kind === 'days') {
        this.dayCursors = (this.dayCursors as string[]).concat([this.daysCursor]);
        this.showDays(value);
      } else if (kind === 'day') {
        this.day = value;
        this.showTimes('');
      } else if (kind === 'times') this.showTimes(value);
      else if (kind === 'otherday') this.showDays(this.daysCursor);
      else if (kind === 'slot') {
        this.slot = (this.slots as FreeSlot[]).filter((slot) => slot.id === value)[0] as FreeSlot;
        this.bookKey = '';
        this.showConfirm();
      } else if (kind === 'confirm') this.confirm();
      else if (kind === 'changetime') this.showTimes(this.timesCursor);
      else if (kind === 'open') this.openAppointment(value);
      else if (kind === 'move') this.startMove();
      else if (kind === 'cancel') this.askCancel();
    },
    onEvent(event: EventMessage) {
      // While this TV waits for its own change, the event is that change: the answer will show it.
      if (event.name !== 'appointment.updated' || this.busy) return;
      if (this.step === 'mine') this.$select('list').refresh();
      else if (this.step === 'detail' && this.appointment && (this.appointment as TenantAppointment).id === event.data.appointmentId)
        this.openAppointment(event.data.appointmentId);
    },
    moveFocus(delta: number) {
      const next = this.index + delta;
      if (next < 0 || next >= this.items.length) return;
      this.index = next;
      this.focusItem();
    },
    goUp() {
      const moving = !!this.moving;
      const parents: Record<Step, () => void> = {
        menu: () => goBack(this, '/procedures'),
        who: () => this.showMenu(),
        subject: () => this.showWho(),
        day: () => {
          const cursors = this.dayCursors as string[];
          if (cursors.length > 0) {
            this.dayCursors = cursors.slice(0, -1);
            this.showDays(cursors[cursors.length - 1] as string);
          } else if (moving) this.showDetail(this.moving as TenantAppointment);
          else if (
            this.organisations().length > 0 &&
            this.services.filter((s: AppointmentService) => s.organisation.id === this.organisationId).length > 1
          )
            this.showSubjects();
          else this.showWho();
        },
        time: () => this.showDays(this.daysCursor),
        confirm: () => this.showTimes(this.timesCursor),
        done: () => this.showMenu(),
        mine: () => this.showMenu(),
        detail: () => this.showMine(this.appointment ? (this.appointment as TenantAppointment).id : ''),
        cancelled: () => this.showMine(),
      };
      parents[this.step as Step]();
    },
  },
  input: choiceGridInput('chooseItem'),
});
