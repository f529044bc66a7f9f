// The calls screen: call the landlord (with the call-centre's opening state and wait), call a neighbour by first name
// and building, choose who may call me, call back from a missed call, block a neighbour (Yellow, after a question) and
// unblock them. Three columns, mirrored in Arabic; arrows move spatially.
import Blits from '@lightningjs/blits';
import type { BlockedNeighbour, CallableBy, CallableNeighbour, CallCentreStatus, TenantCall } from '@palier/contracts/src/calls';
import { ApiProblem } from '@palier/contracts/src/client';
import { api } from '../api/session';
import { failureMessage } from '../api/problems';
import { format, formatDateTime, localeOf, type Language } from '../i18n';
import { reportDialog, reportMessage, reportScreen } from '../testing';
import { announceFocus, lookComputed, mirrorX, speak } from '../components/look';
import Button from '../components/Button';
import KeyHints from '../components/KeyHints';
import Dialog from '../components/Dialog';
import { markMissedCallsSeen, startCall } from '../calls/controller';
import { goBack } from './navigation';
import { state } from '../store';

type Action = 'landlord' | 'fault' | 'neighbour' | 'unblock' | 'callable' | 'missed';

interface CallsButton {
  /** Everything the button shows: Blits re-creates a loop item rather than patching it. */
  id: string;
  /**
   * The button's ref, from its key: Blits sets a loop item's ref when it is created, so an index-based ref goes stale
   * when buttons are inserted before a kept one (two buttons then answered to the same ref).
   */
  ref: string;
  action: Action;
  /** The neighbour's tenant id, the callable-by option, or the missed call's id. */
  value: string;
  column: number;
  /** Read after the label when the button takes the focus (the missed call's full date, what OK does). */
  hint: string;
  testid: string;
  label: string;
  selected: boolean;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A row of the neighbours' column: a neighbour I may call, or one I blocked. */
interface NeighbourRow {
  action: Action;
  tenantId: string;
  label: string;
  /** Read aloud after the label: the blocked neighbour's building. */
  hint: string;
  testid: string;
}

let neighboursReads = 0;

const COLUMN_W = Math.floor((1728 - 2 * 48) / 3);
const COLUMN_X = [96, 96 + COLUMN_W + 48, 96 + 2 * (COLUMN_W + 48)];
const GAP = 24;

/** A missed call's time on its button: the hour today, else the day and month (the full date is read aloud). */
function shortWhen(iso: string, language: Language): string {
  const date = new Date(iso);
  if (isNaN(date.getTime())) return '';
  const today = new Date().toDateString() === date.toDateString();
  const locale = language === 'ar' ? 'ar-u-nu-latn' : localeOf(language);
  try {
    return new Intl.DateTimeFormat(locale, today ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'numeric' }).format(
      date,
    );
  } catch {
    return date.toLocaleString();
  }
}

/**
 * The nearest button in a direction, in screen space (so right-to-left needs nothing special). Left and Right go to
 * the next column over, never past it, then to the button closest in height there: from low in the right-hand column
 * the middle column is next, even when a button of the far column sits nearer that height.
 */
function nearest(buttons: CallsButton[], from: number, direction: 'left' | 'right' | 'up' | 'down'): number {
  const origin = buttons[from];
  if (!origin) return from;
  const ox = origin.x + origin.w / 2;
  const oy = origin.y + origin.h / 2;
  const sideways = direction === 'left' || direction === 'right';
  const alongOf = (button: CallsButton) => {
    const dx = button.x + button.w / 2 - ox;
    const dy = button.y + button.h / 2 - oy;
    return direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
  };
  const ahead = buttons.map((button, index) => ({ button, index, along: alongOf(button) })).filter((c) => c.index !== from && c.along > 1);
  if (ahead.length === 0) return from;
  const nextColumn = Math.min(...ahead.map((c) => c.along));
  let best = from;
  let bestScore = Infinity;
  for (const { button, index, along } of ahead) {
    if (sideways && along > nextColumn + 1) continue;
    const across = sideways ? Math.abs(button.y + button.h / 2 - oy) : Math.abs(button.x + button.w / 2 - ox);
    const score = along + across * 2;
    if (score < bestScore) {
      bestScore = score;
      best = index;
    }
  }
  return best;
}

export default Blits.Component('Calls', {
  components: { Button, KeyHints, Dialog },
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-calls'}">
      <Text :content="$t.calls.title" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="54" maxwidth="1728" :align="$rtl ? 'right' : 'left'" />

      <Element :x="$colX(0)" :y="$contentY" :w="$colW" h="800">
        <Text :content="$t.calls.landlord" :font="$f.bold" :size="$ts.heading" :color="$c.fresh" x="0" y="0" :maxwidth="$colW" maxlines="1" :align="$rtl ? 'right' : 'left'" />
        <Text :content="$landlordName" :font="$f.bold" :size="$ts.body" :color="$c.text" x="0" :y="$ts.heading * 1.6" :maxwidth="$colW" maxlines="2" :lineheight="$ts.lineHeight($ts.body)" :align="$rtl ? 'right' : 'left'" @loaded="$landlordNameMeasured" />
        <Text :content="$statusText" :size="$ts.body" :color="$statusColour" x="0" :y="$statusY" :maxwidth="$colW" maxlines="4" :lineheight="$ts.lineHeight($ts.body)" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'calls-landlord-status', message: $statusText}" />
      </Element>

      <Element :x="$colX(1)" :y="$contentY" :w="$colW" h="800">
        <Text :content="$t.calls.neighbours" :font="$f.bold" :size="$ts.heading" :color="$c.fresh" x="0" y="0" :maxwidth="$colW" maxlines="1" :align="$rtl ? 'right' : 'left'" />
        <Text :show="!!$neighboursNote" :content="$neighboursNote" :size="$ts.body" :color="$c.textMuted" x="0" :y="$ts.heading * 1.6" :maxwidth="$colW" maxlines="6" :lineheight="$ts.lineHeight($ts.body)" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'calls-neighbours-note', message: $neighboursNote}" />
      </Element>

      <Element :x="$colX(2)" :y="$contentY" :w="$colW" h="800">
        <Text :content="$t.calls.callableBy" :font="$f.bold" :size="$ts.heading" :color="$c.fresh" x="0" y="0" :maxwidth="$colW" maxlines="1" :align="$rtl ? 'right' : 'left'" />
        <Text :content="$t.calls.missed" :font="$f.bold" :size="$ts.heading" :color="$c.fresh" x="0" :y="$missedY" :maxwidth="$colW" maxlines="1" :align="$rtl ? 'right' : 'left'" />
        <Text :show="!!$missedText" :content="$missedText" :size="$ts.small" :color="$c.text" x="0" :y="$missedY + $ts.heading * 1.5" :maxwidth="$colW" :maxlines="$missedLines" :lineheight="$ts.lineHeight($ts.small)" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'calls-missed', message: $missedText}" />
      </Element>

      <Button :for="(button, index) in $buttons" key="$button.id" ref="$button.ref" :x="$button.x" :y="$button.y" :w="$button.w" :h="$button.h" :label="$button.label" :selected="$button.selected" :hint="$button.hint" :testid="$button.testid" />

      <Text :show="!!$note" :content="$note" :size="$ts.body" :color="$noteColour" x="96" :y="$noteY" maxwidth="1728" maxlines="2" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'calls-note', message: $note}" />
      <KeyHints :hints="$hints" />
      <Dialog ref="confirm" zIndex="10" :show="!!$confirming" :question="$confirmQuestion" :help="$confirmHelp" :yes="$t.calls.block" :no="$t.common.no" event="callsBlockAnswer" />
    </Element>
  `,
  state() {
    return {
      loading: true,
      status: null as CallCentreStatus | null,
      statusError: '',
      neighbours: [] as CallableNeighbour[],
      neighboursError: '',
      neighboursLoaded: false,
      offset: 0,
      callableBy: '' as CallableBy | '',
      missed: [] as TenantCall[],
      missedLoaded: false,
      blocked: [] as BlockedNeighbour[],
      /** The neighbour the "Block …?" question is about; empty when no question shows. */
      confirming: '',
      confirmName: '',
      buttons: [] as CallsButton[],
      focusIndex: 0,
      note: '',
      noteIsError: false,
      busy: false,
      /** The landlord's name as drawn: a long name (large text, Arabic) takes two lines, and what follows moves down. */
      landlordNameH: 0,
    };
  },
  computed: {
    ...lookComputed,
    colW() {
      return COLUMN_W;
    },
    contentY() {
      return Math.round(54 + this.ts.title * 1.7);
    },
    itemsY() {
      return Math.round(this.contentY + this.ts.heading * 1.6);
    },
    buttonH() {
      return Math.round(this.ts.label * 2.2);
    },
    noteY() {
      return Math.round(1080 - 54 - this.ts.small * 1.6 - 30 - this.ts.body * 1.4);
    },
    missedY() {
      return Math.round(this.ts.heading * 1.6 + 3 * (this.buttonH + GAP) + 30);
    },
    missedLines() {
      const room = this.noteY - 20 - (this.contentY + this.missedY + this.ts.heading * 1.5);
      return Math.max(1, Math.floor(room / this.ts.lineHeight(this.ts.small)));
    },
    /** Below the landlord's name, one line of it at least. */
    statusY() {
      return Math.round(this.ts.heading * 1.6 + Math.max(this.landlordNameH, this.ts.body * 1.2) + this.ts.body * 0.3);
    },
    landlordName(): string {
      return this.status ? this.status.name : '';
    },
    statusText(): string {
      const t = this.t.calls;
      if (this.statusError) return this.statusError;
      const status = this.status as CallCentreStatus | null;
      if (!status) return t.loading;
      if (!status.hours) return t.noCallCentre + ' ' + t.closedHelp;
      if (!status.open) {
        const when = status.opensAt
          ? format(t.closedNow, { when: formatDateTime(status.opensAt, this.$appState.language) })
          : t.closedNoHours;
        return when + ' ' + t.closedHelp;
      }
      const minutes = Math.max(1, Math.ceil(status.estimatedWaitSeconds / 60));
      if (status.waiting === 0) return t.openNow + ' ' + t.nobodyWaiting;
      return t.openNow + ' ' + format(status.waiting === 1 ? t.waitingOne : t.waitingMany, { count: status.waiting, minutes });
    },
    statusColour(): string {
      return this.statusError ? this.c.danger : this.c.text;
    },
    neighboursNote(): string {
      if (this.neighboursError) return this.neighboursError;
      if (!this.neighboursLoaded) return this.t.calls.loading;
      return this.neighbours.length === 0 && this.blocked.length === 0 ? this.t.calls.noNeighbours : '';
    },
    /** The missed calls themselves are buttons (OK calls back); this line says when there are none yet. */
    missedText(): string {
      if (!this.missedLoaded) return this.t.calls.loading;
      return this.missed.length === 0 ? this.t.calls.noMissed : '';
    },
    confirmQuestion(): string {
      return format(this.t.calls.blockQuestion, { name: this.confirmName });
    },
    confirmHelp(): string {
      return format(this.t.calls.blockHelp, { name: this.confirmName });
    },
    noteColour(): string {
      return this.noteIsError ? this.c.danger : this.c.textMuted;
    },
    hints() {
      return [
        { key: 'ok', label: this.t.common.choose },
        { key: 'yellow', label: this.t.calls.block },
        { key: 'back', label: this.t.common.goBack },
      ];
    },
  },
  watch: {
    note(message: string) {
      // While a call shows, its overlay says what is happening.
      if (!state().call) reportMessage(message);
    },
    '$appState.callsVersion'() {
      this.load();
    },
    '$appState.language'() {
      this.layout();
    },
    '$appState.textSize'() {
      this.layout();
    },
  },
  hooks: {
    ready() {
      reportScreen('calls');
      reportMessage(this.t.calls.loading);
      this.layout();
      this.load();
      this.$listen('callsBlockAnswer', (yes: boolean) => this.answerBlock(yes));
      // The queue moves while the tenant reads: refresh the wait now and then.
      this.$setInterval(() => this.loadStatus(), 30000);
    },
    focus() {
      this.focusButton();
    },
  },
  methods: {
    colX(column: number) {
      return mirrorX(COLUMN_X[column], COLUMN_W, this.rtl);
    },
    load() {
      this.loadStatus();
      this.loadNeighbours();
      api.callSettings().then(
        (settings) => {
          this.callableBy = settings.callableBy;
          this.layout();
        },
        () => undefined,
      );
      api.missedCalls({ limit: 10 }).then(
        (page) => {
          this.missed = page.items;
          this.missedLoaded = true;
          if (page.items.length > 0) markMissedCallsSeen(page.items[0].createdAt);
          this.layout();
        },
        (error: unknown) => {
          this.missedLoaded = true;
          this.note = failureMessage(error, this.t);
          this.noteIsError = true;
        },
      );
    },
    /** Both lists of the neighbours' column at once, so a row never shows as neither callable nor blocked. */
    loadNeighbours() {
      const ticket = ++neighboursReads;
      return Promise.all([api.callableNeighbours({ limit: 50 }), api.blockedNeighbours({ limit: 50 })]).then(
        ([callable, blocked]) => {
          // An older read answering late (a block and a realtime hint cross) must not undo a newer one.
          if (ticket !== neighboursReads) return;
          this.neighbours = callable.items;
          this.blocked = blocked.items;
          this.neighboursError = '';
          this.neighboursLoaded = true;
          this.layout();
        },
        (error: unknown) => {
          this.neighboursError = failureMessage(error, this.t);
          this.neighboursLoaded = true;
          this.layout();
        },
      );
    },
    loadStatus() {
      return api.callCentreStatus().then(
        (status) => {
          this.status = status;
          this.statusError = '';
          this.loading = false;
          if (!state().call) reportMessage(this.note || this.statusText);
          this.layout();
        },
        (error: unknown) => {
          this.statusError = failureMessage(error, this.t);
          this.loading = false;
          if (!state().call) reportMessage(this.statusError);
          this.layout();
        },
      );
    },
    /** Rebuilds the buttons with their place on screen; keeps the focus on the same thing when it is still there. */
    landlordNameMeasured(dimensions: { h: number }) {
      if (Math.abs(dimensions.h - this.landlordNameH) < 1) return;
      this.landlordNameH = dimensions.h;
      this.layout();
    },
    layout() {
      const t = this.t.calls;
      const previous = (this.buttons as CallsButton[])[this.focusIndex];
      // A neighbour keeps the focus when blocking or unblocking turns their row into the other kind.
      const keyOf = (button: CallsButton) => (button.action === 'unblock' ? 'neighbour' : button.action) + ':' + button.value;
      const keep = previous ? keyOf(previous) : '';
      const signature = [this.$appState.language, this.ts.k].join('|');
      const h = this.buttonH;
      const out: CallsButton[] = [];
      const add = (
        column: number,
        row: number,
        top: number,
        action: Action,
        value: string,
        label: string,
        selected: boolean,
        testid: string,
        hint = '',
      ) => {
        out.push({
          id: [action, value, label, selected, signature, top, row, this.rtl].join('|'),
          ref: 'btn|' + [action, value, label, selected, signature, top, row, this.rtl].join('|'),
          action,
          value,
          column,
          hint,
          testid,
          label,
          selected,
          x: this.colX(column),
          y: top + row * (h + GAP),
          w: COLUMN_W,
          h,
        });
      };

      const status = this.status as CallCentreStatus | null;
      const landlordTop = Math.round(this.contentY + this.statusY + this.ts.lineHeight(this.ts.body) * 4 + 40);
      if (status && status.hours) {
        const label =
          status.open || !status.opensAt
            ? t.callLandlord
            : format(t.callFrom, { when: formatDateTime(status.opensAt, this.$appState.language) });
        add(0, 0, landlordTop, 'landlord', '', label, false, 'calls-landlord');
      } else if (!status && !this.statusError) {
        add(0, 0, landlordTop, 'landlord', '', t.callLandlord, false, 'calls-landlord');
      }
      if (status && (!status.open || !status.hours))
        add(0, out.length, landlordTop, 'fault', '', t.reportFault, false, 'calls-report-fault');

      const room = this.noteY - 20 - this.itemsY;
      const visible = Math.max(1, Math.floor((room + GAP) / (h + GAP)));
      // The neighbours' column: those I may call, then those I blocked (OK unblocks them); it scrolls.
      const people: NeighbourRow[] = this.neighbourRows();
      this.offset = Math.max(0, Math.min(this.offset, people.length - visible));
      people.slice(this.offset, this.offset + visible).forEach((person, row) => {
        add(1, row, this.itemsY, person.action, person.tenantId, person.label, false, person.testid, person.hint);
      });

      const options: Array<[CallableBy, string]> = [
        ['NOBODY', t.nobody],
        ['BUILDING', t.myBuilding],
        ['RESIDENCE', t.myResidence],
      ];
      options.forEach(([value, label], row) =>
        add(2, row, this.itemsY, 'callable', value, label, this.callableBy === value, 'calls-callable-' + value.toLowerCase()),
      );

      // Missed calls under their heading, as many as fit: OK calls back, Yellow blocks a neighbour.
      const missedTop = Math.round(this.contentY + this.missedY + this.ts.heading * 1.5);
      const missedRoom = Math.max(1, Math.floor((this.noteY - 20 - missedTop + GAP) / (h + GAP)));
      const language = this.$appState.language as Language;
      (this.missed as TenantCall[]).slice(0, missedRoom).forEach((missed, row) => {
        const fromLandlord = missed.peer.kind === 'CALL_CENTRE';
        const line = (when: string) =>
          format(t.missedLine, {
            name: fromLandlord ? t.yourLandlord : missed.peer.name,
            building: fromLandlord ? missed.peer.name : missed.peer.building || '',
            when,
          });
        const hint = formatDateTime(missed.createdAt, language) + '. ' + t.callBack;
        add(2, row, missedTop, 'missed', missed.id, line(shortWhen(missed.createdAt, language)), false, 'calls-missed-' + row, hint);
      });

      this.buttons = out;
      const kept = out.findIndex((button) => keyOf(button) === keep);
      this.focusIndex = kept >= 0 ? kept : Math.min(this.focusIndex, out.length - 1);
      this.$setTimeout(() => this.focusButton(), 0);
    },
    focusButton() {
      // A call drawn over this screen keeps the focus; this screen gets it back when the call is over.
      if (state().call) return;
      const shown = (this.buttons as CallsButton[])[this.focusIndex];
      const button = shown ? this.$select(shown.ref) : null;
      if (button) button.$focus();
    },
    move(direction: 'left' | 'right' | 'up' | 'down') {
      const buttons = this.buttons as CallsButton[];
      const current = buttons[this.focusIndex];
      const people: NeighbourRow[] = this.neighbourRows();
      // The neighbours' column scrolls: past its last visible name, the next one comes up.
      if (current && current.column === 1 && (direction === 'down' || direction === 'up')) {
        const shown = buttons.filter((button) => button.column === 1);
        const row = shown.indexOf(current);
        if (direction === 'down' && row === shown.length - 1 && this.offset + shown.length < people.length) {
          this.offset += 1;
          this.layoutKeepingRow(row);
          return;
        }
        if (direction === 'up' && row === 0 && this.offset > 0) {
          this.offset -= 1;
          this.layoutKeepingRow(0);
          return;
        }
      }
      const next = nearest(buttons, this.focusIndex, direction);
      if (next !== this.focusIndex) {
        this.focusIndex = next;
        this.focusButton();
      }
    },
    layoutKeepingRow(row: number) {
      this.layout();
      const first = (this.buttons as CallsButton[]).findIndex((button) => button.column === 1);
      this.focusIndex = first + row;
      this.$setTimeout(() => this.focusButton(), 0);
    },
    choose() {
      const button = (this.buttons as CallsButton[])[this.focusIndex];
      if (!button || this.busy) return;
      if (button.action === 'fault') {
        this.$router.to('/procedures', { start: 'report' });
      } else if (button.action === 'landlord' || (button.action === 'missed' && !this.missedNeighbour(button))) {
        const status = this.status as CallCentreStatus | null;
        if (status && !status.open) {
          this.say(this.statusText, false);
          return;
        }
        this.call({ kind: 'CALL_CENTRE' }, status ? status.name : '');
      } else if (button.action === 'neighbour') {
        const neighbour = (this.neighbours as CallableNeighbour[]).find((item) => item.tenantId === button.value);
        this.call({ kind: 'NEIGHBOUR', tenantId: button.value }, neighbour ? neighbour.firstName : '');
      } else if (button.action === 'missed') {
        // Calling back a neighbour is the same call as from the neighbours' list.
        const peer = this.missedNeighbour(button) as { tenantId: string; name: string };
        this.call({ kind: 'NEIGHBOUR', tenantId: peer.tenantId }, peer.name);
      } else if (button.action === 'unblock') {
        this.unblock(button.value);
      } else {
        this.setCallable(button.value as CallableBy);
      }
    },
    call(to: { kind: 'CALL_CENTRE' } | { kind: 'NEIGHBOUR'; tenantId: string }, name: string) {
      this.busy = true;
      this.say(this.t.calls.starting, false);
      startCall(to).then(
        () => {
          this.busy = false;
          this.note = '';
        },
        (error: unknown) => {
          this.busy = false;
          this.say(this.startFailure(error, name), true);
          if (error instanceof ApiProblem && error.code === 'outside_opening_hours') this.loadStatus();
        },
      );
    },
    startFailure(error: unknown, name: string): string {
      const t = this.t.calls;
      if (error instanceof ApiProblem) {
        switch (error.code) {
          case 'outside_opening_hours':
            return error.problem.opensAt
              ? format(t.closedNow, { when: formatDateTime(error.problem.opensAt, this.$appState.language) }) + ' ' + t.closedHelp
              : t.closedNoHours;
          case 'callee_busy':
            return format(t.calleeBusy, { name });
          case 'callee_unavailable':
            return format(t.calleeUnavailable, { name });
          case 'caller_busy':
            return t.callerBusy;
          default:
            break;
        }
      }
      return failureMessage(error, this.t);
    },
    setCallable(value: CallableBy) {
      const before = this.callableBy;
      this.callableBy = value;
      this.layout();
      api.setCallable(value).then(
        (settings) => {
          this.callableBy = settings.callableBy;
          this.layout();
          this.say(this.t.calls.saved, false);
          const chosen = (this.buttons as CallsButton[])[this.focusIndex];
          if (chosen) announceFocus(chosen.label, chosen.label + ', ' + this.t.settings.selected);
        },
        (error: unknown) => {
          this.callableBy = before;
          this.layout();
          this.say(failureMessage(error, this.t), true);
        },
      );
    },
    /** The neighbours' column, top to bottom: whom I may call, then whom I blocked. */
    neighbourRows(): NeighbourRow[] {
      const t = this.t.calls;
      const callable = (this.neighbours as CallableNeighbour[]).map((neighbour, index) => ({
        action: 'neighbour' as Action,
        tenantId: neighbour.tenantId,
        label: format(t.neighbourLabel, { name: neighbour.firstName, building: neighbour.building }),
        hint: '',
        testid: 'calls-neighbour-' + index,
      }));
      const blocked = (this.blocked as BlockedNeighbour[]).map((neighbour, index) => ({
        action: 'unblock' as Action,
        tenantId: neighbour.tenantId,
        label: format(t.unblockLabel, { name: neighbour.firstName }),
        hint: format(t.neighbourLabel, { name: neighbour.firstName, building: neighbour.building }),
        testid: 'calls-blocked-' + index,
      }));
      return callable.concat(blocked);
    },
    /** The neighbour behind a missed-call button; null for the landlord's call-back. */
    missedNeighbour(button: CallsButton): { tenantId: string; name: string } | null {
      const missed = (this.missed as TenantCall[]).find((item) => item.id === button.value);
      if (!missed || missed.peer.kind !== 'TENANT' || !missed.peer.tenantId) return null;
      return { tenantId: missed.peer.tenantId, name: missed.peer.name };
    },
    /** Yellow: "Block …?" about the focused neighbour or missed call's neighbour. */
    askBlock() {
      const button = (this.buttons as CallsButton[])[this.focusIndex];
      let target: { tenantId: string; name: string } | null = null;
      if (button && button.action === 'neighbour') {
        const neighbour = (this.neighbours as CallableNeighbour[]).find((item) => item.tenantId === button.value);
        if (neighbour) target = { tenantId: neighbour.tenantId, name: neighbour.firstName };
      } else if (button && button.action === 'missed') target = this.missedNeighbour(button);
      if (!target) {
        this.say(this.t.calls.blockNothing, false);
        return;
      }
      this.confirmName = target.name;
      this.confirming = target.tenantId;
      reportDialog(format(this.t.calls.blockQuestion, { name: target.name }));
      const dialog = this.$select('confirm');
      if (dialog) dialog.$focus();
    },
    answerBlock(yes: boolean) {
      const tenantId = this.confirming as string;
      const name = this.confirmName as string;
      this.confirming = '';
      reportDialog('');
      this.focusButton();
      if (!yes || !tenantId) return;
      api.blockNeighbour(tenantId).then(
        () => {
          this.say(format(this.t.calls.blocked, { name }), false);
          this.loadNeighbours();
        },
        (error: unknown) => this.say(failureMessage(error, this.t), true),
      );
    },
    unblock(tenantId: string) {
      const blocked = (this.blocked as BlockedNeighbour[]).find((item) => item.tenantId === tenantId);
      const name = blocked ? blocked.firstName : '';
      api.unblockNeighbour(tenantId).then(
        () => {
          this.say(format(this.t.calls.unblocked, { name }), false);
          this.loadNeighbours();
        },
        (error: unknown) => this.say(failureMessage(error, this.t), true),
      );
    },
    say(message: string, isError: boolean) {
      this.note = message;
      this.noteIsError = isError;
      speak(message);
    },
  },
  input: {
    left() {
      this.move('left');
    },
    right() {
      this.move('right');
    },
    up() {
      this.move('up');
    },
    down() {
      this.move('down');
    },
    enter() {
      this.choose();
    },
    yellow() {
      this.askBlock();
    },
    back() {
      goBack(this, '/home');
    },
  },
});
