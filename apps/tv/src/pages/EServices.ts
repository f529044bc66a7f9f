// Town-hall e-services ("Démarches de la mairie"): the forms the tenant's town hall and city offer, a form as a wizard
// (one question per screen, the draft saved on the server at every step, resumed exactly there after leaving or a power
// cut), a summary, an idempotent send with its receipt number, and "my requests" with their timeline and the answer to
// a clerk's question. Route /eservices lists; /eservices/:id is the wizard of one form (a reload lands back in it).
// Helper mode: /helping/:mandate/eservices and /helping/:mandate/eservices/:id are the same screens for a neighbour who
// fills in a form in the name of the tenant who gave them that mandate — every call through the mandate's routes, "Au nom
// de X" on every step, its kept keys apart from the helper's own, and Back or the end going back to that person in
// "Les personnes que j'aide". A withdrawn right ends it with a message and a way back to the list of people; a right
// narrowed to the tenant's fault reports ends it with a message and a way back to that person.
import Blits from '@lightningjs/blits';
import type {
  EServiceFormSummary,
  EServiceFormVersion,
  EServiceQuestion,
  TenantEServiceRequest,
  TenantEServiceRequestSummary,
} from '@palier/contracts/src/eservices';
import type { EventMessage } from '@palier/contracts/src/realtime';
import type { Mandate } from '@palier/contracts/src/mandates';
import { ApiProblem, type PalierClient } from '@palier/contracts/src/client';
import { api } from '../api/session';
import { newIdempotencyKey } from '../api/idempotency-key';
import { failureMessage } from '../api/problems';
import { format } from '../i18n';
import { eserviceWords, type EServiceWords } from '../i18n/eservices';
import { helpingWords } from '../i18n/helping';
import { keyboardWords } from '../i18n/keyboard';
import { reportMessage, reportScreen } from '../testing';
import { lookComputed, speak } from '../components/look';
import { choiceGridInput } from '../components/choice-grid';
import Button from '../components/Button';
import KeyHints from '../components/KeyHints';
import Keyboard from '../components/Keyboard';
import PhoneText from '../components/PhoneText';
import DatePicker from '../components/DatePicker';
import Waiting from '../components/Waiting';
import PagedList, { type PagedListPage } from '../components/PagedList';
import { onEServiceEvent } from '../eservices/events';
import { answerText, localized, typedAnswer } from '../eservices/answers';
import { requestTimelineLines } from '../eservices/timeline';
import { goBack } from './navigation';

type Step = 'list' | 'intro' | 'question' | 'summary' | 'sent' | 'requests' | 'request' | 'reply' | 'failed' | 'ended';
type Mode = 'buttons' | 'keyboard' | 'phone' | 'date';

interface Choice {
  action: string;
  label: string;
  selected?: boolean;
}

interface Item {
  id: string;
  key: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  selected: boolean;
}

const LEFT = 96;
const WIDTH = 1728;
/** Where a question's answer area starts: below the progress, the question and two lines of help. */
const ANSWER_Y = 265;
const SUBMIT_KEY = 'palier.eservices.submitKey.';
const REANSWER_KEY = 'palier.eservices.reanswerKey.';
/** Room kept at the top right of a screen's title for "Au nom de X" in helper mode. */
const ON_BEHALF_W = 560;
/** Forms or requests per page of the scrolling lists. */
const PAGE_SIZE = 10;
let renders = 0;
let stopListening: (() => void) | null = null;
let saveTimer: ReturnType<typeof setTimeout> | null = null;

/** No answer, whether cleared (null) or never given (undefined). */
function noneAsNull(value: unknown): unknown {
  return value === undefined ? null : value;
}

/**
 * A send's Idempotency-Key survives a power cut: kept in the TV's storage until the send succeeds (a request created,
 * new answers taken), so a retry after a cut is the same send.
 */
function keptKey(name: string): string {
  try {
    const kept = window.localStorage.getItem(name);
    if (kept) return kept;
    const key = newIdempotencyKey();
    window.localStorage.setItem(name, key);
    return key;
  } catch {
    return newIdempotencyKey();
  }
}

/** The tenant's own e-service routes, or in helper mode the mandate's: the same calls, in the tenant's name. */
function clientFor(mandate: string | undefined): PalierClient {
  return mandate ? api.asHelper(mandate) : api;
}

/**
 * Helper mode: how a refusal says the tenant took the right back — withdrawn as a whole, or narrowed so that it no
 * longer covers e-services (the mandate's routes answer `forbidden` then) — or null for any other failure.
 */
function rightEndedBy(error: unknown): 'withdrawn' | 'narrowed' | null {
  if (!(error instanceof ApiProblem)) return null;
  if (error.code === 'mandate_withdrawn') return 'withdrawn';
  return error.code === 'forbidden' ? 'narrowed' : null;
}

function forgetKey(name: string): void {
  try {
    window.localStorage.removeItem(name);
  } catch {
    // Storage disabled: nothing was kept.
  }
}

export default Blits.Component('EServices', {
  components: { Button, KeyHints, Keyboard, PhoneText, DatePicker, Waiting, PagedList },
  // Route parameters reach props in lower case (Blits lower-cases route paths). `mandate`: helper mode.
  props: ['id', 'mandate'],
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-eservices', step: $step, question: $qIndex}">
      <Text :show="$step === 'question'" :content="$progress" :font="$f.bold" :size="$ts.small" :color="$c.fresh" x="96" y="54" maxwidth="1728" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'eservice-progress'}" />
      <Element :show="$step === 'question'" x="96" :y="54 + $ts.small * 1.35" w="1728" h="8" :color="$c.surface">
        <Element :x="$rtl ? 1728 - $progressW : 0" y="0" :w="$progressW" h="8" :color="$c.fresh" />
      </Element>
      <Text :show="!!$onBehalf" :content="$onBehalf" :font="$f.bold" :size="$ts.small" :color="$c.fresh" :x="$rtl ? 96 : 1824 - $ON_BEHALF_W" y="54" :maxwidth="$ON_BEHALF_W" maxlines="1" :align="$rtl ? 'left' : 'right'" :inspector-data="{testid: 'eservice-on-behalf', message: $onBehalf}" />
      <Text :content="$title" :font="$f.bold" :size="$titleSize" :color="$c.text" :x="$rtl ? 96 + $titleRoom : 96" :y="$step === 'question' ? 100 : 54" :maxwidth="1728 - $titleRoom" maxlines="1" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'eservice-title'}" />
      <Text :show="!!$body" :content="$body" :size="$ts.body" :color="$step === 'question' ? $c.textMuted : $c.text" x="96" :y="$step === 'question' ? 165 : 54 + $titleSize * 1.6" maxwidth="1728" :maxlines="$bodyLines" :lineheight="$ts.lineHeight($ts.body)" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'eservice-body'}" />
      <PagedList ref="list" :show="$step === 'list' || $step === 'requests'" :active="$step === 'list' || $step === 'requests'" :x="$rtl ? 96 : 56" :y="$listY" w="1768" :h="1080 - 54 - $ts.small * 1.6 - 24 - $listY" :rowh="$step === 'list' ? 84 : 90" event="eserviceList" testid="eservice-list" />
      <Button :for="(item, i) in $items" key="$item.key" ref="item" :x="$item.x" :y="$item.y" :w="$item.w" :h="$item.h" :label="$item.label" :selected="$item.selected" :testid="'eservice-' + $item.id" />
      <Keyboard ref="keyboard" :show="$mode === 'keyboard'" x="96" :y="$keyboardY" event="eserviceText" :limit="$kbLimit" :lines="$kbLines" :placeholder="$kbPlaceholder" :extra="$kbExtra" testid="eservice-keyboard" />
      <PhoneText ref="phone" :show="$mode === 'phone'" x="96" :y="$keyboardY" event="eservicePhone" testid="eservice-phone" />
      <DatePicker ref="date" :show="$mode === 'date'" :x="$rtl ? 1920 - 96 - 1176 : 96" :y="$ANSWER_Y + 40" event="eserviceDate" testid="eservice-date" />
      <Waiting :show="$busy" :label="$busyLabel" w="1728" x="96" y="900" testid="eservice-waiting" />
      <KeyHints :show="$mode === 'buttons' || $mode === 'date'" :hints="$hints" />
    </Element>
  `,
  state() {
    return {
      step: 'list' as Step,
      mode: 'buttons' as Mode,
      title: '',
      body: '',
      bodyLines: 3,
      progress: '',
      progressW: 0,
      items: [] as Item[],
      choices: [] as Choice[],
      cols: 1,
      index: 0,
      busy: false,
      busyLabel: '',
      form: null as EServiceFormVersion | null,
      answers: {} as Record<string, unknown>,
      qIndex: 0,
      requestId: '',
      request: null as TenantEServiceRequest | null,
      replyKey: '',
      /** A line shown above a request ("your answer has gone") until its status changes. */
      requestNote: '',
      requestNoteStatus: '',
      requestsEmpty: false,
      /** Helper mode: the tenant's address is offered no form. */
      formsEmpty: false,
      kbLimit: 200,
      kbLines: 1,
      kbPlaceholder: '',
      kbExtra: '',
      keyboardY: ANSWER_Y,
      ANSWER_Y,
      /** What to do when OK is pressed on a failure ("try again"). */
      retry: '',
      /** Where the scrolling list (forms, or my requests) starts. */
      listY: 250,
      /** Answering the clerk's named questions again: the wizard on those questions only, no draft, sent as one answer. */
      reanswer: false,
      asked: [] as string[],
      /** Helper mode: the first name of the tenant whose form it is (from their mandate). */
      person: '',
      ON_BEHALF_W,
      /** Answering again an optional question typed or picked: the name of the one whose keyboard or date was asked for. */
      answering: '',
    };
  },
  computed: {
    ...lookComputed,
    words(): EServiceWords {
      return eserviceWords(this.$appState.language);
    },
    hints() {
      return [
        { key: 'ok', label: this.t.common.choose },
        { key: 'back', label: this.t.common.goBack },
      ];
    },
    /**
     * "Au nom de Nadia" on every step in helper mode, but not once the right is taken back (the helper no longer acts in
     * her name); nothing for the tenant's own forms.
     */
    onBehalf(): string {
      // The step read first: after `person && …` with no person yet, Blits would not redraw when the step changes.
      const ended = this.step === 'ended';
      return this.person && !ended ? format(this.words.onBehalf, { name: this.person }) : '';
    },
    /** The title shares its line with "Au nom de X" in helper mode (a question's title has a line of its own). */
    titleRoom(): number {
      const shared = this.step !== 'question' && this.step !== 'ended';
      return this.mandate && shared ? ON_BEHALF_W + 24 : 0;
    },
    /** A title that shares its line is set smaller, so that it holds as many letters as a full-width one. */
    titleSize(): number {
      const ownLine = this.step === 'ended';
      return this.step === 'question' || (this.mandate && !ownLine) ? this.ts.heading : this.ts.title;
    },
  },
  hooks: {
    ready() {
      reportScreen('eservices');
      if (stopListening) stopListening();
      stopListening = null;
      // The helper's TV hears the helper's own requests' events, not the tenant's: helper mode listens to none.
      if (!this.mandate) stopListening = onEServiceEvent((event: EventMessage) => this.onEvent(event));
      this.$listen('eserviceText:done', ({ text }: { text: string }) => this.typed(text));
      this.$listen('eserviceText:change', ({ text }: { text: string }) => this.typing(text));
      this.$listen('eserviceText:back', () => this.goUp());
      this.$listen('eserviceText:extra', ({ text }: { text: string }) => this.writeOnPhone(text));
      this.$listen('eservicePhone:text', ({ text }: { text: string }) => this.backToKeyboard(text));
      this.$listen('eservicePhone:back', () => this.backToKeyboard(null));
      this.$listen('eserviceDate:done', ({ value }: { value: string }) => this.answer(value));
      this.$listen('eserviceDate:back', () => this.goUp());
      this.$listen('eserviceList:choose', ({ id }: { id: string }) => this.act(id));
      this.$listen('eserviceList:loaded', ({ count, failed }: { count: number; failed: string }) => this.listLoaded(count, failed));
      if (this.mandate) this.openMandate();
      else if (this.id) this.openForm(this.id as string);
      else this.showList();
    },
    destroy() {
      if (stopListening) stopListening();
      stopListening = null;
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = null;
    },
    focus() {
      this.focusCurrent();
    },
  },
  methods: {
    lang(): 'fr' | 'en' | 'ar' {
      return this.$appState.language as 'fr' | 'en' | 'ar';
    },
    /** A kept key's name: the helper's keys for a tenant's forms are apart from their own (and from another tenant's). */
    keyName(prefix: string, id: string): string {
      return prefix + (this.mandate ? 'mandate.' + (this.mandate as string) + '.' : '') + id;
    },
    /** Helper mode's screens under /helping/:mandate. */
    helperPath(rest = ''): string {
      return '/helping/' + encodeURIComponent(this.mandate as string) + rest;
    },
    /**
     * Back to `tenantPath` for the tenant's own screens (down the history); in helper mode straight to `helperPath`,
     * its screens being out of the history so that Back from the person leads back to Settings, not into the wizard.
     */
    leave(tenantPath: string, helperPath: string) {
      if (this.mandate) this.$router.to(helperPath);
      else goBack(this, tenantPath);
    },
    /** Helper mode: whose name this is done in (their mandate, read again after a reload), then the list or the form. */
    openMandate() {
      this.present('intro', this.words.title, '');
      this.setChoices([], 1, 300);
      this.wait(this.words.loading);
      api.receivedMandate(this.mandate as string).then(
        (mandate: Mandate) => {
          this.person = mandate.tenant.name;
          if (!mandate.active) return this.endWithdrawn();
          if (mandate.scopes.indexOf('eservices') === -1) return this.endNarrowed();
          if (this.id) this.openForm(this.id as string);
          else this.showList();
        },
        (error: unknown) => this.fail(error, 'mandate'),
      );
    },
    /** Helper mode: a refusal because the tenant took the right back ends the wizard (true); anything else is not this. */
    rightEnded(error: unknown): boolean {
      const ended = this.mandate ? rightEndedBy(error) : null;
      if (ended === 'withdrawn') this.endWithdrawn();
      else if (ended === 'narrowed') this.endNarrowed();
      return ended !== null;
    },
    /** The helper's list of people, saying that this one withdrew the right. */
    toPeople() {
      this.$router.to('/helping', { warning: format(helpingWords(this.lang()).withdrawnMessage, { name: this.person }) });
    },
    endWithdrawn() {
      const helping = helpingWords(this.lang());
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = null;
      this.present('ended', this.words.title, format(helping.withdrawnMessage, { name: this.person }));
      this.setChoices([{ action: 'helping', label: helping.title }], 1, 560, 110);
    },
    /** The tenant still lets the helper do other things (her fault reports): the way back is to her, nowhere deeper. */
    endNarrowed() {
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = null;
      this.present('ended', this.words.title, format(this.words.helperNarrowed, { name: this.person }));
      this.setChoices([{ action: 'person', label: this.toPerson() }], 1, 560, 110);
    },
    /** Lays choices out below the text, mirrored in right-to-left, with the focus on `focus`. */
    setChoices(choices: Choice[], cols: number, top: number, height = 100, focus = 0, wide = false) {
      renders += 1;
      const gap = 32;
      // A single column stays readable at a glance; lists of long lines (forms, requests) take the whole width.
      const w = cols === 1 ? (wide ? WIDTH : 1100) : Math.floor((WIDTH - (cols - 1) * gap) / cols);
      this.choices = choices;
      this.cols = cols;
      this.items = choices.map((choice, i) => {
        const col = i % cols;
        const row = Math.floor(i / cols);
        const x = LEFT + col * (w + gap);
        return {
          id: choice.action.replace(/[^a-zA-Z0-9_-]/g, '-'),
          key: [renders, i, choice.action, choice.label, !!choice.selected].join('|'),
          label: choice.label,
          x: this.rtl ? 1920 - x - w : x,
          y: top + row * (height + 24),
          w,
          h: height,
          selected: !!choice.selected,
        };
      });
      this.index = Math.max(0, Math.min(focus, choices.length - 1));
      this.$setTimeout(() => this.focusCurrent(), 0);
    },
    focusCurrent() {
      if (this.mode === 'keyboard') this.$select('keyboard').$focus();
      else if (this.mode === 'phone') this.$select('phone').$focus();
      else if (this.mode === 'date') this.$select('date').$focus();
      else if ((this.step === 'list' || this.step === 'requests') && this.items.length === 0) this.$select('list').$focus();
      else {
        const item = this.$select('item' + this.index);
        if (item) item.$focus();
      }
    },
    present(step: Step, title: string, body: string, mode: Mode = 'buttons') {
      this.step = step;
      this.mode = mode;
      this.title = title;
      this.body = body;
      this.busy = false;
      this.bodyLines = step === 'question' ? 2 : step === 'summary' || step === 'request' ? 14 : 6;
      this.tell();
    },
    /** What the screen says, for the tests and the voice. */
    tell() {
      const heading =
        (this.onBehalf ? this.onBehalf + ' — ' : '') + (this.step === 'question' ? this.progress + ' — ' + this.title : this.title);
      reportMessage(heading + (this.body ? ' — ' + this.body : ''));
      speak(heading + '. ' + this.body);
    },
    wait(label: string) {
      this.busy = true;
      this.busyLabel = label;
      reportMessage(this.title + ' — ' + label);
    },
    fail(error: unknown, retry: string, message?: string) {
      if (this.rightEnded(error)) return;
      this.busy = false;
      const reason = failureMessage(error, this.t) || this.words.failed;
      this.retry = retry;
      this.mode = 'buttons';
      this.body = message ? format(message, { reason }) : reason;
      this.tell();
      this.setChoices(
        [
          { action: 'retry', label: this.words.retry },
          { action: 'up', label: this.words.back },
        ],
        2,
        this.step === 'question' ? ANSWER_Y + 40 : 560,
      );
    },

    // --- the list of forms ---
    /** "Mes demandes" first, then the forms, a page at a time as the focus goes down. */
    showList() {
      this.form = null;
      this.reanswer = false;
      this.listY = 250;
      this.present('list', this.words.title, this.listHelp());
      this.setChoices([], 1, 300);
      const language = this.lang();
      const formRow = (form: EServiceFormSummary) => ({
        id: 'form:' + form.formId,
        label: form.draft
          ? format(this.words.resume, {
              title: localized(form.title, language),
              step: Math.min(form.draft.step + 1, form.questionCount),
              count: form.questionCount,
            })
          : localized(form.title, language),
      });
      const client = clientFor(this.mandate);
      if (this.mandate) {
        // A helper follows the tenant's requests from "Les personnes que j'aide": here, the tenant's forms only.
        this.$select('list').load((cursor: string | null): Promise<PagedListPage> =>
          client.eserviceForms(cursor ? { limit: PAGE_SIZE, cursor } : { limit: PAGE_SIZE }).then(
            (page) => {
              if (!cursor) this.formsEmpty = page.items.length === 0;
              // None offered: a way back to the person rather than an empty screen.
              const rows = !cursor && page.items.length === 0 ? [{ id: 'person', label: this.toPerson() }] : page.items.map(formRow);
              return { rows, nextCursor: page.nextCursor };
            },
            (error: unknown) => {
              if (rightEndedBy(error)) this.$setTimeout(() => this.rightEnded(error), 0);
              throw error;
            },
          ),
        );
        this.$setTimeout(() => this.focusCurrent(), 0);
        return;
      }
      this.$select('list').load((cursor: string | null): Promise<PagedListPage> => {
        if (cursor)
          return client
            .eserviceForms({ limit: PAGE_SIZE, cursor })
            .then((page) => ({ rows: page.items.map(formRow), nextCursor: page.nextCursor }));
        return Promise.all([client.eserviceForms({ limit: PAGE_SIZE }), client.eserviceRequests({ limit: 20 })]).then(
          ([forms, requests]) => {
            const awaiting = requests.items.some((request: TenantEServiceRequestSummary) => request.awaitingTenant);
            return {
              rows: [{ id: 'requests', label: awaiting ? this.words.mineAwaiting : this.words.mine }].concat(forms.items.map(formRow)),
              nextCursor: forms.nextCursor,
            };
          },
        );
      });
      this.$setTimeout(() => this.focusCurrent(), 0);
    },
    listHelp(): string {
      return this.mandate ? format(this.words.helperListHelp, { name: this.person }) : this.words.listHelp;
    },
    toPerson(): string {
      return format(this.words.toPerson, { name: this.person });
    },
    /** A page of the scrolling list arrived: say what the screen holds. */
    listLoaded(count: number, failed: string) {
      if (failed) return;
      if (this.step === 'list' && this.mandate)
        this.body = this.formsEmpty ? format(this.words.helperNone, { name: this.person }) : this.listHelp();
      else if (this.step === 'list') this.body = count <= 1 ? this.words.none : this.words.listHelp;
      else if (this.step === 'requests') this.body = this.requestsEmpty ? this.words.mineEmpty : '';
      else return;
      this.tell();
    },

    // --- one form ---
    /** The draft if there is one (its version, answers and step), else the current version from the start. */
    openForm(formId: string) {
      this.present('intro', this.words.title, '');
      this.setChoices([], 1, 300);
      this.wait(this.words.loading);
      const client = clientFor(this.mandate);
      client.eserviceDraft(formId).then(
        (draft) => {
          this.form = draft.form;
          this.answers = draft.answers || {};
          if (draft.step >= draft.form.questions.length) this.showSummary();
          else this.showQuestion(draft.step);
        },
        (error: unknown) => {
          if (!(error instanceof ApiProblem) || error.status !== 404) return this.fail(error, 'open');
          client.eserviceForm(formId).then(
            (form) => {
              this.form = form;
              this.answers = {};
              this.showIntro();
            },
            (failure: unknown) => this.fail(failure, 'open'),
          );
        },
      );
    },
    showIntro() {
      const form = this.form as EServiceFormVersion;
      const language = this.lang();
      const description = localized(form.description, language);
      this.present(
        'intro',
        localized(form.title, language),
        (description ? description + '\n\n' : '') + format(this.words.introHelp, { count: form.questions.length }),
      );
      this.setChoices(
        [
          { action: 'start', label: this.words.start },
          { action: 'up', label: this.words.back },
        ],
        2,
        560,
        110,
      );
    },
    question(): EServiceQuestion {
      return (this.form as EServiceFormVersion).questions[this.qIndex] as EServiceQuestion;
    },
    /** One question per screen, with the widget its form asks for, and the answer given before if any. */
    showQuestion(index: number) {
      const form = this.form as EServiceFormVersion;
      const language = this.lang();
      this.qIndex = index;
      const question = this.question();
      // Answering the clerk's questions again: counted among those only.
      const count = this.reanswer ? this.asked.length : form.questions.length;
      const position = this.reanswer ? this.asked.indexOf(question.name) + 1 : index + 1;
      this.progress = format(this.reanswer ? this.words.reanswerProgress : this.words.progress, { step: position, count });
      this.progressW = Math.round((WIDTH * position) / count);
      const help = localized(question.help, language);
      const title = localized(question.title, language) + (question.required ? '' : ' (' + this.words.optional + ')');
      const value = this.answers[question.name];
      const widget = question.widget;
      const typedOrPicked = widget === 'text' || widget === 'longText' || widget === 'number' || widget === 'date';
      if (this.reanswer && !question.required && typedOrPicked && this.answering !== question.name) {
        // Asked again, an optional question may be left empty: offered as a choice before any keyboard or date.
        const given = format(this.words.answerGiven, { answer: answerText(question, value, this.words, language) });
        this.present('question', title, given + '\n' + this.words.clearHelp, 'buttons');
        this.setChoices(
          [
            { action: 'giveAnswer', label: this.words.giveAnswer },
            { action: 'clear', label: this.words.clearAnswer, selected: value === null },
          ],
          1,
          ANSWER_Y + 20,
          96,
          value === null ? 1 : 0,
        );
        return;
      }
      if (widget === 'text' || widget === 'longText' || widget === 'number') {
        const long = widget === 'longText';
        this.kbLimit = question.maxLength || (long ? 2000 : widget === 'number' ? 12 : 200);
        this.kbLines = long ? 2 : 1;
        this.kbPlaceholder = this.words.typeHere;
        this.kbExtra = long ? keyboardWords(language).phoneKey : '';
        this.keyboardY = help ? ANSWER_Y : 180;
        this.present('question', title, help, 'keyboard');
        this.items = [];
        // The keyboard reads its new limit and height once they are drawn.
        this.$setTimeout(() => {
          const keyboard = this.$select('keyboard');
          keyboard.open(value === undefined || value === null ? '' : String(value));
          keyboard.$focus();
        }, 0);
        return;
      }
      if (widget === 'date') {
        this.present('question', title, help || this.words.dateHelp, 'date');
        this.items = [];
        this.$setTimeout(() => {
          const picker = this.$select('date');
          picker.open(typeof value === 'string' ? value : '');
          picker.$focus();
        }, 0);
        return;
      }
      this.present('question', title, help, 'buttons');
      let choices: Choice[];
      if (widget === 'yesNo')
        choices = [
          { action: 'answer:yes', label: this.words.yes, selected: value === true },
          { action: 'answer:no', label: this.words.no, selected: value === false },
        ];
      else {
        const chosen = widget === 'multiChoice' ? (value as string[]) || [] : [value];
        choices = question.choices.map((choice: { value: string; label: { fr: string; en?: string; ar?: string } }) => ({
          action: (widget === 'multiChoice' ? 'toggle:' : 'answer:') + choice.value,
          label: localized(choice.label, language),
          selected: chosen.indexOf(choice.value) >= 0,
        }));
        if (widget === 'multiChoice') choices.push({ action: 'next', label: this.words.next });
      }
      // Asked again, a question is answered (the API keeps an answer not sent): no "skip" then, but an optional one may
      // be left empty (sent as null, which clears it).
      if (!question.required && widget !== 'multiChoice' && !this.reanswer) choices.push({ action: 'skip', label: this.words.skip });
      if (!question.required && this.reanswer) choices.push({ action: 'clear', label: this.words.clearAnswer, selected: value === null });
      const selected = choices.map((choice) => !!choice.selected).indexOf(true);
      const cols = choices.length > 5 ? 2 : 1;
      this.setChoices(choices, cols, ANSWER_Y + 20, cols > 1 ? 90 : 96, selected >= 0 && widget !== 'multiChoice' ? selected : 0);
    },
    /** Keeps what is being typed on the server too, a little after the last key: a power cut loses a few letters at most. */
    typing(text: string) {
      if (this.step !== 'question' || !this.form || this.reanswer) return;
      const question = this.question();
      const index = this.qIndex;
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = setTimeout(() => {
        saveTimer = null;
        if (this.step !== 'question' || this.qIndex !== index || !this.form) return;
        const answers = { ...this.answers };
        if (text.trim() && question.widget !== 'number') answers[question.name] = text;
        else delete answers[question.name];
        // A partial answer may not pass the checks yet (too short): the draft keeps the others then.
        this.saveDraft(index, answers).then(
          () => undefined,
          () =>
            this.saveDraft(index, this.answers).then(
              () => undefined,
              () => undefined,
            ),
        );
      }, 1500);
    },
    typed(text: string) {
      if (this.step === 'reply') return this.sendReply(text);
      if (this.step !== 'question') return;
      const checked = typedAnswer(this.question(), text, this.words);
      if (!checked.ok) {
        this.body = checked.reason;
        this.tell();
        return;
      }
      this.answer(checked.value);
    },
    writeOnPhone(text: string) {
      const question = this.question();
      this.mode = 'phone';
      const phone = this.$select('phone');
      phone.start(localized(question.title, this.lang()), this.kbLimit, text);
      this.$setTimeout(() => phone.$focus(), 0);
    },
    backToKeyboard(text: string | null) {
      this.mode = 'keyboard';
      const keyboard = this.$select('keyboard');
      if (text !== null) {
        keyboard.open(text);
        this.typing(text);
      }
      this.$setTimeout(() => keyboard.$focus(), 0);
    },
    /** Records the answer, saves the draft at the next step, then shows it. */
    answer(value: unknown) {
      const question = this.question();
      const empty = value === undefined || value === null || (Array.isArray(value) && value.length === 0);
      if (this.reanswer && empty && question.required) {
        this.body = this.words.required;
        this.tell();
        return;
      }
      this.answering = '';
      const answers = { ...this.answers };
      // Asked again, an empty answer to an optional question is sent as null: the API clears it.
      if (this.reanswer && empty) answers[question.name] = null;
      else if (value === undefined) delete answers[question.name];
      else answers[question.name] = value;
      this.answers = answers;
      this.advance(this.qIndex + 1);
    },
    saveDraft(step: number, answers: Record<string, unknown>) {
      const form = this.form as EServiceFormVersion;
      return clientFor(this.mandate).saveEServiceDraft(form.formId, { versionId: form.versionId, step, answers });
    },
    advance(next: number) {
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = null;
      const form = this.form as EServiceFormVersion;
      if (this.reanswer) {
        // No draft: the new answers stay on the TV until they are sent together.
        const following = this.askedIndex(next, 1);
        if (following < 0) this.showSummary();
        else this.showQuestion(following);
        return;
      }
      this.wait(this.words.saving);
      this.saveDraft(next, this.answers).then(
        () => {
          this.busy = false;
          if (next >= form.questions.length) this.showSummary();
          else this.showQuestion(next);
        },
        (error: unknown) => {
          // The API names the answer it refuses: say why in its words, and stay on the question.
          if (error instanceof ApiProblem && error.status === 422) {
            this.busy = false;
            this.showQuestion(this.qIndex);
            this.body =
              error.problem.title + (error.problem.errors && error.problem.errors[0] ? ' (' + error.problem.errors[0].message + ')' : '');
            this.tell();
            return;
          }
          this.retry = 'advance:' + next;
          this.fail(error, 'advance:' + next, this.words.saveFailed);
        },
      );
    },
    /** Back from a question: the one before (its answer kept), and the draft remembers where the tenant is. */
    previousQuestion() {
      if (this.reanswer && this.answering) {
        // Back from the keyboard or the date of an optional question: to its choice, answer or leave it empty.
        this.answering = '';
        return this.showQuestion(this.qIndex);
      }
      if (this.reanswer) {
        const before = this.askedIndex(this.qIndex - 1, -1);
        if (before < 0) return this.openRequest(this.requestId);
        return this.showQuestion(before);
      }
      if (this.qIndex === 0) return this.showIntro();
      const previous = this.qIndex - 1;
      this.saveDraft(previous, this.answers).then(
        () => undefined,
        () => undefined,
      );
      this.showQuestion(previous);
    },
    showSummary() {
      const form = this.form as EServiceFormVersion;
      const language = this.lang();
      this.qIndex = form.questions.length;
      if (this.reanswer) return this.showAnswersSummary();
      const lines = form.questions.map(
        (question) =>
          '• ' + localized(question.title, language) + ' — ' + answerText(question, this.answers[question.name], this.words, language),
      );
      this.present('summary', this.words.summaryTitle, this.words.summaryHelp + '\n' + lines.join('\n'));
      this.setChoices(
        [
          { action: 'send', label: this.words.send },
          { action: 'change', label: this.words.change },
        ],
        2,
        820,
        100,
      );
    },
    send() {
      const form = this.form as EServiceFormVersion;
      if (this.busy) return;
      this.wait(this.words.sending);
      // The same key for every try until one succeeds, even after a power cut: a retried send never makes two requests.
      const keyName = this.keyName(SUBMIT_KEY, form.formId);
      clientFor(this.mandate)
        .submitEServiceRequest({ versionId: form.versionId, answers: this.answers }, keptKey(keyName))
        .then(
          (request) => {
            forgetKey(keyName);
            this.requestId = request.id;
            // A helper follows the tenant's requests on the person's page: back there, or on to another form.
            const number = request.receiptNumber;
            this.present(
              'sent',
              this.words.sentTitle,
              this.mandate ? format(this.words.helperSent, { name: this.person, number }) : format(this.words.sent, { number }),
            );
            this.setChoices(
              [
                this.mandate ? { action: 'person', label: this.toPerson() } : { action: 'requests', label: this.words.toMine },
                { action: 'list', label: this.words.toList },
              ],
              2,
              560,
              110,
            );
          },
          (error: unknown) => {
            if (this.rightEnded(error)) return;
            this.busy = false;
            const reason =
              error instanceof ApiProblem && error.status === 422
                ? error.problem.title
                : failureMessage(error, this.t) || this.words.failed;
            this.body = format(this.words.sendFailed, { reason });
            this.tell();
          },
        );
    },

    // --- my requests ---
    /** Newest first, a page at a time; back from a request's detail, the focus returns to it. */
    showRequests(keepId = '') {
      this.requestNote = '';
      this.reanswer = false;
      this.requestsEmpty = false;
      this.listY = 200;
      this.present('requests', this.words.mine, '');
      this.setChoices([], 1, 300);
      const language = this.lang();
      this.$select('list').load(
        (cursor: string | null): Promise<PagedListPage> =>
          clientFor(this.mandate)
            .eserviceRequests(cursor ? { limit: PAGE_SIZE, cursor } : { limit: PAGE_SIZE })
            .then((page) => {
              const rows = page.items.map((request: TenantEServiceRequestSummary) => ({
                id: 'request:' + request.id,
                // The status first: it is what the tenant looks for, and a long title may be cut.
                label:
                  this.words[('status.' + request.status) as keyof EServiceWords] +
                  ' · ' +
                  request.receiptNumber +
                  ' · ' +
                  localized(request.title, language),
              }));
              // Nothing sent yet: a way on rather than an empty screen.
              if (!cursor) this.requestsEmpty = rows.length === 0;
              if (!cursor && rows.length === 0) rows.push({ id: 'list', label: this.words.toList });
              return { rows, nextCursor: page.nextCursor };
            }),
        keepId ? 'request:' + keepId : undefined,
      );
      this.$setTimeout(() => this.focusCurrent(), 0);
    },
    openRequest(requestId: string, note = '') {
      this.requestId = requestId;
      this.wait(this.words.loading);
      clientFor(this.mandate)
        .eserviceRequest(requestId)
        .then(
          (request) => this.showRequest(request, note),
          (error: unknown) => this.fail(error, 'request:' + requestId),
        );
    },
    showRequest(request: TenantEServiceRequest, note = '') {
      const language = this.lang();
      const w = this.words;
      this.request = request;
      if (note) {
        this.requestNote = note;
        this.requestNoteStatus = request.status;
      } else if (request.status !== this.requestNoteStatus) this.requestNote = '';
      const lines: string[] = [];
      if (this.requestNote) lines.push(this.requestNote);
      lines.push(localized(request.title, language));
      lines.push(format(w.status, { status: w[('status.' + request.status) as keyof EServiceWords] }));
      if (request.infoRequest) {
        lines.push(format(w.question, { message: request.infoRequest.message }));
        const titles = request.infoRequest.fields
          .map((name) => request.form.questions.filter((question) => question.name === name)[0])
          .filter((question) => !!question)
          .map((question) => localized((question as EServiceQuestion).title, language));
        if (titles.length > 0) lines.push(format(w.reviewFields, { fields: titles.join(', ') }));
      }
      requestTimelineLines(request, w, language).forEach((line) => lines.push(line));
      this.present('request', format(w.requestTitle, { number: request.receiptNumber }), lines.join('\n'));
      const choices: Choice[] = [];
      const named = request.infoRequest ? this.namedQuestions(request) : [];
      if (request.awaitingTenant && named.length > 0) {
        choices.push({ action: 'reanswer', label: w.reanswer });
        choices.push({ action: 'reply', label: w.replyMessage });
      } else if (request.awaitingTenant) choices.push({ action: 'reply', label: w.reply });
      choices.push({ action: 'requests', label: w.back });
      this.setChoices(choices, choices.length > 2 ? 3 : 2, 820, 100);
    },
    // --- answering the clerk's named questions again ---
    /** The questions the clerk named, in the form's order (names the version does not have are left out). */
    namedQuestions(request: TenantEServiceRequest): EServiceQuestion[] {
      const names = request.infoRequest ? request.infoRequest.fields : [];
      return request.form.questions.filter((question) => names.indexOf(question.name) >= 0);
    },
    /** The index of the first named question from `from` going `direction` (1 or -1), -1 when there is none. */
    askedIndex(from: number, direction: number): number {
      const questions = (this.form as EServiceFormVersion).questions;
      for (let i = from; i >= 0 && i < questions.length; i += direction)
        if (this.asked.indexOf((questions[i] as EServiceQuestion).name) >= 0) return i;
      return -1;
    },
    /** The wizard on the named questions only, each prefilled with the answer sent before, same widgets as the form. */
    startReanswer() {
      const request = this.request as TenantEServiceRequest;
      this.answering = '';
      this.form = request.form;
      this.answers = JSON.parse(JSON.stringify(request.answers || {}));
      this.asked = this.namedQuestions(request).map((question: EServiceQuestion) => question.name);
      this.reanswer = true;
      this.showQuestion(this.askedIndex(0, 1));
    },
    /** Old → new for each named question, before sending. */
    showAnswersSummary() {
      const request = this.request as TenantEServiceRequest;
      const form = this.form as EServiceFormVersion;
      const language = this.lang();
      const lines = form.questions
        .filter((question) => this.asked.indexOf(question.name) >= 0)
        .map((question) => {
          const before = answerText(question, request.answers[question.name], this.words, language);
          const after = answerText(question, this.answers[question.name], this.words, language);
          // null (cleared) and no answer at all are the same "no answer".
          const change =
            JSON.stringify(noneAsNull(request.answers[question.name])) === JSON.stringify(noneAsNull(this.answers[question.name]))
              ? format(this.words.unchanged, { value: after })
              : format(this.words.reanswerLine, { before, after });
          return '• ' + localized(question.title, language) + ' — ' + change;
        });
      this.present('summary', this.words.reanswerSummaryTitle, this.words.reanswerSummaryHelp + '\n' + lines.join('\n'));
      this.setChoices(
        [
          { action: 'sendAnswers', label: this.words.reanswerSend },
          { action: 'change', label: this.words.change },
        ],
        2,
        820,
        100,
      );
    },
    /** Sends the named answers with a key kept until they are taken: a retry, even after a power cut, applies once. */
    sendAnswers() {
      if (this.busy) return;
      const requestId = this.requestId;
      const answers: Record<string, unknown> = {};
      this.asked.forEach((name: string) => {
        if (this.answers[name] !== undefined) answers[name] = this.answers[name];
      });
      this.wait(this.words.reanswerSending);
      const keyName = this.keyName(REANSWER_KEY, requestId);
      clientFor(this.mandate)
        .provideEServiceInformation(requestId, { answers }, keptKey(keyName))
        .then(
          (request) => {
            forgetKey(keyName);
            this.reanswer = false;
            this.form = null;
            this.showRequest(request, this.words.reanswerSent);
          },
          (error: unknown) => {
            this.busy = false;
            // The API names the answer it refuses: back to that question, saying why.
            const problem = error instanceof ApiProblem && error.status === 422 ? error.problem : null;
            const field = problem && problem.errors && problem.errors[0] ? problem.errors[0].field : '';
            const name = field.indexOf('/answers/') === 0 ? field.slice('/answers/'.length) : '';
            const at = (this.form as EServiceFormVersion).questions.map((question) => question.name).indexOf(name);
            if (problem && at >= 0) {
              forgetKey(keyName);
              this.showQuestion(at);
              this.body = problem.title + (problem.errors && problem.errors[0] ? ' (' + problem.errors[0].message + ')' : '');
              this.tell();
              return;
            }
            const reason = problem ? problem.title : failureMessage(error, this.t) || this.words.failed;
            this.body = format(this.words.reanswerFailed, { reason });
            this.tell();
          },
        );
    },
    showReply() {
      const request = this.request as TenantEServiceRequest;
      this.replyKey = this.replyKey || newIdempotencyKey();
      this.kbLimit = 2000;
      this.kbLines = 2;
      this.kbPlaceholder = this.words.replyPlaceholder;
      this.kbExtra = keyboardWords(this.lang()).phoneKey;
      this.keyboardY = ANSWER_Y;
      this.step = 'reply';
      this.present(
        'reply',
        this.words.replyTitle,
        format(this.words.question, { message: request.infoRequest ? request.infoRequest.message : '' }),
        'keyboard',
      );
      this.bodyLines = 2;
      this.items = [];
      this.$setTimeout(() => {
        const keyboard = this.$select('keyboard');
        keyboard.open('');
        keyboard.$focus();
      }, 0);
    },
    sendReply(text: string) {
      const message = text.trim();
      if (!message) {
        this.body = this.words.required;
        this.tell();
        return;
      }
      this.wait(this.words.replySending);
      clientFor(this.mandate)
        .provideEServiceInformation(this.requestId, { message }, this.replyKey)
        .then(
          (request) => {
            this.replyKey = '';
            this.mode = 'buttons';
            this.showRequest(request, this.words.replySent);
          },
          (error: unknown) => {
            this.busy = false;
            this.body = failureMessage(error, this.t) || this.words.failed;
            this.tell();
          },
        );
    },

    choose() {
      const choice = this.choices[this.index] as Choice | undefined;
      if (choice) this.act(choice.action);
    },
    /** What OK does on a button or a row of the list: `kind:arg`. */
    act(action: string) {
      const colon = action.indexOf(':');
      const kind = colon >= 0 ? action.slice(0, colon) : action;
      const arg = colon >= 0 ? action.slice(colon + 1) : '';
      if (kind === 'requests') this.showRequests(this.step === 'request' ? this.requestId : '');
      else if (kind === 'list') {
        if (this.id) this.$router.to(this.mandate ? this.helperPath('/eservices') : '/eservices');
        else this.showList();
      } else if (kind === 'form') this.$router.to((this.mandate ? this.helperPath() : '') + '/eservices/' + encodeURIComponent(arg));
      else if (kind === 'person')
        // Back to the person in "Les personnes que j'aide", on the request just sent if there is one.
        this.$router.to(this.helperPath(), this.step === 'sent' ? { keep: 'request:' + this.requestId } : {});
      else if (kind === 'helping') this.toPeople();
      else if (kind === 'start') this.showQuestion(0);
      else if (kind === 'up') this.goUp();
      else if (kind === 'retry') this.retryFailed();
      else if (kind === 'answer') {
        const widget = this.question().widget;
        this.answer(widget === 'yesNo' ? arg === 'yes' : arg);
      } else if (kind === 'toggle') {
        const name = this.question().name;
        const chosen = ((this.answers[name] as string[]) || []).slice();
        const at = chosen.indexOf(arg);
        if (at >= 0) chosen.splice(at, 1);
        else chosen.push(arg);
        this.answers = { ...this.answers, [name]: chosen };
        const keep = this.index;
        this.showQuestion(this.qIndex);
        this.index = keep;
        this.$setTimeout(() => this.focusCurrent(), 0);
      } else if (kind === 'next') {
        const question = this.question();
        const chosen = (this.answers[question.name] as string[]) || [];
        if (question.required && chosen.length === 0) {
          this.body = this.words.required;
          this.tell();
        } else this.answer(chosen.length ? chosen : undefined);
      } else if (kind === 'skip') this.answer(undefined);
      else if (kind === 'clear') this.answer(null);
      else if (kind === 'giveAnswer') {
        this.answering = this.question().name;
        this.showQuestion(this.qIndex);
      } else if (kind === 'send') this.send();
      else if (kind === 'sendAnswers') this.sendAnswers();
      else if (kind === 'change') this.showQuestion(this.reanswer ? this.askedIndex(0, 1) : 0);
      else if (kind === 'request') this.openRequest(arg);
      else if (kind === 'reply') this.showReply();
      else if (kind === 'reanswer') this.startReanswer();
    },
    retryFailed() {
      const [what, arg] = this.retry.split(':') as [string, string];
      if (what === 'list') this.showList();
      else if (what === 'open') this.openForm(this.id as string);
      else if (what === 'mandate') this.openMandate();
      else if (what === 'advance') this.advance(Number(arg));
      else if (what === 'requests') this.showRequests();
      else if (what === 'request') this.openRequest(arg);
    },
    onEvent(event: EventMessage) {
      if (event.name !== 'eservice.updated') return;
      if (this.step === 'request' && event.data.requestId === this.requestId && !this.busy) this.openRequest(this.requestId);
      else if (this.step === 'requests') this.$select('list').refresh();
    },
    moveFocus(delta: number) {
      const next = this.index + delta;
      if (next < 0 || next >= this.items.length) return;
      this.index = next;
      this.focusCurrent();
    },
    goUp() {
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = null;
      const step = this.step as Step;
      if (this.mode === 'phone') return this.backToKeyboard(null);
      // An ended helper wizard has one way out (to the people, or to the person): Back takes it.
      if (step === 'ended') return this.act((this.choices[0] as Choice).action);
      // Helper mode whose mandate could not be read (not theirs, or no network): back to the people, not deeper.
      if (this.mandate && !this.person) return this.$router.to('/helping');
      if (step === 'list') return this.leave('/procedures', this.mandate ? this.helperPath() : '');
      if (step === 'intro' || step === 'sent' || step === 'failed') {
        if (this.id) return this.leave('/eservices', this.mandate ? this.helperPath('/eservices') : '');
        return this.showList();
      }
      if (step === 'question') return this.previousQuestion();
      if (step === 'summary' && this.reanswer) return this.showQuestion(this.askedIndex(this.qIndex - 1, -1));
      if (step === 'summary') return this.showQuestion((this.form as EServiceFormVersion).questions.length - 1);
      if (step === 'requests') {
        if (this.id) return this.leave('/eservices', this.mandate ? this.helperPath('/eservices') : '');
        return this.showList();
      }
      if (step === 'request') return this.showRequests(this.requestId);
      if (step === 'reply') {
        this.mode = 'buttons';
        return this.openRequest(this.requestId);
      }
    },
  },
  input: choiceGridInput('choose'),
});
