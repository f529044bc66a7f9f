// The landing: a greeting with the tenant's first name and one tile per service; Back asks before leaving.
import Blits from '@lightningjs/blits';
import { api } from '../api/session';
import { refreshUnread } from '../api/live';
import { refreshMissedCalls } from '../calls/controller';
import { failureMessage } from '../api/problems';
import { format, formatDay } from '../i18n';
import { reportMessage, reportScreen } from '../testing';
import { announceFocus, horizontalStep, lookComputed, speak } from '../components/look';
import { noticeWords } from '../i18n/notices';
import Tile from '../components/Tile';
import Button from '../components/Button';
import KeyHints from '../components/KeyHints';
import { state } from '../store';
import { deployment } from '../deployment';
// private conversations (wip/neighbours): the neighbours tile's badge and the green key
import { refreshUnreadMessages } from '../conversations/events';

interface TileSpec {
  id: string;
  /** Changes whenever what the tile shows changes: Blits re-creates a loop item rather than patching its props. */
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  help: string;
  glyph: string;
  badge: string;
}

let lastFocus = 0;

export default Blits.Component('Home', {
  components: { Tile, Button, KeyHints },
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-home'}">
      <Element :show="!!$logo" :src="$logo" :x="$rtl ? 96 : 1584" y="54" w="240" h="120" :inspector-data="{testid: 'landlord-logo'}" />
      <Text :content="$greeting" :font="$f.bold" :size="$ts.title * 1.15" :color="$c.text" :x="$logo && $rtl ? 384 : 96" y="54" :maxwidth="$logo ? 1440 : 1728" maxlines="1" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'greeting'}" />
      <Text :content="$today" :size="$ts.body" :color="$c.textMuted" :x="$logo && $rtl ? 384 : 96" :y="54 + $ts.title * 1.5" :maxwidth="$logo ? 1440 : 1728" :align="$rtl ? 'right' : 'left'" />
      <Text :content="$t.home.subtitle" :size="$ts.heading" :color="$c.text" x="96" :y="$tileY - $ts.heading * 1.9" maxwidth="1728" :align="$rtl ? 'right' : 'left'" />
      <Tile
        :for="(tile, index) in $tiles"
        key="$tile.key"
        ref="tile"
        :x="$tile.x"
        :y="$tile.y"
        :w="$tile.w"
        :h="$tile.h"
        :label="$tile.label"
        :help="$tile.help"
        :glyph="$tile.glyph"
        :badge="$tile.badge"
        :testid="'tile-' + $tile.id"
      />
      <Element :show="!!$strip" x="96" :y="$stripY" w="1728" :h="$stripH" :inspector-data="{testid: 'urgent-strip', title: $stripTitle, focused: $stripFocused}">
        <Element :show="$stripFocused" x="-8" y="-8" w="1744" :h="$stripH + 16" :color="$c.outline" />
        <Element w="1728" :h="$stripH" :color="$c.urgent" />
        <Element :x="$rtl ? 1728 - 32 - $stripBadgeW : 32" :y="($stripH - $ts.body * 1.5) / 2" :w="$stripBadgeW" :h="$ts.body * 1.5" :color="$c.urgentText">
          <Text :content="'! ' + $nw.stripLabel" :font="$f.bold" :size="$ts.small" :color="$c.urgent" x="16" :y="$ts.body * 0.75" mount="{y: 0.5}" @loaded="$stripBadgeMeasured" />
        </Element>
        <Text :content="$stripTitle" :font="$f.bold" :size="$ts.body" :color="$c.urgentText" :x="$rtl ? 460 : $stripBadgeW + 64" :y="$stripH / 2" mount="{y: 0.5}" :maxwidth="1728 - $stripBadgeW - 64 - 460" maxlines="1" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'urgent-strip-title'}" />
        <Text :content="$stripFocused ? $nw.stripFocusedHint : $nw.stripHint" :size="$ts.small" :color="$c.urgentText" :x="$rtl ? 32 : 1728 - 32 - 400" :y="$stripH / 2" mount="{y: 0.5}" maxwidth="400" maxlines="1" :align="$rtl ? 'left' : 'right'" />
      </Element>
      <Element :show="!!$error" x="96" :y="$tileY + $tileH + 60 + ($strip ? $stripH + 24 : 0)" w="1728" h="120">
        <Text :content="$error" :size="$ts.body" :color="$c.danger" :x="$rtl ? 600 : 0" y="0" maxwidth="1128" maxlines="2" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'home-error', message: $error}" />
      </Element>
      <KeyHints :hints="$hints" />
    </Element>
  `,
  state() {
    // The tiles are state, not a computed: Blits 1.27 re-runs a :for only when the key it loops over (`tiles`) is
    // written, and a computed is a plain getter, so a computed list kept the tiles it was first drawn with (a badge
    // arriving after the screen opened never showed). The watchers below rebuild the list when what it shows changes.
    return { focusIndex: lastFocus, error: '', now: Date.now(), tiles: [] as TileSpec[], stripFocused: false, stripBadgeTextW: 360 };
  },
  computed: {
    ...lookComputed,
    /** The landlord's logo (2:1), from the deployment's profile; none on the API's own /tv/. */
    logo() {
      return deployment().logo;
    },
    greeting() {
      const name = this.$appState.firstName;
      return name ? format(this.t.home.hello, { name }) : this.t.home.helloAnonymous;
    },
    today() {
      return formatDay(new Date(this.now), this.$appState.language);
    },
    tileW() {
      return Math.floor((1728 - 4 * 42) / 5);
    },
    tileH() {
      return Math.round(360 * (this.ts.k > 1 ? 1.12 : 1));
    },
    tileY() {
      return Math.round(54 + this.ts.title * 1.5 + this.ts.body * 1.6 + this.ts.heading * 2.2 + 20);
    },
    nw() {
      return noticeWords(this.$appState.language);
    },
    strip() {
      return this.$appState.urgentStrip;
    },
    stripTitle() {
      const strip = this.$appState.urgentStrip;
      return strip ? strip.title : '';
    },
    stripY() {
      return this.tileY + this.tileH + 48;
    },
    stripH() {
      return Math.round(this.ts.body * 2.6);
    },
    stripBadgeW() {
      return Math.round(this.stripBadgeTextW + 40);
    },
    hints() {
      return [
        { key: 'red', label: this.t.home.shortcutNotices },
        { key: 'green', label: this.t.home.messagesShortcut },
        { key: 'blue', label: this.t.home.shortcutSettings },
        { key: 'back', label: this.t.leave.question },
      ];
    },
  },
  watch: {
    // Deferred: a watcher's first run tracks everything its callback reads (see Procedures), and rebuilding reads a lot.
    '$appState.unread'() {
      this.$setTimeout(() => this.layoutTiles(), 0);
    },
    '$appState.missedCalls'() {
      this.$setTimeout(() => this.layoutTiles(), 0);
    },
    '$appState.unreadMessages'() {
      this.$setTimeout(() => this.layoutTiles(), 0);
    },
    '$appState.language'() {
      this.$setTimeout(() => this.layoutTiles(), 0);
    },
    '$appState.textSize'() {
      this.$setTimeout(() => this.layoutTiles(), 0);
    },
    '$appState.urgentStrip'(strip: { noticeId: string } | null, previous: { noticeId: string } | null) {
      this.$setTimeout(() => this.stripChanged(strip, previous), 0);
    },
  },
  hooks: {
    init() {
      this.tiles = this.buildTiles();
    },
    ready() {
      reportScreen('home');
      reportMessage('');
      this.load();
      // Shown from the last reading at once; load() re-reads it. Said aloud on arrival, unless the banner speaks.
      if (this.$appState.urgentStrip && !state().banner) speak(this.stripSpoken());
      this.$setInterval(() => {
        this.now = Date.now();
      }, 60000);
    },
    focus() {
      if (this.stripFocused && this.$appState.urgentStrip) this.announceStrip();
      else {
        this.stripFocused = false;
        this.focusTile();
      }
    },
  },
  methods: {
    /** A new unread urgent notice is said aloud (when voice reading is on); one that was read takes its focus away. */
    stripChanged(strip: { noticeId: string } | null, previous: { noticeId: string } | null) {
      if (strip && (!previous || previous.noticeId !== strip.noticeId) && !state().banner) speak(this.stripSpoken());
      if (!strip && this.stripFocused) {
        this.stripFocused = false;
        this.focusTile();
      }
    },
    stripBadgeMeasured(dimensions: { w: number }) {
      this.stripBadgeTextW = dimensions.w;
    },
    stripSpoken() {
      return format(this.nw.stripSpoken, { title: this.stripTitle });
    },
    announceStrip() {
      announceFocus(this.nw.stripLabel + ' — ' + this.stripTitle, this.stripTitle + '. ' + this.nw.stripFocusedHint);
    },
    buildTiles(): TileSpec[] {
      const t = this.t.home;
      const unread = this.$appState.unread;
      const missed = this.$appState.missedCalls;
      const place = (tile: Omit<TileSpec, 'x' | 'y' | 'w' | 'h' | 'key'>, index: number): TileSpec => ({
        ...tile,
        key: [tile.id, tile.label, tile.badge, this.ts.k, this.rtl ? 'rtl' : 'ltr'].join('|'),
        x: this.tileX(index),
        y: this.tileY,
        w: this.tileW,
        h: this.tileH,
      });
      // Loop children may only read their own item (a Blits for-loop constraint), so geometry travels with each tile.
      return [
        {
          id: 'notices',
          label: t.notices,
          help: t.noticesHelp,
          glyph: '!',
          badge: unread > 0 ? (unread === 1 ? t.unreadOne : format(t.unread, { count: unread })) : '',
        },
        { id: 'neighbours', label: t.neighbours, help: t.neighboursHelp, glyph: '☺', badge: this.messagesBadge() },
        { id: 'procedures', label: t.procedures, help: t.proceduresHelp, glyph: '✎', badge: '' },
        {
          id: 'calls',
          label: t.calls,
          help: t.callsHelp,
          glyph: '☎',
          badge: missed > 0 ? (missed === 1 ? t.missedOne : format(t.missed, { count: missed })) : '',
        },
        { id: 'settings', label: t.settings, help: t.settingsHelp, glyph: '⚙', badge: '' },
      ].map(place);
    },
    layoutTiles() {
      const tiles: TileSpec[] = this.buildTiles();
      const shown = (this.tiles as TileSpec[]).map((tile) => tile.key).join('\n');
      if (tiles.map((tile) => tile.key).join('\n') === shown) return;
      // A changed tile is re-created and its focus goes with the old one; a call or dialog over the home keeps its own.
      const focused = this.$select('tile' + this.focusIndex);
      const hadFocus = !!focused && !!focused.hasFocus;
      this.tiles = tiles;
      if (hadFocus) this.$setTimeout(() => this.focusTile(), 0);
    },
    tileX(index: number) {
      const x = index * (this.tileW + 42);
      return this.rtl ? 1920 - 96 - x - this.tileW : 96 + x;
    },
    load() {
      api.me().then(
        (me) => {
          state().firstName = me.firstName;
          this.error = '';
          reportMessage('');
        },
        (error: unknown) => {
          this.error = failureMessage(error, this.t);
          reportMessage(this.error);
        },
      );
      refreshUnread();
      refreshMissedCalls();
      refreshUnreadMessages();
    },
    messagesBadge(): string {
      const count = this.$appState.unreadMessages;
      return count > 0 ? (count === 1 ? this.t.home.messagesOne : format(this.t.home.messages, { count })) : '';
    },
    focusTile() {
      const tile = this.$select('tile' + this.focusIndex);
      if (tile) tile.$focus();
    },
    open(id: string) {
      lastFocus = this.focusIndex;
      if (id === 'notices') this.$router.to('/notices');
      else if (id === 'settings') this.$router.to('/settings');
      else if (id === 'procedures') this.$router.to('/procedures');
      else if (id === 'calls') this.$router.to('/calls');
      else if (id === 'neighbours') this.$router.to('/feed');
      else this.$router.to('/soon/' + id);
    },
  },
  input: {
    left() {
      if (this.stripFocused) return;
      this.focusIndex = Math.max(0, Math.min(4, this.focusIndex + horizontalStep('left', this.rtl)));
      this.focusTile();
    },
    right() {
      if (this.stripFocused) return;
      this.focusIndex = Math.max(0, Math.min(4, this.focusIndex + horizontalStep('right', this.rtl)));
      this.focusTile();
    },
    up() {
      if (!this.stripFocused) return;
      this.stripFocused = false;
      this.focusTile();
    },
    down() {
      if (this.stripFocused || !this.$appState.urgentStrip) return;
      this.stripFocused = true;
      this.$focus();
    },
    enter() {
      const strip = this.$appState.urgentStrip;
      if (this.stripFocused && strip) {
        lastFocus = this.focusIndex;
        this.stripFocused = false;
        this.$router.to('/notices/' + encodeURIComponent(strip.noticeId));
        return;
      }
      this.open(this.tiles[this.focusIndex].id);
    },
    red() {
      this.focusIndex = 0;
      this.open('notices');
    },
    green() {
      lastFocus = this.focusIndex;
      this.$router.to('/conversations');
    },
    blue() {
      this.focusIndex = 4;
      this.open('settings');
    },
    digit1() {
      this.focusIndex = 0;
      this.open('notices');
    },
    back() {
      lastFocus = this.focusIndex;
      this.$emit('askLeave');
    },
  },
});
