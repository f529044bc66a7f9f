// The bar of remote-key hints at the bottom of a screen: each colour key is shown with its name, not by colour alone.
import Blits from '@lightningjs/blits';
import { lookComputed } from './look';

export interface KeyHint {
  /** 'red' | 'green' | 'yellow' | 'blue' | 'ok' | 'back' */
  key: string;
  label: string;
}

export default Blits.Component('KeyHints', {
  props: ['hints'],
  template: `
    <Element x="96" :y="1080 - 54 - $ts.small * 1.6" w="1728" :h="$ts.small * 1.6" :inspector-data="{testid: 'key-hints'}">
      <Element :for="(hint, index) in $items" key="$hint.id" :x="$hint.x" y="0">
        <Element :x="$hint.chipX" :y="$hint.chipY" :w="$hint.chipW" :h="$hint.chipH" :color="$hint.colour">
          <Text :content="$hint.keyName" font="$f.bold" :size="$hint.keySize" :color="$hint.keyText" x="12" :y="$hint.chipH / 2" mount="{y: 0.5}" />
        </Element>
        <Text :content="$hint.label" :size="$hint.size" color="$c.textMuted" :x="$hint.labelX" y="0" />
      </Element>
    </Element>
  `,
  state() {
    // A list in state, rebuilt on change: Blits 1.27 never redraws a :for over a computed list.
    return { items: [] as object[] };
  },
  computed: {
    ...lookComputed,
    /** Everything the bar's drawing depends on: when it changes, the bar is laid out again. */
    signature(): string {
      const hints = (this.hints || []) as KeyHint[];
      return [hints.map((hint) => hint.key + ':' + hint.label).join('|'), this.$appState.language, this.ts.small, this.rtl].join('#');
    },
  },
  watch: {
    // Deferred: a watcher's first run tracks everything its callback reads.
    signature(signature: string, was: string) {
      if (signature !== was) this.$setTimeout(() => this.layout(), 0);
    },
  },
  hooks: {
    ready() {
      this.layout();
    },
  },
  methods: {
    layout() {
      this.items = this.buildItems();
    },
    buildItems() {
      const hints = (this.hints || []) as KeyHint[];
      const colourOf: Record<string, [string, string, string]> = {
        red: [this.c.keyRed, '#ffffff', this.t.common.keyRed],
        green: [this.c.keyGreen, '#ffffff', this.t.common.keyGreen],
        yellow: [this.c.keyYellow, '#111111', this.t.common.keyYellow],
        blue: [this.c.keyBlue, '#ffffff', this.t.common.keyBlue],
        ok: [this.c.text, '#111111', this.t.common.ok],
        back: [this.c.text, '#111111', this.t.common.back],
      };
      const size = this.ts.small;
      let cursor = 0;
      return hints.map((hint) => {
        const [colour, keyText, keyName] = colourOf[hint.key] || colourOf.ok;
        const keySize = Math.round(size * 0.85);
        const chipW = Math.round(keyName.length * keySize * 0.62 + 24);
        const labelW = Math.round(hint.label.length * size * 0.5);
        const total = chipW + 16 + labelW;
        const x = this.rtl ? 1728 - cursor - total : cursor;
        cursor += total + 56;
        return {
          // The key includes the language and size: when either changes, the hint is redrawn rather than patched.
          id: [hint.key, hint.label, this.$appState.language, size].join('|'),
          key: hint.key,
          size,
          keySize,
          chipY: Math.round(size * 0.1),
          chipH: Math.round(size * 1.35),
          label: hint.label,
          keyName,
          colour,
          keyText,
          chipW,
          x,
          chipX: this.rtl ? total - chipW : 0,
          labelX: this.rtl ? 0 : chipW + 16,
        };
      });
    },
  },
});
