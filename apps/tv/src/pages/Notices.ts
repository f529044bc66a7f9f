// The notices list: newest first, loaded page by page as focus nears the end; unread, urgent, publisher and date on each row.
import Blits from '@lightningjs/blits';
import type { TenantNotice } from '@palier/contracts/src/notices';
import { api } from '../api/session';
import { refreshUnread } from '../api/live';
import { failureMessage } from '../api/problems';
import { formatDateTime } from '../i18n';
import { reportMessage, reportScreen } from '../testing';
import { lookComputed, speak } from '../components/look';
import NoticeItem from '../components/NoticeItem';
import Button from '../components/Button';
import Waiting from '../components/Waiting';
import KeyHints from '../components/KeyHints';
import { goBack } from './navigation';
import { recallNotices, rememberNotices } from './noticesMemory';

const PAGE_SIZE = 10;

interface Row {
  id: string;
  /** Changes with what the row shows (read state, language, size): Blits re-creates rather than patches loop items. */
  key: string;
  y: number;
  w: number;
  h: number;
  title: string;
  meta: string;
  unread: boolean;
  urgent: boolean;
}

export default Blits.Component('Notices', {
  components: { NoticeItem, Button, Waiting, KeyHints },
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-notices'}">
      <Text :content="$t.notices.title" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="54" maxwidth="1728" :align="$rtl ? 'right' : 'left'" />
      <Text :show="$items.length > 0" :content="$position" :size="$ts.small" :color="$c.textMuted" x="96" :y="54 + $ts.title * 0.3" maxwidth="1728" :align="$rtl ? 'left' : 'right'" />
      <Element x="96" :y="$listY" w="1728" :h="$listH" clipping="true">
        <Element x="0" :y="$scrollY" w="1728">
          <NoticeItem
            :for="(row, index) in $rows"
            key="$row.key"
            ref="row"
            x="24"
            :y="$row.y"
            :w="$row.w"
            :h="$row.h"
            :title="$row.title"
            :meta="$row.meta"
            :unread="$row.unread"
            :urgent="$row.urgent"
            :testid="'notice-' + $row.id"
          />
        </Element>
      </Element>
      <Waiting :show="$loading" :label="$loadingLabel" x="96" :y="$items.length ? 1080 - 54 - $ts.small * 1.6 - 30 - $ts.body * 1.5 : $listY + 40" w="1728" testid="notices-loading" />
      <Element :show="!$loading && !$error && $items.length === 0" x="96" :y="$listY + 40" w="1728" h="300" :inspector-data="{testid: 'notices-empty'}">
        <Text :content="$t.notices.empty" :font="$f.bold" :size="$ts.heading" :color="$c.text" x="0" y="0" maxwidth="1728" :align="$rtl ? 'right' : 'left'" />
        <Text :content="$t.notices.emptyHelp" :size="$ts.body" :color="$c.textMuted" x="0" :y="$ts.heading * 1.6" maxwidth="1728" :align="$rtl ? 'right' : 'left'" />
      </Element>
      <Element :show="!!$error" x="96" :y="$items.length ? 1080 - 54 - $ts.small * 1.6 - 40 - 120 : $listY + 40" w="1728" h="120" :color="$items.length ? $c.surface : 'transparent'">
        <Text :content="$error" :size="$ts.body" :color="$c.danger" :x="$rtl ? 620 : 24" y="12" maxwidth="1084" maxlines="2" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'notices-error', message: $error}" />
        <Button ref="retry" :x="$rtl ? 24 : 1728 - 24 - 520" y="12" w="520" h="96" :label="$t.common.retry" testid="notices-retry" />
      </Element>
      <KeyHints :hints="$hints" />
    </Element>
  `,
  state() {
    return {
      items: [] as TenantNotice[],
      nextCursor: null as string | null,
      focusIndex: 0,
      loading: false,
      loadingMore: false,
      error: '',
      onRetry: false,
      rows: [] as Row[],
      alive: true,
    };
  },
  computed: {
    ...lookComputed,
    rowH() {
      return Math.round(this.ts.label * 1.35 + this.ts.small * 1.35 + 56);
    },
    gap() {
      return 24;
    },
    listY() {
      return Math.round(54 + this.ts.title * 1.6);
    },
    listH() {
      return 1080 - 54 - this.ts.small * 1.6 - 30 - this.listY;
    },
    scrollY() {
      // Keep the focused row in view, with one row of context above it when possible.
      const step = this.rowH + this.gap;
      const visible = Math.max(1, Math.floor((this.listH - 32) / step));
      const first = Math.max(0, Math.min(this.focusIndex - 1, this.items.length - visible));
      return -Math.max(0, first) * step;
    },
    position() {
      const total = this.items.length + (this.nextCursor ? '+' : '');
      return this.t.notices.position.replace('{index}', String(this.focusIndex + 1)).replace('{total}', String(total));
    },
    loadingLabel() {
      return this.loadingMore ? this.t.notices.loadingMore : this.t.common.loading;
    },
    hints() {
      return [
        { key: 'ok', label: this.t.common.read },
        { key: 'back', label: this.t.common.goBack },
      ];
    },
  },
  watch: {
    items() {
      this.buildRows();
    },
    '$appState.language'() {
      this.buildRows();
    },
    '$appState.textSize'() {
      this.buildRows();
    },
    '$appState.noticesVersion'() {
      if (!this.alive) return;
      // A realtime hint: re-read the first page, keep the focus on the same notice when it is still there.
      this.reload(true);
    },
    error(message: string) {
      reportMessage(message);
      if (message) speak(message);
    },
  },
  hooks: {
    ready() {
      reportScreen('notices');
      reportMessage('');
      const remembered = recallNotices();
      if (remembered) {
        this.items = remembered.items;
        this.nextCursor = remembered.nextCursor;
        this.focusIndex = Math.min(remembered.focusIndex, Math.max(0, remembered.items.length - 1));
        this.$setTimeout(() => this.focusRow(), 0);
        this.reload(true);
      } else {
        this.reload(false);
      }
    },
    focus() {
      this.focusRow();
    },
    destroy() {
      this.alive = false;
      // Unread counts change as notices are opened: the home badge re-reads when we leave.
      refreshUnread();
    },
  },
  methods: {
    /** Rows are state, rebuilt when the notices, language or text size change (a for-loop over a computed that starts empty never renders in Blits 1.27). */
    buildRows() {
      const language = this.$appState.language;
      const t = this.t;
      const rowH = this.rowH;
      const step = rowH + this.gap;
      this.rows = this.items.map((notice: TenantNotice, index: number) => ({
        id: notice.id,
        key: [notice.id, notice.readAt ? 'read' : 'unread', notice.title, language, rowH, index].join('|'),
        y: 16 + index * step,
        w: 1728 - 48,
        h: rowH,
        title: notice.title,
        meta: [t.notices.categories[notice.category] || '', notice.publisher, formatDateTime(notice.publishedAt, language)].filter(Boolean).join(' · '),
        unread: !notice.readAt,
        urgent: notice.urgent,
      }));
    },
    remember() {
      rememberNotices({ items: this.items, nextCursor: this.nextCursor, focusIndex: this.focusIndex, loadedAt: Date.now() });
    },
    focusRow() {
      if (this.error && (this.items.length === 0 || this.onRetry)) {
        const retry = this.$select('retry');
        if (retry) retry.$focus();
        return;
      }
      const row = this.$select('row' + this.focusIndex);
      if (row) row.$focus();
    },
    reload(quiet: boolean) {
      const focusedId = this.items[this.focusIndex] ? this.items[this.focusIndex].id : null;
      if (!quiet) this.loading = true;
      this.loadingMore = false;
      this.error = '';
      api.notices({ limit: PAGE_SIZE }).then(
        (page) => {
          this.loading = false;
          // Keep pages already loaded beyond the first: replace the first page's notices, append the rest after them.
          const fresh = page.items;
          const freshIds: Record<string, boolean> = {};
          fresh.forEach((notice) => (freshIds[notice.id] = true));
          const beyond = this.items.length > fresh.length ? this.items.filter((notice: TenantNotice) => !freshIds[notice.id]).slice(Math.max(0, fresh.length - PAGE_SIZE)) : [];
          const keepBeyond = beyond.length > 0 && this.items.length > PAGE_SIZE;
          this.items = keepBeyond ? fresh.concat(beyond) : fresh;
          if (!keepBeyond) this.nextCursor = page.nextCursor;
          const index = focusedId ? this.items.findIndex((notice: TenantNotice) => notice.id === focusedId) : -1;
          this.focusIndex = index >= 0 ? index : Math.min(this.focusIndex, Math.max(0, this.items.length - 1));
          this.remember();
          this.$setTimeout(() => this.focusRow(), 0);
        },
        (error: unknown) => {
          this.loading = false;
          this.error = failureMessage(error, this.t);
          this.onRetry = this.items.length === 0;
          this.$setTimeout(() => this.focusRow(), 0);
        },
      );
    },
    loadMore() {
      if (!this.nextCursor || this.loading || this.loadingMore) return;
      this.loadingMore = true;
      this.loading = true;
      api.notices({ limit: PAGE_SIZE, cursor: this.nextCursor }).then(
        (page) => {
          this.loading = false;
          this.loadingMore = false;
          const known: Record<string, boolean> = {};
          this.items.forEach((notice: TenantNotice) => (known[notice.id] = true));
          this.items = this.items.concat(page.items.filter((notice) => !known[notice.id]));
          this.nextCursor = page.nextCursor;
          this.remember();
        },
        (error: unknown) => {
          this.loading = false;
          this.loadingMore = false;
          this.error = failureMessage(error, this.t);
        },
      );
    },
    move(step: number) {
      if (this.onRetry) return;
      const next = Math.max(0, Math.min(this.items.length - 1, this.focusIndex + step));
      if (next !== this.focusIndex) {
        this.focusIndex = next;
        this.focusRow();
        this.remember();
      }
      if (this.focusIndex >= this.items.length - 3) this.loadMore();
    },
  },
  input: {
    up() {
      if (this.onRetry) return;
      if (this.error && this.$select('retry') && this.$select('retry').hasFocus) {
        this.focusRow();
        return;
      }
      this.move(-1);
    },
    down() {
      if (this.error && this.items.length > 0 && this.focusIndex === this.items.length - 1) {
        const retry = this.$select('retry');
        if (retry) retry.$focus();
        return;
      }
      this.move(1);
    },
    left() {},
    right() {},
    enter() {
      const retry = this.$select('retry');
      if (this.error && retry && retry.hasFocus) {
        if (this.items.length === 0) this.reload(false);
        else this.loadMore();
        this.error = '';
        this.onRetry = false;
        return;
      }
      const notice = this.items[this.focusIndex];
      if (!notice) return;
      this.remember();
      this.$router.to('/notices/' + encodeURIComponent(notice.id));
    },
    back() {
      goBack(this, '/home');
    },
  },
});
