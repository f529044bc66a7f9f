// An on-screen keyboard for the remote: a text field with its caret and counter, large keys, obvious focus.
//
// How to use it (the component owns the keys while it has the focus; the page listens to what it emits):
//
//   components: { Keyboard },
//   template: `<Keyboard ref="keyboard" x="96" y="200" event="postText" :value="$draftText" limit="500" lines="3"
//                        :placeholder="$words.typeHere" :extra="$words.usePhone" testid="post-keyboard" />`,
//   hooks: { ready() {
//     this.$listen('postText:change', ({ text }) => { this.draftText = text; });   // every key: save the draft
//     this.$listen('postText:done', ({ text }) => this.next(text));                 // the "Terminé" key
//     this.$listen('postText:back', ({ text }) => this.previous());                 // Back (the text is kept)
//     this.$listen('postText:extra', () => this.openPhone());                        // the optional extra key
//     this.$listen('postText:key', ({ key }) => …);                                  // colour keys of the remote
//   } },
//   then `this.$select('keyboard').$focus()`. To reuse it for another field: `this.$select('keyboard').open(text)`
//   (that text, capitals for the first letter, the focus on "a"), then focus it.
//
// Props (all optional but `event`):
//   event        the name of its events: `<event>:change`, `:done`, `:back`, `:extra`, `:key` (a bus shared by the whole
//                app: give each keyboard its own name). Payloads: { text } ({ key } for `:key`: 'red', 'green'…).
//   value        the text to start from; setting it again replaces the text (e.g. text that arrived from the phone).
//   limit        the most characters it accepts (default 500); the counter shows "12 / 500".
//   lines        the field's height in lines (default 1); a longer text shows its end, where the tenant types.
//   placeholder  shown in the field while it is empty (e.g. the question).
//   extra        label of an extra key in the bottom row (e.g. "Téléphone"); none when empty.
//   layout       'latin' or 'arabic' to start with; by default Arabic when the TV's language is ar. A key switches.
//   testid       the DOM mirror's test id of the field (default 'keyboard').
// Its size: 1728 wide (the safe area), `fieldHeight + 24 + 6 rows of keys` high — about 750 px with three lines.
//
// Keys: arrows move (left/right wrap within a row, up/down wrap between top and bottom), OK types the focused key,
// the remote's digit keys type digits, Back emits `:back`. With a computer's keyboard, printable keys type themselves
// and Backspace erases (Escape is Back). The first letter is a capital unless the tenant turns capitals off.
import Blits from '@lightningjs/blits';
import Button from './Button';
import { horizontalStep, lookComputed, speak } from './look';
import { format } from '../i18n';
import { keyboardWords, type KeyboardWords } from '../i18n/keyboard';
import { currentPlatform } from '../platform';
import { reportKeyboard } from '../testing';
import {
  COLUMNS,
  append,
  erase,
  find,
  isRightToLeft,
  layoutKeys,
  length,
  move,
  shown,
  visibleText,
  type KeySpec,
  type LayoutName,
  type Position,
} from './keyboard-layout';

const WIDTH = 1728;
const GAP = 12;
const PADDING = 24;

interface KeyItem {
  key: string;
  id: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  selected: boolean;
}

let draws = 0;

export default Blits.Component('Keyboard', {
  components: { Button },
  props: ['event', 'value', 'limit', 'lines', 'placeholder', 'extra', 'layout', 'testid'],
  template: `
    <Element w="1728" :h="$height" :inspector-data="{testid: $testid || 'keyboard', text: $text, layout: $current, capitals: $capitals}">
      <Element w="1728" :h="$fieldH" :color="$c.surface" />
      <Element x="0" :y="$fieldH - 6" w="1728" h="6" :color="$full ? $c.danger : $c.fresh" />
      <Text
        :content="$shownText"
        :size="$ts.label"
        :color="$text ? $c.text : $c.textMuted"
        :x="$PADDING"
        :y="$PADDING"
        :maxwidth="1728 - 2 * $PADDING"
        :maxlines="$lineCount"
        :lineheight="$ts.lineHeight($ts.label)"
        :align="$textRtl ? 'right' : 'left'"
        :inspector-data="{testid: ($testid || 'keyboard') + '-text', text: $text}"
      />
      <Text
        :content="$counter"
        :size="$ts.small"
        :color="$full ? $c.danger : $c.textMuted"
        :x="$rtl ? 0 : 1728 - 600"
        :y="$fieldH + 2"
        maxwidth="600"
        :align="$rtl ? 'left' : 'right'"
        :inspector-data="{testid: ($testid || 'keyboard') + '-counter'}"
      />
      <Button
        :for="(item, i) in $items"
        key="$item.key"
        ref="key"
        :x="$item.x"
        :y="$item.y"
        :w="$item.w"
        :h="$item.h"
        :label="$item.label"
        :selected="$item.selected"
        :testid="'key-' + $item.id"
      />
    </Element>
  `,
  state() {
    return {
      text: '',
      current: 'latin' as LayoutName,
      capitals: true,
      /** True once the tenant chose capitals themselves: then the first letter no longer decides. */
      capitalsChosen: false,
      row: 0,
      index: 0,
      anchor: 0,
      items: [] as KeyItem[],
      /** Focused at least once since open(): only then does it tell the tests it shows. */
      active: false,
      PADDING,
    };
  },
  computed: {
    ...lookComputed,
    words(): KeyboardWords {
      return keyboardWords(this.$appState.language);
    },
    max(): number {
      const limit = Number(this.limit);
      return limit > 0 ? limit : 500;
    },
    lineCount(): number {
      const lines = Number(this.lines);
      return lines > 0 ? lines : 1;
    },
    fieldH(): number {
      return this.lineCount * this.ts.lineHeight(this.ts.label) + 2 * PADDING;
    },
    keyH(): number {
      return Math.round(80 * (this.ts.k > 1 ? 1.1 : 1));
    },
    height(): number {
      return this.fieldH + this.ts.small * 1.5 + 6 * (this.keyH + GAP);
    },
    textRtl(): boolean {
      return isRightToLeft(this.text, this.current);
    },
    shownText(): string {
      if (!this.text) return (this.placeholder as string) || '';
      // Characters that fit: a generous estimate of the average glyph width, so the end stays visible.
      const perLine = Math.floor((WIDTH - 2 * PADDING) / (this.ts.label * 0.58));
      return visibleText(this.text, this.textRtl, Math.max(8, perLine * this.lineCount - 4));
    },
    full(): boolean {
      return length(this.text) >= this.max;
    },
    counter(): string {
      return this.full
        ? format(this.words.full, { limit: this.max })
        : format(this.words.count, { count: length(this.text), limit: this.max });
    },
  },
  watch: {
    value(value: string) {
      if (typeof value === 'string' && value !== this.text) this.setText(value, false);
    },
  },
  hooks: {
    ready() {
      this.open(typeof this.value === 'string' ? (this.value as string) : '');
    },
    focus() {
      this.active = true;
      this.report();
      this.$setTimeout(() => this.focusKey(), 0);
    },
    destroy() {
      reportKeyboard(null);
    },
  },
  methods: {
    /** Starts over for a new field: this text, the layout of the TV's language, the focus on the first letter. */
    open(text: string, layout?: LayoutName) {
      const chosen = layout || this.layout;
      this.current = chosen === 'arabic' || chosen === 'latin' ? chosen : this.$appState.language === 'ar' ? 'arabic' : 'latin';
      this.text = Array.from(text || '')
        .slice(0, this.max)
        .join('');
      this.capitals = this.text.length === 0;
      this.capitalsChosen = false;
      this.active = false;
      reportKeyboard(null);
      // The focus starts on the first letter (the row under the digits).
      const start = find(this.rows(), (key) => key.kind === 'char' && key.row === 1);
      if (start) {
        this.row = start.row;
        this.index = start.index;
        this.anchor = start.anchor;
      }
      this.draw();
    },
    rows(): KeySpec[][] {
      return layoutKeys(this.current, !!this.extra);
    },
    labelOf(key: KeySpec): string {
      const words = this.words;
      switch (key.kind) {
        case 'char':
          return this.current === 'latin' ? shown(key.char, this.capitals) : key.char;
        case 'space':
          return words.space;
        case 'erase':
          return words.erase;
        case 'capitals':
          return words.capitals;
        case 'layout':
          return this.current === 'latin' ? words.toArabic : words.toLatin;
        case 'extra':
          return this.extra as string;
        default:
          return words.done;
      }
    },
    /** Lays the keys out under the field, mirrored in right-to-left; redrawn when the labels change. */
    draw() {
      draws += 1;
      const rows: KeySpec[][] = this.rows();
      const unit = (WIDTH - (COLUMNS - 1) * GAP) / COLUMNS;
      const top = this.fieldH + this.ts.small * 1.5;
      const items: KeyItem[] = [];
      rows.forEach((keys, row) =>
        keys.forEach((key, i) => {
          const w = Math.round(unit * key.span + GAP * (key.span - 1));
          const x = Math.round(key.col * (unit + GAP));
          const label = this.labelOf(key);
          items.push({
            key: [draws, row, i, label].join('|'),
            id: key.kind === 'char' ? 'char-' + key.char.charCodeAt(0).toString(16) : key.kind,
            label,
            x: this.rtl ? WIDTH - x - w : x,
            y: Math.round(top + row * (this.keyH + GAP)),
            w,
            h: this.keyH,
            selected: key.kind === 'capitals' && this.capitals,
          });
        }),
      );
      this.items = items;
      this.report();
      if (this.hasFocusInside()) this.$setTimeout(() => this.focusKey(), 0);
    },
    hasFocusInside(): boolean {
      return !!this.$select('key' + this.flatIndex());
    },
    flatIndex(): number {
      const rows = this.rows();
      let flat = 0;
      for (let r = 0; r < this.row; r += 1) flat += (rows[r] as KeySpec[]).length;
      return flat + this.index;
    },
    focusKey() {
      const button = this.$select('key' + this.flatIndex());
      if (button) button.$focus();
    },
    moveTo(position: Position) {
      this.row = position.row;
      this.index = position.index;
      this.anchor = position.anchor;
      this.focusKey();
      this.report();
    },
    go(direction: 'previous' | 'next' | 'up' | 'down') {
      this.moveTo(move(this.rows(), { row: this.row, index: this.index, anchor: this.anchor }, direction));
    },
    setText(text: string, byTenant: boolean) {
      const before = this.text;
      this.text = text;
      // A capital for the first letter, then small letters, unless the tenant chose for themselves.
      if (!this.capitalsChosen && this.current === 'latin') {
        const capitals = text.length === 0;
        if (capitals !== this.capitals) {
          this.capitals = capitals;
          this.draw();
        }
      }
      this.report();
      if (byTenant && before !== text) this.$emit(this.event + ':change', { text });
    },
    type(typed: string) {
      if (this.full) {
        speak(format(this.words.full, { limit: this.max }));
        return;
      }
      this.setText(append(this.text, typed, this.max), true);
    },
    press() {
      const key = (this.rows()[this.row] as KeySpec[])[this.index] as KeySpec;
      if (key.kind === 'char') this.type(this.current === 'latin' ? shown(key.char, this.capitals) : key.char);
      else if (key.kind === 'space') this.type(' ');
      else if (key.kind === 'erase') this.setText(erase(this.text), true);
      else if (key.kind === 'capitals') {
        this.capitals = !this.capitals;
        this.capitalsChosen = true;
        this.draw();
      } else if (key.kind === 'layout') {
        this.current = this.current === 'latin' ? 'arabic' : 'latin';
        if (!this.capitalsChosen) this.capitals = this.text.length === 0;
        // Arabic has no capitals key: the focus follows the layout key to its place in the other bottom row.
        const layoutKey = find(this.rows(), (one) => one.kind === 'layout');
        if (layoutKey) {
          this.row = layoutKey.row;
          this.index = layoutKey.index;
        }
        this.draw();
      } else if (key.kind === 'extra') this.$emit(this.event + ':extra', { text: this.text });
      else if (key.kind === 'done') this.$emit(this.event + ':done', { text: this.text });
      if (key.kind !== 'done' && key.kind !== 'extra') speak(this.text ? format(this.words.typed, { text: this.text }) : this.words.empty);
    },
    /** A key from a computer's keyboard or the remote: printable characters type themselves. */
    typeFromEvent(event: KeyboardEvent | undefined, fallback: string): boolean {
      const typed = event && typeof event.key === 'string' && Array.from(event.key).length === 1 ? event.key : fallback;
      if (!typed) return false;
      this.type(typed);
      return true;
    },
    report() {
      if (!this.active) return;
      const rows: KeySpec[][] = this.rows();
      reportKeyboard({
        text: this.text,
        layout: this.current,
        capitals: this.capitals,
        rows: rows.map((keys) => keys.map((key) => (key.kind === 'char' ? this.labelOf(key) : '[' + key.kind + ']'))),
        row: this.row,
        index: this.index,
      });
    },
    colourKey(name: string, event?: KeyboardEvent) {
      // In a browser, R/G/Y/B stand in for the colour keys: while typing they are letters.
      if (currentPlatform().name === 'browser' && this.typeFromEvent(event, '')) return;
      this.$emit(this.event + ':key', { key: name, text: this.text });
    },
  },
  input: {
    left() {
      this.go(horizontalStep('left', this.rtl) > 0 ? 'next' : 'previous');
    },
    right() {
      this.go(horizontalStep('right', this.rtl) > 0 ? 'next' : 'previous');
    },
    up() {
      this.go('up');
    },
    down() {
      this.go('down');
    },
    enter() {
      this.press();
    },
    space(event: KeyboardEvent) {
      this.typeFromEvent(event, ' ');
    },
    back(event: KeyboardEvent) {
      // A computer's Backspace erases; on a TV the Back key (sometimes coded as Backspace on HbbTV) leaves.
      if (currentPlatform().name === 'browser' && event && event.key === 'Backspace') {
        this.setText(erase(this.text), true);
        return;
      }
      this.$emit(this.event + ':back', { text: this.text });
    },
    escape() {
      this.$emit(this.event + ':back', { text: this.text });
    },
    digit0(event: KeyboardEvent) {
      this.typeFromEvent(event, '0');
    },
    digit1(event: KeyboardEvent) {
      this.typeFromEvent(event, '1');
    },
    digit2(event: KeyboardEvent) {
      this.typeFromEvent(event, '2');
    },
    digit3(event: KeyboardEvent) {
      this.typeFromEvent(event, '3');
    },
    digit4(event: KeyboardEvent) {
      this.typeFromEvent(event, '4');
    },
    digit5(event: KeyboardEvent) {
      this.typeFromEvent(event, '5');
    },
    digit6(event: KeyboardEvent) {
      this.typeFromEvent(event, '6');
    },
    digit7(event: KeyboardEvent) {
      this.typeFromEvent(event, '7');
    },
    digit8(event: KeyboardEvent) {
      this.typeFromEvent(event, '8');
    },
    digit9(event: KeyboardEvent) {
      this.typeFromEvent(event, '9');
    },
    red(event: KeyboardEvent) {
      this.colourKey('red', event);
    },
    green(event: KeyboardEvent) {
      this.colourKey('green', event);
    },
    yellow(event: KeyboardEvent) {
      this.colourKey('yellow', event);
    },
    blue(event: KeyboardEvent) {
      this.colourKey('blue', event);
    },
    any(event: KeyboardEvent) {
      this.typeFromEvent(event, '');
    },
  },
});
