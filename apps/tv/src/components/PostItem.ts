// One post in the neighbours' feed: its kind in a column of its own, the title, and who / when / replies / photos (and
// for an event its date and places left) underneath, and the first photo's thumbnail at the end of the row when it has
// any. Focus: a white outline, a yellow face and a slight growth.
import Blits from '@lightningjs/blits';
import { announceFocus, lookComputed } from './look';

export default Blits.Component('PostItem', {
  /** thumb: the first photo's thumbnail URL ('' for none), pw/ph its size (to crop it without stretching). */
  props: ['kind', 'title', 'meta', 'fresh', 'thumb', 'pw', 'ph', 'w', 'h', 'testid'],
  template: `
    <Element :w="$w" :h="$h" :scale="$hasFocus ? 1.01 : 1" :inspector-data="{testid: $testid, label: $title, kind: $kind, meta: $meta, focused: $hasFocus}">
      <Element x="-12" y="-12" :w="$w + 24" :h="$h + 24" :color="$c.outline" :alpha="$hasFocus ? 1 : 0" />
      <Element x="-6" y="-6" :w="$w + 12" :h="$h + 12" :color="$c.background" :alpha="$hasFocus ? 1 : 0" />
      <Element :w="$w" :h="$h" :color="$hasFocus ? $c.focus : $c.surface" />
      <Element :x="$rtl ? $w - $kindW : 0" y="0" :w="$kindW" :h="$h" :color="$hasFocus ? $c.focus : $c.surfaceRaised" />
      <Element :x="$rtl ? $w - 12 : 0" y="0" w="12" :h="$h" :color="$fresh ? $c.fresh : $c.surfaceRaised" />
      <Text :content="$kind" :font="$f.bold" :size="$ts.small" :color="$hasFocus ? $c.focusText : $c.text" :x="$rtl ? $w - $kindW + 16 : 32" :y="$h / 2" mount="{y: 0.5}" :maxwidth="$kindW - 48" maxlines="2" :align="$rtl ? 'right' : 'left'" />
      <Text :content="$title" :font="$f.bold" :size="$ts.label" :color="$hasFocus ? $c.focusText : $c.text" :x="$rtl ? 32 + $thumbSpace : $kindW + 32" y="20" :maxwidth="$textW" maxlines="1" :align="$rtl ? 'right' : 'left'" />
      <Text :content="$meta" :size="$ts.small" :color="$hasFocus ? $c.focusText : $c.textMuted" :x="$rtl ? 32 + $thumbSpace : $kindW + 32" :y="20 + $ts.label * 1.35" :maxwidth="$textW" maxlines="2" :lineheight="$ts.small * 1.3" :align="$rtl ? 'right' : 'left'" />
      <Element :show="!!$thumb" :x="$rtl ? 12 : $w - 12 - $thumbW" y="12" :w="$thumbW" :h="$thumbH" :color="$c.surfaceRaised" clipping="true" :inspector-data="{testid: $testid + '-photo', src: $thumb}">
        <Element :show="!!$thumb" :x="($thumbW - $imageW) / 2" :y="($thumbH - $imageH) / 2" :w="$imageW" :h="$imageH" :src="$thumb" />
      </Element>
    </Element>
  `,
  computed: {
    ...lookComputed,
    kindW() {
      return Math.round(300 * this.ts.k);
    },
    thumbH() {
      return this.h - 24;
    },
    thumbW() {
      return Math.round((this.thumbH * 4) / 3);
    },
    /** Room the thumbnail takes from the text, when there is one. */
    thumbSpace() {
      const w = this.thumbW;
      return this.thumb ? w + 12 : 0;
    },
    /** The photo covers its box: the shorter side fits, the longer is cropped. */
    imageScale() {
      const w = Number(this.pw) || this.thumbW;
      const h = Number(this.ph) || this.thumbH;
      return Math.max(this.thumbW / w, this.thumbH / h);
    },
    imageW() {
      return Math.round((Number(this.pw) || this.thumbW) * this.imageScale);
    },
    imageH() {
      return Math.round((Number(this.ph) || this.thumbH) * this.imageScale);
    },
    textW() {
      return this.w - this.kindW - 64 - this.thumbSpace;
    },
  },
  hooks: {
    focus() {
      announceFocus(this.title, [this.kind, this.title, this.meta].join('. '));
    },
  },
});
