// The neighbours' feed ("Voisins"): a row of filters by kind (with "Write" first), then the posts of the tenant's
// building, residence and district, newest first, loaded page by page as focus nears the end; a neighbour's new post
// or reply arrives without reload (realtime hint → re-read the first page).
import Blits from '@lightningjs/blits';
import type { FeedPost, PostKind } from '@palier/contracts/src/feed';
import { postKinds } from '@palier/contracts/src/feed';
import type { FeedRealtimeEvent } from '@palier/contracts/src/realtime';
import { api } from '../api/session';
import { format } from '../i18n';
import { feedWords, type FeedWords } from '../i18n/feed';
import { reportMessage, reportScreen } from '../testing';
import { horizontalStep, lookComputed, speak } from '../components/look';
import PostItem from '../components/PostItem';
import Button from '../components/Button';
import Waiting from '../components/Waiting';
import KeyHints from '../components/KeyHints';
import { feedFailure, postMeta } from '../feed/describe';
import { onFeedEvent } from '../feed/events';
import { forgetFeed, recallFeed, rememberFeed } from '../feed/memory';
import { goBack } from './navigation';

const PAGE_SIZE = 10;
const WIDTH = 1728;

interface Chip {
  id: string;
  key: string;
  label: string;
  x: number;
  w: number;
  selected: boolean;
}

interface Row {
  id: string;
  key: string;
  y: number;
  w: number;
  h: number;
  kind: string;
  title: string;
  meta: string;
  fresh: boolean;
  /** The first photo's thumbnail URL, '' when the post has none. */
  thumb: string;
  pw: number;
  ph: number;
}

let stopListening: (() => void) | null = null;

export default Blits.Component('Feed', {
  components: { PostItem, Button, Waiting, KeyHints },
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-feed', kind: $kindFilter || 'ALL', count: $items.length}">
      <Text :content="$words.title" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="54" maxwidth="1728" :align="$rtl ? 'right' : 'left'" />
      <Text :content="$subtitle" :size="$ts.small" :color="$c.textMuted" x="96" :y="54 + $ts.title * 0.3" maxwidth="1728" maxlines="1" :align="$rtl ? 'left' : 'right'" />
      <Element x="96" :y="$chipsY - 16" w="1728" :h="$chipH + 32" clipping="true">
        <Element :x="$rtl ? $chipScroll : -$chipScroll" y="16" w="1728">
          <Button :for="(chip, i) in $chips" key="$chip.key" ref="chip" :x="$chip.x" y="0" :w="$chip.w" :h="$chipH" :label="$chip.label" :selected="$chip.selected" :testid="'feed-filter-' + $chip.id" />
        </Element>
      </Element>
      <Element x="96" :y="$listY" w="1728" :h="$listH" clipping="true">
        <Element x="0" :y="$scrollY" w="1728">
          <PostItem
            :for="(row, index) in $rows"
            key="$row.key"
            ref="row"
            x="24"
            :y="$row.y"
            :w="$row.w"
            :h="$row.h"
            :kind="$row.kind"
            :title="$row.title"
            :meta="$row.meta"
            :fresh="$row.fresh"
            :thumb="$row.thumb"
            :pw="$row.pw"
            :ph="$row.ph"
            :testid="'post-' + $row.id"
          />
        </Element>
      </Element>
      <Waiting :show="$loading" :label="$loadingLabel" x="96" :y="$items.length ? 1080 - 54 - $ts.small * 1.6 - 30 - $ts.body * 1.5 : $listY + 40" w="1728" testid="feed-loading" />
      <Element :show="!$loading && !$error && $items.length === 0" x="96" :y="$listY + 40" w="1728" h="300" :inspector-data="{testid: 'feed-empty'}">
        <Text :content="$kindFilter ? $words.emptyKind : $words.empty" :font="$f.bold" :size="$ts.heading" :color="$c.text" x="0" y="0" maxwidth="1728" :align="$rtl ? 'right' : 'left'" />
        <Text :content="$words.emptyHelp" :size="$ts.body" :color="$c.textMuted" x="0" :y="$ts.heading * 1.6" maxwidth="1728" :align="$rtl ? 'right' : 'left'" />
      </Element>
      <Element :show="!!$error" x="96" :y="$items.length ? 1080 - 54 - $ts.small * 1.6 - 40 - 120 : $listY + 40" w="1728" h="120" :color="$items.length ? $c.surface : 'transparent'">
        <Text :content="$error" :size="$ts.body" :color="$c.danger" :x="$rtl ? 620 : 24" y="12" maxwidth="1084" maxlines="2" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'feed-error', message: $error}" />
        <Button ref="retry" :x="$rtl ? 24 : 1728 - 24 - 520" y="12" w="520" h="96" :label="$t.common.retry" testid="feed-retry" />
      </Element>
      <KeyHints :hints="$hints" />
    </Element>
  `,
  state() {
    return {
      kindFilter: null as PostKind | null,
      items: [] as FeedPost[],
      nextCursor: null as string | null,
      zone: 'list' as 'filters' | 'list' | 'retry',
      chipIndex: 1,
      focusIndex: 0,
      loading: false,
      loadingMore: false,
      error: '',
      rows: [] as Row[],
      chips: [] as Chip[],
      chipScroll: 0,
      freshIds: {} as Record<string, boolean>,
      alive: true,
      /** Until the tenant presses a key, focus goes to the first post as soon as posts arrive. */
      touched: false,
      /** Which read is the latest: an older answer arriving late is dropped (filters change quickly). */
      generation: 0,
    };
  },
  computed: {
    ...lookComputed,
    words(): FeedWords {
      return feedWords(this.$appState.language);
    },
    subtitle() {
      // Every dependency is read on every run: Blits tracks what a computed read, and an early return would hide some.
      const count = this.items.length;
      const index = this.zone === 'list' ? this.focusIndex + 1 : 1;
      const total = count + (this.nextCursor ? '+' : '');
      const words: FeedWords = this.words;
      return count === 0 ? words.help : format(words.position, { index, total });
    },
    chipH() {
      return Math.round(this.ts.small * 2.4);
    },
    chipsY() {
      return Math.round(54 + this.ts.title * 1.5);
    },
    rowH() {
      return Math.round(this.ts.label * 1.35 + this.ts.small * 2.7 + 48);
    },
    gap() {
      return 24;
    },
    listY() {
      return this.chipsY + this.chipH + 40;
    },
    listH() {
      return 1080 - 54 - this.ts.small * 1.6 - 30 - this.listY;
    },
    scrollY() {
      const step = this.rowH + this.gap;
      const visible = Math.max(1, Math.floor((this.listH - 32) / step));
      const first = Math.max(0, Math.min(this.focusIndex - 1, this.items.length - visible));
      return -Math.max(0, first) * step;
    },
    loadingLabel() {
      return this.loadingMore ? this.words.loadingMore : this.t.common.loading;
    },
    hints() {
      return [
        { key: 'ok', label: this.t.common.choose },
        { key: 'green', label: this.words.shortcutWrite },
        // private conversations (wip/neighbours)
        { key: 'yellow', label: this.t.home.messagesShortcut },
        { key: 'back', label: this.t.common.goBack },
      ];
    },
  },
  watch: {
    items() {
      this.buildRows();
    },
    '$appState.language'() {
      this.$setTimeout(() => {
        this.buildChips();
        this.buildRows();
      }, 0);
    },
    '$appState.textSize'() {
      this.$setTimeout(() => {
        this.buildChips();
        this.buildRows();
      }, 0);
    },
    error(message: string) {
      reportMessage(message);
      if (message) speak(message);
    },
  },
  hooks: {
    ready() {
      reportScreen('feed');
      reportMessage('');
      if (stopListening) stopListening();
      stopListening = onFeedEvent((event) => this.onEvent(event));
      const remembered = recallFeed();
      if (remembered) {
        this.kindFilter = remembered.kind;
        this.items = remembered.items;
        this.nextCursor = remembered.nextCursor;
        this.focusIndex = Math.min(remembered.focusIndex, Math.max(0, remembered.items.length - 1));
        this.zone = remembered.zone;
      }
      this.chipIndex = this.kindFilter ? postKinds.indexOf(this.kindFilter) + 2 : 1;
      this.buildChips();
      this.reload(!!remembered);
      this.$setTimeout(() => this.focusCurrent(), 0);
    },
    focus() {
      this.focusCurrent();
    },
    destroy() {
      this.alive = false;
      if (stopListening) stopListening();
      stopListening = null;
    },
  },
  methods: {
    lang() {
      return this.$appState.language as 'fr' | 'en' | 'ar';
    },
    buildChips() {
      const words: FeedWords = this.words;
      const size = this.ts.label;
      const labels: { id: string; label: string }[] = [
        { id: 'write', label: words.write },
        { id: 'ALL', label: words.all },
      ].concat(postKinds.map((kind) => ({ id: kind, label: words.kind[kind] })));
      let x = 0;
      const rtl = this.rtl;
      const selectedId = this.kindFilter || 'ALL';
      this.chips = labels.map((chip) => {
        // Width from the label: Blits measures text only after drawing it, and chips must not overlap before that.
        const w = Math.round((chip.label.length + (chip.id === selectedId ? 2 : 0)) * size * 0.55 + 64);
        const logical = x;
        x += w + 24;
        return {
          id: chip.id,
          key: [chip.id, chip.label, chip.id === selectedId, size, rtl ? 'rtl' : 'ltr'].join('|'),
          label: chip.label,
          x: rtl ? WIDTH - logical - w : logical,
          w,
          selected: chip.id === selectedId,
        };
      });
      this.scrollChips();
    },
    /** Keeps the focused chip inside the row's window (the row scrolls sideways; mirrored in right-to-left). */
    scrollChips() {
      const chip = this.chips[this.chipIndex] as Chip | undefined;
      if (!chip) return;
      const logical = this.rtl ? WIDTH - chip.x - chip.w : chip.x;
      const last = this.chips[this.chips.length - 1] as Chip;
      const contentW = (this.rtl ? WIDTH - last.x : last.x + last.w) + 24;
      let scroll = this.chipScroll;
      if (logical - scroll < 0) scroll = Math.max(0, logical - 48);
      if (logical + chip.w - scroll > WIDTH - 24) scroll = logical + chip.w - WIDTH + 72;
      this.chipScroll = Math.max(0, Math.min(scroll, Math.max(0, contentW - WIDTH)));
    },
    buildRows() {
      const language: 'fr' | 'en' | 'ar' = this.lang();
      const words: FeedWords = this.words;
      const rowH = this.rowH;
      const step = rowH + this.gap;
      const now = Date.now();
      const fresh = this.freshIds as Record<string, boolean>;
      this.rows = (this.items as FeedPost[]).map((post, index) => {
        const meta = postMeta(post, words, language, now);
        const first = post.photos[0];
        return {
          id: post.id,
          key: [post.id, post.title, meta, language, rowH, index, fresh[post.id] ? 'fresh' : '', first ? first.id : ''].join('|'),
          y: 16 + index * step,
          w: WIDTH - 48,
          h: rowH,
          kind: words.kind[post.kind],
          title: post.title,
          meta,
          fresh: !!fresh[post.id],
          thumb: first ? api.baseUrl + first.thumbUrl : '',
          pw: first ? first.width : 0,
          ph: first ? first.height : 0,
        };
      });
    },
    remember() {
      rememberFeed({
        kind: this.kindFilter,
        items: this.items,
        nextCursor: this.nextCursor,
        focusIndex: this.focusIndex,
        zone: this.zone === 'retry' ? 'list' : this.zone,
      });
    },
    focusCurrent() {
      if (this.zone === 'retry' || (this.error && this.items.length === 0)) {
        const retry = this.$select('retry');
        if (retry) {
          this.zone = 'retry';
          retry.$focus();
          return;
        }
      }
      if (this.zone === 'list' && this.items.length === 0) this.zone = 'filters';
      if (this.zone === 'filters') {
        const chip = this.$select('chip' + this.chipIndex);
        if (chip) chip.$focus();
        return;
      }
      const row = this.$select('row' + this.focusIndex);
      if (row) row.$focus();
    },
    reload(quiet: boolean) {
      const generation = this.generation + 1;
      this.generation = generation;
      if (!quiet) this.loading = true;
      this.loadingMore = false;
      this.error = '';
      const kind = this.kindFilter || undefined;
      api.feed({ limit: PAGE_SIZE, kind }).then(
        (page) => {
          if (!this.alive || generation !== this.generation) return;
          this.loading = false;
          // The post focused now, not when the read started: the tenant may have moved meanwhile.
          const focusedId = this.items[this.focusIndex] ? (this.items[this.focusIndex] as FeedPost).id : null;
          // Keep what was loaded beyond the first page: the fresh first page, then the older posts not in it.
          const freshIds: Record<string, boolean> = {};
          page.items.forEach((post) => (freshIds[post.id] = true));
          const known: Record<string, boolean> = {};
          (this.items as FeedPost[]).forEach((post) => (known[post.id] = true));
          const arrived: Record<string, boolean> = { ...(this.freshIds as Record<string, boolean>) };
          if (quiet && this.items.length > 0) page.items.forEach((post) => !known[post.id] && !post.mine && (arrived[post.id] = true));
          this.freshIds = arrived;
          const beyond = (this.items as FeedPost[]).filter((post) => !freshIds[post.id]);
          const keepBeyond = quiet && this.items.length > page.items.length && page.nextCursor !== null;
          this.items = keepBeyond
            ? page.items.concat(beyond.slice(Math.max(0, beyond.length - (this.items.length - PAGE_SIZE))))
            : page.items;
          if (!keepBeyond) this.nextCursor = page.nextCursor;
          if (!this.touched && this.items.length > 0 && this.zone === 'filters') this.zone = 'list';
          const index = focusedId ? (this.items as FeedPost[]).findIndex((post) => post.id === focusedId) : -1;
          this.focusIndex = index >= 0 ? index : Math.min(this.focusIndex, Math.max(0, this.items.length - 1));
          const newcomer = page.items.filter((post) => quiet && arrived[post.id] && !known[post.id])[0];
          const arrival = newcomer ? format(this.words.newPost, { name: newcomer.author.firstName }) : '';
          reportMessage(arrival);
          if (arrival) speak(arrival);
          this.remember();
          this.$setTimeout(() => this.focusCurrent(), 0);
        },
        (error: unknown) => {
          if (!this.alive || generation !== this.generation) return;
          this.loading = false;
          this.error = feedFailure(error, this.words, this.t);
          if (this.items.length === 0) this.zone = 'retry';
          this.$setTimeout(() => this.focusCurrent(), 0);
        },
      );
    },
    loadMore() {
      if (!this.nextCursor || this.loading || this.loadingMore) return;
      const generation = this.generation;
      this.loadingMore = true;
      this.loading = true;
      api.feed({ limit: PAGE_SIZE, cursor: this.nextCursor, kind: this.kindFilter || undefined }).then(
        (page) => {
          if (!this.alive || generation !== this.generation) return;
          this.loading = false;
          this.loadingMore = false;
          const known: Record<string, boolean> = {};
          (this.items as FeedPost[]).forEach((post) => (known[post.id] = true));
          this.items = (this.items as FeedPost[]).concat(page.items.filter((post) => !known[post.id]));
          this.nextCursor = page.nextCursor;
          this.remember();
        },
        (error: unknown) => {
          if (!this.alive || generation !== this.generation) return;
          this.loading = false;
          this.loadingMore = false;
          this.error = feedFailure(error, this.words, this.t);
        },
      );
    },
    chooseChip() {
      const chip = this.chips[this.chipIndex] as Chip | undefined;
      if (!chip) return;
      if (chip.id === 'write') {
        this.remember();
        this.$router.to('/feed/write');
        return;
      }
      const kind = chip.id === 'ALL' ? null : (chip.id as PostKind);
      if (kind === this.kindFilter && this.items.length > 0) {
        this.zone = 'list';
        this.focusCurrent();
        return;
      }
      this.kindFilter = kind;
      this.items = [];
      this.nextCursor = null;
      this.focusIndex = 0;
      this.freshIds = {};
      this.buildChips();
      this.reload(false);
      this.$setTimeout(() => this.focusCurrent(), 0);
    },
    move(step: number) {
      const next = Math.max(0, Math.min(this.items.length - 1, this.focusIndex + step));
      if (next !== this.focusIndex) {
        this.focusIndex = next;
        this.focusCurrent();
        this.remember();
      }
      if (this.focusIndex >= this.items.length - 3) this.loadMore();
    },
    onEvent(event: FeedRealtimeEvent) {
      // A photo for one's own draft changes nothing in the feed.
      if (!this.alive || event.name === 'feed.draft_photos') return;
      if (event.name === 'feed.post_created' && this.kindFilter && event.data.kind !== this.kindFilter) return;
      this.reload(true);
    },
  },
  input: {
    up() {
      this.touched = true;
      if (this.zone === 'retry') {
        if (this.items.length > 0) {
          this.zone = 'list';
          this.focusCurrent();
        } else {
          this.zone = 'filters';
          this.focusCurrent();
        }
        return;
      }
      if (this.zone === 'filters') return;
      if (this.focusIndex === 0) {
        this.zone = 'filters';
        this.focusCurrent();
        return;
      }
      this.move(-1);
    },
    down() {
      this.touched = true;
      if (this.zone === 'filters') {
        if (this.items.length > 0) this.zone = 'list';
        else if (this.error) this.zone = 'retry';
        this.focusCurrent();
        return;
      }
      if (this.zone === 'list' && this.error && this.focusIndex === this.items.length - 1) {
        this.zone = 'retry';
        this.focusCurrent();
        return;
      }
      if (this.zone === 'list') this.move(1);
    },
    left() {
      this.touched = true;
      if (this.zone !== 'filters') return;
      this.chipIndex = Math.max(0, Math.min(this.chips.length - 1, this.chipIndex + horizontalStep('left', this.rtl)));
      this.scrollChips();
      this.focusCurrent();
    },
    right() {
      this.touched = true;
      if (this.zone !== 'filters') return;
      this.chipIndex = Math.max(0, Math.min(this.chips.length - 1, this.chipIndex + horizontalStep('right', this.rtl)));
      this.scrollChips();
      this.focusCurrent();
    },
    enter() {
      this.touched = true;
      if (this.zone === 'retry') {
        this.zone = this.items.length > 0 ? 'list' : 'filters';
        if (this.items.length === 0) this.reload(false);
        else this.loadMore();
        this.error = '';
        return;
      }
      if (this.zone === 'filters') {
        this.chooseChip();
        return;
      }
      const post = this.items[this.focusIndex] as FeedPost | undefined;
      if (!post) return;
      this.remember();
      this.$router.to('/feed/posts/' + encodeURIComponent(post.id));
    },
    green() {
      this.remember();
      this.$router.to('/feed/write');
    },
    yellow() {
      this.remember();
      this.$router.to('/conversations');
    },
    back() {
      forgetFeed();
      goBack(this, '/home');
    },
  },
});
