// The tenant's private conversations: the most recently active first, loaded page by page as focus nears the end; the
// neighbour (first name and building), the post it is about, the last message, and "new" while unread.
import Blits from '@lightningjs/blits';
import type { Conversation } from '@palier/contracts/src/conversations';
import { api } from '../api/session';
import { failureMessage } from '../api/problems';
import { format } from '../i18n';
import { conversationWords, type ConversationWords } from '../i18n/conversations';
import { formatAge } from '../i18n/feed';
import { reportMessage, reportScreen } from '../testing';
import { lookComputed, speak } from '../components/look';
import NoticeItem from '../components/NoticeItem';
import Waiting from '../components/Waiting';
import KeyHints from '../components/KeyHints';
import { onConversationEvent, refreshUnreadMessages } from '../conversations/events';
import { goBack } from './navigation';

const PAGE_SIZE = 10;

interface Row {
  id: string;
  key: string;
  y: number;
  w: number;
  h: number;
  title: string;
  meta: string;
  unread: boolean;
}

let stopListening: (() => void) | null = null;

/** "Awa (Bâtiment B) — À propos de « Porter des cartons »" */
export function conversationTitle(conversation: Conversation, words: ConversationWords): string {
  const who = conversation.neighbour
    ? format(words.neighbour, { name: conversation.neighbour.firstName, building: conversation.neighbour.building })
    : words.neighbourLeft;
  const about = conversation.post ? format(words.about, { title: conversation.post.title }) : words.aboutRemoved;
  return who + ' — ' + about;
}

export default Blits.Component('Conversations', {
  components: { NoticeItem, Waiting, KeyHints },
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-conversations', count: $items.length}">
      <Text :content="$words.title" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="54" maxwidth="1728" :align="$rtl ? 'right' : 'left'" />
      <Element x="96" :y="$listY" w="1728" :h="$listH" clipping="true">
        <Element x="0" :y="$scrollY" w="1728">
          <NoticeItem :for="(row, index) in $rows" key="$row.key" ref="row" x="24" :y="$row.y" :w="$row.w" :h="$row.h" :title="$row.title" :meta="$row.meta" :unread="$row.unread" :urgent="false" :testid="'conversation-' + $row.id" />
        </Element>
      </Element>
      <Waiting :show="$loading" :label="$t.common.loading" x="96" :y="$listY + 40" w="1728" testid="conversations-loading" />
      <Element :show="$empty" x="96" :y="$listY + 40" w="1728" h="300" :inspector-data="{testid: 'conversations-empty'}">
        <Text :content="$words.empty" :font="$f.bold" :size="$ts.heading" :color="$c.text" x="0" y="0" maxwidth="1728" :align="$rtl ? 'right' : 'left'" />
        <Text :content="$words.emptyHelp" :size="$ts.body" :color="$c.textMuted" x="0" :y="$ts.heading * 1.6" maxwidth="1728" maxlines="3" :align="$rtl ? 'right' : 'left'" />
      </Element>
      <Element :show="!!$error" x="96" :y="$listY + 40" w="1728" h="200">
        <Text :content="$error" :size="$ts.body" :color="$c.danger" x="0" y="0" maxwidth="1728" maxlines="2" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'conversations-error', message: $error}" />
      </Element>
      <KeyHints :hints="$hints" />
    </Element>
  `,
  state() {
    return {
      items: [] as Conversation[],
      rows: [] as Row[],
      nextCursor: null as string | null,
      focusIndex: 0,
      loading: true,
      loadingMore: false,
      error: '',
      /** Loaded, and nothing to show (a state flag: Blits does not re-evaluate an array's length in :show). */
      empty: false,
      alive: true,
    };
  },
  computed: {
    ...lookComputed,
    words(): ConversationWords {
      return conversationWords(this.$appState.language);
    },
    rowH() {
      return Math.round(this.ts.label * 1.35 + this.ts.small * 1.35 + 56);
    },
    listY() {
      return Math.round(54 + this.ts.title * 1.6);
    },
    listH() {
      return 1080 - 54 - this.ts.small * 1.6 - 30 - this.listY;
    },
    scrollY() {
      const step = this.rowH + 24;
      const visible = Math.max(1, Math.floor((this.listH - 32) / step));
      const first = Math.max(0, Math.min(this.focusIndex - 1, this.items.length - visible));
      return -Math.max(0, first) * step;
    },
    hints() {
      return [
        { key: 'ok', label: this.t.common.read },
        { key: 'back', label: this.t.common.goBack },
      ];
    },
  },
  watch: {
    '$appState.language'() {
      this.$setTimeout(() => this.buildRows(), 0);
    },
    '$appState.textSize'() {
      this.$setTimeout(() => this.buildRows(), 0);
    },
  },
  hooks: {
    ready() {
      reportScreen('conversations');
      reportMessage('');
      if (stopListening) stopListening();
      stopListening = onConversationEvent(() => {
        if (this.alive) this.reload();
      });
      this.reload();
    },
    focus() {
      this.focusRow();
    },
    destroy() {
      this.alive = false;
      if (stopListening) stopListening();
      stopListening = null;
      refreshUnreadMessages();
    },
  },
  methods: {
    buildRows() {
      const words: ConversationWords = this.words;
      const language = this.$appState.language;
      const h = this.rowH;
      const now = Date.now();
      this.rows = (this.items as Conversation[]).map((conversation, index) => {
        const last = conversation.lastMessage;
        const parts: string[] = [];
        if (conversation.unread > 0)
          parts.push(conversation.unread === 1 ? words.unreadOne : format(words.unread, { count: conversation.unread }));
        if (conversation.closed) parts.push(words.closed);
        parts.push(last ? (last.mine ? words.you + ' : ' : '') + last.body : words.noMessage);
        parts.push(formatAge(conversation.lastMessageAt, language, now));
        return {
          id: conversation.id,
          key: [conversation.id, conversation.unread, conversation.closed, conversation.lastMessageAt, language, h, index].join('|'),
          y: 16 + index * (h + 24),
          w: 1728 - 48,
          h,
          title: conversationTitle(conversation, words),
          meta: parts.join(' · '),
          unread: conversation.unread > 0,
        };
      });
    },
    focusRow() {
      const row = this.$select('row' + this.focusIndex);
      if (row) row.$focus();
    },
    reload() {
      const focusedId = this.items[this.focusIndex] ? (this.items[this.focusIndex] as Conversation).id : null;
      const limit = Math.min(50, Math.max(PAGE_SIZE, this.items.length));
      api.conversations({ limit }).then(
        (page) => {
          if (!this.alive) return;
          this.loading = false;
          this.error = '';
          this.items = page.items;
          this.empty = page.items.length === 0;
          this.nextCursor = page.nextCursor;
          const index = focusedId ? page.items.findIndex((item) => item.id === focusedId) : -1;
          this.focusIndex = index >= 0 ? index : Math.min(this.focusIndex, Math.max(0, page.items.length - 1));
          this.buildRows();
          if (page.items.length === 0) speak(this.words.empty + ' ' + this.words.emptyHelp);
          this.$setTimeout(() => this.focusRow(), 0);
        },
        (error: unknown) => {
          if (!this.alive) return;
          this.loading = false;
          this.error = failureMessage(error, this.t);
          reportMessage(this.error);
          speak(this.error);
        },
      );
    },
    loadMore() {
      if (!this.nextCursor || this.loadingMore) return;
      this.loadingMore = true;
      api.conversations({ limit: PAGE_SIZE, cursor: this.nextCursor }).then(
        (page) => {
          if (!this.alive) return;
          this.loadingMore = false;
          const known: Record<string, boolean> = {};
          (this.items as Conversation[]).forEach((item) => (known[item.id] = true));
          this.items = (this.items as Conversation[]).concat(page.items.filter((item) => !known[item.id]));
          this.nextCursor = page.nextCursor;
          this.buildRows();
        },
        () => {
          this.loadingMore = false;
        },
      );
    },
    move(step: number) {
      const next = Math.max(0, Math.min(this.items.length - 1, this.focusIndex + step));
      if (next !== this.focusIndex) {
        this.focusIndex = next;
        this.focusRow();
      }
      if (this.focusIndex >= this.items.length - 3) this.loadMore();
    },
  },
  input: {
    up() {
      this.move(-1);
    },
    down() {
      this.move(1);
    },
    left() {},
    right() {},
    enter() {
      if (this.error) {
        this.loading = true;
        this.error = '';
        this.reload();
        return;
      }
      const conversation = this.items[this.focusIndex] as Conversation | undefined;
      if (conversation) this.$router.to('/conversations/' + encodeURIComponent(conversation.id));
    },
    back() {
      goBack(this, '/home');
    },
  },
});
