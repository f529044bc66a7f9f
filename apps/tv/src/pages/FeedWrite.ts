// Writing a post with the remote: kind → audience (my building / my residence / my district) → a template or one's own
// text → for an event: day, time, place, places → preview → publish. The draft is saved on the server at every step,
// so a power cut loses nothing: opening "write" again offers to continue it.
import Blits from '@lightningjs/blits';
import type { FeedAudience, PostDraftContent, PostKind } from '@palier/contracts/src/feed';
import { feedAudiences, postKinds } from '@palier/contracts/src/feed';
import { api } from '../api/session';
import { format, formatDateTime } from '../i18n';
import { feedWords, formatEventDay, type FeedWords } from '../i18n/feed';
import { reportMessage, reportScreen } from '../testing';
import { lookComputed, speak } from '../components/look';
import { choiceGridInput } from '../components/choice-grid';
import Button from '../components/Button';
import KeyHints from '../components/KeyHints';
import Waiting from '../components/Waiting';
import Keyboard from '../components/Keyboard';
import { feedFailure, newIdempotencyKey, titleOf } from '../feed/describe';
import { goBack } from './navigation';
import { forgetFeed } from '../feed/memory';

type Step = 'loading' | 'resume' | 'kind' | 'audience' | 'text' | 'write' | 'day' | 'time' | 'place' | 'capacity' | 'preview' | 'published';

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

const LEFT = 96;
const WIDTH = 1728;
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

function dateOfDay(day: string, minutes = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, 0, 0);
}

export default Blits.Component('FeedWrite', {
  components: { Button, KeyHints, Waiting, Keyboard },
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-feed-write', step: $step}">
      <Text :content="$title" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="54" maxwidth="1300" maxlines="1" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'write-title'}" />
      <Text :content="$savedLabel" :size="$ts.small" :color="$c.textMuted" x="96" :y="54 + $ts.title * 0.3" maxwidth="1728" maxlines="1" :align="$rtl ? 'left' : 'right'" :inspector-data="{testid: 'write-saved'}" />
      <Text :show="!!$body" :content="$body" :size="$ts.body" :color="$bodyBad ? $c.danger : $c.text" x="96" :y="54 + $ts.title * 1.6" maxwidth="1728" :maxlines="$bodyLines" :lineheight="$ts.lineHeight($ts.body)" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'write-body'}" />
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
    hints() {
      return [
        { key: 'ok', label: this.t.common.choose },
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
      api.postDraft().then(
        (draft) => {
          if (!this.alive) return;
          if (draft.content && draft.content.kind) {
            this.draft = draft.content;
            this.savedAt = draft.updatedAt || '';
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
      reportMessage(title + (body ? ' — ' + body : ''));
      speak(title + '. ' + body);
    },
    focusItem() {
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
      return draft.body ? '\n« ' + draft.body + ' »' : '';
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
      this.present('preview', words.previewTitle, text);
      this.setChoices(
        [
          { action: 'publish', label: words.publish },
          { action: 'complete', label: words.complete },
          { action: 'edit', label: words.edit },
        ],
        3,
        620,
        110,
      );
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
      const choice = this.choices[this.index] as Choice | undefined;
      if (!choice || this.busy) return;
      const [kind, value] = choice.action.split(':') as [string, string];
      const draft = this.draft;
      if (kind === 'resume') this.resume();
      else if (kind === 'fresh') {
        this.draft = {};
        this.savedAt = '';
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
        published: () => goBack(this, '/feed'),
      };
      parents[this.step as Step]();
    },
  },
  input: choiceGridInput('choose'),
});
