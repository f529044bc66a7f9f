// A home-screen tile: a service name, one line of help, an optional badge; focus grows it and outlines it.
import Blits from '@lightningjs/blits';
import { announceFocus, lookComputed } from './look';
import Badge from './Badge';

export default Blits.Component('Tile', {
  components: { Badge },
  props: ['label', 'help', 'badge', 'w', 'h', 'testid', 'glyph', 'shortcut'],
  template: `
    <Element :w="$w" :h="$h" :scale="$hasFocus ? 1.08 : 1" :inspector-data="{testid: $testid, label: $label, focused: $hasFocus}">
      <Element x="-14" y="-14" :w="$w + 28" :h="$h + 28" color="$c.outline" :alpha="$hasFocus ? 1 : 0" />
      <Element x="-7" y="-7" :w="$w + 14" :h="$h + 14" color="$c.background" :alpha="$hasFocus ? 1 : 0" />
      <Element :w="$w" :h="$h" :color="$hasFocus ? $c.focus : $c.surface" />
      <Text :content="$glyph" font="$f.bold" :size="$ts.title * 1.2" :color="$hasFocus ? $c.focusText : $c.fresh" :x="$rtl ? $w - 28 - $ts.label : 28" y="22" />
      <Text
        :content="$label"
        font="$f.bold"
        :size="$ts.label"
        :color="$hasFocus ? $c.focusText : $c.text"
        x="28"
        :y="$labelY"
        :maxwidth="$w - 56"
        maxlines="1"
        :align="$rtl ? 'right' : 'left'"
      />
      <Text
        :content="$help"
        :size="$ts.small"
        :color="$hasFocus ? $c.focusText : $c.textMuted"
        x="28"
        :y="$h - 28 - $ts.small * 2.7"
        :maxwidth="$w - 56"
        maxlines="2"
        :lineheight="$ts.small * 1.3"
        :align="$rtl ? 'right' : 'left'"
      />
      <Badge :show="!!$badge" :label="$badge" :x="$rtl ? $w - 28 : 28" :y="$labelY - $ts.small * 1.5 - 14" :anchor="$rtl ? 'right' : 'left'" :testid="$testid + '-badge'" dot="true" />
    </Element>
  `,
  computed: {
    ...lookComputed,
    labelY() {
      return this.h - 40 - this.ts.label * 1.3 - this.ts.small * 2.7;
    },
  },
  hooks: {
    focus() {
      const parts = [this.label];
      if (this.badge) parts.push(this.badge);
      if (this.help) parts.push(this.help);
      announceFocus(this.label, parts.join('. '));
    },
  },
});
