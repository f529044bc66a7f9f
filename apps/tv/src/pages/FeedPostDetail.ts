// One post of the neighbours' feed: its text, who wrote it (first name and building), its photos (focusable; OK shows
// one full screen, Left/Right go from one to the next, Back closes), an event's date and places, the row of action
// buttons (extensible: see feed/actions.ts), quick replies and "write a reply", and the replies (oldest first, loaded
// page by page as focus nears the end; a neighbour's reply arrives without reload).
import Blits from '@lightningjs/blits';
import type { FeedPost, PostPhoto, PostReply } from '@palier/contracts/src/feed';
import type { FeedRealtimeEvent } from '@palier/contracts/src/realtime';
import { api } from '../api/session';
import { format } from '../i18n';
import { feedWords, formatAge, type FeedWords } from '../i18n/feed';
import { reportMessage, reportScreen } from '../testing';
import { horizontalStep, lookComputed, speak } from '../components/look';
import Button from '../components/Button';
import NoticeItem from '../components/NoticeItem';
import Waiting from '../components/Waiting';
import KeyHints from '../components/KeyHints';
import ReplyWriter from '../components/ReplyWriter';
import PhotoThumb from '../components/PhotoThumb';
import { authorLine, eventLine, feedFailure, repliesLabel } from '../feed/describe';
import { keyForText } from '../api/idempotency-key';
import { postActions, type PostAction } from '../feed/actions';
import { onFeedEvent } from '../feed/events';
import { goBack } from './navigation';
// moderation
import { moderationWords } from '../i18n/moderation';

const PAGE_SIZE = 10;
/** The post and its buttons on one side, the replies on the other (mirrored in right-to-left). */
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

interface PhotoRow {
  id: string;
  key: string;
  n: number;
  x: number;
  w: number;
  h: number;
  src: string;
  pw: number;
  ph: number;
  label: string;
}

/** Up to four thumbnails across the post's column. */
const PHOTO_GAP = 24;
const PHOTO_W = Math.floor((LEFT_W - 3 * PHOTO_GAP) / 4);
const PHOTO_H = Math.round((PHOTO_W * 3) / 4);

interface ReplyRow {
  id: string;
  key: string;
  y: number;
  w: number;
  h: number;
  title: string;
  meta: string;
}

let renders = 0;
let stopListening: (() => void) | null = null;

export default Blits.Component('FeedPostDetail', {
  components: { Button, NoticeItem, Waiting, KeyHints, ReplyWriter, PhotoThumb },
  props: ['id'],
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-feed-post', postId: $id, replies: $replies.length}">
      <Waiting :show="$loading" :label="$t.common.loading" x="96" y="200" w="1728" testid="post-loading" />
      <Element :show="!!$post" :x="$rtl ? 1920 - 96 - $leftW : 96" y="54" :w="$leftW" h="900">
        <Text :content="$kindLabel" :font="$f.bold" :size="$ts.small" :color="$c.fresh" x="0" y="0" :maxwidth="$leftW" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'post-kind'}" />
        <Text :content="$title" :font="$f.bold" :size="$ts.heading" :color="$c.text" x="0" :y="$ts.small * 1.5" :maxwidth="$leftW" maxlines="2" :lineheight="$ts.heading * 1.2" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'post-title'}" />
        <Text :content="$byline" :size="$ts.small" :color="$c.textMuted" x="0" :y="$bylineY" :maxwidth="$leftW" maxlines="1" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'post-byline'}" />
        <PhotoThumb :for="(photo, i) in $photoRows" key="$photo.key" ref="photo" :x="$photo.x" :y="$photosY" :w="$photo.w" :h="$photo.h" :src="$photo.src" :pw="$photo.pw" :ph="$photo.ph" :label="$photo.label" :hint="$words.photo.open" :testid="'post-photo-' + $photo.n" />
        <Text :content="$details" :size="$ts.body" :color="$c.text" x="0" :y="$detailsY" :maxwidth="$leftW" :maxlines="$detailLines" :lineheight="$ts.lineHeight($ts.body)" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'post-body'}" />
      </Element>
      <Text :show="!!$post" :content="$quickTitle" :font="$f.bold" :size="$ts.small" :color="$c.textMuted" :x="$rtl ? 1920 - 96 - $leftW : 96" :y="$quickLabelY" :maxwidth="$leftW" :align="$rtl ? 'right' : 'left'" />
      <Element w="1920" h="1080" :alpha="$writing ? 0 : 1">
        <Button :for="(control, i) in $controls" key="$control.key" ref="control" :x="$control.x" :y="$control.y" :w="$control.w" :h="$control.h" :label="$control.label" :testid="'post-' + $control.id" />
      </Element>
      <Element :show="!!$post" :x="$rtl ? 96 : $rightX" y="54" :w="$rightW" h="60">
        <Text :content="$repliesTitle" :font="$f.bold" :size="$ts.label" :color="$c.text" x="0" y="0" :maxwidth="$rightW" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'post-replies-title'}" />
      </Element>
      <Element :show="!!$post" :x="$rtl ? 96 - 24 : $rightX - 24" :y="$repliesY" :w="$rightW + 48" :h="$repliesH" clipping="true">
        <Element x="24" :y="$scrollY" :w="$rightW">
          <NoticeItem :for="(reply, index) in $replyRows" key="$reply.key" ref="reply" x="0" :y="$reply.y" :w="$reply.w" :h="$reply.h" :title="$reply.title" :meta="$reply.meta" :unread="false" :urgent="false" :testid="'reply-' + $reply.id" />
        </Element>
      </Element>
      <Text :show="!!$post && !$repliesLoading && $replies.length === 0" :content="$words.repliesNone" :size="$ts.body" :color="$c.textMuted" :x="$rtl ? 96 : $rightX" :y="$repliesY + 24" :maxwidth="$rightW" :align="$rtl ? 'right' : 'left'" />
      <Waiting :show="$repliesLoading" :label="$t.common.loading" :x="$rtl ? 96 : $rightX" :y="$repliesY + 24" :w="$rightW" testid="replies-loading" />
      <Element :show="!!$notice" :x="$rtl ? 1920 - 96 - $leftW : 96" :y="$noticeY" :w="$leftW" :h="$noticeH" :color="$c.surfaceRaised">
        <Text :content="$notice" :size="$ts.body" :color="$noticeBad ? $c.danger : $c.text" x="24" y="12" :maxwidth="$leftW - 48" maxlines="2" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'post-notice', message: $notice}" />
      </Element>
      <Element :show="!!$error" x="96" y="200" w="1728" h="400">
        <Text :content="$error" :font="$f.bold" :size="$ts.heading" :color="$c.danger" x="0" y="0" maxwidth="1728" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'post-error', message: $error}" />
      </Element>
      <KeyHints :hints="$hints" />
      <ReplyWriter ref="writer" :shown="$writing" event="feedReply" :heading="$words.replyTitle" :help="$words.freeTextHelp" :tooshort="$words.tooShort" :placeholder="$title" testid="reply-writer" keyboardid="reply-keyboard" />
      <Element :show="$viewerIndex >= 0" w="1920" h="1080" color="#000000" :inspector-data="{testid: 'photo-viewer', index: $viewerIndex, caption: $viewerCaption}">
        <Text :content="$words.photo.loading" :size="$ts.body" :color="$c.textMuted" x="960" :y="54 + $viewerMaxH / 2" mount="{x: 0.5, y: 0.5}" />
        <Element :show="!!$viewerSrc" :x="(1920 - $viewerBox.w) / 2" :y="54 + ($viewerMaxH - $viewerBox.h) / 2" :w="$viewerBox.w" :h="$viewerBox.h" :src="$viewerSrc" :inspector-data="{testid: 'photo-viewer-image', src: $viewerSrc, w: $viewerBox.w, h: $viewerBox.h}" />
        <Text :content="$viewerCaption" :size="$ts.small" color="#ffffff" x="96" :y="1080 - 54 - $ts.small * 1.4" maxwidth="1728" maxlines="1" align="center" />
      </Element>
    </Element>
  `,
  state() {
    return {
      post: null as FeedPost | null,
      loading: true,
      error: '',
      notice: '',
      noticeBad: false,
      actions: [] as PostAction[],
      controls: [] as Control[],
      controlIndex: 0,
      zone: 'controls' as 'controls' | 'replies' | 'photos',
      photoRows: [] as PhotoRow[],
      photoIndex: 0,
      /** The photo shown full screen, -1 when none is. */
      viewerIndex: -1,
      replies: [] as PostReply[],
      replyRows: [] as ReplyRow[],
      repliesCursor: null as string | null,
      repliesLoading: false,
      replyIndex: 0,
      busy: false,
      /** The same key for every retry of the same reply: a resend after a lost answer never posts it twice. */
      replyKey: '',
      replyText: '',
      /** The keyboard is open over the post for a reply of one's own. */
      writing: false,
      alive: true,
    };
  },
  computed: {
    ...lookComputed,
    words(): FeedWords {
      return feedWords(this.$appState.language);
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
    kindLabel() {
      return this.post ? this.words.kind[this.post.kind] : '';
    },
    title() {
      return this.post ? this.post.title : '';
    },
    byline() {
      if (!this.post) return '';
      const post = this.post as FeedPost;
      const words: FeedWords = this.words;
      return [authorLine(post, words), formatAge(post.createdAt, this.$appState.language), words.audience[post.audience]].join(' · ');
    },
    titleLines() {
      // Blits measures text only once drawn: the title's length says whether it takes one line or two.
      const length = this.post ? this.post.title.length : 0;
      return length * this.ts.heading * 0.52 > LEFT_W ? 2 : 1;
    },
    bylineY() {
      return Math.round(this.ts.small * 1.5 + this.ts.heading * 1.2 * this.titleLines + this.ts.small * 0.4);
    },
    photosY() {
      return Math.round(this.bylineY + this.ts.small * 1.7 + 12);
    },
    /** The text starts under the photos, when there are any. */
    detailsY() {
      const photos = this.photoRows.length > 0 ? PHOTO_H + 40 : 0;
      return Math.round(this.bylineY + this.ts.small * 1.7 + photos);
    },
    viewerPhoto(): PostPhoto | null {
      const photos = this.post ? (this.post as FeedPost).photos : [];
      const index = this.viewerIndex;
      return index >= 0 && index < photos.length ? (photos[index] as PostPhoto) : null;
    },
    viewerSrc() {
      const photo = this.viewerPhoto as PostPhoto | null;
      return photo ? api.baseUrl + photo.url : '';
    },
    viewerMaxH() {
      return 1080 - 54 - 54 - Math.round(this.ts.small * 2.4);
    },
    /** The photo as large as the screen allows, its proportions kept. */
    viewerBox() {
      const photo = this.viewerPhoto as PostPhoto | null;
      if (!photo) return { w: 0, h: 0 };
      const k = Math.min(1728 / photo.width, this.viewerMaxH / photo.height);
      return { w: Math.round(photo.width * k), h: Math.round(photo.height * k) };
    },
    viewerCaption() {
      // Everything read before deciding: Blits tracks what a run reads (an early return would hide the rest).
      const words: FeedWords = this.words;
      const count = this.post ? (this.post as FeedPost).photos.length : 0;
      const index = this.viewerIndex;
      if (index < 0 || count === 0) return '';
      return format(words.photo.label, { index: index + 1, count }) + '   ·   ' + words.photo.viewerHelp;
    },
    details() {
      if (!this.post) return '';
      const post = this.post as FeedPost;
      const lines: string[] = [];
      if (post.body && post.body !== post.title) lines.push(post.body);
      const event = eventLine(post, this.words, this.$appState.language);
      if (event) lines.push(event);
      return lines.join('\n');
    },
    detailLines() {
      // As many lines as fit above the buttons (and above what just happened, while it shows).
      const top = this.notice ? this.noticeY - 16 : this.controlsTop - 24;
      const start = 54 + this.detailsY;
      return Math.max(1, Math.floor((top - start) / this.ts.lineHeight(this.ts.body)));
    },
    repliesTitle() {
      const count = this.post ? this.post.replyCount : 0;
      const words: FeedWords = this.words;
      return count > 0 ? words.repliesTitle + ' · ' + repliesLabel(count, words) : words.repliesTitle;
    },
    repliesY() {
      return Math.round(54 + this.ts.label * 1.6);
    },
    repliesH() {
      return this.controlsTop - 24 - this.repliesY;
    },
    noticeH() {
      return Math.round(this.ts.body * 2.9);
    },
    /** What just happened ("Réponse envoyée", "complet") shows under the post, above the buttons. */
    noticeY() {
      return Math.round(this.controlsTop - 24 - this.noticeH);
    },
    replyH() {
      return Math.round(this.ts.label * 1.05 + this.ts.small * 1.4 + 44);
    },
    scrollY() {
      const step = this.replyH + 16;
      const visible = Math.max(1, Math.floor((this.repliesH - 24) / step));
      const first = Math.max(0, Math.min(this.replyIndex - 1, this.replies.length - visible));
      return 12 - Math.max(0, first) * step;
    },
    buttonH() {
      return Math.round(this.ts.label * 2);
    },
    quickY() {
      // Two rows of quick replies above the key hints, across the screen; the action buttons above them.
      return 1080 - 54 - this.ts.small * 1.6 - 40 - 2 * this.buttonH - 24;
    },
    quickLabelY() {
      return this.quickY - this.ts.small * 1.6 - 10;
    },
    actionsY() {
      const actionRows = Math.ceil(this.actions.length / 2);
      return this.quickLabelY - 32 - actionRows * (this.buttonH + 24) + 24;
    },
    controlsTop() {
      return this.actions.length > 0 ? this.actionsY : this.quickLabelY;
    },
    quickTitle() {
      return this.words.quickTitle;
    },
    hints() {
      // moderation: OK on a neighbour's reply reports it
      const words: FeedWords = this.words;
      const viewing = this.viewerIndex >= 0;
      const reply = this.zone === 'replies' ? (this.replies[this.replyIndex] as PostReply | undefined) : undefined;
      let ok = reply && !reply.mine ? moderationWords(this.$appState.language).reportReply : this.t.common.choose;
      if (this.zone === 'photos') ok = words.photo.open;
      if (viewing) ok = words.photo.close;
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
      reportScreen('feed-post');
      reportMessage('');
      if (stopListening) stopListening();
      stopListening = onFeedEvent((event) => this.onEvent(event));
      this.$listen('feedReply:send', ({ text }: { text: string }) => this.writtenReply(text));
      // moderation: with the post gone (no button left), focus can fall into the closed keyboard: Back still goes back
      this.$listen('feedReply:back', () => (this.writing ? this.closeWriter() : goBack(this, '/feed')));
      this.load();
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
    load() {
      this.loading = true;
      this.error = '';
      api.feedPost(this.id).then(
        (post) => {
          if (!this.alive) return;
          this.loading = false;
          this.showPost(post);
          this.loadReplies(false);
        },
        (error: unknown) => {
          if (!this.alive) return;
          this.loading = false;
          this.error = feedFailure(error, this.words, this.t);
          reportMessage(this.error);
          speak(this.error);
        },
      );
    },
    showPost(post: FeedPost) {
      this.post = post;
      this.actions = postActions(post, this.words);
      this.buildPhotoRows();
      this.buildControls();
      speak([this.words.kind[post.kind], post.title, this.details].join('. '));
    },
    rebuild() {
      if (!this.post) return;
      this.buildPhotoRows();
      this.actions = postActions(this.post as FeedPost, this.words);
      this.buildControls();
      this.buildReplyRows();
    },
    /** The action buttons (two per row), then the quick replies and "write a reply" (two rows), mirrored in right-to-left. */
    buildControls() {
      renders += 1;
      const words: FeedWords = this.words;
      const h = this.buttonH;
      const gap = 24;
      const w = Math.floor((1728 - gap) / 2);
      const quick = words.quick.slice(0, 3).map((text, i) => ({ id: 'quick-' + i, label: text }));
      quick.push({ id: 'write-reply', label: words.ownReply });
      const actions = (this.actions as PostAction[]).map((action) => ({ id: 'action-' + action.id, label: action.label }));
      const actionRows = Math.ceil(actions.length / 2);
      const actionsY = this.quickLabelY - 32 - actionRows * (h + gap) + gap;
      const place = (item: { id: string; label: string }, i: number, top: number, rowOffset: number): Control => {
        const col = i % 2;
        const row = Math.floor(i / 2);
        const x = 96 + col * (w + gap);
        return {
          id: item.id,
          key: [renders, item.id, item.label].join('|'),
          label: item.label,
          x: this.rtl ? 1920 - x - w : x,
          y: top + row * (h + gap),
          w,
          h,
          row: rowOffset + row,
          col,
        };
      };
      const focusedId = this.controls[this.controlIndex] ? (this.controls[this.controlIndex] as Control).id : '';
      this.controls = actions
        .map((item, i) => place(item, i, actionsY, 0))
        .concat(quick.map((item, i) => place(item, i, this.quickY, actionRows)));
      const index = (this.controls as Control[]).findIndex((control) => control.id === focusedId);
      // moderation: the screen never opens with "Report" in focus (an OK too many must not report a neighbour)
      const first = (this.controls as Control[]).findIndex((control) => control.id !== 'action-report');
      this.controlIndex = index >= 0 ? index : Math.max(0, first);
      this.$setTimeout(() => this.focusCurrent(), 0);
    },
    /** The post's photos as focusable thumbnails, left to right (right to left in Arabic). */
    buildPhotoRows() {
      renders += 1;
      const post = this.post as FeedPost | null;
      const photos = post ? post.photos : [];
      const words: FeedWords = this.words;
      this.photoRows = photos.map((photo, i) => {
        const x = i * (PHOTO_W + PHOTO_GAP);
        return {
          id: photo.id,
          key: [renders, photo.id, this.$appState.language].join('|'),
          n: i + 1,
          x: this.rtl ? LEFT_W - x - PHOTO_W : x,
          w: PHOTO_W,
          h: PHOTO_H,
          src: api.baseUrl + photo.thumbUrl,
          pw: photo.width,
          ph: photo.height,
          label: format(words.photo.label, { index: i + 1, count: photos.length }),
        };
      });
      this.photoIndex = Math.max(0, Math.min(this.photoIndex, this.photoRows.length - 1));
      if (this.zone === 'photos' && this.photoRows.length === 0) this.zone = 'controls';
      if (this.viewerIndex >= photos.length) this.viewerIndex = -1;
    },
    openViewer(index: number) {
      const photos = this.post ? (this.post as FeedPost).photos : [];
      if (index < 0 || index >= photos.length) return;
      this.viewerIndex = index;
      this.photoIndex = index;
      reportMessage(this.viewerCaption);
      speak(format(this.words.photo.label, { index: index + 1, count: photos.length }));
    },
    closeViewer() {
      this.viewerIndex = -1;
      reportMessage('');
      this.$setTimeout(() => this.focusCurrent(), 0);
    },
    buildReplyRows() {
      const language: 'fr' | 'en' | 'ar' = this.lang();
      const words: FeedWords = this.words;
      const h = this.replyH;
      const now = Date.now();
      this.replyRows = (this.replies as PostReply[]).map((reply, index) => ({
        id: reply.id,
        key: [reply.id, language, h, index].join('|'),
        y: index * (h + 16),
        w: RIGHT_W,
        h,
        title: reply.body,
        meta: authorLine(reply, words) + ' · ' + formatAge(reply.createdAt, language, now),
      }));
    },
    loadReplies(quiet: boolean) {
      if (!quiet) this.repliesLoading = true;
      // A re-read (a reply arrived) takes everything shown again plus what is new, in one page when it fits.
      const limit = quiet ? Math.min(50, Math.max(PAGE_SIZE, this.replies.length + 5)) : PAGE_SIZE;
      api.postReplies(this.id, { limit }).then(
        (page) => {
          if (!this.alive) return;
          this.repliesLoading = false;
          this.replies = page.items;
          this.repliesCursor = page.nextCursor;
          this.replyIndex = Math.min(this.replyIndex, Math.max(0, page.items.length - 1));
          this.buildReplyRows();
          if (this.zone === 'replies') this.$setTimeout(() => this.focusCurrent(), 0);
        },
        (error: unknown) => {
          if (!this.alive) return;
          this.repliesLoading = false;
          this.say(feedFailure(error, this.words, this.t), true);
        },
      );
    },
    loadMoreReplies() {
      if (!this.repliesCursor || this.repliesLoading) return;
      this.repliesLoading = true;
      api.postReplies(this.id, { limit: PAGE_SIZE, cursor: this.repliesCursor }).then(
        (page) => {
          if (!this.alive) return;
          this.repliesLoading = false;
          const known: Record<string, boolean> = {};
          (this.replies as PostReply[]).forEach((reply) => (known[reply.id] = true));
          this.replies = (this.replies as PostReply[]).concat(page.items.filter((reply) => !known[reply.id]));
          this.repliesCursor = page.nextCursor;
          this.buildReplyRows();
        },
        (error: unknown) => {
          if (!this.alive) return;
          this.repliesLoading = false;
          this.say(feedFailure(error, this.words, this.t), true);
        },
      );
    },
    say(message: string, bad: boolean) {
      this.notice = message;
      this.noticeBad = bad;
      reportMessage(message);
      if (message) speak(message);
    },
    focusCurrent() {
      if (this.zone === 'photos') {
        const photo = this.$select('photo' + this.photoIndex);
        if (photo) {
          photo.$focus();
          return;
        }
        this.zone = 'controls';
      }
      if (this.zone === 'replies') {
        const reply = this.$select('reply' + this.replyIndex);
        if (reply) {
          reply.$focus();
          return;
        }
        this.zone = 'controls';
      }
      const control = this.$select('control' + this.controlIndex);
      if (control) control.$focus();
    },
    sendReply(text: string) {
      if (this.busy || !this.post) return;
      this.busy = true;
      const kept = keyForText({ key: this.replyKey, text: this.replyText }, text);
      this.replyKey = kept.key;
      this.replyText = kept.text;
      this.say(this.words.sending, false);
      api.replyToPost(this.id, { body: text }, this.replyKey).then(
        () => {
          if (!this.alive) return;
          this.busy = false;
          this.replyKey = '';
          this.replyText = '';
          this.say(this.words.replySent, false);
          this.refreshPost();
          this.loadReplies(true);
        },
        (error: unknown) => {
          if (!this.alive) return;
          this.busy = false;
          this.say(feedFailure(error, this.words, this.t), true);
        },
      );
    },
    refreshPost() {
      api.feedPost(this.id).then(
        (post) => {
          if (!this.alive) return;
          const before = (this.actions as PostAction[]).map((action) => action.id + action.label).join('|');
          this.post = post;
          const actions = postActions(post, this.words);
          if (actions.map((action) => action.id + action.label).join('|') !== before) {
            this.actions = actions;
            this.buildControls();
          }
        },
        () => undefined,
      );
    },
    runAction(action: PostAction) {
      if (this.busy || !this.post) return;
      this.busy = true;
      this.say(this.t.common.loading, false);
      action
        .run({
          post: this.post as FeedPost,
          words: this.words,
          language: this.lang(),
          go: (path: string, data?: object) => this.$router.to(path, data),
        })
        .then(
          (outcome) => {
            if (!this.alive) return;
            this.busy = false;
            this.say(outcome.message || '', false);
            if (outcome.post) this.showPost(outcome.post);
          },
          (error: unknown) => {
            if (!this.alive) return;
            this.busy = false;
            this.say(feedFailure(error, this.words, this.t), true);
            // Places may have changed meanwhile (the event filled up): show them as they are.
            this.refreshPost();
          },
        );
    },
    choose() {
      const control = this.controls[this.controlIndex] as Control | undefined;
      if (!control) return;
      if (control.id.indexOf('quick-') === 0) {
        this.sendReply(control.label);
      } else if (control.id === 'write-reply') this.openWriter();
      else if (control.id.indexOf('action-') === 0) {
        const id = control.id.slice('action-'.length);
        const action = (this.actions as PostAction[]).filter((one) => one.id === id)[0];
        if (action) this.runAction(action);
      }
    },
    openWriter() {
      this.writing = true;
      this.$select('writer').open();
    },
    closeWriter() {
      this.writing = false;
      this.$setTimeout(() => this.focusCurrent(), 0);
    },
    writtenReply(text: string) {
      if (!this.writing) return;
      this.closeWriter();
      this.sendReply(text);
    },
    moveControls(rowStep: number, colStep: number) {
      const controls = this.controls as Control[];
      const current = controls[this.controlIndex];
      if (!current) return;
      if (colStep !== 0) {
        const col = current.col + colStep;
        if (col < 0) return;
        const target = controls.findIndex((control) => control.row === current.row && control.col === col);
        if (target >= 0) {
          this.controlIndex = target;
          this.focusCurrent();
        } else if (colStep > 0 && this.replies.length > 0) {
          this.zone = 'replies';
          this.focusCurrent();
        }
        return;
      }
      const row = current.row + rowStep;
      const candidates = controls.filter((control) => control.row === row);
      if (candidates.length === 0) {
        // Above the buttons are the post's photos, if it has any, else the replies.
        if (rowStep < 0 && this.photoRows.length > 0) {
          this.zone = 'photos';
          this.focusCurrent();
        } else if (rowStep < 0 && this.replies.length > 0) {
          this.zone = 'replies';
          this.focusCurrent();
        }
        return;
      }
      const same = candidates.filter((control) => control.col === current.col)[0] || candidates[candidates.length - 1];
      this.controlIndex = controls.indexOf(same as Control);
      this.focusCurrent();
    },
    /** Along the photos; past the last one (towards the replies' side) is the replies. */
    movePhotos(step: number) {
      const next = this.photoIndex + step;
      if (next >= 0 && next < this.photoRows.length) {
        this.photoIndex = next;
        this.focusCurrent();
      } else if (next >= this.photoRows.length && this.replies.length > 0) {
        this.zone = 'replies';
        this.focusCurrent();
      }
    },
    onEvent(event: FeedRealtimeEvent) {
      // moderation: the post itself was hidden or deleted: re-read it, which says it is no longer there
      if (this.alive && event.name === 'feed.content_moderated' && event.data.postId === this.id && !event.data.replyId) {
        this.post = null;
        this.controls = [];
        this.replyRows = [];
        this.photoRows = [];
        this.viewerIndex = -1;
        this.zone = 'controls';
        // The focused button is gone: the screen holds the focus itself, so Back still goes back.
        this.$focus();
        this.load();
        return;
      }
      if (!this.alive || (event.name !== 'feed.reply_created' && event.name !== 'feed.content_moderated') || event.data.postId !== this.id)
        return;
      this.refreshPost();
      this.loadReplies(true);
    },
  },
  input: {
    up() {
      if (this.viewerIndex >= 0) return;
      if (this.zone === 'photos') return;
      if (this.zone === 'replies') {
        if (this.replyIndex > 0) {
          this.replyIndex -= 1;
          this.focusCurrent();
        }
        return;
      }
      this.moveControls(-1, 0);
    },
    down() {
      if (this.viewerIndex >= 0) return;
      if (this.zone === 'photos') {
        this.zone = 'controls';
        this.focusCurrent();
        return;
      }
      if (this.zone === 'replies') {
        if (this.replyIndex < this.replies.length - 1) {
          this.replyIndex += 1;
          this.focusCurrent();
        } else if (!this.repliesCursor) {
          this.zone = 'controls';
          this.focusCurrent();
        }
        if (this.replyIndex >= this.replies.length - 3) this.loadMoreReplies();
        return;
      }
      this.moveControls(1, 0);
    },
    left() {
      const step = horizontalStep('left', this.rtl);
      if (this.viewerIndex >= 0) {
        this.openViewer(this.viewerIndex + step);
        return;
      }
      if (this.zone === 'photos') {
        this.movePhotos(step);
        return;
      }
      if (this.zone === 'replies') {
        this.zone = 'controls';
        this.focusCurrent();
        return;
      }
      this.moveControls(0, step);
    },
    right() {
      const step = horizontalStep('right', this.rtl);
      if (this.viewerIndex >= 0) {
        this.openViewer(this.viewerIndex + step);
        return;
      }
      if (this.zone === 'photos') {
        this.movePhotos(step);
        return;
      }
      if (this.zone === 'replies') {
        this.zone = 'controls';
        this.focusCurrent();
        return;
      }
      this.moveControls(0, step);
    },
    enter() {
      if (this.viewerIndex >= 0) {
        this.closeViewer();
        return;
      }
      if (this.error) {
        this.load();
        return;
      }
      if (this.zone === 'photos') this.openViewer(this.photoIndex);
      else if (this.zone === 'controls') this.choose();
      // moderation: a neighbour's reply in focus can be reported
      else {
        const reply = this.replies[this.replyIndex] as PostReply | undefined;
        if (reply && !reply.mine) this.$router.to('/feed/report/reply/' + reply.id);
      }
    },
    back() {
      if (this.viewerIndex >= 0) {
        this.closeViewer();
        return;
      }
      goBack(this, '/feed');
    },
  },
});
