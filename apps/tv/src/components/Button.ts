// A focusable button: focus grows it and draws a white outline around a yellow face; never colour alone.
import Blits from '@lightningjs/blits';
import { announceFocus, lookComputed } from './look';

export default Blits.Component('Button', {
  props: ['label', 'w', 'h', 'testid', 'selected', 'hint'],
  template: `
    <Element :w="$w" :h="$h" :scale="$hasFocus ? 1.06 : 1" :inspector-data="{testid: $testid, label: $label, focused: $hasFocus}">
      <Element x="-12" y="-12" :w="$w + 24" :h="$h + 24" color="$c.outline" :alpha="$hasFocus ? 1 : 0" />
      <Element x="-6" y="-6" :w="$w + 12" :h="$h + 12" color="$c.background" :alpha="$hasFocus ? 1 : 0" />
      <Element :w="$w" :h="$h" :color="$hasFocus ? $c.focus : ($selected ? $c.selected : $c.surfaceRaised)" />
      <Element x="0" :y="$h - 8" :w="$w" h="8" color="$c.text" :alpha="$selected ? 1 : 0" />
      <Text
        :content="($selected ? '✓ ' : '') + $label"
        :font="$hasFocus || $selected ? $f.bold : $f.regular"
        :size="$ts.label"
        :color="$hasFocus ? $c.focusText : $c.text"
        :maxwidth="$w - 32"
        maxlines="1"
        align="center"
        x="16"
        :y="$h / 2"
        mount="{y: 0.5}"
      />
    </Element>
  `,
  computed: { ...lookComputed },
  hooks: {
    focus() {
      // A label may start with a right-to-left embedding (see PagedList): drawn, never read out or reported.
      const label = String(this.label).replace(/[\u202a-\u202e]/g, '');
      announceFocus(label, this.hint ? label + '. ' + this.hint : label);
    },
  },
});
