// Long text from the phone: a QR code and a short code; the tenant writes on their phone, the text comes back at once.
//
//   components: { PhoneText },
//   template: `<PhoneText ref="phone" :show="$phoneShown" x="96" y="200" event="answerPhone" testid="answer-phone" />`,
//   ready() {
//     this.$listen('answerPhone:text', ({ text }) => …);   // what the phone sent (single use: a new start() for more)
//     this.$listen('answerPhone:back', () => …);           // Back, or "Revenir au clavier"
//   }
//   this.$select('phone').start(question, limit, textSoFar); this.$select('phone').$focus();
//   this.$select('phone').stop() when the page leaves it by other means.
//
// The code is good for one phone and a few minutes (POST /api/v1/handoffs, purpose "text"); the TV is told by the
// realtime event handoff.text_received and, should the socket be down, reads GET /api/v1/handoffs/:id/text every 4 s.
import Blits from '@lightningjs/blits';
import Button from './Button';
import QrCode from './QrCode';
import Waiting from './Waiting';
import { lookComputed, speak } from './look';
import { api } from '../api/session';
import { failureMessage } from '../api/problems';
import { format } from '../i18n';
import { keyboardWords, type KeyboardWords } from '../i18n/keyboard';
import { onHandoffText } from '../handoffs/events';
import { reportMessage } from '../testing';

const POLL_MS = 4000;

export default Blits.Component('PhoneText', {
  components: { Button, QrCode, Waiting },
  props: ['event', 'testid'],
  template: `
    <Element w="1728" h="640" :inspector-data="{testid: $testid || 'phone-text', phase: $phase, code: $code}">
      <Element w="1728" h="640" :color="$c.surface" />
      <QrCode :alpha="$url ? 1 : 0" :value="$url" size="380" :x="$rtl ? 1728 - 40 - 380 : 40" y="40" :testid="($testid || 'phone-text') + '-qr'" />
      <Text :content="$words.phoneTitle" :font="$f.bold" :size="$ts.heading" :color="$c.text" :x="$rtl ? 40 : 460" y="40" maxwidth="1228" maxlines="1" :align="$rtl ? 'right' : 'left'" />
      <Text :content="$message" :size="$ts.body" :color="$c.text" :x="$rtl ? 40 : 460" :y="60 + $ts.heading * 1.4" maxwidth="1228" maxlines="6" :lineheight="$ts.lineHeight($ts.body)" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: ($testid || 'phone-text') + '-message'}" />
      <Waiting :show="$phase === 'waiting' || $phase === 'preparing'" :label="$phase === 'waiting' ? $words.phoneWaiting : $words.phonePreparing" w="1228" :x="$rtl ? 40 : 460" y="400" testid="phone-text-waiting" />
      <Button ref="action" :x="$rtl ? 1728 - 40 - 620 : 40" y="500" w="620" h="100" :label="$phase === 'failed' ? $words.phoneRetry : $words.phoneCancel" :testid="($testid || 'phone-text') + '-action'" />
    </Element>
  `,
  state() {
    return {
      phase: 'idle' as 'idle' | 'preparing' | 'waiting' | 'failed' | 'received',
      url: '',
      code: '',
      message: '',
      handoffId: '',
      prompt: '',
      limit: 500,
      initial: '',
      unsubscribe: null as null | (() => void),
    };
  },
  computed: {
    ...lookComputed,
    words(): KeyboardWords {
      return keyboardWords(this.$appState.language);
    },
  },
  hooks: {
    ready() {
      const unsubscribe = onHandoffText((handoffId: string) => {
        if (handoffId === this.handoffId && this.phase === 'waiting') this.fetchText();
      });
      this.unsubscribe = unsubscribe;
      // A hint may be lost while the socket reconnects: read the text now and then while waiting.
      this.$setInterval(() => {
        if (this.phase === 'waiting') this.fetchText();
      }, POLL_MS);
    },
    destroy() {
      if (this.unsubscribe) this.unsubscribe();
    },
    focus() {
      this.$setTimeout(() => {
        const action = this.$select('action');
        if (action) action.$focus();
      }, 0);
    },
  },
  methods: {
    /** Asks for a new code (the question shown on the phone, its limit, the text typed so far) and waits. */
    start(prompt: string, limit: number, initial: string) {
      this.prompt = Array.from(prompt || ' ')
        .slice(0, 300)
        .join('');
      this.limit = limit;
      this.initial = initial || '';
      this.phase = 'preparing';
      this.url = '';
      this.code = '';
      this.handoffId = '';
      this.message = '';
      api.startHandoff({ purpose: 'text', text: { prompt: this.prompt, maxLength: this.limit, initial: this.initial } }).then(
        (handoff) => {
          if (this.phase !== 'preparing') return;
          this.handoffId = handoff.id;
          this.url = handoff.url;
          this.code = handoff.code;
          this.phase = 'waiting';
          this.message = format(this.words.phoneHelp, { url: handoff.url.split('#')[0] as string, code: handoff.code });
          reportMessage(this.words.phoneTitle + ' — ' + this.message);
          speak(this.words.phoneTitle + '. ' + this.message);
        },
        (error: unknown) => this.fail(error),
      );
    },
    /** The page left the phone panel: stop waiting (the code simply expires). */
    stop() {
      this.phase = 'idle';
      this.handoffId = '';
      this.url = '';
    },
    fetchText() {
      const handoffId = this.handoffId;
      api.handoffText(handoffId).then(
        (sent) => {
          if (sent.text === null || handoffId !== this.handoffId || this.phase !== 'waiting') return;
          this.phase = 'received';
          this.url = '';
          this.$emit(this.event + ':text', { text: sent.text });
        },
        (error: unknown) => {
          // Polling failures are quiet (the next try may work); a failure the tenant caused shows.
          if (this.phase === 'waiting' && error && (error as { status?: number }).status === 404) this.fail(error);
        },
      );
    },
    fail(error: unknown) {
      this.phase = 'failed';
      this.url = '';
      this.message = failureMessage(error, this.t);
      reportMessage(this.message);
      speak(this.message);
    },
  },
  input: {
    enter() {
      if (this.phase === 'failed') this.start(this.prompt, this.limit, this.initial);
      else {
        this.stop();
        this.$emit(this.event + ':back', {});
      }
    },
    back() {
      this.stop();
      this.$emit(this.event + ':back', {});
    },
    left() {},
    right() {},
    up() {},
    down() {},
  },
});
