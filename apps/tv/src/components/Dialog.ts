// A yes/no question over the whole screen ("Leave Palier?"). "No" has the focus first, so a double press never exits.
import Blits from '@lightningjs/blits';
import Button from './Button';
import { horizontalStep, lookComputed, speak } from './look';

export default Blits.Component('Dialog', {
  components: { Button },
  /** event: what the answer is emitted as (a screen's own question must not answer the app's "Leave Palier?"). */
  props: ['question', 'help', 'yes', 'no', 'event'],
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'dialog'}">
      <Element w="1920" h="1080" :color="$c.scrim" />
      <Element x="460" y="300" w="1000" h="480" :color="$c.surface">
        <Element w="1000" h="8" :color="$c.focus" />
        <Text :content="$question" :font="$f.bold" :size="$ts.title" :color="$c.text" x="60" y="70" maxwidth="880" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'dialog-question'}" />
        <Text :content="$help" :size="$ts.body" :color="$c.textMuted" x="60" :y="90 + $ts.title * 1.4" maxwidth="880" :align="$rtl ? 'right' : 'left'" />
        <Button ref="yes" :x="$rtl ? 520 : 60" y="320" w="420" h="100" :label="$yes" testid="dialog-yes" />
        <Button ref="no" :x="$rtl ? 60 : 520" y="320" w="420" h="100" :label="$no" testid="dialog-no" />
      </Element>
    </Element>
  `,
  state() {
    return { choice: 1 };
  },
  computed: { ...lookComputed },
  hooks: {
    focus() {
      this.choice = 1;
      speak(this.question);
      this.focusChoice();
    },
  },
  methods: {
    focusChoice() {
      const button = this.$select(this.choice === 0 ? 'yes' : 'no');
      if (button) button.$focus();
    },
  },
  input: {
    left() {
      this.choice = Math.max(0, Math.min(1, this.choice + horizontalStep('left', this.rtl)));
      this.focusChoice();
    },
    right() {
      this.choice = Math.max(0, Math.min(1, this.choice + horizontalStep('right', this.rtl)));
      this.focusChoice();
    },
    enter() {
      this.$emit(this.event || 'dialogAnswer', this.choice === 0);
    },
    back() {
      this.$emit(this.event || 'dialogAnswer', false);
    },
    up() {},
    down() {},
    red() {},
    green() {},
    yellow() {},
    blue() {},
  },
});
