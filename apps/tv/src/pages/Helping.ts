// "Les personnes que j'aide": a tenant whom neighbours gave the right to act in their name (mandates received) follows
// their fault reports and town-hall requests from the TV: the people, one person's reports then requests (as their
// right allows), one report's or request's last steps (the same timeline wording as the tenant's own screens) with
// "Ajouter une information" (keyboard) and "Accepter ce créneau" on a report, "Répondre" on a request the town hall
// asked about (its Idempotency-Key kept across retries). Everything goes through the mandate's routes, so the report
// says it was done by this helper in the tenant's name; a withdrawn right (403 mandate_withdrawn) brings back the list
// with "X a retiré son accord". "Signaler une panne" and "Nouvelle démarche de la mairie" open the tenant's own wizards
// in helper mode (/helping/:mandate/report, pages/Procedures.ts; /helping/:mandate/eservices, pages/EServices.ts), which
// come back to the person at /helping/:mandate (or to the list, with a warning, when the right was withdrawn).
import Blits from '@lightningjs/blits';
// Types only: the TV bundle leaves the API's schemas (and typebox) out.
import type { Mandate } from '@palier/contracts/src/mandates';
import type { TenantReport, TenantReportSummary } from '@palier/contracts/src/reports';
import type { TenantEServiceRequest, TenantEServiceRequestSummary } from '@palier/contracts/src/eservices';
import type { MandateRealtimeEvent } from '@palier/contracts/src/realtime';
import { reportCategory } from '@palier/contracts/src/report-categories';
import { ApiProblem, type PalierClient } from '@palier/contracts/src/client';
import { api } from '../api/session';
import { newIdempotencyKey } from '../api/idempotency-key';
import { failureMessage } from '../api/problems';
import { format, formatDateTime } from '../i18n';
import { helpingWords, type HelpingWords } from '../i18n/helping';
import { reportWords, type ReportWords } from '../i18n/reports';
import { eserviceWords, type EServiceWords } from '../i18n/eservices';
import { localized } from '../eservices/answers';
import { requestTimelineLines } from '../eservices/timeline';
import { reportMessage, reportScreen } from '../testing';
import { lookComputed, speak } from '../components/look';
import Button from '../components/Button';
import { COLUMN_LEFT, COLUMN_WIDTH, buttonColumnPage, type ColumnButton, type ColumnChoice } from '../components/button-column';
import KeyHints from '../components/KeyHints';
import Keyboard from '../components/Keyboard';
import Waiting from '../components/Waiting';
import PagedList, { type PagedListPage } from '../components/PagedList';
import { reportTimelineLines } from '../reports/timeline';
import { helpingRefresh, onHelpingEvent, sameSteps } from '../helping/events';
import { goBack } from './navigation';

type Step = 'list' | 'person' | 'detail' | 'write';
type Page<T> = { items: T[]; nextCursor: string | null };

type Choice = ColumnChoice;
type Item = ColumnButton;

const LEFT = COLUMN_LEFT;
const ITEM_W = COLUMN_WIDTH;
const PAGE = 10;
const LIST_TOP = 350;
const LIST_W = ITEM_W + 2 * 40 + 10 + 16;

let stopListening: (() => void) | null = null;

export default Blits.Component('Helping', {
  components: { Button, KeyHints, Keyboard, Waiting, PagedList },
  // /helping/:mandate opens on that person; `keep`: the row to focus there (a request just sent in their name);
  // `warning`: why the list shows instead (a wizard in someone's name ended because they withdrew the right).
  props: ['mandate', 'keep', 'warning'],
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-helping', step: $step}">
      <Text :content="$title" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="54" maxwidth="1728" maxlines="1" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'helping-title'}" />
      <Text :content="$body" :size="$ts.body" :color="$bodyColour" x="96" :y="54 + $ts.title * 1.6" maxwidth="1728" :maxlines="$bodyLines" :align="$rtl ? 'right' : 'left'" :alpha="$waiting ? 0 : 1" :inspector-data="{testid: 'helping-body'}" />
      <Waiting :alpha="$waiting ? 1 : 0" :label="$waiting" x="96" :y="54 + $ts.title * 1.6" w="1728" testid="helping-waiting" />
      <Text :content="$note" :size="$ts.body" :color="$c.danger" x="96" y="880" maxwidth="1728" maxlines="2" :align="$rtl ? 'right' : 'left'" :alpha="$step === 'write' ? 1 : 0" :inspector-data="{testid: 'helping-note'}" />
      <PagedList ref="list" :show="$listShown" :active="$listShown" :x="$rtl ? 1920 - $LEFT - $ITEM_W - 66 : $LEFT - 40" :y="$LIST_TOP - 16" :w="$LIST_W" :h="1080 - 54 - $ts.small * 1.6 - 24 - $LIST_TOP" :rowh="$rowH" event="helpingList" testid="helping-list" />
      <Button :for="(item, i) in $items" key="$item.key" ref="item" :x="$item.x" :y="$item.y" :w="$item.w" :h="$item.h" :label="$item.label" :testid="'helping-' + $item.id" />
      <Keyboard
        ref="keyboard"
        :show="$step === 'write'"
        x="96"
        :y="54 + $ts.title * 1.6"
        event="helpingText"
        limit="1000"
        lines="2"
        :placeholder="$writing === 'reply' ? $words.replyPlaceholder : $words.writePlaceholder"
        testid="helping-keyboard"
      />
      <KeyHints :hints="$hints" />
    </Element>
  `,
  state() {
    return {
      step: 'list' as Step,
      title: '',
      body: '',
      bodyLines: 3,
      failed: false,
      note: '',
      waiting: '',
      items: [] as Item[],
      choices: [] as Choice[],
      index: 0,
      mandates: [] as Mandate[],
      current: null as Mandate | null,
      report: null as TenantReport | null,
      request: null as TenantEServiceRequest | null,
      /** What the keyboard writes: information on the report, or a reply to the town hall on the request. */
      writing: 'information' as 'information' | 'reply',
      /** The reply's Idempotency-Key: the same on every retry of one reply, a new one after it was taken. */
      replyKey: '',
      /** Which re-read of the open report or request is the latest: an older answer arriving late is dropped. */
      rereads: 0,
      busy: false,
      LEFT,
      ITEM_W,
      LIST_TOP,
      LIST_W,
    };
  },
  computed: {
    ...lookComputed,
    words(): HelpingWords {
      return helpingWords(this.$appState.language);
    },
    eserviceWords(): EServiceWords {
      return eserviceWords(this.$appState.language);
    },
    reportWords(): ReportWords {
      return reportWords(this.$appState.language);
    },
    rowH(): number {
      return Math.round(96 * (this.ts.k > 1 ? 1.15 : 1));
    },
    listShown(): boolean {
      return this.step === 'list' || this.step === 'person';
    },
    bodyColour(): string {
      return this.failed ? this.c.danger : this.c.text;
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
      reportScreen('helping');
      this.$listen('helpingText:done', ({ text }: { text: string }) => this.send(text));
      this.$listen('helpingText:back', () => this.backFromWriting());
      this.$listen('helpingList:choose', ({ id }: { id: string }) => this.act(id));
      if (stopListening) stopListening();
      stopListening = onHelpingEvent((event: MandateRealtimeEvent) => this.refreshFor(event));
      if (this.mandate) this.openMandate(this.mandate as string);
      else this.showList(this.warning ? String(this.warning) : '');
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
    ...buttonColumnPage,
    /** A refused or failed call: a withdrawn right brings back the list saying so; anything else is said in place. */
    fail(error: unknown) {
      if (error instanceof ApiProblem && error.code === 'mandate_withdrawn') {
        const name = this.current ? (this.current as Mandate).tenant.name : '';
        this.showList(format(this.words.withdrawnMessage, { name }));
        return;
      }
      const message = failureMessage(error, this.t) || this.words.failed;
      this.busy = false;
      this.waiting = '';
      this.failed = true;
      this.body = message;
      if (this.step === 'write') this.note = message;
      reportMessage(message);
      speak(message);
    },
    focusItem() {
      if (this.step === 'write') return;
      if (this.listShown && this.items.length === 0) return this.$select('list').$focus();
      const item = this.$select('item' + this.index);
      if (item) item.$focus();
    },
    canText(scopes: readonly string[]): string {
      const both = scopes.indexOf('eservices') !== -1 && scopes.indexOf('reports') !== -1;
      return both ? this.words['can.both'] : scopes.indexOf('reports') !== -1 ? this.words['can.reports'] : this.words['can.eservices'];
    },
    helper(): PalierClient {
      return api.asHelper((this.current as Mandate).id);
    },

    // --- the people I help ---
    showList(warning = '') {
      const keep = this.current ? 'open:' + (this.current as Mandate).id : undefined;
      this.bodyLines = 3;
      this.busy = false;
      this.present('list', this.words.title, warning || this.words.help, !!warning);
      this.setChoices([], LIST_TOP);
      this.$select('list').load(
        (cursor: string | null): Promise<PagedListPage> =>
          api.receivedMandates({ limit: PAGE, ...(cursor ? { cursor } : {}) }).then((page) => {
            this.mandates = cursor ? (this.mandates as Mandate[]).concat(page.items) : page.items;
            if (!cursor && page.items.length === 0) {
              // Nobody (or nobody any more): the sentence says how one gets here, and "Retour" goes back to Settings.
              this.present('list', this.words.title, warning ? warning + '\n' + this.words.noneLeft : this.words.none, !!warning);
              this.bodyLines = 6;
              this.setChoices([{ action: 'back', label: this.words.back }], 640);
            } else if (!cursor && warning) reportMessage(this.words.title + ' — ' + warning);
            const rows = page.items.map((mandate) => ({
              id: 'open:' + mandate.id,
              label: mandate.active
                ? format(this.words.personLine, { name: mandate.tenant.name, what: this.canText(mandate.scopes) })
                : format(this.words.withdrawnLine, { name: mandate.tenant.name }),
            }));
            return { rows, nextCursor: page.nextCursor };
          }),
        keep,
      );
      this.$setTimeout(() => this.focusItem(), 0);
    },

    // --- one person: their reports ---
    /** Opened on one person (back from a form filled in their name): that person, else the list saying why. */
    openMandate(mandateId: string) {
      this.wait(this.words.loading);
      api.receivedMandate(mandateId).then(
        (mandate: Mandate) => {
          if (!mandate.active) return this.showList(format(this.words.withdrawnMessage, { name: mandate.tenant.name }));
          this.current = mandate;
          this.showPerson(this.keep ? String(this.keep) : '');
        },
        (error: unknown) => this.showList(failureMessage(error, this.t) || this.words.failed),
      );
    },
    openPerson(mandate: Mandate) {
      this.current = mandate;
      this.report = null;
      this.request = null;
      const name = mandate.tenant.name;
      if (!mandate.active) {
        this.present('list', this.words.title, format(this.words.withdrawnMessage, { name }), true);
        return;
      }
      this.showPerson();
    },
    showPerson(keepId = '') {
      const mandate = this.current as Mandate;
      const name = mandate.tenant.name;
      const language = this.$appState.language as 'fr' | 'en' | 'ar';
      this.bodyLines = 3;
      this.busy = false;
      this.present('person', name, format(this.words.personHelp, { name }));
      this.setChoices([], LIST_TOP);
      const client: PalierClient = this.helper();
      const reports = mandate.scopes.indexOf('reports') !== -1;
      const eservices = mandate.scopes.indexOf('eservices') !== -1;
      const reportRow = (report: TenantReportSummary) => ({
        id: 'report:' + report.id,
        label: format(this.words.reportLine, {
          number: report.number,
          what: reportCategory(report.category).label[language],
          status: this.reportWords[('status.' + report.status) as keyof ReportWords],
        }),
      });
      const requestRow = (request: TenantEServiceRequestSummary) => ({
        id: 'request:' + request.id,
        label: format(this.words.requestLine, {
          number: request.receiptNumber,
          title: localized(request.title, language),
          status: this.eserviceWords[('status.' + request.status) as keyof EServiceWords],
        }),
      });
      // The reports first, then the town-hall requests: one cursor says which ("r:…" or "e:…").
      const requestsFrom = (cursor: string): Promise<PagedListPage> =>
        client.eserviceRequests({ limit: PAGE, ...(cursor ? { cursor } : {}) }).then((page: Page<TenantEServiceRequestSummary>) => ({
          rows: page.items.map(requestRow),
          nextCursor: page.nextCursor ? 'e:' + page.nextCursor : null,
        }));
      const fetchPage = (cursor: string | null): Promise<PagedListPage> => {
        if ((cursor && cursor.indexOf('e:') === 0) || !reports) return requestsFrom(cursor ? cursor.slice(2) : '');
        return client.reports({ limit: PAGE, ...(cursor ? { cursor: cursor.slice(2) } : {}) }).then((page: Page<TenantReportSummary>) => {
          const rows = page.items.map(reportRow);
          if (page.nextCursor) return { rows, nextCursor: 'r:' + page.nextCursor };
          if (!eservices) return { rows, nextCursor: null };
          // The last page of reports carries the first page of requests: the list fetches more only as the focus moves
          // down, and a short list has nowhere to move to.
          return requestsFrom('').then((requests) => ({ rows: rows.concat(requests.rows), nextCursor: requests.nextCursor }));
        });
      };
      this.$select('list').load(
        (cursor: string | null): Promise<PagedListPage> =>
          fetchPage(cursor).then(
            (page) => {
              if (!cursor && page.rows.length === 0)
                this.present('person', name, format(this.words.personHelp, { name }) + '\n' + format(this.words.personNone, { name }));
              if (cursor) return page;
              // New procedures in their name first (as "Ajouter" heads the TV's other lists): a fault report, a town-hall form.
              const start = [
                ...(reports ? [{ id: 'newreport', label: this.words.reportFault }] : []),
                ...(eservices ? [{ id: 'newEService', label: this.words.newEService }] : []),
              ];
              return { ...page, rows: start.concat(page.rows) };
            },
            (error: unknown) => {
              if (error instanceof ApiProblem && error.code === 'mandate_withdrawn') this.$setTimeout(() => this.fail(error), 0);
              throw error;
            },
          ),
        keepId || undefined,
      );
      this.$setTimeout(() => this.focusItem(), 0);
    },

    // --- one report ---
    openReport(reportId: string) {
      this.wait(this.words.loading);
      this.helper()
        .report(reportId)
        .then(
          (report: TenantReport) => this.showReport(report),
          (error: unknown) => this.fail(error),
        );
    },
    showReport(report: TenantReport, note = '') {
      this.report = report;
      this.request = null;
      this.busy = false;
      const name = (this.current as Mandate).tenant.name;
      const language = this.$appState.language as 'fr' | 'en' | 'ar';
      const w = this.reportWords;
      const lines: string[] = [];
      if (note) lines.push(note);
      lines.push(format(w.status, { status: w[('status.' + report.status) as keyof ReportWords] }));
      lines.push(
        reportCategory(report.category).label[language] +
          ' · ' +
          w[('spot.' + report.spot) as keyof ReportWords] +
          ' — ' +
          report.description,
      );
      const booked = report.slots.filter((slot) => slot.state === 'ACCEPTED')[0];
      if (booked) lines.push(format(w.appointmentBooked, { when: formatDateTime(booked.startsAt, language) }));
      const offered = report.actions.indexOf('accept_slot') >= 0 ? report.slots.filter((slot) => slot.state === 'OFFERED') : [];
      if (offered.length) lines.push(format(this.words.slotOffered, { name }));
      const events = reportTimelineLines(report, w, language, 4, { tenantName: name, byHelper: this.words.byHelper });
      this.present('detail', name + ' — ' + format(w.detailTitle, { number: report.number }), lines.concat(events).join('\n'));
      this.bodyLines = 9;
      const choices: Choice[] = [];
      offered.slice(0, 2).forEach((slot) =>
        choices.push({
          action: 'slot:' + slot.id,
          label: format(this.words.acceptSlot, { when: formatDateTime(slot.startsAt, language) }),
        }),
      );
      choices.push({ action: 'write', label: this.words.addInformation });
      choices.push({ action: 'person', label: this.words.back });
      const h = Math.round(96 * (this.ts.k > 1 ? 1.15 : 1));
      this.setChoices(choices, 1080 - 54 - this.ts.small * 1.6 - 40 - choices.length * (h + 24));
    },
    showWrite(writing: 'information' | 'reply' = 'information') {
      const name = (this.current as Mandate).tenant.name;
      this.writing = writing;
      this.note = '';
      this.present('write', format(writing === 'reply' ? this.words.replyTitle : this.words.writeTitle, { name }), '');
      this.setChoices([], LIST_TOP);
      const keyboard = this.$select('keyboard');
      keyboard.open('');
      this.$setTimeout(() => keyboard.$focus(), 0);
    },
    send(text: string) {
      if (this.step !== 'write' || this.busy) return;
      const body = text.trim();
      if (!body) {
        this.note = this.words.tooShort;
        reportMessage(this.note);
        speak(this.note);
        return;
      }
      const name = (this.current as Mandate).tenant.name;
      this.busy = true;
      this.note = this.words.sending;
      reportMessage(this.words.sending);
      if (this.writing === 'reply') {
        const request = this.request as TenantEServiceRequest;
        this.replyKey = this.replyKey || newIdempotencyKey();
        this.helper()
          .provideEServiceInformation(request.id, { message: body }, this.replyKey)
          .then(
            (answered: TenantEServiceRequest) => {
              this.replyKey = '';
              this.showRequest(answered, format(this.words.replied, { name }));
            },
            (error: unknown) => this.fail(error),
          );
        return;
      }
      this.helper()
        .addReportInformation((this.report as TenantReport).id, body)
        .then(
          (report: TenantReport) => this.showReport(report, format(this.words.informationAdded, { name })),
          (error: unknown) => this.fail(error),
        );
    },
    backFromWriting() {
      if (this.writing === 'reply' && this.request) this.showRequest(this.request as TenantEServiceRequest);
      else this.showReport(this.report as TenantReport);
    },

    // --- one town-hall request ---
    openRequest(requestId: string) {
      this.wait(this.words.loading);
      this.helper()
        .eserviceRequest(requestId)
        .then(
          (request: TenantEServiceRequest) => this.showRequest(request),
          (error: unknown) => this.fail(error),
        );
    },
    showRequest(request: TenantEServiceRequest, note = '') {
      if (!this.request || (this.request as TenantEServiceRequest).id !== request.id) this.replyKey = '';
      this.request = request;
      this.report = null;
      this.busy = false;
      const name = (this.current as Mandate).tenant.name;
      const language = this.$appState.language as 'fr' | 'en' | 'ar';
      const w = this.eserviceWords;
      const lines: string[] = [];
      if (note) lines.push(note);
      lines.push(localized(request.title, language));
      lines.push(format(w.status, { status: w[('status.' + request.status) as keyof EServiceWords] }));
      if (request.infoRequest) lines.push(format(this.words.question, { message: request.infoRequest.message }));
      const events = requestTimelineLines(request, w, language, 4, {
        'event.SUBMITTED': this.words['event.SUBMITTED'],
        'event.INFO_REQUESTED': this.words['event.INFO_REQUESTED'],
        'event.INFO_PROVIDED': this.words['event.INFO_PROVIDED'],
      });
      this.present('detail', name + ' — ' + format(w.requestTitle, { number: request.receiptNumber }), lines.concat(events).join('\n'));
      this.bodyLines = 9;
      const choices: Choice[] = [];
      if (request.awaitingTenant) choices.push({ action: 'reply', label: this.words.reply });
      choices.push({ action: 'person', label: this.words.back });
      const h = Math.round(96 * (this.ts.k > 1 ? 1.15 : 1));
      this.setChoices(choices, 1080 - 54 - this.ts.small * 1.6 - 40 - choices.length * (h + 24));
    },
    acceptSlot(slotId: string) {
      if (this.busy) return;
      const name = (this.current as Mandate).tenant.name;
      this.busy = true;
      this.wait(this.words.sending);
      this.helper()
        .acceptReportSlot((this.report as TenantReport).id, slotId)
        .then(
          (report: TenantReport) => this.showReport(report, format(this.words.slotAccepted, { name })),
          (error: unknown) => this.fail(error),
        );
    },

    choose() {
      const choice = (this.choices as Choice[])[this.index];
      if (choice) this.act(choice.action);
    },
    act(action: string) {
      const [kind, value] = action.split(':') as [string, string | undefined];
      if (kind === 'list') this.showList();
      else if (kind === 'back') goBack(this, '/settings');
      else if (kind === 'open') {
        const mandate = (this.mandates as Mandate[]).filter((one) => one.id === value)[0];
        if (mandate) this.openPerson(mandate);
      } else if (kind === 'report') this.openReport(value as string);
      else if (kind === 'request') this.openRequest(value as string);
      else if (kind === 'person')
        this.showPerson(
          this.request
            ? 'request:' + (this.request as TenantEServiceRequest).id
            : this.report
              ? 'report:' + (this.report as TenantReport).id
              : '',
        );
      else if (kind === 'reply') this.showWrite('reply');
      else if (kind === 'write') this.showWrite();
      else if (kind === 'slot') this.acceptSlot(value as string);
      else if (kind === 'newEService') this.$router.to('/helping/' + encodeURIComponent((this.current as Mandate).id) + '/eservices');
      else if (kind === 'newreport') this.$router.to('/helping/' + encodeURIComponent((this.current as Mandate).id) + '/report');
    },
    /** A realtime hint: re-reads what is open (helping/events says what), keeping the focus and what is being typed. */
    refreshFor(event: MandateRealtimeEvent) {
      const current = this.current as Mandate | null;
      const report = this.report as TenantReport | null;
      const request = this.request as TenantEServiceRequest | null;
      const what = helpingRefresh(event, {
        step: this.step,
        mandateId: current ? current.id : null,
        reportId: report ? report.id : null,
        requestId: request ? request.id : null,
      });
      // An empty list said "nobody" and offered only Back: a first person coming is a new list.
      if (what === 'list' && (this.mandates as Mandate[]).length === 0) this.showList();
      else if (what === 'list' || what === 'rows') this.$select('list').refresh();
      else if (what === 'withdrawn') {
        const gone = (this.mandates as Mandate[]).filter((one) => one.id === event.data.mandateId)[0] || current;
        if (gone && gone.id === event.data.mandateId) this.showList(format(this.words.withdrawnMessage, { name: gone.tenant.name }));
        else this.$select('list').refresh();
      } else if (what === 'scopes' && current && event.name === 'mandate.changed') {
        this.current = { ...current, scopes: event.data.scopes };
        const covered = event.data.scopes.indexOf(report ? 'reports' : 'eservices') !== -1;
        if (this.step === 'person') this.showPerson(this.$select('list').focusedId());
        else if (!covered) this.act('person');
      } else if (what === 'detail' && !this.busy) {
        const reads = this.rereads + 1;
        this.rereads = reads;
        const reading: Promise<TenantReport | TenantEServiceRequest> = report
          ? this.helper().report(report.id)
          : this.helper().eserviceRequest((request as TenantEServiceRequest).id);
        reading.then(
          (fresh) => {
            const shown = (report ? this.report : this.request) as TenantReport | TenantEServiceRequest | null;
            const still = !!shown && shown.id === fresh.id && (this.step === 'detail' || this.step === 'write');
            if (reads !== this.rereads || this.busy || !still || sameSteps(shown, fresh)) return;
            const focused = ((this.choices as Choice[])[this.index] || { action: '' }).action;
            if (this.step === 'write') {
              // The keyboard stays with what is typed; Back shows the fresh one.
              if (report) this.report = fresh;
              else this.request = fresh;
              return;
            }
            if (report) this.showReport(fresh as TenantReport);
            else this.showRequest(fresh as TenantEServiceRequest);
            const at = (this.choices as Choice[]).map((choice) => choice.action).indexOf(focused);
            if (at >= 0) this.index = at;
          },
          (error: unknown) => {
            if (error instanceof ApiProblem && error.code === 'mandate_withdrawn') this.fail(error);
          },
        );
      }
    },
    moveFocus(delta: number) {
      const next = this.index + delta;
      if (next < 0 || next >= this.items.length) return;
      this.index = next;
      this.focusItem();
    },
    goUp() {
      if (this.step === 'list') goBack(this, '/settings');
      else if (this.step === 'person') this.showList();
      else if (this.step === 'detail') {
        if (this.request) this.showPerson('request:' + (this.request as TenantEServiceRequest).id);
        else if (this.report) this.showPerson('report:' + (this.report as TenantReport).id);
        else this.showList();
      } else if (this.step === 'write') this.backFromWriting();
    },
  },
  input: {
    up() {
      this.moveFocus(-1);
    },
    down() {
      this.moveFocus(1);
    },
    enter() {
      this.choose();
    },
    back() {
      this.goUp();
    },
  },
});
