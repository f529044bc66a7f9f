// The calls screen: call the landlord (with the call-centre's opening state and wait), call a neighbour by first name
// and building, choose who may call me, and see missed calls. Three columns, mirrored in Arabic; arrows move spatially.
import Blits from '@lightningjs/blits';
import type { CallableBy, CallableNeighbour, CallCentreStatus, TenantCall } from '@palier/contracts/src/calls';
import { ApiProblem } from '@palier/contracts/src/client';
import { api } from '../api/session';
import { failureMessage } from '../api/problems';
import { format, formatDateTime } from '../i18n';
import { reportMessage, reportScreen } from '../testing';
import { announceFocus, lookComputed, mirrorX, speak } from '../components/look';
import Button from '../components/Button';
import KeyHints from '../components/KeyHints';
import { markMissedCallsSeen, startCall } from '../calls/controller';
import { goBack } from './navigation';
import { state } from '../store';

type Action = 'landlord' | 'fault' | 'neighbour' | 'callable';

interface CallsButton {
  /** Everything the button shows: Blits re-creates a loop item rather than patching it. */
  id: string;
  action: Action;
  /** The neighbour's tenant id, or the callable-by option. */
  value: string;
  testid: string;
  label: string;
  selected: boolean;
  x: number;
  y: number;
  w: number;
  h: number;
}

const COLUMN_W = Math.floor((1728 - 2 * 48) / 3);
const COLUMN_X = [96, 96 + COLUMN_W + 48, 96 + 2 * (COLUMN_W + 48)];
const GAP = 24;

/** The nearest button in a direction, in screen space (so right-to-left needs nothing special). */
function nearest(buttons: CallsButton[], from: number, direction: 'left' | 'right' | 'up' | 'down'): number {
  const origin = buttons[from];
  if (!origin) return from;
  const ox = origin.x + origin.w / 2;
  const oy = origin.y + origin.h / 2;
  let best = from;
  let bestScore = Infinity;
  buttons.forEach((button, index) => {
    if (index === from) return;
    const dx = button.x + button.w / 2 - ox;
    const dy = button.y + button.h / 2 - oy;
    const along = direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
    const across = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (along <= 1) return;
    const score = along + across * 2;
    if (score < bestScore) {
      bestScore = score;
      best = index;
    }
  });
  return best;
}

export default Blits.Component('Calls', {
  components: { Button, KeyHints },
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-calls'}">
      <Text :content="$t.calls.title" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="54" maxwidth="1728" :align="$rtl ? 'right' : 'left'" />

      <Element :x="$colX(0)" :y="$contentY" :w="$colW" h="800">
        <Text :content="$t.calls.landlord" :font="$f.bold" :size="$ts.heading" :color="$c.fresh" x="0" y="0" :maxwidth="$colW" maxlines="1" :align="$rtl ? 'right' : 'left'" />
        <Text :content="$landlordName" :font="$f.bold" :size="$ts.body" :color="$c.text" x="0" :y="$ts.heading * 1.6" :maxwidth="$colW" maxlines="2" :align="$rtl ? 'right' : 'left'" />
        <Text :content="$statusText" :size="$ts.body" :color="$statusColour" x="0" :y="$ts.heading * 1.6 + $ts.body * 1.5" :maxwidth="$colW" maxlines="4" :lineheight="$ts.lineHeight($ts.body)" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'calls-landlord-status', message: $statusText}" />
      </Element>

      <Element :x="$colX(1)" :y="$contentY" :w="$colW" h="800">
        <Text :content="$t.calls.neighbours" :font="$f.bold" :size="$ts.heading" :color="$c.fresh" x="0" y="0" :maxwidth="$colW" maxlines="1" :align="$rtl ? 'right' : 'left'" />
        <Text :show="!!$neighboursNote" :content="$neighboursNote" :size="$ts.body" :color="$c.textMuted" x="0" :y="$ts.heading * 1.6" :maxwidth="$colW" maxlines="6" :lineheight="$ts.lineHeight($ts.body)" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'calls-neighbours-note', message: $neighboursNote}" />
      </Element>

      <Element :x="$colX(2)" :y="$contentY" :w="$colW" h="800">
        <Text :content="$t.calls.callableBy" :font="$f.bold" :size="$ts.heading" :color="$c.fresh" x="0" y="0" :maxwidth="$colW" maxlines="1" :align="$rtl ? 'right' : 'left'" />
        <Text :content="$t.calls.missed" :font="$f.bold" :size="$ts.heading" :color="$c.fresh" x="0" :y="$missedY" :maxwidth="$colW" maxlines="1" :align="$rtl ? 'right' : 'left'" />
        <Text :content="$missedText" :size="$ts.small" :color="$c.text" x="0" :y="$missedY + $ts.heading * 1.5" :maxwidth="$colW" :maxlines="$missedLines" :lineheight="$ts.lineHeight($ts.small)" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'calls-missed', message: $missedText}" />
      </Element>

      <Button :for="(button, index) in $buttons" key="$button.id" ref="btn" :x="$button.x" :y="$button.y" :w="$button.w" :h="$button.h" :label="$button.label" :selected="$button.selected" :testid="$button.testid" />

      <Text :show="!!$note" :content="$note" :size="$ts.body" :color="$noteColour" x="96" :y="$noteY" maxwidth="1728" maxlines="2" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'calls-note', message: $note}" />
      <KeyHints :hints="$hints" />
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
      buttons: [] as CallsButton[],
      focusIndex: 0,
      note: '',
      noteIsError: false,
      busy: false,
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
      return this.neighbours.length === 0 ? this.t.calls.noNeighbours : '';
    },
    missedText(): string {
      if (!this.missedLoaded) return this.t.calls.loading;
      if (this.missed.length === 0) return this.t.calls.noMissed;
      const language = this.$appState.language;
      return (this.missed as TenantCall[])
        .map((missed) =>
          format(this.t.calls.missedLine, {
            name: missed.peer.kind === 'CALL_CENTRE' ? this.t.calls.yourLandlord : missed.peer.name,
            building: missed.peer.kind === 'CALL_CENTRE' ? missed.peer.name : missed.peer.building || '',
            when: formatDateTime(missed.createdAt, language),
          }),
        )
        .join('\n');
    },
    noteColour(): string {
      return this.noteIsError ? this.c.danger : this.c.textMuted;
    },
    hints() {
      return [
        { key: 'ok', label: this.t.common.choose },
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
      api.callableNeighbours({ limit: 50 }).then(
        (page) => {
          this.neighbours = page.items;
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
        },
        (error: unknown) => {
          this.missedLoaded = true;
          this.note = failureMessage(error, this.t);
          this.noteIsError = true;
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
    layout() {
      const t = this.t.calls;
      const previous = (this.buttons as CallsButton[])[this.focusIndex];
      const keep = previous ? previous.action + ':' + previous.value : '';
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
      ) => {
        out.push({
          id: [action, value, label, selected, signature, top, row, this.rtl].join('|'),
          action,
          value,
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
      const landlordTop = Math.round(this.itemsY + this.ts.body * 1.5 + this.ts.lineHeight(this.ts.body) * 4 + 40);
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
      const neighbours = this.neighbours as CallableNeighbour[];
      this.offset = Math.max(0, Math.min(this.offset, neighbours.length - visible));
      neighbours.slice(this.offset, this.offset + visible).forEach((neighbour, row) => {
        add(
          1,
          row,
          this.itemsY,
          'neighbour',
          neighbour.tenantId,
          format(t.neighbourLabel, { name: neighbour.firstName, building: neighbour.building }),
          false,
          'calls-neighbour-' + (this.offset + row),
        );
      });

      const options: Array<[CallableBy, string]> = [
        ['NOBODY', t.nobody],
        ['BUILDING', t.myBuilding],
        ['RESIDENCE', t.myResidence],
      ];
      options.forEach(([value, label], row) =>
        add(2, row, this.itemsY, 'callable', value, label, this.callableBy === value, 'calls-callable-' + value.toLowerCase()),
      );

      this.buttons = out;
      const kept = out.findIndex((button) => button.action + ':' + button.value === keep);
      this.focusIndex = kept >= 0 ? kept : Math.min(this.focusIndex, out.length - 1);
      this.$setTimeout(() => this.focusButton(), 0);
    },
    focusButton() {
      // A call drawn over this screen keeps the focus; this screen gets it back when the call is over.
      if (state().call) return;
      const button = this.$select('btn' + this.focusIndex);
      if (button) button.$focus();
    },
    move(direction: 'left' | 'right' | 'up' | 'down') {
      const buttons = this.buttons as CallsButton[];
      const current = buttons[this.focusIndex];
      const neighbours = this.neighbours as CallableNeighbour[];
      // The neighbours' column scrolls: past its last visible name, the next one comes up.
      if (current && current.action === 'neighbour' && (direction === 'down' || direction === 'up')) {
        const shown = buttons.filter((button) => button.action === 'neighbour');
        const row = shown.indexOf(current);
        if (direction === 'down' && row === shown.length - 1 && this.offset + shown.length < neighbours.length) {
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
      const first = (this.buttons as CallsButton[]).findIndex((button) => button.action === 'neighbour');
      this.focusIndex = first + row;
      this.$setTimeout(() => this.focusButton(), 0);
    },
    choose() {
      const button = (this.buttons as CallsButton[])[this.focusIndex];
      if (!button || this.busy) return;
      if (button.action === 'fault') {
        this.$router.to('/procedures', { start: 'report' });
      } else if (button.action === 'landlord') {
        const status = this.status as CallCentreStatus | null;
        if (status && !status.open) {
          this.say(this.statusText, false);
          return;
        }
        this.call({ kind: 'CALL_CENTRE' }, status ? status.name : '');
      } else if (button.action === 'neighbour') {
        const neighbour = (this.neighbours as CallableNeighbour[]).find((item) => item.tenantId === button.value);
        this.call({ kind: 'NEIGHBOUR', tenantId: button.value }, neighbour ? neighbour.firstName : '');
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
    back() {
      goBack(this, '/home');
    },
  },
});
