// One post in the neighbours' feed: its kind in a column of its own, the title, and who / when / replies (and for an
// event its date and places left) underneath. Focus: a white outline, a yellow face and a slight growth.
import Blits from '@lightningjs/blits';
import { announceFocus, lookComputed } from './look';

export default Blits.Component('PostItem', {
  props: ['kind', 'title', 'meta', 'fresh', 'w', 'h', 'testid'],
  template: `
    <Element :w="$w" :h="$h" :scale="$hasFocus ? 1.01 : 1" :inspector-data="{testid: $testid, label: $title, kind: $kind, meta: $meta, focused: $hasFocus}">
      <Element x="-12" y="-12" :w="$w + 24" :h="$h + 24" :color="$c.outline" :alpha="$hasFocus ? 1 : 0" />
      <Element x="-6" y="-6" :w="$w + 12" :h="$h + 12" :color="$c.background" :alpha="$hasFocus ? 1 : 0" />
      <Element :w="$w" :h="$h" :color="$hasFocus ? $c.focus : $c.surface" />
      <Element :x="$rtl ? $w - $kindW : 0" y="0" :w="$kindW" :h="$h" :color="$hasFocus ? $c.focus : $c.surfaceRaised" />
      <Element :x="$rtl ? $w - 12 : 0" y="0" w="12" :h="$h" :color="$fresh ? $c.fresh : $c.surfaceRaised" />
      <Text :content="$kind" :font="$f.bold" :size="$ts.small" :color="$hasFocus ? $c.focusText : $c.text" :x="$rtl ? $w - $kindW + 16 : 32" :y="$h / 2" mount="{y: 0.5}" :maxwidth="$kindW - 48" maxlines="2" :align="$rtl ? 'right' : 'left'" />
      <Text :content="$title" :font="$f.bold" :size="$ts.label" :color="$hasFocus ? $c.focusText : $c.text" :x="$rtl ? 32 : $kindW + 32" y="20" :maxwidth="$textW" maxlines="1" :align="$rtl ? 'right' : 'left'" />
      <Text :content="$meta" :size="$ts.small" :color="$hasFocus ? $c.focusText : $c.textMuted" :x="$rtl ? 32 : $kindW + 32" :y="20 + $ts.label * 1.35" :maxwidth="$textW" maxlines="2" :lineheight="$ts.small * 1.3" :align="$rtl ? 'right' : 'left'" />
    </Element>
  `,
  computed: {
    ...lookComputed,
    kindW() {
      return Math.round(300 * this.ts.k);
    },
    textW() {
      return this.w - this.kindW - 64;
    },
  },
  hooks: {
    focus() {
      announceFocus(this.title, [this.kind, this.title, this.meta].join('. '));
    },
  },
});
