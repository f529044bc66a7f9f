// A calm "something is happening" indicator: three dots that brighten in turn, with a sentence saying what.
import Blits from '@lightningjs/blits';
import { lookComputed } from './look';

export default Blits.Component('Waiting', {
  props: ['label', 'w', 'testid'],
  template: `
    <Element :w="$w" :h="$ts.body * 1.5" :inspector-data="{testid: $testid, message: $label}">
      <Element :x="$rtl ? $w - 24 : 0" :y="$ts.body * 0.55" w="24" h="24" :color="$c.fresh" :alpha="$step === 0 ? 1 : 0.3" />
      <Element :x="$rtl ? $w - 60 : 36" :y="$ts.body * 0.55" w="24" h="24" :color="$c.fresh" :alpha="$step === 1 ? 1 : 0.3" />
      <Element :x="$rtl ? $w - 96 : 72" :y="$ts.body * 0.55" w="24" h="24" :color="$c.fresh" :alpha="$step === 2 ? 1 : 0.3" />
      <Text :content="$label" :size="$ts.body" :color="$c.text" :x="$rtl ? 0 : 128" y="0" :maxwidth="$w - 128" :align="$rtl ? 'right' : 'left'" />
    </Element>
  `,
  state() {
    return { step: 0 };
  },
  computed: { ...lookComputed },
  hooks: {
    ready() {
      this.$setInterval(() => {
        this.step = (this.step + 1) % 3;
      }, 600);
    },
  },
});
