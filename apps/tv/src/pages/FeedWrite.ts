// Writing a post with the remote: kind → audience (my building / my residence / my district) → a template or one's own
// text → for an event: day, time, place, places → preview → publish. The draft is saved on the server at every step,
// so a power cut loses nothing: opening "write" again offers to continue it. From the preview, "Add photos" shows a QR
// code for the phone (hand-off post_photos, naming the draft): up to 4 photos arrive live as thumbnails; OK on one
// offers to remove it; the preview shows them and publishing takes them along.
import Blits from '@lightningjs/blits';
import type { FeedAudience, PostDraftContent, PostKind, PostPhoto } from '@palier/contracts/src/feed';
import type { FeedRealtimeEvent } from '@palier/contracts/src/realtime';
import type { Handoff } from '@palier/contracts/src/handoffs';
import { feedAudiences, postKinds } from '@palier/contracts/src/feed';
import { api } from '../api/session';
import { format, formatDateTime } from '../i18n';
import { feedWords, formatEventDay, type FeedWords } from '../i18n/feed';
import { reportMessage, reportScreen } from '../testing';
import { horizontalStep, lookComputed, speak } from '../components/look';
import { choiceGridInput } from '../components/choice-grid';
import Button from '../components/Button';
import KeyHints from '../components/KeyHints';
import Waiting from '../components/Waiting';
import Keyboard from '../components/Keyboard';
import QrCode from '../components/QrCode';
import PhotoThumb from '../components/PhotoThumb';
import { onFeedEvent } from '../feed/events';
import { feedFailure, titleOf } from '../feed/describe';
import { newIdempotencyKey } from '../api/idempotency-key';
import { goBack } from './navigation';
import { forgetFeed } from '../feed/memory';

type Step =
  | 'loading'
  | 'resume'
  | 'kind'
  | 'audience'
  | 'text'
  | 'write'
  | 'day'
  | 'time'
  | 'place'
  | 'capacity'
  | 'preview'
  | 'photos'
  | 'photoRemove'
  | 'published';

interface Choice {
  action: string;
  label: string;
}

interface Item {
  id: string;
  key: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Thumb {
  id: string;
  key: string;
  n: number;
  x: number;
  y: number;
  w: number;
  h: number;
  src: string;
  pw: number;
  ph: number;
  label: string;
  hint: string;
}

const LEFT = 96;
const WIDTH = 1728;
/** The QR code's side, and where the photos step's text and thumbnails start beside it. */
const QR_SIZE = 380;
const BESIDE_QR = 440;
/** While the QR code shows, the draft is re-read this often too: an event is only a hint. */
const PHOTOS_POLL_MS = 4000;
let stopListening: (() => void) | null = null;
const CAPACITIES = [5, 10, 15, 20, 30, 50];
let renders = 0;
/** Saves go one after the other: a slow answer never lets an older draft overwrite a newer one. */
let saving: Promise<unknown> = Promise.resolve();
/** Typing saves the draft once the tenant pauses, not at every key. */
let typingTimer: ReturnType<typeof setTimeout> | null = null;
const TYPING_PAUSE_MS = 1500;

function pad(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** "2026-11-28" in the TV's own time zone. */
function dayKey(date: Date): string {
  return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate());
}

const grid = choiceGridInput('choose');

function dateOfDay(day: string, minutes = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, 0, 0);
}

export default Blits.Component('FeedWrite', {
  components: { Button, KeyHints, Waiting, Keyboard, QrCode, PhotoThumb },
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-feed-write', step: $step, qr: $qrAlpha ? $qrUrl : ''}">
      <Text :content="$title" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="54" maxwidth="1300" maxlines="1" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'write-title'}" />
      <Text :content="$savedLabel" :size="$ts.small" :color="$c.textMuted" x="96" :y="54 + $ts.title * 0.3" maxwidth="1728" maxlines="1" :align="$rtl ? 'left' : 'right'" :inspector-data="{testid: 'write-saved'}" />
      <Text :show="!!$body" :content="$body" :size="$ts.body" :color="$bodyBad ? $c.danger : $c.text" :x="$bodyX" :y="54 + $ts.title * 1.6" :maxwidth="$bodyW" :maxlines="$bodyLines" :lineheight="$ts.lineHeight($ts.body)" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'write-body'}" />
      <QrCode :alpha="$qrAlpha" :value="$qrUrl" :size="$qrSize" :x="$rtl ? 1920 - 96 - $qrSize : 96" :y="54 + $ts.title * 1.6" testid="post-photos-qr" />
      <PhotoThumb :for="(thumb, i) in $thumbs" key="$thumb.key" ref="thumb" :x="$thumb.x" :y="$thumb.y" :w="$thumb.w" :h="$thumb.h" :src="$thumb.src" :pw="$thumb.pw" :ph="$thumb.ph" :label="$thumb.label" :hint="$thumb.hint" :testid="'write-photo-' + $thumb.n" />
      <Waiting :show="$step === 'loading' || $busy" :label="$t.common.loading" x="96" :y="1080 - 54 - $ts.small * 1.6 - 30 - $ts.body * 1.5" w="1728" testid="write-waiting" />
      <Keyboard ref="keyboard" :show="$step === 'write'" x="96" :y="54 + $ts.title * 1.4 + $ts.body * 1.5" event="feedText" limit="2000" lines="2" :placeholder="$words.freeTextTitle" testid="feed-keyboard" />
      <Button :for="(item, i) in $items" key="$item.key" ref="item" :x="$item.x" :y="$item.y" :w="$item.w" :h="$item.h" :label="$item.label" :testid="'write-' + $item.id" />
      <KeyHints :show="$step !== 'write'" :hints="$hints" />
    </Element>
  `,
  state() {
    return {
      step: 'loading' as Step,
      title: '',
      body: '',
      bodyBad: false,
      bodyLines: 6,
      items: [] as Item[],
      choices: [] as Choice[],
      cols: 1,
      index: 0,
      draft: {} as PostDraftContent,
      savedAt: '',
      busy: false,
      publishKey: '',
      /** Where "Back" from the keyboard returns: the templates, or the preview when completing a template's text. */
      writeFrom: 'text' as 'text' | 'preview',
      alive: true,
      /** The draft's id on the server: what the phone hand-off for photos names. */
      draftId: '',
      photos: [] as PostPhoto[],
      thumbs: [] as Thumb[],
      /** Focus on the thumbnails (photos step) or on the buttons. */
      zone: 'items' as 'items' | 'thumbs',
      thumbIndex: 0,
      qrUrl: '',
      handoffCode: '',
      /** The photo the tenant asked to remove. */
      removing: null as PostPhoto | null,
      poll: 0,
    };
  },
  computed: {
    ...lookComputed,
    words(): FeedWords {
      return feedWords(this.$appState.language);
    },
    savedLabel() {
      return this.savedAt ? this.words.saved : '';
    },
    qrSize() {
      return QR_SIZE;
    },
    // Computeds below read every value they depend on before deciding: Blits tracks what a run reads, and a
    // short-circuit (a && b) on the first run would leave b untracked, so its changes would never show.
    qrAlpha() {
      const photosStep = this.step === 'photos';
      const url = this.qrUrl;
      return photosStep && url ? 1 : 0;
    },
    bodyX() {
      const photosStep = this.step === 'photos';
      const rtl = this.rtl;
      return photosStep && !rtl ? LEFT + BESIDE_QR : LEFT;
    },
    bodyW() {
      return this.step === 'photos' ? WIDTH - BESIDE_QR : WIDTH;
    },
    hints() {
      const words: FeedWords = this.words;
      const onThumbs = this.zone === 'thumbs';
      const photosStep = this.step === 'photos';
      const choose = this.t.common.choose;
      return [
        { key: 'ok', label: onThumbs && photosStep ? words.photo.removeHint : choose },
        { key: 'back', label: this.t.common.goBack },
      ];
    },
  },
  hooks: {
    ready() {
      reportScreen('feed-write');
      reportMessage('');
      this.title = this.words.title;
      this.$listen('feedText:change', ({ text }: { text: string }) => this.typed(text));
      this.$listen('feedText:done', ({ text }: { text: string }) => this.written(text));
      this.$listen('feedText:back', () => (this.writeFrom === 'preview' ? this.showPreview() : this.showTexts()));
      if (stopListening) stopListening();
      stopListening = onFeedEvent((event: FeedRealtimeEvent) => {
        // The phone sent a photo for this draft (or one was taken off): re-read it.
        if (event.name === 'feed.draft_photos' && (!this.draftId || event.data.draftId === this.draftId)) this.loadPhotos();
      });
      api.postDraft().then(
        (draft) => {
          if (!this.alive) return;
          if (draft.content && draft.content.kind) {
            this.draft = draft.content;
            this.savedAt = draft.updatedAt || '';
            this.draftId = draft.id || '';
            this.photos = draft.photos;
            this.showResume();
          } else this.showKinds();
        },
        // Without the draft we still write; the next save tells whether the server is back.
        () => this.showKinds(),
      );
    },
    focus() {
      this.focusItem();
    },
    destroy() {
      this.alive = false;
      if (typingTimer) clearTimeout(typingTimer);
      typingTimer = null;
      this.stopPolling();
      if (stopListening) stopListening();
      stopListening = null;
    },
  },
  methods: {
    lang() {
      return this.$appState.language as 'fr' | 'en' | 'ar';
    },
    setChoices(choices: Choice[], cols: number, top: number, height = 100, focus = 0) {
      renders += 1;
      const gap = 28;
      const w = cols === 1 ? 1200 : Math.floor((WIDTH - (cols - 1) * gap) / cols);
      const h = Math.round(height * (this.ts.k > 1 ? 1.15 : 1));
      this.choices = choices;
      this.cols = cols;
      this.items = choices.map((choice, i) => {
        const col = i % cols;
        const row = Math.floor(i / cols);
        const x = LEFT + col * (w + gap);
        return {
          id: choice.action.replace(/[^a-zA-Z0-9_-]/g, '-'),
          key: [renders, i, choice.action, choice.label].join('|'),
          label: choice.label,
          x: this.rtl ? 1920 - x - w : x,
          y: top + row * (h + 24),
          w,
          h,
        };
      });
      this.index = Math.max(0, Math.min(focus, choices.length - 1));
      this.$setTimeout(() => this.focusItem(), 0);
    },
    present(step: Step, title: string, body: string, bad = false) {
      this.step = step;
      this.title = title;
      this.body = body;
      this.bodyBad = bad;
      this.zone = 'items';
      if (step !== 'photos') this.stopPolling();
      this.bodyLines = step === 'preview' && this.photos.length > 0 ? 4 : 6;
      this.layoutThumbs();
      reportMessage(title + (body ? ' — ' + body : ''));
      speak(title + '. ' + body);
    },
    focusItem() {
      if (this.zone === 'thumbs') {
        const thumb = this.$select('thumb' + this.thumbIndex);
        if (thumb) {
          thumb.$focus();
          return;
        }
        this.zone = 'items';
      }
      const item = this.$select('item' + this.index);
      if (item) item.$focus();
    },
    /** Saves the draft as it now is; a failure is said but does not stop the writing (the next step saves again). */
    save(content: PostDraftContent) {
      this.draft = content;
      const next = saving.then(
        () => api.savePostDraft(content),
        () => api.savePostDraft(content),
      );
      saving = next.catch(() => undefined);
      next.then(
        (saved) => {
          if (!this.alive) return;
          this.savedAt = saved.updatedAt || '';
          this.draftId = saved.id || '';
        },
        () => {
          if (!this.alive) return;
          this.savedAt = '';
        },
      );
    },
    showResume() {
      const kind = this.draft.kind as PostKind;
      this.present('resume', this.words.title, format(this.words.continueDraftHelp, { kind: this.words.kind[kind] }) + this.draftSummary());
      this.setChoices(
        [
          { action: 'resume', label: this.words.continueDraft },
          { action: 'fresh', label: this.words.newDraft },
        ],
        1,
        520,
        100,
      );
    },
    draftSummary(): string {
      const draft = this.draft;
      const photos = this.photos.length > 0 ? format(this.words.photo.draft, { count: this.photos.length }) : '';
      return draft.body ? '\n« ' + draft.body + ' »' + photos : photos;
    },
    /** Where a resumed draft stands: the first step it has not been through. */
    resume() {
      const draft = this.draft;
      if (!draft.kind) this.showKinds();
      else if (!draft.audience) this.showAudiences();
      else if (!draft.body) this.showTexts();
      else if (draft.kind === 'EVENT' && (!draft.event || !draft.event.startsAt)) this.showDays();
      else if (draft.kind === 'EVENT' && draft.event && draft.event.startsAt && draft.event.startsAt.length <= 10) this.showTimes();
      else if (draft.kind === 'EVENT' && draft.event && !draft.event.place) this.showPlaces();
      else this.showPreview();
    },
    showKinds() {
      this.present('kind', this.words.kindTitle, '');
      const current = this.draft.kind ? postKinds.indexOf(this.draft.kind) : 0;
      this.setChoices(
        postKinds.map((kind) => ({ action: 'kind:' + kind, label: this.words.kind[kind] })),
        2,
        220,
        110,
        current,
      );
    },
    showAudiences() {
      const audience = this.draft.audience || 'RESIDENCE';
      this.present('audience', this.words.audienceTitle, this.words.audienceHelp[audience]);
      this.setChoices(
        feedAudiences.map((one) => ({ action: 'audience:' + one, label: this.words.audience[one] })),
        1,
        340,
        110,
        feedAudiences.indexOf(audience),
      );
    },
    showTexts() {
      const kind = this.draft.kind as PostKind;
      this.present('text', this.words.templateTitle, '');
      const templates = this.words.templates[kind];
      this.setChoices(
        templates
          .map((text: string, i: number) => ({ action: 'template:' + i, label: text }))
          .concat([{ action: 'free', label: this.words.freeText }]),
        1,
        220,
        96,
      );
    },
    /** The on-screen keyboard, empty for one's own text or holding the template's sentence to complete it. */
    showWrite(from: 'text' | 'preview') {
      this.writeFrom = from;
      this.present('write', this.words.freeTextTitle, this.words.freeTextHelp);
      this.setChoices([], 1, 260);
      const keyboard = this.$select('keyboard');
      keyboard.open(from === 'preview' ? this.draft.body || '' : '');
      this.$setTimeout(() => keyboard.$focus(), 0);
    },
    typed(text: string) {
      if (this.step !== 'write') return;
      if (typingTimer) clearTimeout(typingTimer);
      typingTimer = setTimeout(() => {
        typingTimer = null;
        if (this.alive && this.step === 'write') this.save({ ...this.draft, title: titleOf(text), body: text });
      }, TYPING_PAUSE_MS);
    },
    written(text: string) {
      if (this.step !== 'write') return;
      const body = text.trim();
      if (body.length < 3) {
        this.body = this.words.tooShort;
        this.bodyBad = true;
        reportMessage(this.words.tooShort);
        speak(this.words.tooShort);
        return;
      }
      if (typingTimer) clearTimeout(typingTimer);
      typingTimer = null;
      const completing = this.writeFrom === 'preview';
      this.save({ ...this.draft, title: titleOf(body), body });
      if (completing || this.draft.kind !== 'EVENT') this.showPreview();
      else this.afterText();
    },
    showDays() {
      const language = this.lang();
      const today = new Date();
      const days: Choice[] = [];
      for (let i = 0; i < 14; i += 1) {
        const date = new Date(today.getFullYear(), today.getMonth(), today.getDate() + i);
        const label = i === 0 ? this.words.today : i === 1 ? this.words.tomorrow : formatEventDay(date, language);
        days.push({ action: 'day:' + dayKey(date), label });
      }
      // Today is offered only while a time is still ahead.
      if (new Date().getHours() >= 21) days.shift();
      this.present('day', this.words.dayTitle, '');
      this.setChoices(days, 3, 220, 90);
    },
    showTimes() {
      const day = ((this.draft.event && this.draft.event.startsAt) || '').slice(0, 10);
      const times: Choice[] = [];
      const soonest = Date.now() + 30 * 60000;
      for (let minutes = 9 * 60; minutes <= 21 * 60; minutes += 30) {
        if (dateOfDay(day, minutes).getTime() < soonest) continue;
        times.push({ action: 'time:' + minutes, label: pad(Math.floor(minutes / 60)) + ':' + pad(minutes % 60) });
      }
      this.present('time', this.words.timeTitle, formatEventDay(dateOfDay(day), this.lang()));
      this.setChoices(times, 5, 300, 80);
    },
    showPlaces() {
      this.present('place', this.words.placeTitle, '');
      this.setChoices(
        this.words.places.map((place: string, i: number) => ({ action: 'place:' + i, label: place })),
        1,
        220,
        96,
      );
    },
    showCapacities() {
      this.present('capacity', this.words.capacityTitle, '');
      this.setChoices(
        [{ action: 'capacity:0', label: this.words.unlimited }].concat(
          CAPACITIES.map((count) => ({ action: 'capacity:' + count, label: format(this.words.capacity, { count }) })),
        ),
        4,
        260,
        100,
      );
    },
    showPreview() {
      const draft = this.draft;
      const words: FeedWords = this.words;
      const kind = draft.kind as PostKind;
      const audience = (draft.audience || 'RESIDENCE') as FeedAudience;
      let text = format(words.preview, { kind: words.kind[kind], audience: words.audience[audience], body: draft.body || '' });
      if (kind === 'EVENT' && draft.event && draft.event.startsAt) {
        text += format(words.previewEvent, {
          when: formatDateTime(draft.event.startsAt, this.lang()),
          place: draft.event.place || '',
          capacity: draft.event.capacity ? format(words.capacity, { count: draft.event.capacity }) : words.unlimited,
        });
      }
      const count = this.photos.length;
      if (count > 0) text += '\n' + format(words.photo.preview, { count });
      this.present('preview', words.previewTitle, text);
      this.setChoices(
        [
          { action: 'publish', label: words.publish },
          { action: 'complete', label: words.complete },
          { action: 'photos', label: count > 0 ? format(words.photo.addMore, { count }) : words.photo.add },
          { action: 'edit', label: words.edit },
        ],
        2,
        count > 0 ? 640 : 620,
        110,
      );
    },
    // --- photos from the phone ---
    /** Lays the thumbnails out: beside the QR code in the photos step, under the text in the preview, one when removing. */
    layoutThumbs() {
      renders += 1;
      const step = this.step;
      const photos = this.photos as PostPhoto[];
      const words: FeedWords = this.words;
      let shown: PostPhoto[] = photos;
      let box = { left: LEFT + BESIDE_QR, y: 560, w: 300, h: 225, gap: 30 };
      if (step === 'preview') box = { left: LEFT, y: 420, w: 240, h: 180, gap: 28 };
      else if (step === 'photoRemove') {
        shown = this.removing ? [this.removing as PostPhoto] : [];
        box = { left: LEFT, y: 240, w: 480, h: 360, gap: 0 };
      } else if (step !== 'photos') shown = [];
      const base = api.baseUrl;
      this.thumbs = shown.map((photo, i) => {
        const x = box.left + i * (box.w + box.gap);
        const n = photos.indexOf(photo) + 1 || i + 1;
        return {
          id: photo.id,
          key: [renders, photo.id, step].join('|'),
          n,
          x: this.rtl ? 1920 - x - box.w : x,
          y: box.y,
          w: box.w,
          h: box.h,
          src: base + (step === 'photoRemove' ? photo.url : photo.thumbUrl),
          pw: photo.width,
          ph: photo.height,
          label: format(words.photo.label, { index: n, count: photos.length }),
          hint: step === 'photos' ? words.photo.removeHint : '',
        };
      });
      this.thumbIndex = Math.max(0, Math.min(this.thumbIndex, this.thumbs.length - 1));
      if (this.zone === 'thumbs' && (step !== 'photos' || this.thumbs.length === 0)) this.zone = 'items';
    },
    photosBody(): string {
      const words: FeedWords = this.words;
      const count = this.photos.length;
      const status = count === 0 ? words.photo.none : count >= 4 ? words.photo.full : format(words.photo.count, { count });
      if (!this.qrUrl) return status;
      return format(words.photo.help, { url: this.qrUrl.split('#')[0], code: this.handoffCode }) + '\n\n' + status;
    },
    /** The photos step: a new code for the phone when asked (coming from the preview), else the one shown already. */
    showPhotos(newCode: boolean) {
      const words: FeedWords = this.words;
      if (newCode) {
        this.qrUrl = '';
        this.handoffCode = '';
      }
      this.present('photos', words.photo.title, this.qrUrl ? this.photosBody() : this.t.common.loading);
      this.setChoices([{ action: 'photos-done', label: this.photos.length > 0 ? words.photo.done : words.photo.skip }], 1, 840, 100);
      this.startPolling();
      if (this.qrUrl) return;
      this.ensureDraft()
        .then((draftId: string) => api.startHandoff({ purpose: 'post_photos', subjectId: draftId }))
        .then(
          (handoff: Handoff) => {
            if (!this.alive || this.step !== 'photos') return;
            this.qrUrl = handoff.url;
            this.handoffCode = handoff.code;
            this.body = this.photosBody();
            reportMessage(this.title + ' — ' + this.body);
            this.loadPhotos();
          },
          (error: unknown) => {
            if (!this.alive || this.step !== 'photos') return;
            const message = feedFailure(error, this.words, this.t);
            this.body = message;
            this.bodyBad = true;
            reportMessage(message);
            speak(message);
          },
        );
    },
    /** The hand-off names the draft: wait for the saves under way, and save it once if none reached the server yet. */
    ensureDraft(): Promise<string> {
      return saving.then(() => {
        if (this.draftId) return this.draftId as string;
        return api.savePostDraft(this.draft as PostDraftContent).then((saved) => {
          this.draftId = saved.id || '';
          return this.draftId as string;
        });
      });
    },
    loadPhotos() {
      api.postDraft().then(
        (draft) => {
          if (!this.alive) return;
          const before = (this.photos as PostPhoto[]).map((photo) => photo.id).join('|');
          if (draft.id) this.draftId = draft.id;
          if (draft.photos.map((photo) => photo.id).join('|') === before) return;
          const arrived = draft.photos.length > this.photos.length;
          this.photos = draft.photos;
          this.layoutThumbs();
          if (this.step !== 'photos') return;
          this.body = this.photosBody();
          reportMessage(this.title + ' — ' + this.body);
          if (arrived) speak(this.body.split('\n\n').pop() || '');
          const words: FeedWords = this.words;
          const label = this.photos.length > 0 ? words.photo.done : words.photo.skip;
          if (this.choices[0] && (this.choices[0] as Choice).label !== label) {
            const onThumbs = this.zone === 'thumbs';
            this.setChoices([{ action: 'photos-done', label }], 1, 840, 100);
            if (onThumbs) this.zone = 'thumbs';
          }
          this.$setTimeout(() => this.focusItem(), 0);
        },
        () => undefined,
      );
    },
    startPolling() {
      this.stopPolling();
      this.poll = this.$setInterval(() => {
        if (this.alive && this.step === 'photos') this.loadPhotos();
      }, PHOTOS_POLL_MS);
    },
    stopPolling() {
      if (this.poll) this.$clearInterval(this.poll);
      this.poll = 0;
    },
    askRemove() {
      const photo = (this.photos as PostPhoto[]).filter((one) => one.id === (this.thumbs[this.thumbIndex] as Thumb | undefined)?.id)[0];
      if (!photo) return;
      const words: FeedWords = this.words;
      this.removing = photo;
      this.present('photoRemove', words.photo.removeTitle, words.photo.removeHelp);
      this.setChoices(
        [
          { action: 'remove', label: words.photo.remove },
          { action: 'keep', label: words.photo.keep },
        ],
        2,
        660,
        110,
      );
    },
    removePhoto() {
      const photo = this.removing as PostPhoto | null;
      if (!photo || this.busy) return;
      this.busy = true;
      api.removePostDraftPhoto(photo.id).then(
        (draft) => {
          if (!this.alive) return;
          this.busy = false;
          this.removing = null;
          this.photos = draft.photos;
          this.showPhotos(false);
          const message = this.words.photo.removed + ' ' + this.photosBody().split('\n\n').pop();
          reportMessage(this.title + ' — ' + message);
          speak(message);
        },
        (error: unknown) => {
          if (!this.alive) return;
          this.busy = false;
          const message = feedFailure(error, this.words, this.t);
          this.body = message;
          this.bodyBad = true;
          reportMessage(message);
          speak(message);
        },
      );
    },
    moveThumb(step: number) {
      const next = this.thumbIndex + step;
      if (next < 0 || next >= this.thumbs.length) return;
      this.thumbIndex = next;
      this.focusItem();
    },
    publish() {
      if (this.busy) return;
      const draft = this.draft;
      const kind = draft.kind as PostKind;
      const body = (draft.body || '').trim();
      this.busy = true;
      this.body = this.words.publishing;
      this.bodyBad = false;
      if (!this.publishKey) this.publishKey = newIdempotencyKey();
      const event =
        kind === 'EVENT' && draft.event
          ? {
              startsAt: draft.event.startsAt || '',
              place: draft.event.place || '',
              ...(draft.event.capacity ? { capacity: draft.event.capacity } : {}),
            }
          : undefined;
      api
        .createPost(
          { kind, audience: draft.audience || 'RESIDENCE', title: titleOf(body), body, ...(event ? { event } : {}) },
          this.publishKey,
        )
        .then(
          () => {
            if (!this.alive) return;
            this.busy = false;
            this.publishKey = '';
            // The feed opens again at the top, on the post just published.
            forgetFeed();
            this.draft = {};
            this.savedAt = '';
            this.draftId = '';
            this.photos = [];
            this.qrUrl = '';
            this.present('published', this.words.title, this.words.published);
            this.setChoices([{ action: 'feed', label: this.words.toFeed }], 1, 420, 110);
          },
          (error: unknown) => {
            if (!this.alive) return;
            this.busy = false;
            const message = feedFailure(error, this.words, this.t);
            this.body = message;
            this.bodyBad = true;
            reportMessage(message);
            speak(message);
          },
        );
    },
    choose() {
      if (this.zone === 'thumbs' && this.step === 'photos') {
        this.askRemove();
        return;
      }
      const choice = this.choices[this.index] as Choice | undefined;
      if (!choice || this.busy) return;
      const [kind, value] = choice.action.split(':') as [string, string];
      const draft = this.draft;
      if (kind === 'resume') this.resume();
      else if (kind === 'fresh') {
        this.draft = {};
        this.savedAt = '';
        // Thrown away on the server with its photos (and their files); the next save makes a new draft.
        this.draftId = '';
        this.photos = [];
        api.clearPostDraft().then(
          () => undefined,
          () => undefined,
        );
        this.showKinds();
      } else if (kind === 'kind') {
        const postKind = value as PostKind;
        // Another kind: the text and the event chosen for the previous one no longer fit.
        const next: PostDraftContent =
          draft.kind === postKind ? { ...draft } : { kind: postKind, ...(draft.audience ? { audience: draft.audience } : {}) };
        this.save(next);
        this.showAudiences();
      } else if (kind === 'audience') {
        this.save({ ...draft, audience: value as FeedAudience });
        this.showTexts();
      } else if (kind === 'template') {
        const text = this.words.templates[draft.kind as PostKind][Number(value)] || '';
        this.save({ ...draft, title: titleOf(text), body: text });
        this.afterText();
      } else if (kind === 'free') this.showWrite('text');
      else if (kind === 'complete') this.showWrite('preview');
      else if (kind === 'day') {
        this.save({ ...draft, event: { ...(draft.event || {}), startsAt: value } });
        this.showTimes();
      } else if (kind === 'time') {
        const day = ((draft.event && draft.event.startsAt) || '').slice(0, 10);
        this.save({ ...draft, event: { ...(draft.event || {}), startsAt: dateOfDay(day, Number(value)).toISOString() } });
        this.showPlaces();
      } else if (kind === 'place') {
        this.save({ ...draft, event: { ...(draft.event || {}), place: this.words.places[Number(value)] || '' } });
        this.showCapacities();
      } else if (kind === 'capacity') {
        const count = Number(value);
        const event = { ...(draft.event || {}) };
        if (count > 0) event.capacity = count;
        else delete event.capacity;
        this.save({ ...draft, event });
        this.showPreview();
      } else if (kind === 'publish') this.publish();
      else if (kind === 'photos') this.showPhotos(true);
      else if (kind === 'photos-done') this.showPreview();
      else if (kind === 'remove') this.removePhoto();
      else if (kind === 'keep') this.showPhotos(false);
      else if (kind === 'edit') this.showKinds();
      else if (kind === 'feed') goBack(this, '/feed');
    },
    afterText() {
      if (this.draft.kind === 'EVENT') this.showDays();
      else this.showPreview();
    },
    moveFocus(delta: number) {
      const next = this.index + delta;
      if (next < 0 || next >= this.items.length) return;
      this.index = next;
      this.focusItem();
    },
    goUp() {
      const isEvent = this.draft.kind === 'EVENT';
      const parents: Record<Step, () => void> = {
        loading: () => goBack(this, '/feed'),
        resume: () => goBack(this, '/feed'),
        kind: () => goBack(this, '/feed'),
        audience: () => this.showKinds(),
        text: () => this.showAudiences(),
        write: () => (this.writeFrom === 'preview' ? this.showPreview() : this.showTexts()),
        day: () => this.showTexts(),
        time: () => this.showDays(),
        place: () => this.showTimes(),
        capacity: () => this.showPlaces(),
        preview: () => (isEvent ? this.showCapacities() : this.showTexts()),
        photos: () => this.showPreview(),
        photoRemove: () => this.showPhotos(false),
        published: () => goBack(this, '/feed'),
      };
      parents[this.step as Step]();
    },
  },
  input: {
    ...grid,
    // The photos step adds a row of thumbnails above its button: Up reaches them, Left/Right go along, Down comes back.
    up() {
      if (this.step === 'photos' && this.zone === 'items' && this.thumbs.length > 0) {
        this.zone = 'thumbs';
        this.focusItem();
        return;
      }
      grid.up.call(this as never);
    },
    down() {
      if (this.zone === 'thumbs') {
        this.zone = 'items';
        this.focusItem();
        return;
      }
      grid.down.call(this as never);
    },
    left() {
      if (this.zone === 'thumbs') this.moveThumb(horizontalStep('left', this.rtl));
      else grid.left.call(this as never);
    },
    right() {
      if (this.zone === 'thumbs') this.moveThumb(horizontalStep('right', this.rtl));
      else grid.right.call(this as never);
    },
  },
});
