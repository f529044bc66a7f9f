// A photo's thumbnail that takes the focus: the picture fills its box (cropped, centred), a "loading" word sits under
// it until it arrives; focus grows it and draws a white outline with a yellow ring, never colour alone.
import Blits from '@lightningjs/blits';
import { announceFocus, lookComputed } from './look';

export default Blits.Component('PhotoThumb', {
  /** src: the image URL; pw/ph: the photo's width and height, to crop it to the box without stretching; label: spoken. */
  props: ['src', 'pw', 'ph', 'w', 'h', 'label', 'hint', 'testid'],
  template: `
    <Element :w="$w" :h="$h" :scale="$hasFocus ? 1.06 : 1" :inspector-data="{testid: $testid, label: $label, src: $src, focused: $hasFocus}">
      <Element x="-12" y="-12" :w="$w + 24" :h="$h + 24" :color="$c.outline" :alpha="$hasFocus ? 1 : 0" />
      <Element x="-6" y="-6" :w="$w + 12" :h="$h + 12" :color="$c.focus" :alpha="$hasFocus ? 1 : 0" />
      <Element :w="$w" :h="$h" :color="$c.surfaceRaised" clipping="true">
        <Text content="…" :size="$ts.body" :color="$c.textMuted" :x="$w / 2" :y="$h / 2" mount="{x: 0.5, y: 0.5}" />
        <Element :show="!!$src" :x="($w - $imageW) / 2" :y="($h - $imageH) / 2" :w="$imageW" :h="$imageH" :src="$src" />
      </Element>
    </Element>
  `,
  computed: {
    ...lookComputed,
    /** Covers the box: the shorter side fits, the longer is cropped by the clipping parent. */
    scaleToCover() {
      const w = Number(this.pw) || Number(this.w);
      const h = Number(this.ph) || Number(this.h);
      return Math.max(Number(this.w) / w, Number(this.h) / h);
    },
    imageW() {
      return Math.round((Number(this.pw) || Number(this.w)) * this.scaleToCover);
    },
    imageH() {
      return Math.round((Number(this.ph) || Number(this.h)) * this.scaleToCover);
    },
  },
  hooks: {
    focus() {
      announceFocus(this.label, this.hint ? this.label + '. ' + this.hint : this.label);
    },
  },
});
