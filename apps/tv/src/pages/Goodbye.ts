// Shown when the tenant leaves in a browser (a tab cannot close itself): a calm goodbye and the way back in.
import Blits from '@lightningjs/blits';
import { reportMessage, reportScreen } from '../testing';
import { lookComputed, speak } from '../components/look';
import Button from '../components/Button';

export default Blits.Component('Goodbye', {
  components: { Button },
  template: `
    <Element w="1920" h="1080" :inspector-data="{testid: 'screen-goodbye'}">
      <Text :content="$t.leave.goodbye" :font="$f.bold" :size="$ts.title * 1.4" :color="$c.text" x="96" y="300" maxwidth="1728" align="center" />
      <Text :content="$t.leave.goodbyeHelp" :size="$ts.heading" :color="$c.textMuted" x="96" :y="330 + $ts.title * 1.8" maxwidth="1728" align="center" />
      <Button ref="again" x="660" y="720" w="600" h="100" :label="$t.leave.comeBack" testid="goodbye-back" />
    </Element>
  `,
  computed: { ...lookComputed },
  hooks: {
    ready() {
      reportScreen('goodbye');
      reportMessage(this.t.leave.goodbye);
      speak(this.t.leave.goodbye + ' ' + this.t.leave.goodbyeHelp);
    },
    focus() {
      const button = this.$select('again');
      if (button) button.$focus();
    },
  },
  input: {
    enter() {
      this.$router.to('/home');
    },
    back() {
      this.$router.to('/home');
    },
  },
});
