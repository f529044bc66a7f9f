// Procedures ("Démarches"): report a fault step by step with the remote (category, place, urgency, description,
// photos from the phone, summary), follow one's reports (timeline, slots, cancel, reopen, rating), and the building's
// common-area problems with "me too". Town-hall e-services open their own screen (pages/EServices.ts).
// The same fault-report wizard serves a neighbour helper (route /helping/:mandate/report): through the mandate's routes
// (photos from the helper's phone included), for the home and building of the tenant who gave it, "Au nom de …" on
// every step, and back to that person in "Les personnes que j'aide".
import Blits from '@lightningjs/blits';
// Plain data and types only: the TV bundle leaves the API's schemas (and typebox) out.
import {
  REPORT_CATEGORIES,
  commonAreaSpots,
  homeSpots,
  reportCategory,
  type ReportCategory,
  type ReportSpot,
} from '@palier/contracts/src/report-categories';
import type { DraftPhotos, NeighbourhoodReport, ReportUrgency, TenantReport, TenantReportSummary } from '@palier/contracts/src/reports';
import type { EventMessage } from '@palier/contracts/src/realtime';
import type { Handoff } from '@palier/contracts/src/handoffs';
import type { Mandate } from '@palier/contracts/src/mandates';
import { ApiProblem, type PalierClient } from '@palier/contracts/src/client';
import { api } from '../api/session';
import { newIdempotencyKey } from '../api/idempotency-key';
import { failureMessage } from '../api/problems';
import { format, formatDateTime } from '../i18n';
import { reportWords, type ReportWords } from '../i18n/reports';
import { helpingWords, type HelpingWords } from '../i18n/helping';
import { reportMessage, reportScreen } from '../testing';
import { lookComputed, speak } from '../components/look';
import { choiceGridInput } from '../components/choice-grid';
import Button from '../components/Button';
import KeyHints from '../components/KeyHints';
import QrCode from '../components/QrCode';
import PagedList, { type PagedListPage } from '../components/PagedList';
import Keyboard from '../components/Keyboard';
import PhoneText from '../components/PhoneText';
import { keyboardWords } from '../i18n/keyboard';
import { onReportEvent } from '../reports/events';
import { reportTimelineLines } from '../reports/timeline';
import { goBack } from './navigation';

type Step =
  'menu' | 'category' | 'place' | 'urgency' | 'description' | 'write' | 'photos' | 'summary' | 'sent' | 'mine' | 'detail' | 'building';

interface Choice {
  /** What OK does: a code read by choose(). */
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

interface Thumb {
  id: string;
  src: string;
  x: number;
}

interface Draft {
  category: ReportCategory;
  location: 'HOME' | 'COMMON_AREA';
  spot: ReportSpot;
  urgency: ReportUrgency;
  template: string;
  description: string;
}

const LEFT = 96;
const WIDTH = 1728;
let renders = 0;
let stopListening: (() => void) | null = null;

export default Blits.Component('Procedures', {
  components: { Button, KeyHints, QrCode, Keyboard, PhoneText, PagedList },
  /**
   * start: 'report' opens the fault report's first step (from the calls screen when the call-centre is closed).
   * mandate: a neighbour helper files a fault report in the name of the tenant who gave this mandate.
   */
  props: ['start', 'mandate'],
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-procedures', step: $step}">
      <Text :content="$title" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="54" maxwidth="1728" maxlines="1" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'procedures-title'}" />
      <Text :show="!!$onBehalf" :content="$onBehalf" :font="$f.bold" :size="$ts.body" :color="$c.fresh" x="96" :y="54 + $ts.title * 1.6" maxwidth="1728" maxlines="1" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'procedures-on-behalf'}" />
      <Text :show="!!$body" :content="$body" :size="$ts.body" :color="$c.text" :x="$bodyX" :y="$stepTop" :maxwidth="$bodyW" :maxlines="$bodyLines" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'procedures-body'}" />
      <QrCode :alpha="$qrUrl ? 1 : 0" :value="$qrUrl" :size="$qrSize" :x="$rtl ? 1920 - 96 - 380 : 96" :y="$stepTop" testid="report-photos-qr" />
      <Element :for="(thumb, i) in $thumbs" key="$thumb.id" :x="$thumb.x" y="560" w="300" h="225" :src="$thumb.src" :inspector-data="{testid: 'report-thumb'}" />
      <PagedList ref="list" :show="$step === 'mine'" :active="$step === 'mine'" :x="$rtl ? 96 : 56" y="200" w="1768" :h="1080 - 54 - $ts.small * 1.6 - 24 - 200" :rowh="$listRowH" event="reportList" testid="report-list" />
      <Button :for="(item, i) in $items" key="$item.key" ref="item" :x="$item.x" :y="$item.y" :w="$item.w" :h="$item.h" :label="$item.label" :testid="'proc-' + $item.id" />
      <Keyboard
        ref="keyboard"
        :show="$step === 'write' && !$phoneShown"
        x="96"
        :y="$stepTop"
        event="reportText"
        limit="2000"
        :lines="$helped ? 2 : 3"
        :placeholder="$words.writePlaceholder"
        :extra="$phoneKey"
        testid="report-keyboard"
      />
      <PhoneText ref="phone" :show="$step === 'write' && $phoneShown" x="96" :y="$stepTop" event="reportPhone" testid="report-phone" />
      <KeyHints :hints="$hints" />
    </Element>
  `,
  state() {
    return {
      step: 'menu' as Step,
      title: '',
      body: '',
      bodyLines: 8,
      items: [] as Item[],
      choices: [] as Choice[],
      cols: 1,
      index: 0,
      qrUrl: '',
      thumbs: [] as Thumb[],
      photoIds: [] as string[],
      draft: null as Draft | null,
      submitKey: '',
      reportId: '',
      busy: false,
      phoneShown: false,
      /** The mandate a neighbour helper acts under (helper mode), null for the tenant's own procedures. */
      helped: null as Mandate | null,
    };
  },
  computed: {
    ...lookComputed,
    words(): ReportWords {
      return reportWords(this.$appState.language);
    },
    helpingWords(): HelpingWords {
      return helpingWords(this.$appState.language);
    },
    /** "Au nom de …" above every step in helper mode. */
    onBehalf(): string {
      return this.helped ? format(this.helpingWords.onBehalf, { name: (this.helped as Mandate).tenant.name }) : '';
    },
    /** How far the on-behalf line pushes the step down (the keyboard gives a line of its field back for it). */
    behalfH(): number {
      return this.helped ? Math.round(this.ts.body * 1.5) : 0;
    },
    stepTop(): number {
      return 54 + this.ts.title * 1.6 + this.behalfH;
    },
    /** The photo step's button sits low, beside the QR code: it stays put (above the key hints) in helper mode. */
    photosButtonTop(): number {
      return 820 - this.behalfH;
    },
    phoneKey(): string {
      return keyboardWords(this.$appState.language).phoneKey;
    },
    qrSize() {
      return 380;
    },
    listRowH() {
      return Math.round(100 * (this.ts.k > 1 ? 1.15 : 1));
    },
    bodyX() {
      return this.step === 'photos' ? (this.rtl ? LEFT : LEFT + 440) : LEFT;
    },
    bodyW() {
      return this.step === 'photos' ? WIDTH - 440 : WIDTH;
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
      reportScreen('procedures');
      if (stopListening) stopListening();
      stopListening = onReportEvent((event: EventMessage) => this.onEvent(event));
      this.$listen('reportText:done', ({ text }: { text: string }) => this.writtenDescription(text));
      this.$listen('reportText:back', () => this.showDescriptions());
      this.$listen('reportText:extra', ({ text }: { text: string }) => this.writeOnPhone(text));
      this.$listen('reportPhone:text', ({ text }: { text: string }) => this.backToKeyboard(text));
      this.$listen('reportPhone:back', () => this.backToKeyboard(null));
      this.$listen('reportList:choose', ({ id }: { id: string }) => this.act(id));
      if (this.mandate) this.startForHelped();
      else if (this.start === 'report') {
        this.draft = null;
        this.showCategories();
      } else this.showMenu();
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
    setChoices(choices: Choice[], cols: number, top: number, height = 110) {
      renders += 1;
      const gap = 32;
      // A single column stays readable at a glance: no button as wide as the screen.
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
          y: top + this.behalfH + row * (h + 28),
          w,
          h,
        };
      });
      this.index = 0;
      this.$setTimeout(() => this.focusItem(), 0);
    },
    present(step: Step, title: string, body: string) {
      this.step = step;
      this.title = title;
      this.body = body;
      reportMessage(title + (body ? ' — ' + body : ''));
      speak(title + '. ' + body);
    },
    focusItem() {
      if (this.step === 'mine' && this.items.length === 0) return this.$select('list').$focus();
      const item = this.$select('item' + this.index);
      if (item) item.$focus();
    },
    showFailure(error: unknown) {
      if (this.helped && error instanceof ApiProblem && error.code === 'mandate_withdrawn') {
        // The tenant withdrew the right meanwhile: the helping page's list says so.
        this.$router.to('/helping', { warning: format(this.helpingWords.withdrawnMessage, { name: (this.helped as Mandate).tenant.name }) });
        return;
      }
      if (this.helped && error instanceof ApiProblem && error.code === 'forbidden') {
        // She narrowed the right to her town-hall procedures: nothing to retry here, only the way back to her.
        const name = (this.helped as Mandate).tenant.name;
        this.busy = false;
        this.reportId = '';
        // Nothing is done in her name any more: no "Au nom de" over this end (Back still knows her, by the route).
        this.helped = null;
        this.present('sent', this.words.title, format(this.helpingWords.reportsNarrowed, { name }));
        this.setChoices([{ action: 'person:', label: format(this.helpingWords.backTo, { name }) }], 1, 560, 110);
        return;
      }
      this.busy = false;
      const message = failureMessage(error, this.t) || this.words.failed;
      this.body = message;
      reportMessage(message);
      speak(message);
    },
    /** Helper mode: reads the mandate (its name for "Au nom de", still active?) and starts the wizard in its name. */
    startForHelped() {
      this.present('category', this.words.title, this.words.loading);
      api.receivedMandate(this.mandate as string).then(
        (mandate: Mandate) => {
          if (!mandate.active) {
            this.$router.to('/helping', { warning: format(this.helpingWords.withdrawnMessage, { name: mandate.tenant.name }) });
            return;
          }
          this.helped = mandate;
          this.draft = null;
          this.showCategories();
        },
        // Not this helper's, or no network: the helping page says what it can.
        () => this.$router.to('/helping'),
      );
    },
    /** Whose reports: the tenant's own, or those of the tenant who gave the mandate. */
    reportsClient(): PalierClient {
      return this.helped ? api.asHelper((this.helped as Mandate).id) : api;
    },
    homeLabel(): string {
      return this.helped ? format(this.helpingWords.theirHome, { name: (this.helped as Mandate).tenant.name }) : this.words.atHome;
    },
    /** Back to the person in the helping page, on `keepId` in their list (the report just filed, or the button). */
    backToPerson(keepId: string) {
      this.$router.to('/helping/' + encodeURIComponent(this.mandate as string), { keep: keepId });
    },
    showMenu() {
      this.present('menu', this.words.title, this.words.menuHelp);
      this.setChoices(
        [
          { action: 'report', label: this.words.menuReport },
          { action: 'mine', label: this.words.menuMine },
          { action: 'building', label: this.words.menuBuilding },
          { action: 'eservices', label: this.words.menuEservices },
          // appointments
          { action: 'appointments', label: this.words.menuAppointments },
        ],
        2,
        340,
        150,
      );
    },
    showCategories() {
      this.present('category', this.words.categoryTitle, '');
      const language: 'fr' | 'en' | 'ar' = this.lang();
      this.setChoices(
        REPORT_CATEGORIES.map((category) => ({
          action: 'category:' + category.code,
          label: category.icon + '  ' + category.label[language],
        })),
        2,
        200,
        100,
      );
    },
    showPlaces() {
      const draft = this.draft as Draft;
      const usual = reportCategory(draft.category).usualLocation;
      const home = homeSpots.map((spot) => ({
        action: 'spot:HOME:' + spot,
        label: this.homeLabel() + ' · ' + this.words[('spot.' + spot) as keyof ReportWords],
      }));
      const common = commonAreaSpots.map((spot) => ({
        action: 'spot:COMMON_AREA:' + spot,
        label: this.words.commonArea + ' · ' + this.words[('spot.' + spot) as keyof ReportWords],
      }));
      this.present('place', this.words.placeTitle, '');
      this.setChoices(usual === 'HOME' ? home.concat(common) : common.concat(home), 3, 200, 90);
    },
    showUrgency() {
      this.present('urgency', this.words.urgencyTitle, '');
      this.setChoices(
        (['NORMAL', 'LOW', 'URGENT'] as ReportUrgency[]).map((urgency) => ({
          action: 'urgency:' + urgency,
          label: this.words[('urgency.' + urgency) as keyof ReportWords],
        })),
        1,
        260,
        110,
      );
    },
    showDescriptions() {
      const draft = this.draft as Draft;
      const language: 'fr' | 'en' | 'ar' = this.lang();
      this.present('description', this.words.descriptionTitle, '');
      this.setChoices(
        reportCategory(draft.category)
          .templates.map((template) => ({
            action: 'template:' + template.code,
            label: template.label[language],
          }))
          .concat([{ action: 'write', label: this.words.writeOwn }]),
        1,
        260,
        100,
      );
    },
    /** The tenant's own words, typed on the on-screen keyboard (a template's sentence to start from, if they chose one). */
    showWrite() {
      const draft = this.draft as Draft;
      this.phoneShown = false;
      this.present('write', this.words.writeTitle, '');
      this.setChoices([], 1, 260);
      const keyboard = this.$select('keyboard');
      keyboard.open(draft.template ? '' : draft.description);
      this.$setTimeout(() => keyboard.$focus(), 0);
    },
    writeOnPhone(text: string) {
      this.phoneShown = true;
      const phone = this.$select('phone');
      phone.start(this.words.writeTitle, 2000, text);
      this.$setTimeout(() => phone.$focus(), 0);
    },
    /** Back from the phone panel: with the phone's text in the field, or the field as it was. */
    backToKeyboard(text: string | null) {
      this.phoneShown = false;
      const keyboard = this.$select('keyboard');
      if (text !== null) keyboard.open(text);
      this.$setTimeout(() => keyboard.$focus(), 0);
    },
    writtenDescription(text: string) {
      if (this.step !== 'write') return;
      const description = text.trim();
      if (description.length < 3) {
        reportMessage(this.words.writeTooShort);
        speak(this.words.writeTooShort);
        return;
      }
      this.draft = { ...(this.draft as Draft), template: '', description };
      this.showPhotos();
    },
    showPhotos() {
      this.thumbs = [];
      this.present('photos', this.words.photosTitle, this.words.loading);
      this.setChoices([{ action: 'summary', label: this.words.skipPhotos }], 1, this.photosButtonTop, 100);
      this.reportsClient()
        .startHandoff({ purpose: 'report_photos' })
        .then(
          (handoff: Handoff) => {
            this.qrUrl = handoff.url;
            const path = handoff.url.split('#')[0] as string;
            this.body = format(this.words.photosHelp, { url: path, code: handoff.code }) + '\n\n' + this.words.photosNone;
            reportMessage(this.title + ' — ' + this.body);
            this.loadPhotos();
          },
          (error: unknown) => this.showFailure(error),
        );
    },
    loadPhotos() {
      this.reportsClient()
        .draftReportPhotos()
        .then(
          (photos: DraftPhotos) => {
            this.photoIds = photos.items.map((photo) => photo.id);
            const base = api.baseUrl;
            this.thumbs = photos.items.map((photo, i) => {
              const x = LEFT + 440 + i * 330;
              return { id: photo.id, src: base + photo.thumbUrl, x: this.rtl ? 1920 - x - 300 : x };
            });
            if (this.step !== 'photos') return;
            const count = photos.items.length;
            const codeLine = this.body.split('\n\n')[0];
            this.body = codeLine + '\n\n' + (count > 0 ? format(this.words.photosCount, { count }) : this.words.photosNone);
            reportMessage(this.title + ' — ' + this.body);
            if (count > 0 && this.choices[0] && this.choices[0].action === 'summary' && this.choices[0].label !== this.words.continue) {
              this.setChoices([{ action: 'summary', label: this.words.continue }], 1, this.photosButtonTop, 100);
            }
          },
          () => undefined,
        );
    },
    showSummary() {
      const draft = this.draft as Draft;
      const language: 'fr' | 'en' | 'ar' = this.lang();
      this.qrUrl = '';
      this.thumbs = [];
      const count = this.photoIds.length;
      this.present(
        'summary',
        this.words.summaryTitle,
        format(this.words.summary, {
          category: reportCategory(draft.category).label[language],
          place:
            (draft.location === 'HOME' ? this.homeLabel() : this.words.commonArea) +
            ' · ' +
            this.words[('spot.' + draft.spot) as keyof ReportWords],
          urgency: this.words[('urgency.' + draft.urgency) as keyof ReportWords],
          description: draft.description,
          photos: count > 0 ? format(this.words.photosCount, { count }) : this.words.photosNone,
        }),
      );
      this.setChoices(
        [
          { action: 'send', label: this.words.send },
          { action: 'restart', label: this.words.back },
        ],
        2,
        760,
        110,
      );
    },
    send() {
      const draft = this.draft as Draft;
      if (this.busy) return;
      this.busy = true;
      this.body = this.words.sending;
      // The same key for every retry of this report: a resend after a lost answer never makes a second report.
      if (!this.submitKey) this.submitKey = newIdempotencyKey();
      this.reportsClient()
        .submitReport(
          {
            category: draft.category,
            location: draft.location,
            spot: draft.spot,
            urgency: draft.urgency,
            template: draft.template || undefined,
            description: draft.description,
            photoIds: this.photoIds,
          },
          this.submitKey,
        )
        .then(
          (report: TenantReport) => {
            this.busy = false;
            this.submitKey = '';
            this.draft = null;
            this.photoIds = [];
            this.reportId = report.id;
            if (this.helped) return this.showSentFor(report);
            this.present(
              'sent',
              this.words.sentTitle,
              format(this.words.sent, { number: report.number, due: formatDateTime(report.dueAt, this.lang()) }),
            );
            this.setChoices(
              [
                { action: 'open:' + report.id, label: this.words.toMine },
                { action: 'menu', label: this.words.home },
              ],
              2,
              560,
              110,
            );
          },
          (error: unknown) => this.showFailure(error),
        );
    },
    /** Helper mode: the report's number in the tenant's name, and the way back to that person's reports. */
    showSentFor(report: TenantReport) {
      const name = (this.helped as Mandate).tenant.name;
      this.present(
        'sent',
        this.words.sentTitle,
        format(this.helpingWords.sentFor, { number: report.number, name, due: formatDateTime(report.dueAt, this.lang()) }),
      );
      this.setChoices([{ action: 'person:' + report.id, label: format(this.helpingWords.backToPerson, { name }) }], 1, 560, 110);
    },
    /** My reports, newest first, a page at a time as the focus goes down; back from one, the focus returns to it. */
    showMine(keepId = '') {
      this.present('mine', this.words.mineTitle, '');
      this.setChoices([], 1, 200);
      const language: 'fr' | 'en' | 'ar' = this.lang();
      this.$select('list').load(
        (cursor: string | null): Promise<PagedListPage> =>
          api.reports(cursor ? { limit: 10, cursor } : { limit: 10 }).then((page) => {
            const rows = page.items.map((report: TenantReportSummary) => ({
              id: 'open:' + report.id,
              label:
                report.number +
                ' · ' +
                reportCategory(report.category).label[language] +
                ' · ' +
                this.words[('status.' + report.status) as keyof ReportWords],
            }));
            if (!cursor && rows.length === 0) {
              this.body = this.words.mineEmpty;
              reportMessage(this.title + ' — ' + this.body);
              // Nothing reported yet: the way to report, rather than an empty screen.
              rows.push({ id: 'report', label: this.words.menuReport });
            }
            return { rows, nextCursor: page.nextCursor };
          }),
        keepId ? 'open:' + keepId : undefined,
      );
      this.$setTimeout(() => this.focusItem(), 0);
    },
    openReport(reportId: string) {
      this.reportId = reportId;
      api.report(reportId).then(
        (report) => this.showReport(report),
        (error: unknown) => this.showFailure(error),
      );
    },
    showReport(report: TenantReport) {
      const language: 'fr' | 'en' | 'ar' = this.lang();
      const w = this.words;
      const lines: string[] = [format(w.status, { status: w[('status.' + report.status) as keyof ReportWords] })];
      lines.push(
        reportCategory(report.category).label[language] +
          ' · ' +
          w[('spot.' + report.spot) as keyof ReportWords] +
          ' — ' +
          report.description,
      );
      const booked = report.slots.filter((slot) => slot.state === 'ACCEPTED')[0];
      if (booked) lines.push(format(w.appointmentBooked, { when: formatDateTime(booked.startsAt, language) }));
      if (report.actions.indexOf('accept_slot') >= 0) lines.push(w.appointmentOffered);
      if (report.actions.indexOf('rate') >= 0) lines.push(w.rateHelp);
      if (report.rating !== null) lines.push(w.rated + ' ★ ' + report.rating + '/5');
      const events = reportTimelineLines(report, w, language);
      this.present('detail', format(w.detailTitle, { number: report.number }), lines.concat(events).join('\n'));
      const choices: Choice[] = [];
      if (report.actions.indexOf('accept_slot') >= 0) {
        report.slots
          .filter((slot) => slot.state === 'OFFERED')
          .forEach((slot) =>
            choices.push({ action: 'slot:' + slot.id, label: format(w.slot, { when: formatDateTime(slot.startsAt, language) }) }),
          );
      }
      if (report.actions.indexOf('rate') >= 0) {
        for (let stars = 5; stars >= 1; stars -= 1)
          choices.push({ action: 'rate:' + stars, label: format(w.rate, { stars: '★★★★★'.slice(0, stars) }) });
      }
      if (report.actions.indexOf('reopen') >= 0) choices.push({ action: 'reopen', label: w.reopen });
      if (report.actions.indexOf('cancel') >= 0) choices.push({ action: 'cancel', label: w.cancel });
      choices.push({ action: 'mine', label: w.back });
      // Five stars, reopen and back must all fit above the key hints: three columns when there are many.
      this.setChoices(choices, choices.length > 4 ? 3 : 2, 640, 80);
    },
    showBuilding() {
      this.present('building', this.words.buildingTitle, this.words.loading);
      this.setChoices([], 1, 300);
      api.buildingReports({ limit: 5 }).then(
        (page) => {
          if (this.step !== 'building') return;
          const language: 'fr' | 'en' | 'ar' = this.lang();
          this.body = page.items.length === 0 ? this.words.buildingEmpty : this.words.buildingHelp;
          reportMessage(this.title + ' — ' + this.body);
          this.setChoices(
            page.items.map((report: NeighbourhoodReport) => ({
              action: report.mine || report.meToo ? 'noop' : 'metoo:' + report.id,
              label:
                reportCategory(report.category).label[language] +
                ' · ' +
                this.words[('spot.' + report.spot) as keyof ReportWords] +
                ' — ' +
                report.description +
                ' · ' +
                format(this.words.meTooCount, { count: report.meTooCount }) +
                (report.mine ? '' : ' · ' + (report.meToo ? this.words.meTooDone : this.words.meToo)),
            })),
            1,
            300,
            100,
          );
        },
        (error: unknown) => this.showFailure(error),
      );
    },
    perform(call: Promise<TenantReport>) {
      if (this.busy) return;
      this.busy = true;
      call.then(
        (report) => {
          this.busy = false;
          this.showReport(report);
        },
        (error: unknown) => this.showFailure(error),
      );
    },
    chooseItem() {
      const choice = this.choices[this.index] as Choice | undefined;
      if (choice) this.act(choice.action);
    },
    /** What OK does on a button or a row of the list: `kind:a:b`. */
    act(action: string) {
      const [kind, a, b] = action.split(':') as [string, string, string];
      if (kind === 'report') {
        this.draft = null;
        this.showCategories();
      } else if (kind === 'mine') this.showMine(this.step === 'detail' ? this.reportId : '');
      else if (kind === 'building') this.showBuilding();
      else if (kind === 'eservices') this.$router.to('/eservices');
      else if (kind === 'menu') this.showMenu();
      else if (kind === 'appointments') this.$router.to('/appointments');
      else if (kind === 'category') {
        this.draft = { category: a as ReportCategory, location: 'HOME', spot: 'KITCHEN', urgency: 'NORMAL', template: '', description: '' };
        this.showPlaces();
      } else if (kind === 'spot') {
        const draft = this.draft as Draft;
        this.draft = { ...draft, location: a as Draft['location'], spot: b as ReportSpot };
        this.showUrgency();
      } else if (kind === 'urgency') {
        this.draft = { ...(this.draft as Draft), urgency: a as ReportUrgency };
        this.showDescriptions();
      } else if (kind === 'template') {
        const draft = this.draft as Draft;
        const template = reportCategory(draft.category).templates.filter((one) => one.code === a)[0];
        this.draft = { ...draft, template: a, description: template ? template.label[this.lang() as 'fr' | 'en' | 'ar'] : a };
        this.showPhotos();
      } else if (kind === 'write') this.showWrite();
      else if (kind === 'summary') this.showSummary();
      else if (kind === 'send') this.send();
      else if (kind === 'restart') this.showCategories();
      else if (kind === 'open') this.openReport(a);
      else if (kind === 'person') this.backToPerson(a ? 'report:' + a : 'newreport');
      else if (kind === 'slot') this.perform(api.acceptReportSlot(this.reportId, a));
      else if (kind === 'rate') this.perform(api.rateReport(this.reportId, { stars: Number(a) }));
      else if (kind === 'reopen') this.perform(api.reopenReport(this.reportId, this.words.reopenReason));
      else if (kind === 'cancel') this.perform(api.cancelReport(this.reportId));
      else if (kind === 'metoo') {
        api.meToo(a).then(
          () => this.showBuilding(),
          (error: unknown) => this.showFailure(error),
        );
      }
    },
    onEvent(event: EventMessage) {
      if (event.name === 'report.photo_added' && this.step === 'photos') this.loadPhotos();
      if (event.name === 'report.updated') {
        if (this.step === 'detail' && event.data.reportId === this.reportId) this.openReport(this.reportId);
        else if (this.step === 'mine') this.$select('list').refresh();
      }
    },
    /** The step before the photos: the keyboard for one's own words, else the ready-made sentences. */
    showBeforePhotos() {
      if (this.draft && !(this.draft as Draft).template) this.showWrite();
      else this.showDescriptions();
    },
    moveFocus(delta: number) {
      const next = this.index + delta;
      if (next < 0 || next >= this.items.length) return;
      this.index = next;
      this.focusItem();
    },
    goUp() {
      const parents: Record<Step, () => void> = {
        menu: () => goBack(this, '/home'),
        // Opened straight on the report: Back goes back to where the tenant came from (the calls screen), or the helper
        // to the person they act for.
        category: () =>
          this.mandate ? this.backToPerson('newreport') : this.start === 'report' ? goBack(this, '/procedures') : this.showMenu(),
        place: () => this.showCategories(),
        urgency: () => this.showPlaces(),
        description: () => this.showUrgency(),
        write: () => this.showDescriptions(),
        photos: () => this.showBeforePhotos(),
        summary: () => this.showPhotos(),
        sent: () => (this.mandate ? this.backToPerson(this.reportId ? 'report:' + this.reportId : 'newreport') : this.showMenu()),
        mine: () => this.showMenu(),
        detail: () => this.showMine(this.reportId),
        building: () => this.showMenu(),
      };
      if (this.step !== 'photos' && this.step !== 'summary') this.qrUrl = '';
      if (this.step === 'photos') this.qrUrl = '';
      this.thumbs = [];
      parents[this.step as Step]();
    },
  },
  input: choiceGridInput('chooseItem'),
});
