// The full-screen writer of a reply to a post or a message to a neighbour: a title, a help line (in red when the text is
// refused), and the on-screen keyboard. It never sends an empty text.
//
//   components: { ReplyWriter },
//   template: `<ReplyWriter ref="writer" :shown="$writing" event="feedReply" :heading="$words.replyTitle"
//                 :help="$words.freeTextHelp" :tooshort="$words.tooShort" :placeholder="$title"
//                 testid="reply-writer" keyboardid="reply-keyboard" />`,
//   this.writing = true; this.$select('writer').open();                // an empty text, the focus on the keyboard
//   this.$listen('feedReply:send', ({ text }) => …);                   // "Terminé" on a text: trimmed, never empty
//   this.$listen('feedReply:back', () => …);                           // Back on the keyboard: close it, say nothing
// The page hides what is behind (`writing`) and sends the text, with a key from `keyForText` (api/idempotency-key.ts)
// so that a resend of the same text after a lost answer never posts it twice.
import Blits from '@lightningjs/blits';
import Keyboard from './Keyboard';
import { lookComputed, speak } from './look';
import { reportMessage } from '../testing';

export default Blits.Component('ReplyWriter', {
  components: { Keyboard },
  props: ['shown', 'event', 'heading', 'help', 'tooshort', 'placeholder', 'testid', 'keyboardid'],
  template: `
    <Element :alpha="$shown ? 1 : 0" w="1920" h="1080" :color="$c.background" :inspector-data="{testid: $testid}">
      <Text :content="$heading" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="54" maxwidth="1728" maxlines="1" :align="$rtl ? 'right' : 'left'" />
      <Text :content="$helpLine" :size="$ts.body" :color="$refused ? $c.danger : $c.textMuted" x="96" :y="54 + $ts.title * 1.4" maxwidth="1728" maxlines="1" :align="$rtl ? 'right' : 'left'" />
      <Keyboard ref="keyboard" x="96" :y="54 + $ts.title * 1.4 + $ts.body * 1.8" :event="$event" limit="1000" lines="2" :placeholder="$placeholder" :testid="$keyboardid" />
    </Element>
  `,
  state() {
    return {
      helpLine: '',
      /** The last "Terminé" had nothing to send. */
      refused: false,
    };
  },
  computed: {
    ...lookComputed,
  },
  hooks: {
    ready() {
      this.$listen(this.event + ':done', ({ text }: { text: string }) => this.done(text));
    },
  },
  methods: {
    /** Shows an empty text with the help line, the focus on the keyboard. */
    open() {
      this.helpLine = this.help;
      this.refused = false;
      const keyboard = this.$select('keyboard');
      keyboard.open('');
      this.$setTimeout(() => keyboard.$focus(), 0);
    },
    done(text: string) {
      if (!this.shown) return;
      const body = text.trim();
      if (body.length === 0) {
        this.helpLine = this.tooshort;
        this.refused = true;
        reportMessage(this.helpLine);
        speak(this.helpLine);
        return;
      }
      this.$emit(this.event + ':send', { text: body });
    },
  },
});
