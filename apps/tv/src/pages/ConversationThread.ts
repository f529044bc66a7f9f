// One private conversation: who it is with (first name and building) and what post it is about, the messages (newest
// first, older ones loaded as focus goes down), quick replies, "write a message" on the on-screen keyboard, and ending or
// blocking after a confirmation. Opening it marks it read; a neighbour's message arrives without reload. OK on the
// other neighbour's message reports it to the moderators (pages/FeedReport.ts).
import Blits from '@lightningjs/blits';
import type { Conversation, ConversationMessage } from '@palier/contracts/src/conversations';
import { ApiProblem } from '@palier/contracts/src/client';
import { api } from '../api/session';
import { failureMessage } from '../api/problems';
import { format } from '../i18n';
import { conversationWords, type ConversationWords } from '../i18n/conversations';
import { moderationWords } from '../i18n/moderation';
import { formatAge } from '../i18n/feed';
import { reportDialog, reportMessage, reportScreen } from '../testing';
import { horizontalStep, lookComputed, speak } from '../components/look';
import Button from '../components/Button';
import NoticeItem from '../components/NoticeItem';
import Waiting from '../components/Waiting';
import KeyHints from '../components/KeyHints';
import ReplyWriter from '../components/ReplyWriter';
import Dialog from '../components/Dialog';
import { keyForText } from '../api/idempotency-key';
import { onConversationEvent, refreshUnreadMessages } from '../conversations/events';
import { goBack } from './navigation';

const PAGE_SIZE = 10;
const LEFT_W = 900;
const RIGHT_X = 96 + LEFT_W + 48;
const RIGHT_W = 1920 - 96 - RIGHT_X;

interface Control {
  id: string;
  key: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  row: number;
  col: number;
}

interface MessageRow {
  id: string;
  key: string;
  y: number;
  w: number;
  h: number;
  title: string;
  meta: string;
  mine: boolean;
}

let renders = 0;
let stopListening: (() => void) | null = null;

export default Blits.Component('ConversationThread', {
  components: { Button, NoticeItem, Waiting, KeyHints, ReplyWriter, Dialog },
  props: ['id'],
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-conversation', conversationId: $id, messages: $messages.length, canWrite: $canWrite, closed: $closed}">
      <Waiting :show="$loading" :label="$t.common.loading" x="96" y="200" w="1728" testid="conversation-loading" />
      <Element :show="!!$conversation" :x="$rtl ? 1920 - 96 - $leftW : 96" y="54" :w="$leftW" h="600">
        <Text :content="$who" :font="$f.bold" :size="$ts.title" :color="$c.text" x="0" y="0" :maxwidth="$leftW" maxlines="1" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'conversation-who'}" />
        <Text :content="$about" :size="$ts.body" :color="$c.textMuted" x="0" :y="$ts.title * 1.4" :maxwidth="$leftW" maxlines="2" :lineheight="$ts.body * 1.3" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'conversation-about'}" />
        <Text :content="$status" :font="$f.bold" :size="$ts.body" :color="$canWrite ? $c.fresh : $c.text" x="0" :y="$ts.title * 1.4 + $ts.body * 2.9" :maxwidth="$leftW" maxlines="2" :lineheight="$ts.body * 1.3" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'conversation-status', message: $status}" />
      </Element>
      <Text :show="!!$conversation && $canWrite" :content="$words.quickTitle" :font="$f.bold" :size="$ts.small" :color="$c.textMuted" :x="$rtl ? 1920 - 96 - $leftW : 96" :y="$quickY - $ts.small * 1.6 - 10" :maxwidth="$leftW" :align="$rtl ? 'right' : 'left'" />
      <Element w="1920" h="1080" :alpha="$writing ? 0 : 1">
        <Button :for="(control, i) in $controls" key="$control.key" ref="control" :x="$control.x" :y="$control.y" :w="$control.w" :h="$control.h" :label="$control.label" :testid="'conversation-' + $control.id" />
      </Element>
      <Element :show="!!$conversation" :x="$rtl ? 96 - 24 : $rightX - 24" y="54" :w="$rightW + 48" :h="$messagesH" clipping="true">
        <Element x="24" :y="$scrollY" :w="$rightW">
          <NoticeItem :for="(message, index) in $messageRows" key="$message.key" ref="message" x="0" :y="$message.y" :w="$message.w" :h="$message.h" :title="$message.title" :meta="$message.meta" :unread="false" :urgent="false" :testid="'message-' + $message.id" />
        </Element>
      </Element>
      <Text :show="$noMessages" :content="$words.noMessage" :size="$ts.body" :color="$c.textMuted" :x="$rtl ? 96 : $rightX" y="78" :maxwidth="$rightW" :align="$rtl ? 'right' : 'left'" />
      <Element :show="!!$notice" :x="$rtl ? 96 : $rightX" :y="$noticeY" :w="$rightW" :h="$noticeH" :color="$c.surfaceRaised">
        <Text :content="$notice" :size="$ts.body" :color="$noticeBad ? $c.danger : $c.text" x="24" y="12" :maxwidth="$rightW - 48" maxlines="2" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'conversation-notice', message: $notice}" />
      </Element>
      <Element :show="!!$error" x="96" y="200" w="1728" h="400">
        <Text :content="$error" :font="$f.bold" :size="$ts.heading" :color="$c.danger" x="0" y="0" maxwidth="1728" maxlines="3" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'conversation-error', message: $error}" />
      </Element>
      <KeyHints :hints="$hints" />
      <ReplyWriter ref="writer" :shown="$writing" event="conversationMessage" :heading="$words.writeTitle" :help="$words.writeHelp" :tooshort="$words.tooShort" :placeholder="$who" testid="message-writer" keyboardid="message-keyboard" />
      <Dialog ref="confirm" :show="!!$confirming" :question="$confirmQuestion" :help="$confirmHelp" :yes="$t.common.yes" :no="$t.common.no" event="conversationConfirm" />
    </Element>
  `,
  state() {
    return {
      conversation: null as Conversation | null,
      loading: true,
      error: '',
      notice: '',
      noticeBad: false,
      controls: [] as Control[],
      controlIndex: 0,
      zone: 'controls' as 'controls' | 'messages',
      messages: [] as ConversationMessage[],
      messageRows: [] as MessageRow[],
      messagesCursor: null as string | null,
      messagesLoading: false,
      messageIndex: 0,
      busy: false,
      sendKey: '',
      sendText: '',
      writing: false,
      /** '' | 'close' | 'block': the confirmation dialog shown. */
      confirming: '',
      /** The other neighbour's message has the focus, so OK reports it (set where focus moves: a state flag the key
       * hints follow, rather than a computed over the focused index). */
      reportFocused: false,
      /** Loaded, and no message (a state flag: Blits does not re-evaluate an array's length in :show). */
      noMessages: false,
      alive: true,
    };
  },
  computed: {
    ...lookComputed,
    words(): ConversationWords {
      return conversationWords(this.$appState.language);
    },
    leftW() {
      return LEFT_W;
    },
    rightX() {
      return RIGHT_X;
    },
    rightW() {
      return RIGHT_W;
    },
    name(): string {
      return this.conversation && this.conversation.neighbour ? this.conversation.neighbour.firstName : '';
    },
    who(): string {
      if (!this.conversation) return '';
      const neighbour = this.conversation.neighbour;
      return neighbour
        ? format(this.words.neighbour, { name: neighbour.firstName, building: neighbour.building })
        : this.words.neighbourLeft;
    },
    about(): string {
      if (!this.conversation) return '';
      return this.conversation.post ? format(this.words.about, { title: this.conversation.post.title }) : this.words.aboutRemoved;
    },
    canWrite(): boolean {
      return !!this.conversation && this.conversation.canWrite;
    },
    closed(): boolean {
      return !!this.conversation && this.conversation.closed;
    },
    status(): string {
      const conversation = this.conversation as Conversation | null;
      if (!conversation) return '';
      const words: ConversationWords = this.words;
      if (!conversation.neighbour) return words.leftNote;
      if (conversation.blockedByMe) return words.blockedDone;
      if (!conversation.canWrite) return conversation.closedByMe ? words.closedByMe : words.closedByThem;
      const last = conversation.lastMessage;
      if (last && last.mine && conversation.neighbourReadAt && conversation.neighbourReadAt >= last.createdAt) {
        return format(words.seen, { name: conversation.neighbour.firstName });
      }
      return '';
    },
    buttonH() {
      return Math.round(this.ts.label * 2);
    },
    controlsY() {
      // Three rows of buttons above the key hints.
      return 1080 - 54 - this.ts.small * 1.6 - 40 - 3 * this.buttonH - 2 * 24;
    },
    /** Where the first row of buttons is: the "Répondre" title sits above it. */
    quickY(): number {
      const first = (this.controls as Control[])[0];
      return first ? first.y : this.controlsY;
    },
    noticeH() {
      return Math.round(this.ts.body * 2.9);
    },
    noticeY() {
      return Math.round(1080 - 54 - this.ts.small * 1.6 - 30 - this.noticeH);
    },
    messagesH() {
      return this.noticeY - 16 - 54;
    },
    messageH() {
      return Math.round(this.ts.label * 1.05 + this.ts.small * 1.4 + 44);
    },
    scrollY() {
      const step = this.messageH + 16;
      const visible = Math.max(1, Math.floor((this.messagesH - 24) / step));
      const first = Math.max(0, Math.min(this.messageIndex - 1, this.messages.length - visible));
      return 12 - Math.max(0, first) * step;
    },
    confirmQuestion(): string {
      return format(this.confirming === 'block' ? this.words.blockQuestion : this.words.closeQuestion, { name: this.name });
    },
    confirmHelp(): string {
      return format(this.confirming === 'block' ? this.words.blockHelp : this.words.closeHelp, { name: this.name });
    },
    hints() {
      // moderation: OK on the other neighbour's message reports it
      const ok = this.reportFocused ? moderationWords(this.$appState.language).reportMessage : this.t.common.choose;
      return [
        { key: 'ok', label: ok },
        { key: 'back', label: this.t.common.goBack },
      ];
    },
  },
  watch: {
    '$appState.language'() {
      this.$setTimeout(() => this.rebuild(), 0);
    },
    '$appState.textSize'() {
      this.$setTimeout(() => this.rebuild(), 0);
    },
  },
  hooks: {
    ready() {
      reportScreen('conversation');
      reportMessage('');
      if (stopListening) stopListening();
      stopListening = onConversationEvent((event) => {
        if (this.alive && event.data.conversationId === this.id) this.refresh();
      });
      this.$listen('conversationMessage:send', ({ text }: { text: string }) => this.written(text));
      this.$listen('conversationMessage:back', () => this.closeWriter());
      this.$listen('conversationConfirm', (yes: boolean) => this.confirmed(yes));
      this.load();
    },
    focus() {
      this.focusCurrent();
    },
    destroy() {
      this.alive = false;
      if (stopListening) stopListening();
      stopListening = null;
      refreshUnreadMessages();
    },
  },
  methods: {
    failure(error: unknown): string {
      const words: ConversationWords = this.words;
      if (error instanceof ApiProblem) {
        if (error.code === 'forbidden_word') return words.forbiddenWord;
        if (error.code === 'neighbour_unavailable') return words.unavailable;
        if (error.code === 'conversation_closed') return words.closedByThem;
        if (error.code === 'not_found') return words.notFound;
      }
      return failureMessage(error, this.t);
    },
    load() {
      this.loading = true;
      this.error = '';
      api.markConversationRead(this.id).then(
        (conversation) => {
          if (!this.alive) return;
          this.loading = false;
          this.show(conversation);
          this.loadMessages(false);
          refreshUnreadMessages();
          speak([this.who, this.about, this.status].filter(Boolean).join('. '));
        },
        (error: unknown) => {
          if (!this.alive) return;
          this.loading = false;
          this.error = this.failure(error);
          reportMessage(this.error);
          speak(this.error);
        },
      );
    },
    /** A hint arrived: read the thread again, and mark it read since the tenant is looking at it. */
    refresh() {
      api.markConversationRead(this.id).then(
        (conversation) => {
          if (!this.alive) return;
          this.show(conversation);
          this.loadMessages(true);
        },
        () => undefined,
      );
    },
    show(conversation: Conversation) {
      const before = this.conversation ? [this.conversation.canWrite, this.conversation.neighbour ? 1 : 0].join('|') : '';
      this.conversation = conversation;
      if ([conversation.canWrite, conversation.neighbour ? 1 : 0].join('|') !== before) {
        // "Message envoyé" from before the other side ended it would read as if writing still worked.
        if (before && !conversation.canWrite) this.say('', false);
        this.buildControls();
      }
    },
    rebuild() {
      this.buildControls();
      this.buildMessageRows();
    },
    /** Quick replies and "write" (two columns) while it is open; "end" and "block" while the neighbour is there. */
    buildControls() {
      renders += 1;
      const conversation = this.conversation as Conversation | null;
      if (!conversation) return;
      const words: ConversationWords = this.words;
      const items: { id: string; label: string }[] = [];
      if (conversation.canWrite) {
        words.quick.forEach((text, i) => items.push({ id: 'quick-' + i, label: text }));
        items.push({ id: 'write', label: words.write });
        items.push({ id: 'close', label: words.close });
      }
      if (conversation.neighbour && !conversation.blockedByMe)
        items.push({ id: 'block', label: format(words.block, { name: conversation.neighbour.firstName }) });
      const h = this.buttonH;
      const gap = 24;
      const half = Math.floor((LEFT_W - gap) / 2);
      // Two buttons a row; a long label ("Je passe à quelle heure ?") takes the whole row rather than being cut.
      const fits = (label: string) => label.length * this.ts.label * 0.55 + 48 <= half;
      const placed: { item: { id: string; label: string }; row: number; col: number; wide: boolean }[] = [];
      let row = 0;
      let col = 0;
      items.forEach((item) => {
        const wide = !fits(item.label);
        if (col === 1 && wide) {
          row += 1;
          col = 0;
        }
        placed.push({ item, row, col, wide });
        if (wide || col === 1) {
          row += 1;
          col = 0;
        } else col = 1;
      });
      const rows = col === 1 ? row + 1 : row;
      const bottom = this.controlsY + 3 * (h + gap);
      const top = bottom - rows * (h + gap);
      const focusedId = this.controls[this.controlIndex] ? (this.controls[this.controlIndex] as Control).id : '';
      this.controls = placed.map(({ item, row: r, col: c, wide }) => {
        const w = wide ? LEFT_W : half;
        const x = 96 + c * (half + gap);
        return {
          id: item.id,
          key: [renders, item.id, item.label].join('|'),
          label: item.label,
          x: this.rtl ? 1920 - x - w : x,
          y: top + r * (h + gap),
          w,
          h,
          row: r,
          col: c,
        };
      });
      const index = (this.controls as Control[]).findIndex((control) => control.id === focusedId);
      this.controlIndex = index >= 0 ? index : 0;
      if (this.controls.length === 0 && this.messages.length > 0) this.zone = 'messages';
      this.$setTimeout(() => this.focusCurrent(), 0);
    },
    buildMessageRows() {
      const language = this.$appState.language as 'fr' | 'en' | 'ar';
      const words: ConversationWords = this.words;
      const h = this.messageH;
      const now = Date.now();
      const name = this.name || words.neighbourLeft;
      this.messageRows = (this.messages as ConversationMessage[]).map((message, index) => ({
        id: message.id,
        key: [message.id, language, h, index].join('|'),
        y: index * (h + 16),
        w: RIGHT_W,
        h,
        title: message.body,
        meta: (message.mine ? words.you : name) + ' · ' + formatAge(message.createdAt, language, now),
        mine: message.mine,
      }));
    },
    loadMessages(quiet: boolean) {
      if (!quiet) this.messagesLoading = true;
      const limit = quiet ? Math.min(50, Math.max(PAGE_SIZE, this.messages.length + 5)) : PAGE_SIZE;
      api.conversationMessages(this.id, { limit }).then(
        (page) => {
          if (!this.alive) return;
          this.messagesLoading = false;
          this.messages = page.items;
          this.noMessages = page.items.length === 0;
          this.messagesCursor = page.nextCursor;
          this.messageIndex = Math.min(this.messageIndex, Math.max(0, page.items.length - 1));
          this.buildMessageRows();
          if (this.zone === 'messages') this.$setTimeout(() => this.focusCurrent(), 0);
        },
        (error: unknown) => {
          if (!this.alive) return;
          this.messagesLoading = false;
          this.say(this.failure(error), true);
        },
      );
    },
    loadOlder() {
      if (!this.messagesCursor || this.messagesLoading) return;
      this.messagesLoading = true;
      api.conversationMessages(this.id, { limit: PAGE_SIZE, cursor: this.messagesCursor }).then(
        (page) => {
          if (!this.alive) return;
          this.messagesLoading = false;
          const known: Record<string, boolean> = {};
          (this.messages as ConversationMessage[]).forEach((message) => (known[message.id] = true));
          this.messages = (this.messages as ConversationMessage[]).concat(page.items.filter((message) => !known[message.id]));
          this.messagesCursor = page.nextCursor;
          this.buildMessageRows();
        },
        () => {
          this.messagesLoading = false;
        },
      );
    },
    say(message: string, bad: boolean) {
      this.notice = message;
      this.noticeBad = bad;
      reportMessage(message);
      if (message) speak(message);
    },
    /** The other neighbour's message in focus, which OK reports; null elsewhere. */
    reportable(): ConversationMessage | null {
      if (this.zone !== 'messages') return null;
      const message = this.messages[this.messageIndex] as ConversationMessage | undefined;
      return message && !message.mine ? message : null;
    },
    focusCurrent() {
      this.reportFocused = !this.confirming && !!this.reportable();
      if (this.confirming) {
        const dialog = this.$select('confirm');
        if (dialog) dialog.$focus();
        return;
      }
      if (this.zone === 'messages') {
        const message = this.$select('message' + this.messageIndex);
        if (message) {
          message.$focus();
          return;
        }
        this.zone = 'controls';
      }
      const control = this.$select('control' + this.controlIndex);
      if (control) control.$focus();
    },
    send(text: string) {
      if (this.busy) return;
      this.busy = true;
      // The same key for every retry of the same text: a resend after a lost answer never posts it twice.
      const kept = keyForText({ key: this.sendKey, text: this.sendText }, text);
      this.sendKey = kept.key;
      this.sendText = kept.text;
      this.say(this.words.sending, false);
      api.sendConversationMessage(this.id, text, this.sendKey).then(
        () => {
          if (!this.alive) return;
          this.busy = false;
          this.sendKey = '';
          this.sendText = '';
          this.say(this.words.sent, false);
          this.refresh();
        },
        (error: unknown) => {
          if (!this.alive) return;
          this.busy = false;
          this.say(this.failure(error), true);
          this.refresh();
        },
      );
    },
    ask(what: 'close' | 'block') {
      this.confirming = what;
      reportDialog(this.confirmQuestion);
      this.$setTimeout(() => this.focusCurrent(), 0);
    },
    confirmed(yes: boolean) {
      const what = this.confirming;
      this.confirming = '';
      reportDialog('');
      this.$setTimeout(() => this.focusCurrent(), 0);
      if (!yes || this.busy) return;
      this.busy = true;
      const done = what === 'block' ? api.blockConversationNeighbour(this.id) : api.closeConversation(this.id);
      done.then(
        (conversation) => {
          if (!this.alive) return;
          this.busy = false;
          this.show(conversation);
          this.say(what === 'block' ? this.words.blockedDone : this.words.closedByMe, false);
        },
        (error: unknown) => {
          if (!this.alive) return;
          this.busy = false;
          this.say(this.failure(error), true);
        },
      );
    },
    choose() {
      const control = this.controls[this.controlIndex] as Control | undefined;
      if (!control) return;
      if (control.id.indexOf('quick-') === 0) this.send(control.label);
      else if (control.id === 'write') this.openWriter();
      else if (control.id === 'close') this.ask('close');
      else if (control.id === 'block') this.ask('block');
    },
    openWriter() {
      this.writing = true;
      this.$select('writer').open();
    },
    closeWriter() {
      this.writing = false;
      this.$setTimeout(() => this.focusCurrent(), 0);
    },
    written(text: string) {
      if (!this.writing) return;
      this.closeWriter();
      this.send(text);
    },
    moveControls(rowStep: number, colStep: number) {
      const controls = this.controls as Control[];
      const current = controls[this.controlIndex];
      if (!current) {
        if (colStep !== 0 && this.messages.length > 0) {
          this.zone = 'messages';
          this.focusCurrent();
        }
        return;
      }
      if (colStep !== 0) {
        const target = controls.findIndex((control) => control.row === current.row && control.col === current.col + colStep);
        if (target >= 0) {
          this.controlIndex = target;
          this.focusCurrent();
        } else if (colStep > 0 && this.messages.length > 0) {
          this.zone = 'messages';
          this.focusCurrent();
        }
        return;
      }
      const candidates = controls.filter((control) => control.row === current.row + rowStep);
      if (candidates.length === 0) return;
      const same = candidates.filter((control) => control.col === current.col)[0] || candidates[candidates.length - 1];
      this.controlIndex = controls.indexOf(same as Control);
      this.focusCurrent();
    },
  },
  input: {
    up() {
      if (this.zone === 'messages') {
        if (this.messageIndex > 0) {
          this.messageIndex -= 1;
          this.focusCurrent();
        }
        return;
      }
      this.moveControls(-1, 0);
    },
    down() {
      if (this.zone === 'messages') {
        if (this.messageIndex < this.messages.length - 1) {
          this.messageIndex += 1;
          this.focusCurrent();
        }
        if (this.messageIndex >= this.messages.length - 3) this.loadOlder();
        return;
      }
      this.moveControls(1, 0);
    },
    left() {
      const step = horizontalStep('left', this.rtl);
      if (this.zone === 'messages') {
        if (step < 0 && this.controls.length > 0) {
          this.zone = 'controls';
          this.focusCurrent();
        }
        return;
      }
      this.moveControls(0, step);
    },
    right() {
      const step = horizontalStep('right', this.rtl);
      if (this.zone === 'messages') {
        if (step < 0 && this.controls.length > 0) {
          this.zone = 'controls';
          this.focusCurrent();
        }
        return;
      }
      this.moveControls(0, step);
    },
    enter() {
      if (this.error) {
        this.load();
        return;
      }
      if (this.zone === 'controls') this.choose();
      else {
        const message = this.reportable();
        if (message) this.$router.to('/feed/report/message/' + message.id);
      }
    },
    back() {
      goBack(this, '/conversations');
    },
  },
});
