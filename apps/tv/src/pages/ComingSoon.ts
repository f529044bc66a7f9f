// A service not yet on the TV: says so plainly and offers the way back (no dead end).
import Blits from '@lightningjs/blits';
import { reportMessage, reportScreen } from '../testing';
import { lookComputed, speak } from '../components/look';
import Button from '../components/Button';
import KeyHints from '../components/KeyHints';
import { goBack } from './navigation';

export default Blits.Component('ComingSoon', {
  components: { Button, KeyHints },
  props: ['service'],
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-soon'}">
      <Text :content="$serviceName" :font="$f.bold" :size="$ts.title" :color="$c.text" x="96" y="54" maxwidth="1728" :align="$rtl ? 'right' : 'left'" />
      <Element x="96" y="300" w="1728" :h="$ts.heading * 6.5" :color="$c.surface">
        <Element :x="$rtl ? 1728 - 12 : 0" y="0" w="12" :h="$ts.heading * 6.5" :color="$c.fresh" />
        <Text :content="$t.soon.title" :font="$f.bold" :size="$ts.heading" :color="$c.text" x="60" y="50" maxwidth="1608" :align="$rtl ? 'right' : 'left'" />
        <Text :content="$body" :size="$ts.body" :color="$c.text" x="60" :y="70 + $ts.heading * 1.5" maxwidth="1608" :align="$rtl ? 'right' : 'left'" :inspector-data="{testid: 'soon-message'}" />
      </Element>
      <Button ref="back" :x="$rtl ? 1920 - 96 - 480 : 96" :y="340 + $ts.heading * 6.5" w="480" h="100" :label="$t.common.back" testid="soon-back" />
      <KeyHints :hints="$hints" />
    </Element>
  `,
  computed: {
    ...lookComputed,
    serviceName() {
      const names: Record<string, string> = {
        neighbours: this.t.home.neighbours,
        procedures: this.t.home.procedures,
        calls: this.t.home.calls,
      };
      return names[this.service] || this.t.soon.title;
    },
    body() {
      return this.t.soon.body;
    },
    hints() {
      return [{ key: 'back', label: this.t.common.goBack }];
    },
  },
  hooks: {
    ready() {
      reportScreen('soon');
      reportMessage(this.body);
      speak(this.serviceName + '. ' + this.t.soon.title + '. ' + this.body);
    },
    focus() {
      const button = this.$select('back');
      if (button) button.$focus();
    },
  },
  input: {
    enter() {
      goBack(this, '/home');
    },
    back() {
      goBack(this, '/home');
    },
  },
});
