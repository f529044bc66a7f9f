// A date picker for the remote: day, month and year side by side; up/down change the focused one, left/right move
// between them (mirrored in right-to-left), OK confirms. No typing, no calendar grid to find one's way in.
//
//   <DatePicker ref="date" x="96" y="400" event="noticedOn" :value="'2026-11-26'" testid="question-date" />
//   this.$listen('noticedOn:done', ({ value }) => …);   // 'YYYY-MM-DD'
//   this.$listen('noticedOn:back', () => …);
//   this.$select('date').open('2026-11-26') (or '' for today), then $focus() it.
import Blits from '@lightningjs/blits';
import { announceFocus, horizontalStep, lookComputed } from './look';
import { eserviceWords, type EServiceWords } from '../i18n/eservices';

const BOX_W = 360;
const GAP = 48;

function pad(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function daysIn(year: number, month: number): number {
  return new Date(year, month, 0).getDate();
}

export default Blits.Component('DatePicker', {
  props: ['event', 'value', 'testid'],
  template: `
    <Element :w="3 * 360 + 2 * 48" h="300" :inspector-data="{testid: $testid || 'date-picker', value: $iso}">
      <Element :for="(box, i) in $boxes" key="$box.key" :x="$box.x" y="0" w="360" h="260">
        <Text :content="$box.label" :size="$ts.small" :color="$c.textMuted" w="360" maxwidth="360" align="center" y="0" />
        <Element y="56" w="360" h="170" :scale="$box.focused ? 1.08 : 1">
          <Element x="-12" y="-12" w="384" h="194" :color="$c.outline" :alpha="$box.focused ? 1 : 0" />
          <Element x="-6" y="-6" w="372" h="182" :color="$c.background" :alpha="$box.focused ? 1 : 0" />
          <Element w="360" h="170" :color="$box.focused ? $c.focus : $c.surfaceRaised" />
          <Text content="+" :size="$ts.small" :color="$box.focused ? $c.focusText : $c.textMuted" w="360" maxwidth="360" align="center" y="6" />
          <Text :content="$box.text" :font="$f.bold" :size="$ts.heading" :color="$box.focused ? $c.focusText : $c.text" w="360" maxwidth="340" align="center" y="85" mount="{y: 0.5}" />
          <Text content="−" :size="$ts.small" :color="$box.focused ? $c.focusText : $c.textMuted" w="360" maxwidth="360" align="center" y="124" />
        </Element>
      </Element>
    </Element>
  `,
  state() {
    return { day: 1, month: 1, year: 2026, column: 0, boxes: [] as Array<Record<string, unknown>>, draws: 0 };
  },
  computed: {
    ...lookComputed,
    words(): EServiceWords {
      return eserviceWords(this.$appState.language);
    },
    iso(): string {
      return this.year + '-' + pad(this.month) + '-' + pad(this.day);
    },
  },
  hooks: {
    ready() {
      this.open(typeof this.value === 'string' ? this.value : '');
    },
    focus() {
      this.draw();
    },
  },
  methods: {
    /** Starts from this date (YYYY-MM-DD), or today; the focus on the day. */
    open(value: string) {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || '');
      const today = new Date();
      this.year = match ? Number(match[1]) : today.getFullYear();
      this.month = match ? Number(match[2]) : today.getMonth() + 1;
      this.day = match ? Number(match[3]) : today.getDate();
      this.column = 0;
      this.draw();
    },
    monthName(month: number): string {
      return this.words.months.split(',')[month - 1] || String(month);
    },
    draw() {
      this.draws += 1;
      const values = [pad(this.day), this.monthName(this.month), String(this.year)];
      const labels = [this.words.day, this.words.month, this.words.year];
      this.boxes = values.map((text, i) => {
        const x = i * (BOX_W + GAP);
        return {
          key: [this.draws, i, text, i === this.column].join('|'),
          text,
          label: labels[i],
          focused: i === this.column,
          x: this.rtl ? 3 * BOX_W + 2 * GAP - x - BOX_W : x,
        };
      });
      announceFocus(labels[this.column] + ' ' + values[this.column]);
    },
    change(step: number) {
      if (this.column === 0) {
        const days = daysIn(this.year, this.month);
        this.day = ((this.day - 1 + step + days) % days) + 1;
      } else if (this.column === 1) {
        this.month = ((this.month - 1 + step + 12) % 12) + 1;
      } else {
        const now = new Date().getFullYear();
        this.year = Math.max(now - 120, Math.min(now + 5, this.year + step));
      }
      // 31 March → February: the last day of the month rather than an impossible date.
      this.day = Math.min(this.day, daysIn(this.year, this.month));
      this.draw();
    },
  },
  input: {
    up() {
      this.change(1);
    },
    down() {
      this.change(-1);
    },
    left() {
      this.column = Math.max(0, Math.min(2, this.column + horizontalStep('left', this.rtl)));
      this.draw();
    },
    right() {
      this.column = Math.max(0, Math.min(2, this.column + horizontalStep('right', this.rtl)));
      this.draw();
    },
    enter() {
      this.$emit(this.event + ':done', { value: this.iso });
    },
    back() {
      this.$emit(this.event + ':back', {});
    },
  },
});
