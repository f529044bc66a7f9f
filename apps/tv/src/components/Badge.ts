// A small pill with a word (and optionally a dot): "New", "Urgent", "3 unread". Meaning is carried by the word.
import Blits from '@lightningjs/blits';
import { lookComputed } from './look';

export default Blits.Component('Badge', {
  props: ['label', 'background', 'foreground', 'dot', 'testid', 'anchor'],
  template: `
    <Element :x="$anchor === 'right' ? -$width : 0" :w="$width" :h="$height" :color="$background || $c.urgent" :inspector-data="{testid: $testid, label: $label}">
      <Element :x="$rtl ? $width - 16 - $dotSize : 16" :y="($height - $dotSize) / 2" :w="$dotSize" :h="$dotSize" :color="$foreground || $c.urgentText" :alpha="$dot ? 1 : 0" />
      <Text
        :content="$label"
        font="$f.bold"
        :size="$ts.small"
        :color="$foreground || $c.urgentText"
        :x="$dot && !$rtl ? 28 + $dotSize : 20"
        :y="$height / 2"
        mount="{y: 0.5}"
        @loaded="$measured"
      />
    </Element>
  `,
  state() {
    return { textWidth: 60 };
  },
  computed: {
    ...lookComputed,
    height() {
      return Math.round(this.ts.small * 1.5);
    },
    dotSize() {
      return Math.round(this.ts.small * 0.5);
    },
    width() {
      return this.textWidth + 40 + (this.dot ? this.dotSize + 8 : 0);
    },
  },
  methods: {
    measured(dimensions: { w: number }) {
      this.textWidth = dimensions.w;
    },
  },
});
