// Reporting a post, a reply or a private message to the moderators: pick a reason, optionally write a word, send; Back
// always returns. Reporting the same thing twice is harmless (the API keeps the first report), so a retry after a lost
// answer is safe. Opened from the post's "⚑ Signaler", OK on a neighbour's reply, and OK on the other neighbour's
// message in a conversation (/feed/report/message/:id).
import Blits from '@lightningjs/blits';
import type { ContentReportReason } from '@palier/contracts/src/moderation';
import { ApiProblem } from '@palier/contracts/src/client';
import { api } from '../api/session';
import { moderationWords, type ModerationWords } from '../i18n/moderation';
import { reportMessage, reportScreen } from '../testing';
import { horizontalStep, lookComputed, speak } from '../components/look';
import Button from '../components/Button';
import Waiting from '../components/Waiting';
import KeyHints from '../components/KeyHints';
import Keyboard from '../components/Keyboard';
import { goBack } from './navigation';

/** In the order the moderators' list has them (contracts' contentReportReasons), without pulling TypeBox into the TV. */
const REASONS: ContentReportReason[] = ['ABUSE', 'DISCRIMINATION', 'SPAM', 'PERSONAL_INFORMATION', 'DANGEROUS', 'OTHER'];
const COLUMN_W = 840;
const GAP = 48;

type Step = 'reason' | 'comment' | 'writing' | 'sending' | 'done';

interface Choice {
  id: string;
  key: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

let renders = 0;

export default Blits.Component('FeedReport', {
  components: { Button, Waiting, KeyHints, Keyboard },
  /** kind: "post", "reply" or "message"; id: its id. */
  props: ['kind', 'id'],
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-feed-report', step: $step, kind: $kind}">
      <Text :content="$title" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="54" maxwidth="1728" maxlines="1" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'report-title'}" />
      <Text :content="$lead" :size="$ts.body" :color="$bad ? $c.danger : $c.textMuted" x="96" :y="54 + $ts.title * 1.5" maxwidth="1728" maxlines="3" :lineheight="$ts.lineHeight($ts.body)" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'report-lead', message: $lead}" />
      <Element :alpha="$step === 'writing' || $step === 'sending' ? 0 : 1">
        <Button :for="(choice, i) in $choices" key="$choice.key" ref="choice" :x="$choice.x" :y="$choice.y" :w="$choice.w" :h="$choice.h" :label="$choice.label" :testid="'report-' + $choice.id" />
      </Element>
      <Waiting :show="$step === 'sending'" :label="$words.sending" x="96" y="360" w="1728" testid="report-sending" />
      <KeyHints :hints="$hints" />
      <Element :alpha="$step === 'writing' ? 1 : 0" w="1920" h="1080" :color="$c.background" :inspector-data="{testid: 'report-writer'}">
        <Text :content="$words.commentTitle" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="54" maxwidth="1728" maxlines="1" :align="$rtl ? 'right' : 'left'" />
        <Text :content="$words.commentHelp" :size="$ts.body" :color="$c.textMuted" x="96" :y="54 + $ts.title * 1.4" maxwidth="1728" maxlines="1" :align="$rtl ? 'right' : 'left'" />
        <Keyboard ref="keyboard" x="96" :y="54 + $ts.title * 1.4 + $ts.body * 1.8" event="reportComment" limit="500" lines="2" placeholder="" testid="report-keyboard" />
      </Element>
    </Element>
  `,
  state() {
    return {
      step: 'reason' as Step,
      reason: 'ABUSE' as ContentReportReason,
      choices: [] as Choice[],
      index: 0,
      lead: '',
      bad: false,
      alive: true,
    };
  },
  computed: {
    ...lookComputed,
    words(): ModerationWords {
      return moderationWords(this.$appState.language);
    },
    title() {
      if (this.kind === 'message') return this.words.titleMessage;
      return this.kind === 'reply' ? this.words.titleReply : this.words.titlePost;
    },
    /** Where Back leads without history: the conversations for a message, else the feed. */
    parentPath(): string {
      return this.kind === 'message' ? '/conversations' : '/feed';
    },
    buttonH() {
      return Math.round(this.ts.label * 2.2);
    },
    hints() {
      return [
        { key: 'ok', label: this.t.common.choose },
        { key: 'back', label: this.t.common.goBack },
      ];
    },
  },
  watch: {
    '$appState.language'() {
      this.$setTimeout(() => this.showStep(this.step === 'writing' ? 'comment' : this.step), 0);
    },
  },
  hooks: {
    ready() {
      reportScreen('feed-report');
      reportMessage('');
      this.$listen('reportComment:done', ({ text }: { text: string }) => this.written(text));
      this.$listen('reportComment:back', () => this.step === 'writing' && this.showStep('comment'));
      this.showStep('reason');
    },
    focus() {
      this.focusCurrent();
    },
    destroy() {
      this.alive = false;
    },
  },
  methods: {
    /** Lays out the step's buttons: the six reasons in two columns, else one column of answers. */
    showStep(step: Step, lead?: string, bad = false) {
      this.step = step;
      renders += 1;
      const words: ModerationWords = this.words;
      const h = this.buttonH;
      const top = 54 + this.ts.title * 1.5 + this.ts.lineHeight(this.ts.body) * 3 + 24;
      const place = (id: string, label: string, i: number, columns: number): Choice => {
        const col = columns === 2 ? i % 2 : 0;
        const row = columns === 2 ? Math.floor(i / 2) : i;
        const x = 96 + col * (COLUMN_W + GAP);
        return {
          id,
          key: [renders, id, label].join('|'),
          label,
          x: this.rtl ? 1920 - x - COLUMN_W : x,
          y: top + row * (h + 28),
          w: COLUMN_W,
          h,
        };
      };
      if (step === 'reason') {
        this.choices = REASONS.map((reason, i) => place('reason-' + reason, words.reason[reason], i, 2));
        this.lead = lead || (this.kind === 'message' ? words.whyMessage : words.why);
      } else if (step === 'comment') {
        this.choices = [place('send', words.sendNow, 0, 1), place('comment', words.writeComment, 1, 1)];
        this.lead = words.reason[this.reason as ContentReportReason] + ' — ' + words.commentQuestion;
      } else if (step === 'done') {
        const back = this.kind === 'message' ? words.backToConversation : words.backToPost;
        this.choices = bad ? [place('retry', words.retry, 0, 1), place('back', back, 1, 1)] : [place('back', back, 0, 1)];
        this.lead = lead || '';
      } else {
        this.choices = [];
      }
      this.bad = bad;
      this.index = 0;
      if (this.lead) {
        reportMessage(this.lead);
        speak(this.lead);
      }
      this.$setTimeout(() => this.focusCurrent(), 0);
    },
    focusCurrent() {
      if (this.step === 'writing') {
        const keyboard = this.$select('keyboard');
        if (keyboard) keyboard.$focus();
        return;
      }
      const choice = this.$select('choice' + this.index);
      if (choice) choice.$focus();
    },
    choose() {
      const choice = this.choices[this.index] as Choice | undefined;
      if (!choice) return;
      if (choice.id.indexOf('reason-') === 0) {
        this.reason = choice.id.slice('reason-'.length) as ContentReportReason;
        this.showStep('comment');
      } else if (choice.id === 'send') this.send('');
      else if (choice.id === 'comment') {
        this.step = 'writing';
        const keyboard = this.$select('keyboard');
        keyboard.open('');
        this.$setTimeout(() => keyboard.$focus(), 0);
      } else if (choice.id === 'retry') this.showStep('comment');
      else if (choice.id === 'back') goBack(this, this.parentPath);
    },
    written(text: string) {
      if (this.step !== 'writing') return;
      this.send(text.trim());
    },
    send(comment: string) {
      this.showStep('sending');
      reportMessage(this.words.sending);
      const kinds = { post: 'POST', reply: 'REPLY', message: 'MESSAGE' } as const;
      const target = { kind: kinds[this.kind as keyof typeof kinds] || ('POST' as const), id: this.id as string };
      api.reportContent({ target, reason: this.reason as ContentReportReason, ...(comment ? { comment } : {}) }).then(
        (receipt) => {
          if (!this.alive) return;
          // The API answers with the first report when this neighbour had already reported it.
          this.showStep('done', receipt.repeated ? this.words.already : this.words.thanks);
        },
        (error: unknown) => {
          if (!this.alive) return;
          const words: ModerationWords = this.words;
          if (error instanceof ApiProblem && error.code === 'not_found') this.showStep('done', words.gone, false);
          else if (error instanceof ApiProblem && error.code === 'cannot_report_oneself') this.showStep('done', words.own, false);
          else this.showStep('done', words.failed, true);
        },
      );
    },
    move(step: number) {
      const next = this.index + step;
      if (next < 0 || next >= this.choices.length) return;
      this.index = next;
      this.focusCurrent();
    },
  },
  input: {
    up() {
      this.move(this.step === 'reason' ? -2 : -1);
    },
    down() {
      this.move(this.step === 'reason' ? 2 : 1);
    },
    left() {
      if (this.step !== 'reason') return;
      const step = horizontalStep('left', this.rtl);
      if ((this.index % 2 === 0 && step < 0) || (this.index % 2 === 1 && step > 0)) return;
      this.move(step);
    },
    right() {
      if (this.step !== 'reason') return;
      const step = horizontalStep('right', this.rtl);
      if ((this.index % 2 === 0 && step < 0) || (this.index % 2 === 1 && step > 0)) return;
      this.move(step);
    },
    enter() {
      if (this.step === 'sending') return;
      this.choose();
    },
    back() {
      if (this.step === 'sending') return;
      if (this.step === 'comment') return this.showStep('reason');
      goBack(this, this.parentPath);
    },
  },
});
