// "Mes aidants" (mandates): the helpers the tenant gave the right to act in their name, with their status; adding one
// (a staff member by e-mail or a neighbour by reference, typed on the on-screen keyboard, then what they may do:
// town-hall procedures, fault reports or both, confirmed in a dialog saying so); what was done in the tenant's name;
// changing what a helper may do; "Retirer le droit" after a dialog.
import Blits from '@lightningjs/blits';
// Types only: the TV bundle leaves the API's schemas (and typebox) out.
import type { GrantMandateRequest, Mandate, MandateAction, MandateScope } from '@palier/contracts/src/mandates';
import { ApiProblem } from '@palier/contracts/src/client';
import { api } from '../api/session';
import { failureMessage } from '../api/problems';
import { format, formatDateTime } from '../i18n';
import { mandateWords, type MandateWords } from '../i18n/mandates';
import { reportDialog, reportMessage, reportScreen } from '../testing';
import { lookComputed, speak } from '../components/look';
import Button from '../components/Button';
import { COLUMN_LEFT, COLUMN_WIDTH, buttonColumnPage, type ColumnButton, type ColumnChoice } from '../components/button-column';
import Dialog from '../components/Dialog';
import KeyHints from '../components/KeyHints';
import Keyboard from '../components/Keyboard';
import Waiting from '../components/Waiting';
import PagedList, { type PagedListPage } from '../components/PagedList';
import { goBack } from './navigation';

type Step = 'list' | 'kind' | 'write' | 'scopes' | 'detail';
type HelperKind = 'STAFF' | 'TENANT';

type Choice = ColumnChoice;
type Item = ColumnButton;

const LEFT = COLUMN_LEFT;
const ITEM_W = COLUMN_WIDTH;
/** Helpers per page fetched; the list scrolls with the focus and fetches the next page near its end. */
const PAGE = 10;
/** Lines of activity on a helper's page: with its three buttons, everything fits above the key hints. */
const ACTIONS_SHOWN = 4;
/** The choices of what a helper may do, in the order shown (both first: what most tenants want). */
const SCOPE_CHOICES: Record<string, MandateScope[]> = {
  both: ['eservices', 'reports'],
  eservices: ['eservices'],
  reports: ['reports'],
};
/** Below three lines of help; the list scrolls down to the key hints. */
const LIST_TOP = 350;
/** The list's box: its buttons (ITEM_W wide) sit 40 px in from its left, or 66 px in right-to-left (its scroll bar). */
const LIST_W = ITEM_W + 2 * 40 + 10 + 16;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export default Blits.Component('Mandates', {
  components: { Button, Dialog, KeyHints, Keyboard, Waiting, PagedList },
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-mandates', step: $step}">
      <Text :content="$title" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="54" maxwidth="1728" maxlines="1" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'mandates-title'}" />
      <Text :content="$body" :size="$ts.body" :color="$bodyColour" x="96" :y="54 + $ts.title * 1.6" maxwidth="1728" :maxlines="$bodyLines" :align="$rtl ? 'right' : 'left'" :alpha="$waiting ? 0 : 1" :inspector-data="{testid: 'mandates-body'}" />
      <Waiting :alpha="$waiting ? 1 : 0" :label="$waiting" x="96" :y="54 + $ts.title * 1.6" w="1728" testid="mandates-waiting" />
      <Text :content="$note" :size="$ts.body" :color="$c.danger" x="96" y="880" maxwidth="1728" maxlines="2" :align="$rtl ? 'right' : 'left'" :alpha="$step === 'write' ? 1 : 0" :inspector-data="{testid: 'mandates-note'}" />
      <PagedList ref="list" :show="$step === 'list'" :active="$step === 'list'" :x="$rtl ? 1920 - $LEFT - $ITEM_W - 66 : $LEFT - 40" :y="$LIST_TOP - 16" :w="$LIST_W" :h="1080 - 54 - $ts.small * 1.6 - 24 - $LIST_TOP" :rowh="$rowH" event="mandateList" testid="mandates-list" />
      <Button :for="(item, i) in $items" key="$item.key" ref="item" :x="$item.x" :y="$item.y" :w="$item.w" :h="$item.h" :label="$item.label" :testid="'mandates-' + $item.id" />
      <Keyboard
        ref="keyboard"
        :show="$step === 'write'"
        x="96"
        :y="54 + $ts.title * 1.6"
        event="mandateText"
        limit="200"
        lines="1"
        :placeholder="$placeholder"
        testid="mandate-keyboard"
      />
      <KeyHints :hints="$hints" />
      <Dialog ref="dialog" zIndex="10" :show="!!$asking" :question="$question" :help="$questionHelp" :yes="$questionYes" :no="$words.cancel" event="mandateAnswer" />
    </Element>
  `,
  state() {
    return {
      step: 'list' as Step,
      title: '',
      body: '',
      bodyLines: 4,
      failed: false,
      /** Under the keyboard: why what was typed cannot be used. */
      note: '',
      waiting: '',
      items: [] as Item[],
      choices: [] as Choice[],
      index: 0,
      mandates: [] as Mandate[],
      helperKind: 'STAFF' as HelperKind,
      typed: '',
      /** Choosing what a helper may do for a new right ('grant') or for the open helper ('change'). */
      scopeMode: 'grant' as 'grant' | 'change',
      scopes: [] as MandateScope[],
      current: null as Mandate | null,
      /** The open dialog: 'grant' or 'withdraw', '' when none. */
      asking: '',
      question: '',
      questionHelp: '',
      questionYes: '',
      LEFT,
      ITEM_W,
      LIST_TOP,
      LIST_W,
    };
  },
  computed: {
    ...lookComputed,
    words(): MandateWords {
      return mandateWords(this.$appState.language);
    },
    rowH(): number {
      return Math.round(96 * (this.ts.k > 1 ? 1.15 : 1));
    },
    bodyColour(): string {
      return this.failed ? this.c.danger : this.c.text;
    },
    placeholder(): string {
      return this.helperKind === 'STAFF' ? this.words.emailPlaceholder : this.words.referencePlaceholder;
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
      reportScreen('mandates');
      reportDialog('');
      this.$listen('mandateText:done', ({ text }: { text: string }) => this.typedHelper(text));
      this.$listen('mandateText:back', () => this.showKinds());
      this.$listen('mandateAnswer', (yes: boolean) => this.answer(yes));
      this.$listen('mandateList:choose', ({ id }: { id: string }) => this.act(id));
      this.showList();
    },
    focus() {
      this.focusItem();
    },
  },
  methods: {
    ...buttonColumnPage,
    fail(error: unknown, fallback: string) {
      const message = error instanceof ApiProblem || !(error instanceof Error) ? failureMessage(error, this.t) || fallback : fallback;
      this.waiting = '';
      this.failed = true;
      this.body = message;
      reportMessage(message);
      speak(message);
    },
    focusItem() {
      if (this.asking) {
        const dialog = this.$select('dialog');
        if (dialog) dialog.$focus();
        return;
      }
      if (this.step === 'write') return;
      if (this.step === 'list' && this.items.length === 0) return this.$select('list').$focus();
      const item = this.$select('item' + this.index);
      if (item) item.$focus();
    },
    helperLabel(mandate: Mandate): string {
      return format(this.words.helperLine, {
        name: mandate.helper.name,
        status: mandate.active ? this.words.active : this.words.withdrawn,
      });
    },

    // --- the list ---
    /** "Ajouter un aidant", then the helpers a page at a time; back from one, the focus returns to it. */
    showList(keepId = '') {
      this.bodyLines = 3;
      this.present('list', this.words.title, this.words.help);
      this.setChoices([], LIST_TOP);
      this.$select('list').load(
        (cursor: string | null): Promise<PagedListPage> =>
          api.mandates({ limit: PAGE, ...(cursor ? { cursor } : {}) }).then((page) => {
            this.mandates = cursor ? (this.mandates as Mandate[]).concat(page.items) : page.items;
            if (!cursor) this.present('list', this.words.title, this.words.help + (page.items.length ? '' : '\n' + this.words.none));
            const rows = page.items.map((mandate) => ({ id: 'open:' + mandate.id, label: this.helperLabel(mandate) }));
            return { rows: cursor ? rows : [{ id: 'add', label: this.words.add }].concat(rows), nextCursor: page.nextCursor };
          }),
        keepId ? 'open:' + keepId : undefined,
      );
      this.$setTimeout(() => this.focusItem(), 0);
    },

    // --- adding a helper ---
    showKinds() {
      this.present('kind', this.words.kindTitle, this.words.kindHelp);
      this.setChoices(
        [
          { action: 'kind:STAFF', label: this.words.kindStaff },
          { action: 'kind:TENANT', label: this.words.kindTenant },
        ],
        340,
      );
    },
    showWrite(text: string) {
      this.note = '';
      this.present('write', this.helperKind === 'STAFF' ? this.words.emailTitle : this.words.referenceTitle, '');
      this.setChoices([], 340);
      const keyboard = this.$select('keyboard');
      // E-mail addresses and tenant references are written in Latin letters, whatever the TV's language.
      keyboard.open(text, 'latin');
      this.$setTimeout(() => keyboard.$focus(), 0);
    },
    typedHelper(text: string) {
      if (this.step !== 'write' || this.asking) return;
      const typed = text.trim();
      const problem =
        this.helperKind === 'STAFF' ? (EMAIL.test(typed) ? '' : this.words.notAnEmail) : typed.length >= 3 ? '' : this.words.tooShort;
      if (problem) {
        this.say(problem);
        return;
      }
      this.typed = typed;
      this.showScopes('grant', typed);
    },

    // --- what a helper may do ---
    /** "faire vos démarches de la mairie et suivre vos signalements au bailleur", for the sentences that say it. */
    canText(scopes: readonly string[]): string {
      const both = scopes.indexOf('eservices') !== -1 && scopes.indexOf('reports') !== -1;
      return both ? this.words['can.both'] : scopes.indexOf('reports') !== -1 ? this.words['can.reports'] : this.words['can.eservices'];
    },
    showScopes(mode: 'grant' | 'change', who: string) {
      this.scopeMode = mode;
      this.note = '';
      this.present('scopes', format(this.words.scopesTitle, { who }), this.words.scopesHelp);
      this.bodyLines = 3;
      this.setChoices(
        [
          { action: 'scopes:both', label: this.words['scope.both'] },
          { action: 'scopes:eservices', label: this.words['scope.eservices'] },
          { action: 'scopes:reports', label: this.words['scope.reports'] },
        ],
        380,
      );
    },
    chooseScopes(scopes: MandateScope[]) {
      this.scopes = scopes;
      if (this.scopeMode === 'grant') {
        const who = this.typed as string;
        this.ask(
          'grant',
          format(this.words.confirmQuestion, { who }),
          format(this.words.confirmHelp, { who, what: this.canText(scopes) }),
          this.words.confirmYes,
        );
        return;
      }
      const mandate = this.current as Mandate;
      this.wait(this.words.saving);
      api.setMandateScopes(mandate.id, scopes).then(
        (changed) =>
          this.openMandate(changed, format(this.words.scopesChanged, { name: changed.helper.name, what: this.canText(changed.scopes) })),
        (error: unknown) => this.fail(error, this.words.failed),
      );
    },
    grant() {
      const typed = this.typed as string;
      const helper: GrantMandateRequest['helper'] =
        this.helperKind === 'STAFF' ? { kind: 'STAFF', email: typed.toLowerCase() } : { kind: 'TENANT', reference: typed.toUpperCase() };
      this.say(this.words.granting);
      api.grantMandate({ helper, scopes: this.scopes as MandateScope[] }).then(
        (mandate) =>
          this.openMandate(mandate, format(this.words.granted, { name: mandate.helper.name, what: this.canText(mandate.scopes) })),
        (error: unknown) => {
          // Back to the keyboard with what was typed and why it was refused.
          const field = error instanceof ApiProblem && error.code === 'validation_failed' ? (error.problem.errors || [])[0] : undefined;
          let message = failureMessage(error, this.t);
          if (field && field.field.indexOf('email') !== -1) message = this.words.unknownStaff;
          else if (field && field.message.indexOf('own') !== -1) message = this.words.ownReference;
          else if (field && field.field.indexOf('reference') !== -1) message = this.words.unknownTenant;
          this.showWrite(typed);
          this.say(message);
        },
      );
    },
    say(message: string) {
      reportMessage(message);
      speak(message);
      if (this.step === 'write') this.note = message;
    },

    // --- one helper: status, activity, withdrawal ---
    openMandate(mandate: Mandate, note = '') {
      this.current = mandate;
      const since = formatDateTime(mandate.createdAt, this.$appState.language);
      const status = mandate.active
        ? format(this.words.detailActive, { date: since, what: this.canText(mandate.scopes) })
        : format(this.words.detailWithdrawn, {
            date: since,
            withdrawn: formatDateTime(mandate.withdrawnAt as string, this.$appState.language),
          });
      const head = (note ? note + '\n' : '') + status;
      this.present('detail', mandate.helper.name, head);
      this.bodyLines = 10;
      this.setChoices([], 820);
      this.wait(this.words.activityLoading);
      api.mandateActions(mandate.id, { limit: ACTIONS_SHOWN }).then(
        (page) => {
          if (this.step !== 'detail' || !this.current || (this.current as Mandate).id !== mandate.id) return;
          const lines = page.items.map((action) => this.actionLine(action));
          const activity = this.words.activityTitle + '\n' + (lines.length ? lines.join('\n') : this.words.activityNone);
          this.present('detail', mandate.helper.name, head + '\n\n' + activity);
          this.setDetailChoices(mandate);
        },
        (error: unknown) => {
          this.present('detail', mandate.helper.name, head);
          this.fail(error, this.words.failed);
          this.setDetailChoices(mandate);
        },
      );
    },
    setDetailChoices(mandate: Mandate) {
      const choices: Choice[] = mandate.active
        ? [
            { action: 'change', label: this.words.changeScopes },
            { action: 'withdraw', label: this.words.withdraw },
          ]
        : [];
      choices.push({ action: 'list', label: this.words.back });
      this.setChoices(choices, 1080 - 54 - 60 - choices.length * 120);
    },
    actionLine(action: MandateAction): string {
      const known = ('action.' + action.kind) as keyof MandateWords;
      return format(action.scope === 'reports' ? this.words.activityLineReport : this.words.activityLine, {
        date: formatDateTime(action.at, this.$appState.language),
        what: known in this.words ? this.words[known] : this.words['action.other'],
        receipt: action.receiptNumber,
      });
    },
    withdraw() {
      const mandate = this.current as Mandate;
      this.wait(this.words.withdrawing);
      api.withdrawMandate(mandate.id).then(
        (withdrawn) => this.openMandate(withdrawn, format(this.words.withdrawnDone, { who: withdrawn.helper.name })),
        (error: unknown) => this.fail(error, this.words.failed),
      );
    },

    // --- the dialog ---
    ask(what: string, question: string, help: string, yes: string) {
      this.question = question;
      this.questionHelp = help;
      this.questionYes = yes;
      this.asking = what;
      reportDialog(question + ' ' + help);
      this.$setTimeout(() => this.focusItem(), 0);
    },
    answer(yes: boolean) {
      const what = this.asking;
      this.asking = '';
      reportDialog('');
      if (what === 'grant') {
        // "Annuler" goes back to the choice of what the helper may do.
        if (yes) this.grant();
        else this.$setTimeout(() => this.focusItem(), 0);
      } else {
        this.$setTimeout(() => this.focusItem(), 0);
        if (yes && what === 'withdraw') this.withdraw();
      }
    },

    choose() {
      const choice = (this.choices as Choice[])[this.index];
      if (choice) this.act(choice.action);
    },
    /** What OK does on a button or a row of the list: `kind:value`. */
    act(action: string) {
      const [kind, value] = action.split(':') as [string, string | undefined];
      if (kind === 'add') this.showKinds();
      else if (kind === 'list') this.showList(this.current ? (this.current as Mandate).id : '');
      else if (kind === 'open') {
        const mandate = (this.mandates as Mandate[]).filter((one) => one.id === value)[0];
        if (mandate) this.openMandate(mandate);
      } else if (kind === 'scopes') {
        this.chooseScopes(SCOPE_CHOICES[value as string] as MandateScope[]);
      } else if (kind === 'change') {
        this.showScopes('change', (this.current as Mandate).helper.name);
      } else if (kind === 'kind') {
        this.helperKind = value as HelperKind;
        this.showWrite('');
      } else if (kind === 'withdraw') {
        const who = (this.current as Mandate).helper.name;
        this.ask(
          'withdraw',
          format(this.words.withdrawQuestion, { who }),
          format(this.words.withdrawHelp, { who }),
          this.words.withdrawYes,
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
      else if (this.step === 'kind') this.showList();
      else if (this.step === 'detail') this.showList(this.current ? (this.current as Mandate).id : '');
      else if (this.step === 'write') this.showKinds();
      else if (this.step === 'scopes') {
        if (this.scopeMode === 'grant') this.showWrite(this.typed as string);
        else this.openMandate(this.current as Mandate);
      }
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
