// A list longer than a screen, on the remote: one column of buttons in a window that scrolls with the focus, the next
// keyset page fetched as the focus nears the end, "3 sur 20" and a scroll bar saying where one is, a loading line, and
// a "Réessayer" row when a page fails (never a dead end). The page gives it a fetch function (see load) and listens to
// `<event>:choose` ({ id }) and `<event>:loaded` ({ count, more, failed }); Up/Down/OK are the list's, the other keys
// (Back, Left/Right, colour keys) go on to the page. Props: w, h (the box, the "3 sur 20" line included), rowh, event,
// testid, and active: true while the page shows the list, so that rows arriving then take the focus (and never while
// the page shows something else, whatever Blits' focus chain says). The box holds room for the focus outline: rows start
// PAD_X in from its left and end PAD_X + BAR_W + 16 before its right (mirrored in right-to-left), so a page whose rows
// run from 96 to 1824 puts it at x 56 (96 in Arabic), 1768 wide.
import Blits from '@lightningjs/blits';
import { failureMessage } from '../api/problems';
import { format } from '../i18n';
import { reportList, reportMessage } from '../testing';
import { lookComputed, speak } from './look';
import Button from './Button';
import Waiting from './Waiting';

/** One row: `id` comes back in `<event>:choose`; `label` is what the button says. */
export interface PagedRow {
  id: string;
  label: string;
}

export interface PagedListPage {
  rows: PagedRow[];
  nextCursor: string | null;
}

/** Fetches the page after `cursor` (null: the first page). A page may put fixed rows ("Ajouter…") before its first. */
export type PagedListFetch = (cursor: string | null) => Promise<PagedListPage>;

interface DrawnRow extends PagedRow {
  key: string;
  y: number;
  testid: string;
}

/** The row that retries a failed page. */
export const RETRY_ROW = '__retry';
/** Fetch the next page when the focus is this close to the last row. */
const PREFETCH_ROWS = 3;
/** When coming back to a row (after its detail), fetch at most this many pages to find it again. */
const MAX_PAGES_TO_FIND = 10;
const GAP = 20;
/** Room around the rows for the focused one's outline (12 px) and growth (6 %): pages put the list this far left. */
export const PAD_X = 40;
const PAD_Y = 16;
export const BAR_W = 10;

let lists = 0;
/** The fetch function of each list, by its uid: kept out of the reactive state. */
const fetchers: Record<number, PagedListFetch> = {};

export default Blits.Component('PagedList', {
  components: { Button, Waiting },
  props: ['w', 'h', 'rowh', 'event', 'testid', 'active'],
  template: `
    <Element :w="$width" :h="$height" :inspector-data="{testid: $testid, count: $count, index: $index, more: !!$nextCursor, first: $first}">
      <Element x="0" y="0" :w="$width" :h="$windowH" clipping="true">
        <Element x="0" :y="-$first * $step" :w="$width">
          <Button :for="(row, i) in $rows" key="$row.key" ref="row" :x="$rtl ? $PAD_X + $BAR_W + 16 : $PAD_X" :y="$row.y" :w="$rowW" :h="$rowHeight" :label="$row.label" :testid="$row.testid" />
        </Element>
      </Element>
      <Element :show="$count > $visible" :x="$rtl ? 0 : $width - $BAR_W" :y="$PAD_Y" :w="$BAR_W" :h="$trackH" :color="$c.surface">
        <Element x="0" :y="$thumbY" :w="$BAR_W" :h="$thumbH" :color="$c.fresh" />
      </Element>
      <Text :content="$positionShown" :size="$ts.small" :color="$c.textMuted" x="0" :y="$windowH + 8" :maxwidth="$width" maxlines="1" :align="$rtl ? 'left' : 'right'" :inspector-data="{testid: $testid + '-position', message: $position}" />
      <Text :show="!!$failed && !$loading" :content="$failed" :size="$ts.small" :color="$c.danger" :x="$count === 0 ? $PAD_X : 0" :y="$count === 0 ? $PAD_Y + $step + 8 : $windowH + 8" :maxwidth="$count === 0 ? $rowW : $width - 500" :maxlines="$count === 0 ? 3 : 1" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: $testid + '-failed', message: $failed}" />
      <Waiting :show="$loading" :label="$loadingLabel" :w="$width - 500" :x="$rtl ? 500 : 0" :y="$windowH" :testid="$testid + '-loading'" />
    </Element>
  `,
  state() {
    return {
      uid: 0,
      rows: [] as DrawnRow[],
      nextCursor: null as string | null,
      index: 0,
      loading: false,
      loadingMore: false,
      failed: '',
      /** Which load is the latest: an older answer arriving late is dropped. */
      generation: 0,
      renders: 0,
      PAD_X,
      PAD_Y,
      BAR_W,
    };
  },
  computed: {
    ...lookComputed,
    width(): number {
      return Number(this.w) || 1728;
    },
    height(): number {
      return Number(this.h) || 600;
    },
    rowHeight(): number {
      return Number(this.rowh) || 90;
    },
    rowW(): number {
      return this.width - 2 * PAD_X - BAR_W - 16;
    },
    step(): number {
      return this.rowHeight + GAP;
    },
    footerH(): number {
      return Math.round(this.ts.body * 1.6);
    },
    windowH(): number {
      return this.height - this.footerH;
    },
    trackH(): number {
      return this.windowH - 2 * PAD_Y;
    },
    /** Rows that fit in the window. */
    visible(): number {
      return Math.max(1, Math.floor((this.windowH - PAD_Y) / this.step));
    },
    /** Rows loaded, the retry row not counted. */
    count(): number {
      const rows = this.rows as DrawnRow[];
      return rows.length > 0 && (rows[rows.length - 1] as DrawnRow).id === RETRY_ROW ? rows.length - 1 : rows.length;
    },
    /** The first row in the window: the focused one stays second from the top while it can, so one sees what came before. */
    first(): number {
      const total = this.rows.length;
      return Math.max(0, Math.min(this.index - 1, total - this.visible));
    },
    thumbH(): number {
      const total = Math.max(this.rows.length, 1);
      return Math.max(40, Math.round((this.trackH * Math.min(this.visible, total)) / total));
    },
    thumbY(): number {
      const total = this.rows.length;
      const room = this.trackH - this.thumbH;
      const last = Math.max(1, total - this.visible);
      return total <= this.visible ? 0 : Math.round((room * this.first) / last);
    },
    position(): string {
      const count = this.count;
      const index = Math.min(this.index + 1, count);
      const more = !!this.nextCursor;
      const words = this.t.common;
      return count === 0 ? '' : format(more ? words.listPositionMore : words.listPosition, { index, total: count });
    },
    /** The renderer lays a line out left to right: in Arabic a right-to-left embedding keeps "13 من 20" in order. */
    positionShown(): string {
      const position: string = this.position;
      return this.rtl && position ? '\u202b' + position : position;
    },
    loadingLabel(): string {
      return this.loadingMore ? this.t.common.listLoadingMore : this.t.common.loading;
    },
  },
  hooks: {
    init() {
      lists += 1;
      this.uid = lists;
    },
    focus() {
      this.focusRow();
    },
    destroy() {
      delete fetchers[this.uid];
      this.generation += 1;
    },
  },
  methods: {
    /**
     * Shows the list `fetch` gives, from its first page. With `keepId`, the focus goes back to that row (fetching
     * further pages to find it, as when coming back from a row's detail); else to the first row.
     */
    load(fetch: PagedListFetch, keepId?: string) {
      fetchers[this.uid] = fetch;
      this.nextCursor = null;
      this.index = 0;
      this.draw([]);
      this.fill(keepId || '', 0, false);
    },
    /** Reads the list again without clearing it (a realtime hint): as many rows as were loaded, the focus kept. */
    refresh() {
      const rows = this.rows as DrawnRow[];
      const focused = rows[this.index] as DrawnRow | undefined;
      this.fill(focused && focused.id !== RETRY_ROW ? focused.id : '', this.count, true);
    },
    /** The id of the focused row ('' when none). */
    focusedId(): string {
      const row = (this.rows as DrawnRow[])[this.index];
      return row ? row.id : '';
    },
    /** Fetches from the start until `keepId` is loaded or `want` rows are, then focuses `keepId` (else the same index). */
    fill(keepId: string, want: number, quiet: boolean) {
      const fetch = fetchers[this.uid];
      if (!fetch) return;
      const generation = this.generation + 1;
      this.generation = generation;
      this.loading = !quiet;
      this.loadingMore = false;
      this.failed = '';
      const collected: PagedRow[] = [];
      const seen: Record<string, boolean> = {};
      const step = (cursor: string | null, pages: number): void => {
        fetch(cursor).then(
          (page) => {
            if (generation !== this.generation) return;
            page.rows.forEach((row) => {
              if (!seen[row.id]) collected.push(row);
              seen[row.id] = true;
            });
            const found = !keepId || !!seen[keepId];
            if (page.nextCursor && pages + 1 < MAX_PAGES_TO_FIND && (!found || collected.length < want))
              return step(page.nextCursor, pages + 1);
            this.loading = false;
            this.nextCursor = page.nextCursor;
            const at = keepId ? collected.map((row) => row.id).indexOf(keepId) : -1;
            const had = this.holdsFocus();
            this.index = at >= 0 ? at : Math.max(0, Math.min(this.index, collected.length - 1));
            this.draw(collected);
            this.loaded(had);
          },
          (error: unknown) => {
            if (generation !== this.generation) return;
            this.fail(error, quiet ? (this.rows as DrawnRow[]).filter((row) => row.id !== RETRY_ROW) : collected);
          },
        );
      };
      step(null, 0);
    },
    /** The next page, when the focus nears the end. */
    more() {
      const fetch = fetchers[this.uid];
      if (!fetch || !this.nextCursor || this.loading || this.failed) return;
      const generation = this.generation;
      this.loading = true;
      this.loadingMore = true;
      this.report();
      fetch(this.nextCursor).then(
        (page) => {
          if (generation !== this.generation) return;
          this.loading = false;
          this.loadingMore = false;
          const current = (this.rows as DrawnRow[]).map((row) => ({ id: row.id, label: row.label }));
          const known: Record<string, boolean> = {};
          current.forEach((row) => (known[row.id] = true));
          this.nextCursor = page.nextCursor;
          const had = this.holdsFocus();
          this.draw(current.concat(page.rows.filter((row) => !known[row.id])));
          this.loaded(had);
        },
        (error: unknown) => {
          if (generation !== this.generation) return;
          this.fail(
            error,
            (this.rows as DrawnRow[]).map((row) => ({ id: row.id, label: row.label })),
          );
        },
      );
    },
    /** A failed page: what was loaded stays, with a "Réessayer" row after it (the only row when nothing was). */
    fail(error: unknown, kept: PagedRow[]) {
      const had = this.holdsFocus();
      const more = this.loadingMore;
      this.loading = false;
      this.loadingMore = false;
      const reason = failureMessage(error, this.t);
      // Below the rows one short line (the why is spoken); alone on the screen, the why in full under "Réessayer".
      this.failed = more || kept.length > 0 ? this.t.common.listMoreFailed : reason || this.t.common.listMoreFailed;
      this.draw(kept.concat([{ id: RETRY_ROW, label: this.t.common.retry }]));
      if (!more) this.index = kept.length;
      reportMessage(this.failed);
      speak(this.failed + (reason && this.failed !== reason ? ' ' + reason : ''));
      this.$emit(this.event + ':loaded', { count: kept.length, more: !!this.nextCursor, failed: this.failed });
      if (had) this.$setTimeout(() => this.focusRow(), 0);
      this.report();
    },
    loaded(had: boolean) {
      this.$emit(this.event + ':loaded', { count: this.count, more: !!this.nextCursor, failed: '' });
      if (had) this.$setTimeout(() => this.focusRow(), 0);
      this.report();
    },
    draw(rows: PagedRow[]) {
      this.renders += 1;
      const step = this.step;
      const base = (this.testid || 'list') + '-';
      // In Arabic a right-to-left embedding keeps "status · number · title" in reading order (the renderer lays a
      // line out left to right); Button leaves it out of what it reports and speaks.
      const embed = this.rtl ? '\u202b' : '';
      this.rows = rows.map((row, i) => ({
        id: row.id,
        label: embed + row.label.replace(/^\u202b/, ''),
        // Stable across pages, so the focused button survives the next page arriving; new after a language change.
        key: [row.id, row.label, this.rowHeight, this.rtl ? 'rtl' : 'ltr'].join('|'),
        y: PAD_Y + i * step,
        testid: base + row.id.replace(/[^a-zA-Z0-9_-]/g, '-'),
      }));
      if (this.index >= this.rows.length) this.index = Math.max(0, this.rows.length - 1);
    },
    /** Whether the page shows the list now: only then do rows arriving take the focus. */
    holdsFocus(): boolean {
      return this.active === true || this.active === 'true';
    },
    focusRow() {
      const row = this.$select('row' + this.index);
      if (row) row.$focus();
      this.report();
    },
    move(delta: number) {
      const next = this.index + delta;
      if (next < 0 || next >= this.rows.length) return;
      this.index = next;
      this.focusRow();
      if (this.index >= this.count - PREFETCH_ROWS) this.more();
    },
    report() {
      reportList({
        testid: this.testid || 'list',
        index: this.index,
        count: this.count,
        more: !!this.nextCursor,
        first: this.first,
        position: this.position,
      });
    },
  },
  input: {
    up() {
      this.move(-1);
    },
    down() {
      this.move(1);
    },
    enter() {
      const row = (this.rows as DrawnRow[])[this.index];
      if (!row) return;
      if (row.id === RETRY_ROW) {
        if (this.count === 0) this.fill('', 0, false);
        else {
          this.failed = '';
          this.draw((this.rows as DrawnRow[]).filter((candidate) => candidate.id !== RETRY_ROW));
          this.index = Math.max(0, this.count - 1);
          this.focusRow();
          this.more();
        }
        return;
      }
      this.$emit(this.event + ':choose', { id: row.id });
    },
  },
});
