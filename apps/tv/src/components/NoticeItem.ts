// One notice in the list: unread dot AND the word "New", an "Urgent" label, title, publisher and date.
import Blits from '@lightningjs/blits';
import { announceFocus, lookComputed } from './look';
import Badge from './Badge';

export default Blits.Component('NoticeItem', {
  components: { Badge },
  props: ['title', 'meta', 'unread', 'urgent', 'w', 'h', 'testid'],
  template: `
    <Element :w="$w" :h="$h" :scale="$hasFocus ? 1.01 : 1" :inspector-data="{testid: $testid, label: $title, focused: $hasFocus, unread: $unread, urgent: $urgent}">
      <Element x="-12" y="-12" :w="$w + 24" :h="$h + 24" :color="$c.outline" :alpha="$hasFocus ? 1 : 0" />
      <Element x="-6" y="-6" :w="$w + 12" :h="$h + 12" :color="$c.background" :alpha="$hasFocus ? 1 : 0" />
      <Element :w="$w" :h="$h" :color="$hasFocus ? $c.focus : $c.surface" />
      <Element :x="$rtl ? $w - 12 : 0" y="0" w="12" :h="$h" :color="$urgent ? $c.urgent : ($unread ? $c.fresh : $c.surface)" />
      <Badge :show="!!$unread" :label="$t.common.new" :x="$rtl ? 40 : $w - 40 - $newW" :y="($h - $ts.small * 1.5) / 2" dot="true" :background="$c.fresh" foreground="#0e1a24" testid="badge-new" />
      <Badge :show="!!$urgent" :label="$t.common.urgent" :x="$rtl ? 40 + ($unread ? $newW + 20 : 0) : $w - 40 - $urgentW - ($unread ? $newW + 20 : 0)" :y="($h - $ts.small * 1.5) / 2" testid="badge-urgent" />
      <Text
        :content="$title"
        :font="$f.bold"
        :size="$ts.label"
        :color="$hasFocus ? $c.focusText : $c.text"
        :x="$rtl ? $w - 40 - $textW : 40"
        :y="$h / 2 - $ts.label * 1.05"
        :maxwidth="$textW"
        maxlines="1"
        :align="$rtl ? 'right' : 'left'"
      />
      <Text
        :content="$meta"
        :size="$ts.small"
        :color="$hasFocus ? $c.focusText : $c.textMuted"
        :x="$rtl ? $w - 40 - $textW : 40"
        :y="$h / 2 + $ts.small * 0.2"
        :maxwidth="$textW"
        maxlines="1"
        :align="$rtl ? 'right' : 'left'"
      />
    </Element>
  `,
  computed: {
    ...lookComputed,
    newW() {
      return Math.round(this.t.common.new.length * this.ts.small * 0.62 + 40 + this.ts.small * 0.5 + 8);
    },
    urgentW() {
      return Math.round(this.t.common.urgent.length * this.ts.small * 0.62 + 40);
    },
    textW() {
      const badges = (this.unread ? this.newW + 20 : 0) + (this.urgent ? this.urgentW + 20 : 0);
      return this.w - 80 - badges - 20;
    },
  },
  hooks: {
    focus() {
      const words = [];
      if (this.urgent) words.push(this.t.common.urgent);
      if (this.unread) words.push(this.t.common.new);
      words.push(this.title, this.meta);
      announceFocus(this.title, words.join('. '));
    },
  },
});
